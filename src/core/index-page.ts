/**
 * The index page `archdoc index` keeps: a Markdown table of the documents (id, title, status,
 * date, links) between two marker comments in a Markdown file, and optionally their link graph
 * (Mermaid) between two more. Everything outside the markers is the file's own and stays byte for
 * byte. Pure: text in, text out.
 *
 * Titles are data: every Markdown-active character is escaped, `<` and `&` become entities, so a
 * title renders as its text on GitHub and GitLab, with no HTML, link or table cell of its own.
 */
import type { DocRecord } from './document.js';
import { EDGE_WORDS, nodeKey, singleLine, toMermaid, type Graph, type GraphEdge } from './graph.js';
import { isArchived, type KindDef } from './kinds.js';
import { encodeHref, relativeLink } from './links.js';
import { RefusedError } from './errors.js';
import { findMarkers, GRAPH_MARKERS, INDEX_MARKERS } from './index-markers.js';

export { findMarkers, GRAPH_MARKERS, hasIndexMarker, INDEX_MARKERS, type Markers } from './index-markers.js';

/** A title, status or date as the text of one table cell: one line, Markdown and HTML escaped, `|` too. */
export function markdownCell(text: string): string {
  return singleLine(text).replace(/[\\`*_[\]|~$<>&]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`));
}

/** A relative link from the file `from` to `to`, as a Markdown link target (spaces, parentheses, `|` and the like percent-encoded). */
export function linkTarget(from: string, to: string): string {
  return encodeHref(relativeLink(from, to));
}

export interface TableOptions {
  /** The index file the links are relative to. */
  file: string;
  /** Kind names in the configuration's order. */
  kindOrder: readonly string[];
  /** A first column with each document's kind (one table of every kind). */
  kindColumn?: boolean;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Documents in index order: current ones first, archived ones after; each group by kind, then number. */
export function indexOrder(docs: readonly DocRecord[], kindOrder: readonly string[]): DocRecord[] {
  const kindRank = (k: KindDef) => {
    const i = kindOrder.indexOf(k.name);
    return i === -1 ? kindOrder.length : i;
  };
  const archived = (d: DocRecord) => (isArchived(d.kind, d.status) ? 1 : 0);
  return [...docs].sort(
    (a, b) =>
      archived(a) - archived(b) || kindRank(a.kind) - kindRank(b.kind) || (a.num ?? 0) - (b.num ?? 0) || cmp(nodeKey(a), nodeKey(b)) || cmp(a.path, b.path),
  );
}

/** The links column of one document: its links (`implements [RFC-0001](…)`) and those to it read from its end (`needed by`, `implemented by`), grouped by relation. */
function linksCell(doc: DocRecord, graph: Graph, file: string): string {
  const key = nodeKey(doc);
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const groups = new Map<string, string[]>();
  const add = (words: string, other: string) => {
    const node = byKey.get(other);
    if (!node) return;
    const link = `[${markdownCell(other)}](${linkTarget(file, node.path)})`;
    const list = groups.get(words);
    if (!list) groups.set(words, [link]);
    else if (!list.includes(link)) list.push(link);
  };
  const mine = (e: GraphEdge) => e.from === key || e.to === key;
  for (const e of graph.edges.filter(mine)) {
    if (e.from === key) add(EDGE_WORDS[e.type].forward, e.to);
    // Relating is mutual (the graph keeps one edge of two documents that relate to each other).
    else if (e.type === 'relates-to') add(EDGE_WORDS[e.type].forward, e.from);
    else add(EDGE_WORDS[e.type].reverse, e.from);
  }
  return [...groups].map(([words, links]) => `${words} ${links.join(', ')}`).join('; ');
}

/** The table of `docs` (one row per document, in index order), as lines; undefined when there are none. */
export function indexTable(docs: readonly DocRecord[], graph: Graph, opts: TableOptions): string[] | undefined {
  if (docs.length === 0) return undefined;
  const head = ['ID', 'Title', 'Status', 'Date', 'Links'];
  if (opts.kindColumn) head.unshift('Kind');
  const row = (cells: string[]) => `| ${cells.map((c) => c || ' ').join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  const lines = [row(head), `|${head.map(() => ' --- ').join('|')}|`];
  for (const d of indexOrder(docs, opts.kindOrder)) {
    const cells = [
      `[${markdownCell(nodeKey(d))}](${linkTarget(opts.file, d.path)})`,
      d.title !== undefined ? markdownCell(d.title) : '—',
      d.status !== undefined ? markdownCell(d.status) : '—',
      markdownCell(d.lastUpdated ?? d.created ?? '') || '—',
      linksCell(d, graph, opts.file),
    ];
    if (opts.kindColumn) cells.unshift(markdownCell(d.kind.label));
    lines.push(row(cells));
  }
  return lines;
}

export interface IndexSection {
  /** A heading over the section (`RFCs`), when the file indexes more than one kind in tables of their own. */
  heading?: string;
  /** The table's lines, or undefined for none (then `empty` is said instead). */
  table: string[] | undefined;
  empty: string;
}

const NOTE = '<!-- Written by `archdoc index`: what is between these markers is replaced when it runs. -->';

/**
 * How an index file was written, as its start marker remembers it, so that a later run without the
 * options (`archdoc index`, `--check`) writes it the same way: `<!-- archdoc:index:start one-table
 * kinds=rfc,adr -->`. Only what differs from the file's default is written down.
 */
export interface PageOptions {
  /** One table of every kind, with a kind column. */
  oneTable?: boolean;
  /** The kinds it indexes (names), or `all` of the configuration's, whichever kinds it has then. */
  kinds?: string[] | 'all';
}

/** The options as the start marker's words (`one-table kinds=rfc,adr`), '' for none. */
export function optionWords(o: PageOptions): string {
  const words: string[] = [];
  if (o.oneTable) words.push('one-table');
  if (o.kinds !== undefined) words.push(`kinds=${o.kinds === 'all' ? 'all' : o.kinds.join(',')}`);
  return words.join(' ');
}

/** The options a start marker's words give; a word this archdoc does not know is refused, not guessed at. */
export function readOptionWords(words: string, file: string): PageOptions {
  const out: PageOptions = {};
  for (const word of words.split(/\s+/).filter(Boolean)) {
    const kinds = /^kinds=([A-Za-z0-9_,-]+)$/.exec(word);
    if (word === 'one-table') out.oneTable = true;
    else if (kinds) out.kinds = kinds[1] === 'all' ? 'all' : kinds[1]!.split(',').filter(Boolean);
    else
      throw new RefusedError(`${file}: its index marker says "${word}", which this archdoc does not know; nothing was changed.`, [
        `Write the marker as ${INDEX_MARKERS.start} (or with one-table, kinds=<kind>,<kind>), or run a newer archdoc.`,
      ]);
  }
  return out;
}

/** The index block, markers included, as lines; the start marker remembers `options`. */
export function indexBlock(sections: readonly IndexSection[], options: PageOptions = {}): string[] {
  const words = optionWords(options);
  const lines = [words ? INDEX_MARKERS.start.replace(/ -->$/, ` ${words} -->`) : INDEX_MARKERS.start, NOTE];
  for (const s of sections) {
    lines.push('');
    if (s.heading !== undefined) lines.push(`## ${markdownCell(s.heading)}`, '');
    if (s.table) lines.push(...s.table);
    else lines.push(`_${markdownCell(s.empty)}_`);
  }
  lines.push('', INDEX_MARKERS.end);
  return lines;
}

