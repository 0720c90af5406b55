/** Document ids: a prefix and a zero-padded number (`RFC-0042`). Pure functions, no I/O. */

export function formatId(prefix: string, num: number, padding: number): string {
  return `${prefix}-${String(num).padStart(padding, '0')}`;
}

export interface ParsedId {
  /** Upper-cased prefix when one was given (`rfc-7` -> `RFC`), else undefined. */
  prefix?: string;
  num: number;
}

const ID_INPUT = /^(?:([A-Za-z]+)[-_ ]?)?0*(\d{1,9})$/;

/**
 * Reads what a person typed for an id: `RFC-0007`, `rfc-7`, `0007`, `7`, `RFC0007`.
 * Returns undefined when it is not an id at all.
 */
export function parseIdInput(input: string): ParsedId | undefined {
  const m = ID_INPUT.exec(input.trim());
  if (!m) return undefined;
  const num = Number(m[2]);
  if (!Number.isSafeInteger(num)) return undefined;
  return m[1] ? { prefix: m[1].toUpperCase(), num } : { num };
}

/**
 * Finds the id a free-form reference names, as people write them in `related_*` or `decision_ref`:
 * `RFC-0029`, `RFC-0029 (Some title)`, `RFC-0013-some-slug.md`, `../rfcs/draft/RFC-0013-x.md`.
 * `prefixes` are the known id prefixes; the first id-shaped token with a known prefix wins.
 */
export function idInReference(ref: string, prefixes: readonly string[]): { prefix: string; num: number } | undefined {
  const base = ref.replace(/\\/g, '/').split('/').pop() ?? ref;
  for (const text of [base, ref]) {
    const re = /(?:^|[^A-Za-z0-9])([A-Za-z]+)[-_]?(\d{1,9})(?![0-9])/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const prefix = m[1]!.toUpperCase();
      if (prefixes.includes(prefix)) return { prefix, num: Number(m[2]) };
    }
  }
  return undefined;
}

/** Number in a filename like `RFC-0012-some-title.md` for the given prefix, or undefined. */
export function numberInFilename(filename: string, prefix: string): number | undefined {
  const lower = filename.toLowerCase();
  const p = `${prefix.toLowerCase()}-`;
  if (!lower.startsWith(p)) return undefined;
  const m = /^(\d{1,9})(?=[-_.]|$)/.exec(filename.slice(p.length));
  return m ? Number(m[1]) : undefined;
}
