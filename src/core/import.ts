/**
 * `archdoc import`: the plan that turns the records another tool wrote (adr-tools, MADR,
 * hand-written) into archdoc's own shape. Each record gets archdoc's frontmatter (its id, title,
 * status, date and supersede links, other keys kept) and archdoc's file name (`ADR-0003-slug.md`);
 * every relative link to a renamed file is rewritten; the kind's configuration then says so.
 * Pure: texts in, texts out. Reading records in place never needs it.
 */
import { fileNameParts, type DocRecord } from './document.js';
import { editDocument, editYaml, isSplit, splitFrontmatter, type FrontmatterEdit } from './frontmatter.js';
import { formatId } from './ids.js';
import type { KindDef } from './kinds.js';
import { linksIn, looksLikeFilePath, relativeLink, resolveLink, rewriteLinks, type IdIndex } from './links.js';
import { writtenInPlace } from './write-back.js';

export interface ImportPlan {
  /** Records renamed, old path to new. */
  moves: Map<string, string>;
  /** New texts, by the path each file has after the moves. */
  texts: Map<string, string>;
  /** Records converted, by their old paths. */
  converted: string[];
  /** Other documents whose links to renamed records were rewritten. */
  relinked: string[];
  /** Records that cannot be converted as they are, and why: the import is refused while any remain. */
  refused: Array<{ path: string; why: string }>;
}

const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

export function planImport(input: {
  kind: KindDef;
  docs: DocRecord[];
  texts: Map<string, string>;
  index: IdIndex;
  padding: number;
  /** Other Markdown files whose links to renamed records are rewritten too (the kind folder's README, index), by path. */
  others?: Map<string, string>;
  /** Whether a path is taken by a file that is not among the records converted. */
  taken?: (path: string) => boolean;
}): ImportPlan {
  const { kind, docs, texts, index, padding } = input;
  const records = docs.filter((d) => d.kind === kind && writtenInPlace(d));
  const refused: ImportPlan['refused'] = [];
  const seen = new Map<number, string>();
  for (const d of records) {
    if (!d.parsed) refused.push({ path: d.path, why: d.problems[0]?.message ?? 'it does not parse' });
    else if (d.num === undefined) refused.push({ path: d.path, why: 'its file name carries no number' });
    else if (!d.status) refused.push({ path: d.path, why: 'it states no status; write one the way the others do' });
    else if (!d.statusKnown) refused.push({ path: d.path, why: `its status "${d.status}" is none of ${Object.keys(kind.statuses).join(', ')}` });
    else if (seen.has(d.num)) refused.push({ path: d.path, why: `${seen.get(d.num)} has the same number` });
    if (d.num !== undefined) seen.set(d.num, d.path);
  }
  const moves = new Map<string, string>();
  const texts2 = new Map<string, string>();
  if (refused.length) return { moves, texts: texts2, converted: [], relinked: [], refused };

  // Who supersedes whom, as either side states it: archdoc keeps both sides in frontmatter.
  const ids = new Map(records.map((d) => [d.path, formatId(kind.prefix, d.num!, padding)]));
  const targets = (d: DocRecord, field: string) => [...new Set(linksIn(d, field, index).flatMap((l) => (l.target ? [l.target] : [])))];
  const supersedes = new Map<string, Set<string>>(records.map((d) => [d.path, new Set(targets(d, 'supersedes'))]));
  for (const d of records) {
    for (const succ of targets(d, 'superseded_by')) {
      const s = records.find((r) => ids.get(r.path) === succ);
      if (s) supersedes.get(s.path)!.add(ids.get(d.path)!);
    }
  }
  for (const d of records) {
    const id = ids.get(d.path)!;
    const folder = d.path.slice(0, d.path.lastIndexOf('/') + 1);
    const slug = fileNameParts(basename(d.path), kind.prefix)?.slug.replace(/\.md$/, '') ?? basename(d.path).replace(/\.md$/, '');
    const to = `${folder}${id}-${slug}.md`;
    if (to === d.path) continue;
    if (input.taken?.(to) || [...moves.values()].includes(to)) refused.push({ path: d.path, why: `its new name ${to} is taken` });
    moves.set(d.path, to);
  }
  if (refused.length) return { moves: new Map(), texts: texts2, converted: [], relinked: [], refused };
  for (const d of records) {
    const id = ids.get(d.path)!;
    const edits: FrontmatterEdit[] = [{ op: 'set', path: [kind.idKey], value: id }];
    if (d.data.title === undefined && d.title) edits.push({ op: 'set', path: ['title'], value: d.title });
    edits.push({ op: 'set', path: ['status'], value: d.status! });
    if (d.data.created === undefined && d.data.date === undefined && d.created) edits.push({ op: 'set', path: ['created'], value: d.created });
    const after = [...supersedes.get(d.path)!];
    if (after.length && d.data.supersedes === undefined) edits.push({ op: 'set', path: ['supersedes'], value: after.length === 1 ? after[0] : after });
    const by = targets(d, 'superseded_by');
    if (by.length && d.data.superseded_by === undefined) edits.push({ op: 'set', path: ['superseded_by'], value: by[0] });
    const text = texts.get(d.path)!;
    const withFrontmatter = isSplit(splitFrontmatter(text)) ? editDocument(text, edits) : frontmatterFirst(text, edits);
    const to = moves.get(d.path) ?? d.path;
    texts2.set(to, rewriteLinks(withFrontmatter, to, d.path, moves) ?? withFrontmatter);
  }
  // Links to renamed records from everything else archdoc reads.
  const relinked: string[] = [];
  const elsewhere = new Map([...docs.filter((d) => !ids.has(d.path)).map((d) => [d.path, texts.get(d.path)] as const), ...(input.others ?? [])]);
  const byPath = new Map(docs.map((d) => [d.path, d]));
  for (const [path, text] of elsewhere) {
    if (text === undefined || ![...moves.keys()].some((from) => text.includes(basename(from)))) continue;
    const doc = byPath.get(path);
    const withFields = doc ? movedFieldPaths(doc, text, moves) : text;
    const rewritten = rewriteLinks(withFields, path, path, moves) ?? (withFields !== text ? withFields : undefined);
    if (rewritten !== undefined && rewritten !== text) {
      texts2.set(path, rewritten);
      relinked.push(path);
    }
  }
  return { moves, texts: texts2, converted: records.map((d) => d.path), relinked, refused };
}

/** A record without frontmatter with archdoc's put in front, in the file's own line endings; a byte order mark stays first. */
function frontmatterFirst(text: string, edits: FrontmatterEdit[]): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const yaml = editYaml('', edits, eol);
  return `${bom}---${eol}${yaml}---${eol}${eol}${text.slice(bom.length)}`;
}

/**
 * A document's frontmatter link fields that name a renamed record by path (`related_documents:
 * [../adr/0003-x.md]`), set to its new path, written as the old one was (relative to the document
 * or to the root).
 */
function movedFieldPaths(doc: DocRecord, text: string, moves: Map<string, string>): string {
  const edits: FrontmatterEdit[] = [];
  for (const [field, value] of Object.entries(doc.data)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, i) => {
      if (typeof item !== 'string' || !looksLikeFilePath(item)) return;
      const raw = item.trim();
      const fromDoc = resolveLink(doc.path, raw);
      const target = moves.get(fromDoc) ?? moves.get(raw.replace(/^\.\//, ''));
      if (!target) return;
      const next = moves.has(fromDoc) ? relativeLink(doc.path, target) : target;
      edits.push({ op: 'set', path: Array.isArray(value) ? [field, i] : [field], value: next });
    });
  }
  return edits.length ? editDocument(text, edits) : text;
}
