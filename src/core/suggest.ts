/**
 * "Did you mean ...?": the one place that decides which spellings are close enough to suggest,
 * for unknown ids, statuses, configuration keys and rule ids alike.
 */

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  return distances(a, b, Number.POSITIVE_INFINITY)[b.length]!;
}

/**
 * Whether at most `limit` edits turn `a` into some beginning of `b` (`b` cut short anywhere). Only
 * the cells within `limit` of the diagonal can hold a distance of `limit` or less (Ukkonen's band):
 * the rest stand for "more" (`limit + 1`), so a row computes `2 * limit + 1` cells, not `b.length`
 * (the two rows are still allocated whole, once a call).
 */
export function beginsWithin(a: string, b: string, limit: number): boolean {
  if (limit < 0) return false;
  const more = limit + 1;
  let prev = new Int32Array(b.length + 2).fill(more);
  let row = new Int32Array(b.length + 2).fill(more);
  for (let j = 0; j <= Math.min(b.length, limit); j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(b.length, i + limit);
    row[0] = i <= limit ? i : more;
    // This array last held row i - 2, whose band reached one cell further left. Cells right of the
    // band were never written: the band moves one cell a row.
    if (from > 1 && from <= b.length + 1) row[from - 1] = more;
    let least = row[0]!;
    for (let j = from; j <= to; j++) {
      const d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1), more);
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > limit) return false;
    const done = prev;
    prev = row;
    row = done;
  }
  for (let j = Math.max(0, a.length - limit); j <= Math.min(b.length, a.length + limit); j++) if (prev[j]! <= limit) return true;
  return false;
}

/**
 * For each j, the edit distance from `a` to the first j characters of `b`. Stops once every
 * distance exceeds `limit` (they never shrink as more of `a` is taken): most strings differ early.
 */
function distances(a: string, b: string, limit: number): number[] {
  const prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev.push(j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (prev[j]! < least) least = prev[j]!;
      diag = tmp;
    }
    if (least > limit) break;
  }
  return prev;
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
