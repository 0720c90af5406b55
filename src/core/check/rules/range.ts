/**
 * `check --base <ref>`: what a change (a branch, a pull request) did to the documents since the
 * merge base. Without a base these rules find nothing.
 */
import { bodyHash, type DocRecord } from '../../document.js';
import { allowedNext } from '../../kinds.js';
import { approvedStatuses } from '../statuses.js';
import { keyAt, type BaseState, type RawFinding, type Rule } from '../types.js';

/** Each document at the base paired with what it is now (undefined when its file is gone). */
function pairs(base: BaseState, now: DocRecord[]): Array<{ was: DocRecord; is: DocRecord | undefined }> {
  const byPath = new Map(now.map((d) => [d.path, d]));
  return base.docs.map((was) => ({ was, is: byPath.get(base.renamed.get(was.path) ?? was.path) }));
}

/** The statuses a document went through since the base: the history entries added, else the one jump. */
function steps(was: DocRecord, is: DocRecord): string[] {
  const before = Array.isArray(was.data.history) ? was.data.history.length : 0;
  const history = Array.isArray(is.data.history) ? (is.data.history as Array<Record<string, unknown> | null>) : [];
  const added = history
    .slice(before)
    .map((e) => String(e?.status ?? '').toUpperCase())
    .filter(Boolean);
  if (added.at(-1) !== is.status) added.push(is.status!);
  return added;
}

export const rangeWorkflow: Rule<'range-workflow'> = {
  id: 'range-workflow',
  severity: 'error',
  description: 'with --base: every status a document went through since the base is a transition its workflow allows',
  run: ({ docs, base }) => {
    if (!base) return [];
    const out: RawFinding[] = [];
    for (const { was, is } of pairs(base, docs)) {
      if (!is?.parsed || !was.status || !is.status || was.status === is.status || was.kind !== is.kind || !is.statusKnown) continue;
      let from = was.status;
      for (const to of steps(was, is)) {
        if (!allowedNext(is.kind, from).includes(to)) {
          out.push({
            path: is.path,
            line: keyAt(is, 'status'),
            col: 1,
            message: `${from} → ${to} since ${base.ref} is not a transition of the ${is.kind.label} workflow; change status with archdoc, one allowed step at a time`,
          });
          break;
        }
        from = to;
      }
    }
    return out;
  },
};

export const rangeIdentity: Rule<'range-identity'> = {
  id: 'range-identity',
  severity: 'error',
  description: 'with --base: no document is deleted, none changes its id or kind, and new ones take ids unused at the base and at the tip of the ref',
  run: ({ docs, base }) => {
    if (!base) return [];
    const out: RawFinding[] = [];
    const paired = new Set<DocRecord>();
    for (const { was, is } of pairs(base, docs)) {
      if (!is) {
        if (base.deleted.has(was.path)) {
          out.push({
            path: was.path,
            line: 1,
            col: 1,
            message: `${was.id ?? was.path} was deleted since ${base.ref}; a document is moved, superseded or archived, never deleted`,
          });
        }
        continue;
      }
      paired.add(is);
      if (was.kind !== is.kind)
        out.push({ path: is.path, line: 1, col: 1, message: `was ${was.kind.label} ${was.id ?? ''} at ${base.ref}; a document keeps its kind` });
      else if (was.id && is.id && was.id !== is.id) {
        out.push({
          path: is.path,
          line: keyAt(is, is.kind.idKey),
          col: 1,
          message: `id changed from ${was.id} to ${is.id} since ${base.ref}; a document keeps its id`,
        });
      }
    }
    const used = new Map(base.docs.filter((d) => d.id).map((d) => [d.id!, d.path]));
    // At the ref's tip: a document of the same number under another name and title is another document.
    const atTip = new Map<string, DocRecord[]>();
    for (const t of base.tip ?? []) if (t.id) atTip.set(t.id, [...(atTip.get(t.id) ?? []), t]);
    const nameOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);
    const sameTitle = (a?: string, b?: string) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
    for (const d of docs) {
      if (paired.has(d) || !d.id) continue;
      if (used.has(d.id)) {
        out.push({
          path: d.path,
          line: keyAt(d, d.kind.idKey),
          col: 1,
          message: `${d.id} was already used at ${base.ref} (${used.get(d.id)}); take the next free number`,
        });
        continue;
      }
      const other = atTip.get(d.id)?.find((t) => nameOf(t.path) !== nameOf(d.path) && !sameTitle(t.title, d.title));
      if (other) {
        out.push({
          path: d.path,
          line: keyAt(d, d.kind.idKey),
          col: 1,
          message: `${d.id} is already the id of "${other.title ?? other.path}" on ${base.ref} (${other.path}); give this one a new number before merging: archdoc renumber ${d.path}`,
        });
      }
    }
    return out;
  },
};

export const rangeEdited: Rule<'range-edited'> = {
  id: 'range-edited',
  severity: 'warning',
  description: 'with --base: a document approved at the base keeps its body unless its status changes too',
  run: ({ docs, base }) => {
    if (!base) return [];
    const out: RawFinding[] = [];
    for (const { was, is } of pairs(base, docs)) {
      if (!is?.parsed || !was.status || was.status !== is.status || !approvedStatuses(was.kind).has(was.status)) continue;
      if (bodyHash(was.body) === bodyHash(is.body)) continue;
      out.push({
        path: is.path,
        line: is.bodyLine,
        col: 1,
        message: `decision edited after approval (${was.status} at ${base.ref}): supersede it or return it to review`,
      });
    }
    return out;
  },
};
