/**
 * What `archdoc link` and `archdoc unlink` change: the frontmatter edits that add or remove one
 * typed link (core/relations.ts), or why they cannot. Pure: documents in, edits or a refusal out.
 */
import type { DocRecord } from './document.js';
import type { FrontmatterEdit } from './frontmatter.js';
import { referencedId, linksIn, type IdIndex } from './links.js';
import { relationName, relationsOf, type Relation } from './relations.js';
import { article, inSentence } from './kinds.js';

export type LinkPlan =
  | { ok: true; relation: Relation; edits: FrontmatterEdit[]; warnings: string[] }
  | { ok: false; usage: boolean; message: string; details: string[] };

const refuse = (message: string, details: string[] = []): LinkPlan => ({ ok: false, usage: false, message, details });
const usage = (message: string, details: string[] = []): LinkPlan => ({ ok: false, usage: true, message, details });

const name = (d: DocRecord) => d.id ?? d.path;

/** The relation `input` names for documents of `from`'s kind, or why there is none. */
function relationFor(from: DocRecord, input: string): Relation | LinkPlan {
  const allowed = relationsOf(from.kind);
  const list = allowed.map((r) => r.name).join(', ') || 'none';
  const key = input
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  if (key === 'supersedes' || key === 'superseded-by') {
    const cmd = from.kind.commands?.status ?? 'status';
    return usage(`supersedes is a status change, not a link: it marks the older document ${from.kind.supersededStatus ?? 'superseded'}.`, [
      from.kind.supersededStatus
        ? `Use: archdoc ${cmd} <older> --set ${from.kind.supersededStatus} --by <newer>`
        : `${from.kind.plural} have no superseded status.`,
    ]);
  }
  const wanted = relationName(input);
  if (!wanted) return usage(`unknown relation "${input}"; ${from.kind.plural} can: ${list}`);
  const relation = allowed.find((r) => r.name === wanted);
  if (!relation) return usage(`${from.kind.plural} have no "${wanted}" relation; theirs: ${list}`);
  return relation;
}

/** Every document `from` reaches through `field` links, following them on (for cycles). */
function reaches(from: DocRecord, field: (d: DocRecord) => string | undefined, index: IdIndex): Set<string> {
  const seen = new Set<string>();
  const todo = [from];
  while (todo.length) {
    const d = todo.pop()!;
    const f = field(d);
    if (!f) continue;
    for (const l of linksIn(d, f, index)) {
      if (!l.target || seen.has(l.target)) continue;
      seen.add(l.target);
      const next = index.byId.get(l.target)?.[0];
      if (next) todo.push(next);
    }
  }
  return seen;
}

/** The edits that make `from` link to `to` by `relationInput`; none when it already does. */
export function planLink(
  from: DocRecord,
  relationInput: string,
  to: DocRecord,
  index: IdIndex,
  today: string,
  labelOf: (kind: string) => string = (k) => k,
): LinkPlan {
  const relation = relationFor(from, relationInput);
  if ('ok' in relation) return relation;
  if (to === from || (to.id && to.id === from.id)) return usage(`${name(from)} cannot ${relation.base} itself`);
  if (relation.targetKind && to.kind.name !== relation.targetKind) {
    return usage(
      `${relation.name} links ${inSentence(from.kind.plural)} to ${inSentence(labelOf(relation.targetKind))} only; ${name(to)} is ${article(to.kind.label)}`,
    );
  }
  if (!to.id) return refuse(`${to.path} has no id, and links are written as ids; it cannot be linked to.`);
  const existing = linksIn(from, relation.field, index);
  if (existing.some((l) => l.target === to.id)) return { ok: true, relation, edits: [], warnings: [] };
  if (relation.single && existing.length) {
    const other = existing[0]!.target ?? String(existing[0]!.raw);
    return refuse(`${name(from)} already ${relation.forward} ${other} (${relation.field}); a document ${relation.forward} one.`, [
      `Unlink it first: archdoc unlink ${name(from)} ${relation.name} ${other}`,
    ]);
  }
  const edits: FrontmatterEdit[] = relation.single
    ? [{ op: 'set', path: [relation.field], value: to.id }]
    : [{ op: 'append', key: relation.field, item: to.id }];
  if ('last_updated' in from.data) edits.push({ op: 'set', path: ['last_updated'], value: today });
  const warnings: string[] = [];
  if (relation.name === 'depends-on' && from.id) {
    const onward = reaches(to, (d) => relationsOf(d.kind).find((r) => r.name === 'depends-on')?.field, index);
    if (onward.has(from.id)) warnings.push(`${to.id} already depends on ${from.id}, directly or through others: the two now depend on each other`);
  }
  return { ok: true, relation, edits, warnings };
}

/** The edits that remove every link of `relationInput` from `from` to `to`; none when there is none. */
export function planUnlink(from: DocRecord, relationInput: string, to: DocRecord | string, index: IdIndex, today: string): LinkPlan {
  const relation = relationFor(from, relationInput);
  if ('ok' in relation) return relation;
  // The id a link names, whether or not a document carries it still (a link check reports as broken).
  const toId = typeof to === 'string' ? to : to.id;
  if (!toId) return { ok: true, relation, edits: [], warnings: [] };
  // relates-to also reads the related_* lists authors keep by hand (related_rfcs).
  const fields = [relation.field, ...(relation.name === 'relates-to' ? Object.keys(from.data).filter((f) => f.startsWith('related_')) : [])];
  const edits: FrontmatterEdit[] = [];
  for (const field of fields) {
    const value = from.data[field];
    if (Array.isArray(value)) {
      // Highest index first, so the indexes of the others still hold.
      const at = value.flatMap((v, i) => (referencedId(v, index) === toId ? [i] : [])).reverse();
      for (const i of at) edits.push({ op: 'remove', key: field, index: i, dropEmpty: !from.kind.fields.includes(field) });
    } else if (referencedId(value, index) === toId) {
      edits.push(from.kind.fields.includes(field) ? { op: 'set', path: [field], value: null } : { op: 'delete', key: field });
    } else if (linksIn(from, field, index).some((l) => l.target === toId)) {
      return refuse(`${name(from)}'s ${field} names ${toId} among other text; change it by hand.`);
    }
  }
  if (edits.length && 'last_updated' in from.data) edits.push({ op: 'set', path: ['last_updated'], value: today });
  return { ok: true, relation, edits, warnings: [] };
}