/** The graph block, markers included, as lines: a Mermaid flowchart in a fence, or a line saying there are no links. */
export function graphBlock(graph: Graph): string[] {
  const lines = [GRAPH_MARKERS.start, NOTE.replace('`archdoc index`', '`archdoc index --graph`'), ''];
  if (graph.edges.length === 0) lines.push('_No links between these documents yet._');
  else lines.push('```mermaid', ...toMermaid(graph).trimEnd().split('\n'), '```');
  lines.push('', GRAPH_MARKERS.end);
  return lines;
}

/** The options the index file's start marker remembers (none when it has no markers). */
export function pageOptions(text: string | undefined, file: string): PageOptions {
  const at = text === undefined ? undefined : findMarkers(text, INDEX_MARKERS, file);
  return at ? readOptionWords(at.words, file) : {};
}

/** Whether the file's text has the graph markers (its graph is then kept current too). */
export function hasGraph(text: string | undefined, file: string): boolean {
  return text !== undefined && findMarkers(text, GRAPH_MARKERS, file) !== undefined;
}

/**
 * The index file's text with the index block (and the graph block, when given) in place: between
 * the markers where the file has them, else added (the index at the end of the file, the graph
 * right after the index). A file that does not exist yet gets a heading. Line endings follow the
 * file's.
 */
export function placeBlocks(current: string | undefined, file: string, heading: string, index: string[], graph?: string[]): string {
  const eol = current?.includes('\r\n') ? '\r\n' : '\n';
  const join = (lines: string[]) => lines.join(eol);
  let text: string;
  if (current === undefined) text = `# ${markdownCell(heading)}${eol}${eol}${join(index)}${eol}`;
  else {
    const at = findMarkers(current, INDEX_MARKERS, file);
    if (at) text = current.slice(0, at.from) + join(index) + current.slice(at.to);
    else {
      const lead = current === '' ? '' : current.endsWith('\n') ? eol : `${eol}${eol}`;
      text = `${current}${lead}${join(index)}${eol}`;
    }
  }
  if (!graph) return text;
  const at = findMarkers(text, GRAPH_MARKERS, file);
  if (at) return text.slice(0, at.from) + join(graph) + text.slice(at.to);
  const after = findMarkers(text, INDEX_MARKERS, file)!.to;
  return `${text.slice(0, after)}${eol}${eol}${join(graph)}${text.slice(after)}`;
}
