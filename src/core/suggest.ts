/**
 * "Did you mean ...?": the one place that decides which spellings are close enough to suggest,
 * for unknown ids, statuses, configuration keys and rule ids alike.
 */

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}

/**
 * Up to `n` candidates close to `input`, ignoring case, closest first: within two edits, or a
 * third of the input's length when that is more. Among equally close spellings the nearest number
 * comes first (RFC-0008 suggests RFC-0007), then the alphabet decides.
 */
export function closeMatches(input: string, candidates: readonly string[], n = 3): string[] {
  const norm = input.toUpperCase();
  const num = (s: string) => Number(/(\d+)\D*$/.exec(s)?.[1] ?? NaN);
  const target = num(norm);
  return candidates
    .map((c) => ({ c, d: editDistance(norm, c.toUpperCase()), gap: Math.abs(num(c) - target) || 0 }))
    .filter((x) => x.d <= Math.max(2, Math.ceil(norm.length / 3)))
    .sort((x, y) => x.d - y.d || x.gap - y.gap || (x.c < y.c ? -1 : 1))
    .slice(0, n)
    .map((x) => x.c);
}

/** The one candidate closest to `input`, if any is close enough. */
export function closest(input: string, candidates: readonly string[]): string | undefined {
  return closeMatches(input, candidates, 1)[0];
}
