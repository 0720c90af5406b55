/**
 * The link graph of the documents: one node per document, one edge per typed link (implements,
 * supersedes, depends on, amends, relates to), read from the fields `fieldLinks` knows; and its
 * two renderings, Mermaid (GitHub and GitLab draw it in Markdown) and Graphviz DOT. Pure.
 *
 * Titles are data: each renderer escapes every character its parser gives a meaning to, so no
 * title can end a label, open a comment, inject markup or break the diagram.
 */
import type { DocRecord } from './document.js';
import { isArchived, type KindDef } from './kinds.js';
import { fieldLinks, type IdIndex } from './links.js';
import { RELATION_WORDS, relationOfField } from './relations.js';
import { approvedStatuses } from './check/statuses.js';

/** Edge types, in the order edges from one document are listed. */
export const EDGE_TYPES = ['implements', 'supersedes', 'depends-on', 'amends', 'relates-to'] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

/** How an edge reads from its source, and (for the index's links column) from its target. */
export const EDGE_WORDS: Record<EdgeType, { forward: string; reverse: string }> = {
  ...RELATION_WORDS,
  supersedes: { forward: 'supersedes', reverse: 'superseded by' },
};

/** What a status means for styling: a first draft, under way, approved or later, archived, or not a status of the kind. */
export type StatusClass = 'draft' | 'open' | 'approved' | 'archived' | 'unknown';

