/** Listing: filter, order and summarise documents. Pure. */
import type { DocRecord } from './document.js';
import { isArchived, type KindDef } from './kinds.js';
import { referencedId, referencesIn, type IdIndex } from './links.js';
import { relationOfField } from './relations.js';
import { approvedStatuses } from './check/statuses.js';

export interface ListFilter {
  status?: string[];
  author?: string;
  /** Include archived statuses. */
  all?: boolean;
  /** Only documents whose `decision_ref` names this id. */
  rfc?: string;
  /** Only documents waiting on this reviewer (part of the name, any case). */
  reviewer?: string;
  /** `reviewer` is a whole name (`--reviewer me`), not a part of one. */
  reviewerExact?: boolean;
}

/**
 * Whether `d` waits on a reviewer whose name contains `who`: they are named with no verdict yet
 * (pending or in progress), and the document is neither archived nor approved already.
 */
export function waitsOn(d: DocRecord, who: string, exact = false): boolean {
  const name = who.trim().toLowerCase();
  // A first draft waits on its author, not its reviewers (its reviews start again there).
  if (!d.status || d.status === d.kind.initial || isArchived(d.kind, d.status) || approvedStatuses(d.kind).has(d.status)) return false;
  const named = (r: { name: string }) => (exact ? r.name.trim().toLowerCase() === name : r.name.toLowerCase().includes(name));
  return d.reviewers.some((r) => named(r) && (r.status === 'pending' || r.status === 'in-progress'));
}

/** The day `d` entered its status (its last history entry for it), else its last update or creation: how long it has waited. */
export function waitingSince(d: DocRecord): string {
  const history = Array.isArray(d.data.history) ? (d.data.history as unknown[]) : [];
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i] as Record<string, unknown> | null;
    if (e && String(e.status ?? '').toUpperCase() === d.status && typeof e.date === 'string') return e.date;
  }
  return d.lastUpdated ?? d.created ?? '';
}

/** Oldest wait first, then id: a reviewer's queue. */
export function sortByWait(docs: DocRecord[]): DocRecord[] {
  const keyed = docs.map((d) => ({ d, w: waitingSince(d), n: d.num ?? 0 }));
  keyed.sort((a, b) => cmp(a.w, b.w) || a.n - b.n || cmp(a.d.path, b.d.path));
  return keyed.map((x) => x.d);
}

export function filterDocs(docs: DocRecord[], f: ListFilter, index: Pick<IdIndex, 'prefixes' | 'padding'>): DocRecord[] {
  const wantStatus = f.status?.map((s) =>
    s
      .trim()
      .toUpperCase()
      .replace(/[-\s]+/g, '_'),
  );
  const author = f.author?.trim().toLowerCase();
  return docs.filter((d) => {
    if (wantStatus) {
      if (!d.status || !wantStatus.includes(d.status.toUpperCase())) return false;
    } else if (!f.all && isArchived(d.kind, d.status)) return false;
    if (author && !(d.author ?? '').toLowerCase().includes(author)) return false;
    if (f.rfc !== undefined && referencedId(d.data.decision_ref, index) !== f.rfc) return false;
    if (f.reviewer !== undefined && !waitsOn(d, f.reviewer, f.reviewerExact)) return false;
    return true;
  });
}

function rank(kind: KindDef, status: string | undefined): number {
  const order = kind.order ?? Object.keys(kind.statuses);
  const i = status ? order.indexOf(status) : -1;
  return i === -1 ? order.length : i;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Attention first: the kind's `order` of statuses, newest `last_updated` first within one, then id. */
export function sortDocs(docs: DocRecord[], kindOrder: string[]): DocRecord[] {
  const kindRank = (k: KindDef) => {
    const i = kindOrder.indexOf(k.name);
    return i === -1 ? kindOrder.length : i;
  };
  // Keys computed once per document; plain comparison (ISO dates and paths need no locale).
  const keyed = docs.map((d) => ({ d, k: kindRank(d.kind), r: rank(d.kind, d.status), u: d.lastUpdated ?? '', n: d.num ?? 0 }));
  keyed.sort((a, b) => a.k - b.k || a.r - b.r || cmp(b.u, a.u) || a.n - b.n || cmp(a.d.path, b.d.path));
  return keyed.map((x) => x.d);
}

export interface KindSummary {
  kind: string;
  label: string;
  total: number;
  /** Count per status, in the kind's attention order; statuses with no document are left out. */
  counts: Record<string, number>;
  broken: number;
}

export function summarise(kind: KindDef, docs: DocRecord[]): KindSummary {
  const counts: Record<string, number> = {};
  let broken = 0;
  const order = kind.order ?? Object.keys(kind.statuses);
  for (const s of order) counts[s] = 0;
  for (const d of docs) {
    if (d.kind !== kind) continue;
    if (!d.parsed) broken++;
    else {
      const s = d.status ?? 'N/A';
      counts[s] = (counts[s] ?? 0) + 1;
    }
  }
  for (const s of Object.keys(counts)) if (counts[s] === 0) delete counts[s];
  const total = Object.values(counts).reduce((a, b) => a + b, 0) + broken;
  return { kind: kind.name, label: kind.label, total, counts, broken };
}

/** The stable JSON shape of one document in `list --format json` (docs/json-output.md). */
export interface DocJson {
  id: string | null;
  kind: string;
  title: string | null;
  status: string | null;
  author: string | null;
  created: string | null;
  last_updated: string | null;
  path: string;
  reviewers: Array<{ name: string; status: string }>;
  links: Record<string, string[]>;
  warnings: string[];
}

export function docJson(d: DocRecord, index: Pick<IdIndex, 'prefixes' | 'padding'>): DocJson {
  const links: Record<string, string[]> = {};
  for (const field of Object.keys(d.data)) {
    if (field === 'decision_ref' || field === 'supersedes' || field === 'superseded_by' || field.startsWith('related_') || relationOfField(d.kind, field)) {
      const v = d.data[field];
      // Read as every other command reads a link field: a list, or one string of comma-separated references.
      const ids = referencesIn(v)
        .map((x) => referencedId(x, index))
        .filter((x): x is string => !!x);
      if (ids.length) links[field] = ids;
    }
  }
  return {
    id: d.id ?? null,
    kind: d.kind.name,
    title: d.title ?? null,
    status: d.status ?? null,
    author: d.author ?? null,
    created: d.created ?? null,
    last_updated: d.lastUpdated ?? null,
    path: d.path,
    reviewers: d.reviewers.map((r) => ({ name: r.name, status: r.status })),
    links,
    warnings: d.problems.map((p) => `${d.path}:${p.line}: ${p.message}`),
  };
}
