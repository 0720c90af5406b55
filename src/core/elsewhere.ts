/**
 * Documents known elsewhere than the work tree: on the repository's other branches (local and
 * remote-tracking) and in number reservations. Read by src/adapters/branches.ts; judged here.
 * Pure.
 */
import type { DocRecord } from './document.js';

export interface ElsewhereDoc {
  /** Config key of the kind: `rfc`. */
  kindName: string;
  num: number;
  /** Canonical id: `RFC-0002`. */
  id: string;
  /** Path on (one of) the refs; the file name alone for a reservation. */
  path: string;
  basename: string;
  /** Where it is: short branch names (`feature/x`, `origin/feature/x`), or `reserved`. */
  refs: string[];
  /** Its blob on one of the refs (not for a reservation). */
  blob?: string;
  /** Its title, when read (always for a reservation). */
  title?: string;
}

const basenameOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const normalTitle = (t: string | undefined) => (t ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The documents elsewhere that share a kind and a number with a document here under another file
 * name: the ones whose title must be read to tell one document (renamed) from two. A file name
 * that exists on both sides is the same document, wherever its status folder put it.
 */
export function collisionCandidates(docs: readonly DocRecord[], elsewhere: readonly ElsewhereDoc[]): Array<{ doc: DocRecord; other: ElsewhereDoc }> {
  const here = new Map<string, DocRecord[]>();
  for (const d of docs) {
    if (d.num === undefined) continue;
    const key = `${d.kind.name}\u0000${d.num}`;
    const list = here.get(key);
    if (list) list.push(d);
    else here.set(key, [d]);
  }
  const names = new Set(docs.map((d) => basenameOf(d.path)));
  const out: Array<{ doc: DocRecord; other: ElsewhereDoc }> = [];
  for (const other of elsewhere) {
    if (names.has(other.basename)) continue;
    for (const doc of here.get(`${other.kindName}\u0000${other.num}`) ?? []) out.push({ doc, other });
  }
  return out;
}

/** Two documents under one number: the candidates whose titles differ too (read them first). */
export function collisions(docs: readonly DocRecord[], elsewhere: readonly ElsewhereDoc[]): Array<{ doc: DocRecord; other: ElsewhereDoc }> {
  return collisionCandidates(docs, elsewhere).filter(({ doc, other }) => other.title === undefined || normalTitle(other.title) !== normalTitle(doc.title));
}

/** The highest number of `kindName` used or reserved elsewhere, 0 when none. */
export function highestElsewhere(kindName: string, elsewhere: readonly ElsewhereDoc[]): number {
  let max = 0;
  for (const e of elsewhere) if (e.kindName === kindName && e.num > max) max = e.num;
  return max;
}

/** Whether `num` of `kindName` is used or reserved elsewhere by a document other than the one named `basename`. */
export function takenElsewhere(kindName: string, num: number, elsewhere: readonly ElsewhereDoc[], basename?: string): ElsewhereDoc | undefined {
  return elsewhere.find((e) => e.kindName === kindName && e.num === num && e.basename !== basename);
}
