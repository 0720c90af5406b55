/**
 * Typed links between documents: the relations `archdoc link` adds, the frontmatter field each is
 * stored in, and how each reads from either end. A kind allows the relations its `relations`
 * setting names (relation → field); by default every kind relates to, depends on and amends any
 * document, and a kind whose `--rfc` option fills a field (tech specs: `decision_ref`) implements
 * through that field. Supersedes is no relation here: it goes through the status workflow.
 */
import type { KindDef } from './kinds.js';

export const RELATION_NAMES = ['implements', 'relates-to', 'depends-on', 'amends'] as const;
export type RelationName = (typeof RELATION_NAMES)[number];

export interface Relation {
  name: RelationName;
  /** The frontmatter field that holds the ids. */
  field: string;
  /** How the document holding the link reads it: `TS-0001 implements RFC-0001`. */
  forward: string;
  /** The verb after "does not" or "cannot": `implement`, `relate to`. */
  base: string;
  /** How the linked document reads it: `RFC-0001 implemented by TS-0001`. */
  reverse: string;
  /** One id, not a list (`decision_ref`): linking again replaces it only after an unlink. */
  single: boolean;
  /** The kind the ids must be of, when the field is tied to one (`decision_ref` → rfc). */
  targetKind?: string;
}

/** How each relation reads: from the document that holds it, as a bare verb, and from the other end. */
export const RELATION_WORDS: Readonly<Record<RelationName, { forward: string; base: string; reverse: string }>> = {
  implements: { forward: 'implements', base: 'implement', reverse: 'implemented by' },
  'relates-to': { forward: 'relates to', base: 'relate to', reverse: 'related from' },
  'depends-on': { forward: 'depends on', base: 'depend on', reverse: 'needed by' },
  amends: { forward: 'amends', base: 'amend', reverse: 'amended by' },
};

/** The field each relation is stored in when a kind does not say. */
export const DEFAULT_RELATION_FIELDS: Readonly<Record<Exclude<RelationName, 'implements'>, string>> = {
  'relates-to': 'relates_to',
  'depends-on': 'depends_on',
  amends: 'amends',
};

/** Fields that hold one id rather than a list: the ones a status guard reads as one link. */
const SINGLE_FIELDS = new Set(['decision_ref']);

const cache = new WeakMap<KindDef, Relation[]>();

/** The relations a kind allows, in RELATION_NAMES order. */
export function relationsOf(kind: KindDef): Relation[] {
  let out = cache.get(kind);
  if (out) return out;
  const fields: Partial<Record<RelationName, string>> = kind.relations
    ? { ...kind.relations }
    : { ...(kind.createLinks?.rfc ? { implements: kind.createLinks.rfc } : {}), ...DEFAULT_RELATION_FIELDS };
  out = RELATION_NAMES.flatMap((name) => {
    const field = fields[name];
    if (!field) return [];
    const target = kind.links?.[field];
    return [{ name, field, ...RELATION_WORDS[name], single: SINGLE_FIELDS.has(field), ...(target ? { targetKind: target } : {}) }];
  });
  cache.set(kind, out);
  return out;
}

/** The relation stored in `field` of a document of `kind`, if it is one. */
export function relationOfField(kind: KindDef, field: string): Relation | undefined {
  let byField = fieldCache.get(kind);
  if (!byField) {
    byField = new Map(relationsOf(kind).map((r) => [r.field, r]));
    fieldCache.set(kind, byField);
  }
  return byField.get(field);
}

const fieldCache = new WeakMap<KindDef, Map<string, Relation>>();

/** What a person typed for a relation (`relates-to`, `relates_to`, `Relates To`), as its name. */
export function relationName(input: string): RelationName | undefined {
  const key = input
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return (RELATION_NAMES as readonly string[]).includes(key) ? (key as RelationName) : undefined;
}