export interface GraphNode {
  /** The document's id; for a record named without a number (log4brains), its file name without `.md`. */
  key: string;
  kind: KindDef;
  /** The title on one line; empty when the document has none. */
  title: string;
  status?: string;
  statusClass: StatusClass;
  path: string;
  num?: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  type: EdgeType;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** A title or status as one line: line breaks and control characters become single spaces. */
export function singleLine(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return flat.replace(/\s+/g, ' ').trim();
}

export function statusClass(kind: KindDef, status: string | undefined, known: boolean): StatusClass {
  if (!status || !known || !kind.statuses[status]) return 'unknown';
  if (isArchived(kind, status)) return 'archived';
  if (status === kind.initial) return 'draft';
  return approvedStatuses(kind).has(status) ? 'approved' : 'open';
}

/** The key a document is known by in the graph (see GraphNode.key). */
export function nodeKey(doc: DocRecord): string {
  return doc.id ?? doc.path.slice(doc.path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/** The edge type a link field stands for, and whether it points backwards (superseded_by: the target supersedes the holder). */
function edgeOfField(kind: KindDef, field: string): { type: EdgeType; backwards: boolean } {
  if (field === 'supersedes') return { type: 'supersedes', backwards: false };
  if (field === 'superseded_by') return { type: 'supersedes', backwards: true };
  const relation = relationOfField(kind, field);
  // `related_rfcs` and any other link field of the kind: a plain relation.
  return { type: relation?.name ?? 'relates-to', backwards: false };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The graph of `docs`: nodes ordered by kind (`kindOrder`), then number; edges deduplicated (a
 * supersedes field and the superseded_by field of the other end are one edge; two documents that
 * relate to each other, one edge), without links to documents that are not there or to itself.
 * When two files carry one id, the first by path is the node.
 */
export function buildGraph(docs: readonly DocRecord[], index: IdIndex, kindOrder: readonly string[]): Graph {
  const kindRank = (k: KindDef) => {
    const i = kindOrder.indexOf(k.name);
    return i === -1 ? kindOrder.length : i;
  };
  const sorted = [...docs].sort(
    (a, b) => kindRank(a.kind) - kindRank(b.kind) || (a.num ?? 0) - (b.num ?? 0) || cmp(nodeKey(a), nodeKey(b)) || cmp(a.path, b.path),
  );
  const byKey = new Map<string, GraphNode>();
  const holders: Array<[DocRecord, GraphNode]> = [];
  for (const d of sorted) {
    const key = nodeKey(d);
    if (byKey.has(key)) continue;
    const node: GraphNode = {
      key,
      kind: d.kind,
      title: singleLine(d.title ?? ''),
      ...(d.status !== undefined ? { status: singleLine(d.status) } : {}),
      statusClass: statusClass(d.kind, d.status, d.statusKnown),
      path: d.path,
      ...(d.num !== undefined ? { num: d.num } : {}),
    };
    byKey.set(key, node);
    holders.push([d, node]);
  }
  const nodes = holders.map(([, n]) => n);
  const order = new Map(nodes.map((n, i) => [n.key, i]));
  const seen = new Set<string>();
  const edges: GraphEdge[] = [];
  for (const [doc, node] of holders) {
    for (const link of fieldLinks(doc, index)) {
      if (!link.target || link.target === node.key || !byKey.has(link.target)) continue;
      const { type, backwards } = edgeOfField(doc.kind, link.field);
      const [from, to] = backwards ? [link.target, node.key] : [node.key, link.target];
      // Relating is mutual: B relates to A adds nothing to A relates to B.
      if (seen.has(`${type} ${from} ${to}`) || (type === 'relates-to' && seen.has(`${type} ${to} ${from}`))) continue;
      seen.add(`${type} ${from} ${to}`);
      edges.push({ from, to, type });
    }
  }
  edges.sort(
    (a, b) => order.get(a.from)! - order.get(b.from)! || EDGE_TYPES.indexOf(a.type) - EDGE_TYPES.indexOf(b.type) || order.get(a.to)! - order.get(b.to)!,
  );
  return { nodes, edges };
}

export interface GraphFilter {
  /** Kind names; every kind when empty. */
  kinds?: readonly string[];
  /** Canonical statuses; every status when empty. */
  statuses?: readonly string[];
  /** Also keep the documents linked to a kept one (an index page's graph shows what its documents link to). */
  neighbours?: boolean;
  /** Leave out documents with no edge left. */
  linkedOnly?: boolean;
}

/** The nodes the filter keeps, and the edges between two kept nodes. */
export function filterGraph(graph: Graph, f: GraphFilter): Graph {
  const kinds = f.kinds?.length ? new Set(f.kinds) : undefined;
  const statuses = f.statuses?.length ? new Set(f.statuses.map((s) => s.toUpperCase())) : undefined;
  const kept = new Set(
    graph.nodes
      .filter((n) => (!kinds || kinds.has(n.kind.name)) && (!statuses || (n.status !== undefined && statuses.has(n.status.toUpperCase()))))
      .map((n) => n.key),
  );
  if (f.neighbours) {
    const direct = new Set(kept);
    for (const e of graph.edges) {
      if (direct.has(e.from)) kept.add(e.to);
      if (direct.has(e.to)) kept.add(e.from);
    }
  }
  const edges = graph.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  return { nodes: graph.nodes.filter((n) => kept.has(n.key) && (!f.linkedOnly || linked.has(n.key))), edges };
}

/**
 * Node ids both renderers accept as they are: upper-case letters, digits and `_`, starting with a
 * letter (`RFC-0001` → `RFC_0001`; a record without an id gets `N_` and its name), never one of
 * their keywords (each holds a `_`), and unique.
 */
export function nodeIds(nodes: readonly GraphNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const n of nodes) {
    let base = n.key
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toUpperCase();
    if (!/^[A-Z][A-Z0-9]*_[A-Z0-9_]*$/.test(base)) base = `N_${base}`;
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    ids.set(n.key, id);
  }
  return ids;
}

/** Styles per status class: fill, border, text colour, dashed border. */
const STYLES: Record<StatusClass, { fill: string; stroke: string; color: string; dashed: boolean }> = {
  draft: { fill: '#ffffff', stroke: '#6e7781', color: '#24292f', dashed: true },
  open: { fill: '#fff8c5', stroke: '#9a6700', color: '#24292f', dashed: false },
  approved: { fill: '#dafbe1', stroke: '#1a7f37', color: '#24292f', dashed: false },
  archived: { fill: '#eaeef2', stroke: '#8c959f', color: '#57606a', dashed: true },
  unknown: { fill: '#ffebe9', stroke: '#cf222e', color: '#24292f', dashed: false },
};
const CLASS_ORDER: StatusClass[] = ['draft', 'open', 'approved', 'archived', 'unknown'];

/**
 * Text inside a quoted Mermaid label: every character Mermaid or the HTML it renders reads
 * specially is written as an entity code (`#quot;`, `#35;`), which Mermaid turns back into the
 * character: quotes cannot end the label, `<script>` stays text, backticks open no Markdown string,
 * and no `style …: …#…;` run is left for Mermaid's entity pre-pass to cut. Brackets and braces
 * are plain text inside quotes.
 */
export function mermaidText(text: string): string {
  return singleLine(text).replace(/["#&<>`|\\;:]/g, (c) => (c === '"' ? '#quot;' : `#${c.charCodeAt(0)};`));
}

const MERMAID_ARROWS: Record<EdgeType, string> = {
  implements: '-->',
  supersedes: '==>',
  'depends-on': '-->',
  amends: '-->',
  'relates-to': '-.->',
};

function label(n: GraphNode, text: (raw: string) => string): { head: string; status: string } {
  return { head: n.title ? `${text(n.key)}: ${text(n.title)}` : text(n.key), status: text(n.status ?? 'no status') };
}

/** The graph as a Mermaid flowchart, left to right: a node per document (`id: title`, then its status), a class per status class. */
export function toMermaid(graph: Graph): string {
  const ids = nodeIds(graph.nodes);
  const lines = ['flowchart LR'];
  for (const n of graph.nodes) {
    const { head, status } = label(n, mermaidText);
    lines.push(`  ${ids.get(n.key)}["${head}<br/>${status}"]:::${n.statusClass}`);
  }
  for (const e of graph.edges) lines.push(`  ${ids.get(e.from)} ${MERMAID_ARROWS[e.type]}|${EDGE_WORDS[e.type].forward}| ${ids.get(e.to)}`);
  const used = new Set(graph.nodes.map((n) => n.statusClass));
  for (const c of CLASS_ORDER) {
    if (!used.has(c)) continue;
    const s = STYLES[c];
    lines.push(`  classDef ${c} fill:${s.fill},stroke:${s.stroke},color:${s.color}${s.dashed ? ',stroke-dasharray:4 3' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Text inside a quoted DOT string used as a label: `"` and `\` escaped (so `\N`, `\G` and the like
 * stay text), `&` written `&amp;` (Graphviz reads entities in labels), one line.
 */
export function dotText(text: string): string {
  return singleLine(text).replace(/[\\"&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`));
}

const DOT_EDGE_STYLE: Record<EdgeType, string> = {
  implements: '',
  supersedes: ', style=bold',
  'depends-on': '',
  amends: '',
  'relates-to': ', style=dashed',
};

/** The graph as Graphviz DOT: a `digraph`, left to right, each node filled by its status class. */
export function toDot(graph: Graph): string {
  const ids = nodeIds(graph.nodes);
  const lines = [
    'digraph archdoc {',
    '  rankdir=LR;',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const n of graph.nodes) {
    const { head, status } = label(n, dotText);
    const s = STYLES[n.statusClass];
    const style = s.dashed ? ', style="rounded,filled,dashed"' : '';
    lines.push(
      `  ${ids.get(n.key)} [label="${head}\\n${status}", class="${n.statusClass}", fillcolor="${s.fill}", color="${s.stroke}", fontcolor="${s.color}"${style}];`,
    );
  }
  for (const e of graph.edges) lines.push(`  ${ids.get(e.from)} -> ${ids.get(e.to)} [label="${EDGE_WORDS[e.type].forward}"${DOT_EDGE_STYLE[e.type]}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
