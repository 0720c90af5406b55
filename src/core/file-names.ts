/**
 * How a kind names its files (`file_name` in the configuration): archdoc's `{id}-{slug}.md`
 * (`RFC-0012-adopt-postgresql.md`), a bare number as adr-tools and MADR write it
 * (`{nnnn}-{slug}.md` gives `0012-adopt-postgresql.md`, `{nn}-{slug}.md` gives `12-…`), or the
 * day as log4brains writes it (`{date}-{slug}.md` gives `20261130-adopt-postgresql.md`, no number;
 * `{yyyy-mm-dd}-{slug}.md` gives `2026-11-30-adopt-postgresql.md`).
 */
import { numberInFilename } from './ids.js';
import type { KindDef } from './kinds.js';

export type Naming = { by: 'id' } | { by: 'number'; digits: number } | { by: 'date'; dashes: boolean };

export const FILE_NAME_DEFAULT = '{id}-{slug}.md';
/** The shapes `file_name` accepts; the configuration schema holds values to it. */
export const FILE_NAME_PATTERN = '^\\{(id|n{1,9}|date|yyyy-mm-dd)\\}-\\{slug\\}\\.md$';

const namings = new WeakMap<KindDef, Naming>();

export function naming(kind: KindDef): Naming {
  let found = namings.get(kind);
  if (!found) {
    const token = new RegExp(FILE_NAME_PATTERN).exec(kind.fileName ?? FILE_NAME_DEFAULT)?.[1] ?? 'id';
    found =
      token === 'id'
        ? { by: 'id' }
        : token === 'date' || token === 'yyyy-mm-dd'
          ? { by: 'date', dashes: token !== 'date' }
          : { by: 'number', digits: token.length };
    namings.set(kind, found);
  }
  return found;
}

/** The file name a new document takes: `id` for archdoc's naming, `num` for a bare number, `today` (YYYY-MM-DD) for a date. */
export function newFileName(kind: KindDef, parts: { id?: string; num?: number; slug: string; today: string }): string {
  const n = naming(kind);
  if (n.by === 'date') return `${n.dashes ? parts.today : parts.today.replace(/-/g, '')}-${parts.slug}.md`;
  if (n.by === 'number') return `${String(parts.num ?? 0).padStart(n.digits, '0')}-${parts.slug}.md`;
  return `${parts.id}-${parts.slug}.md`;
}

/** True when the kind's file names carry no number: its documents have no ids and are named by path. */
export function numberless(kind: KindDef): boolean {
  return naming(kind).by === 'date';
}

/** The number a file name carries under the kind's naming: `RFC-0012-x.md` or `0012-x.md`; none for dated names. */
export function numberOfName(kind: KindDef, filename: string): number | undefined {
  const by = naming(kind).by;
  if (by === 'date') return undefined;
  if (by === 'id') return numberInFilename(filename, kind.prefix);
  return /\.md$/i.test(filename) ? bareNumber(filename) : undefined;
}

/** The number in `RFC-0012-slug.md`, or in `0012-slug.md` as adr-tools and MADR name files, whatever the kind's naming. */
export function fileNumber(filename: string, prefix: string): number | undefined {
  return numberInFilename(filename, prefix) ?? bareNumber(filename);
}

/** A leading number (`0012-slug.md`); a date in front (`2024-05-01-retro.md`, `20240110-x.md`) is no number. */
function bareNumber(filename: string): number | undefined {
  if (fileDate(filename)) return undefined;
  const m = /^(\d{1,9})[-_]/.exec(filename);
  return m ? Number(m[1]) : undefined;
}

/** A date that starts a file name (`20240110-use-kafka.md`, log4brains), as `YYYY-MM-DD`. */
export function fileDate(filename: string): string | undefined {
  const m = /^((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])[-_]/.exec(filename);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/**
 * The folder of `rel` (a path with `/`) that git keeps for itself and never tracks, or undefined:
 * `.git` in any letter case, as git refuses it everywhere (core.protectNTFS and protectHFS), with
 * the trailing dots and spaces Windows drops (`.git.`) and its short name `git~1`.
 */
export function gitSegment(rel: string): string | undefined {
  return rel
    .split(/[\\/]/)
    .slice(0, -1)
    .find((s) => {
      const name = s.toLowerCase();
      return name.replace(/[. ]+$/, '') === '.git' || name === 'git~1';
    });
}
