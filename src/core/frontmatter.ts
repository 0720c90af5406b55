/**
 * Frontmatter: split a Markdown document into its YAML head and body, parse the head, and edit it
 * surgically. Edits splice only the bytes of the fields they touch, so comments, key order,
 * quoting, date formats, line endings and the body stay byte-identical.
 *
 * We split ourselves rather than with gray-matter: it leaves `\r` inside values of CRLF files,
 * reports no offsets (which both byte-exact edits and `file:line` findings need), and loads js-yaml
 * at start-up (docs/adr/ADR-0002).
 */
import { RefusedError } from './errors.js';
// The yaml package is a pure parser. The build loads it on first use (scripts/build.mjs), so
// commands that never meet unusual frontmatter never load it.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';

export interface SplitDocument {
  /** True when the file starts with a UTF-8 byte order mark. */
  bom: boolean;
  /** Line ending of the opening delimiter; edits insert this one. */
  eol: '\n' | '\r\n';
  /** Offset of the YAML text in the original string. */
  yamlStart: number;
  /** The YAML between the delimiters, including the newline ending its last line. */
  yaml: string;
  /** 1-based line of the first YAML line. */
  yamlLine: number;
  /** Offset where the body starts (after the closing delimiter's line). */
  bodyStart: number;
  body: string;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

export type SplitProblem =
  | { problem: 'none' } // no frontmatter at all
  | { problem: 'not-first-line'; line: number } // a `---` block exists, but not on line 1
  | { problem: 'unclosed'; line: number }; // opened on line 1, never closed

const OPEN = /^---[ \t]*(\r?\n)/;
/** The closing line, `---` or `...`, with the newline before it (lines end at `\n` only, as Git's do). */
const CLOSE = /\n(?:---|\.\.\.)[ \t]*(?=\r?(?:\n|$))/g;

/** HTML comments (an SPDX licence header, say) and blank lines that may stand above the block. */
const LEADING_COMMENTS = /^(?:[ \t]*<!--[\s\S]*?-->[ \t]*\r?\n|[ \t]*\r?\n)*/;

export function splitFrontmatter(text: string): SplitDocument | SplitProblem {
  const bom = text.charCodeAt(0) === 0xfeff;
  let start = bom ? 1 : 0;
  // Comments above the block are the file's own (REUSE-style licence headers): the block starts after them.
  if (text.startsWith('<!--', start)) start += LEADING_COMMENTS.exec(text.slice(start, start + 20_000))![0].length;
  const open = OPEN.exec(text.slice(start, start + 64));
  if (!open) {
    // People sometimes leave a title or blank lines above the block: say where it is.
    const later = /(^|\n)---[ \t]*\r?\n[\s\S]*?\n---[ \t]*(\r?\n|$)/.exec(text.slice(0, 200_000));
    const offset = later ? later.index + (later[1] ? 1 : 0) : 0;
    // Only a block at the top (after blank lines and one line at most, a title): further down, a
    // `---` pair is a thematic break around body text, which is no misplaced frontmatter.
    const above = text
      .slice(start, offset)
      .split('\n')
      .filter((l) => l.trim() !== '').length;
    if (later && above <= 1 && /^\s*[A-Za-z_"'][^\n]*:/.test(text.slice(later.index + later[0].indexOf('---') + 4, later.index + 400))) {
      return { problem: 'not-first-line', line: lineAt(text, offset) };
    }
    return { problem: 'none' };
  }
  const eol = open[1] === '\r\n' ? '\r\n' : '\n';
  const yamlStart = start + open[0].length;
  // One search for the closing line rather than a test per line: create and list split every document.
  CLOSE.lastIndex = yamlStart - 1; // the opening line's newline
  const close = CLOSE.exec(text);
  if (!close) return { problem: 'unclosed', line: 1 };
  const pos = close.index + 1;
  const nl = text.indexOf('\n', pos);
  const bodyStart = nl === -1 ? text.length : nl + 1;
  return {
    bom,
    eol,
    yamlStart,
    yaml: text.slice(yamlStart, pos),
    yamlLine: lineAt(text, yamlStart),
    bodyStart,
    body: text.slice(bodyStart),
    bodyLine: lineAt(text, bodyStart),
  };
}

export function isSplit(s: SplitDocument | SplitProblem): s is SplitDocument {
  return !('problem' in s);
}

/** 1-based line number of an offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export interface YamlProblem {
  message: string;
  /** 1-based line within the YAML text. */
  line: number;
  col: number;
}

export type ParsedYaml = { ok: true; data: Record<string, unknown>; doc: Document } | { ok: false; problem: YamlProblem };

const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, strict: true } as const;

/** Parses frontmatter YAML into a plain object, or says precisely why it cannot. */
export function parseYaml(yaml: string, lineOffset = 0): ParsedYaml {
  const doc = parseDocument(yaml, PARSE_OPTIONS);
  const err = doc.errors[0];
  if (err) {
    // linePos is only filled with prettyErrors; compute the position from the offset instead.
    const offset = err.pos?.[0] ?? 0;
    // An error at the very end (an unclosed quote, say) belongs to the last line that has text.
    let line = Math.min(lineAt(yaml, offset), lineAt(yaml, yaml.trimEnd().length));
    const col = offset - (yaml.lastIndexOf('\n', offset - 1) + 1) + 1;
    let message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (err.code === 'DUPLICATE_KEY') {
      // The parser points at the map; people need the line of the repeated key.
      const dup = duplicateTopLevelKey(yaml);
      if (dup) [message, line] = [`key "${dup.key}" appears twice (first on line ${dup.first + lineOffset})`, dup.line];
    }
    return { ok: false, problem: { message, line, col: Math.max(1, col) } };
  }
  if (doc.contents === null) return { ok: true, data: {}, doc };
  if (!isMap(doc.contents)) {
    const what = isSeq(doc.contents) ? 'a list' : 'a single value';
    const line = lineAt(yaml, doc.contents.range?.[0] ?? 0);
    return { ok: false, problem: { message: `frontmatter is ${what}, expected "key: value" lines`, line, col: 1 } };
  }
  let data: unknown;
  try {
    // maxAliasCount guards against alias bombs ("billion laughs") in hostile files.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problem: { message: (e as Error).message, line: 1, col: 1 } };
  }
  return { ok: true, data: data as Record<string, unknown>, doc };
}

function duplicateTopLevelKey(yaml: string): { key: string; line: number; first: number } | undefined {
  const seen = new Map<string, number>();
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(["']?)([^\s#'"][^:]*?)\1\s*:(\s|$)/.exec(lines[i]!);
    if (!m) continue;
    const first = seen.get(m[2]!);
    if (first !== undefined) return { key: m[2]!, line: i + 1, first };
    seen.set(m[2]!, i + 1);
  }
  return undefined;
}

/** 1-based line (within the YAML text) of a top-level key, for precise findings. */
export function keyLine(doc: Document, yaml: string, key: string): number | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = findPair(doc.contents, key);
  const off = (pair?.key as Node | undefined)?.range?.[0];
  return off === undefined ? undefined : lineAt(yaml, off);
}

// ---------------------------------------------------------------------------------------------
// Surgical edits

export type FrontmatterEdit =
  /** Set a value at a path of keys / indexes; a missing top-level key is appended to the map. */
  | { op: 'set'; path: readonly (string | number)[]; value: unknown }
  /** Append one item to a top-level list, creating it when absent. */
  | { op: 'append'; key: string; item: unknown }
  /** Remove item `index` of a top-level list; `dropEmpty` removes the key when no item is left. */
  | { op: 'remove'; key: string; index: number; dropEmpty?: boolean }
  /** Remove a top-level key and its value (its lines, comments on them included). */
  | { op: 'delete'; key: string };

/** Applies edits to frontmatter YAML text and returns the new text; untouched bytes are kept. */
export function editYaml(yaml: string, edits: readonly FrontmatterEdit[], eol: '\n' | '\r\n'): string {
  let text = yaml;
  for (const edit of edits) text = applyOne(text, edit, eol);
  return text;
}

/** Applies edits to a whole document (frontmatter must exist and parse). */
export function editDocument(text: string, edits: readonly FrontmatterEdit[]): string {
  const split = splitFrontmatter(text);
  if (!isSplit(split)) throw new RefusedError('the document has no frontmatter to edit; add one by hand.');
  const yaml = editYaml(split.yaml, edits, split.eol);
  return text.slice(0, split.yamlStart) + yaml + text.slice(split.yamlStart + split.yaml.length);
}

function applyOne(yaml: string, edit: FrontmatterEdit, eol: string): string {
  const doc = parseDocument(yaml, PARSE_OPTIONS);
  if (doc.errors.length) throw new RefusedError(`its frontmatter does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it by hand first.`);
  if (doc.contents === null) {
    // Empty (or comments only): append the first key at the end.
    if (edit.op === 'remove' || edit.op === 'delete') throw new RefusedError(`${edit.key} is not in the frontmatter.`);
    const key = edit.op === 'set' ? String(edit.path[0]) : edit.key;
    const value = edit.op === 'set' ? (edit.path.length === 1 ? edit.value : undefined) : [edit.item];
    if (value === undefined) throw new Error(`cannot set nested ${edit.op === 'set' ? edit.path.join('.') : ''} in empty frontmatter`);
    const sep = yaml === '' || yaml.endsWith('\n') ? '' : eol;
    return yaml + sep + renderPair(key, value, '', eol) + eol;
  }
  if (!isMap(doc.contents)) throw new RefusedError('its frontmatter is not a map of keys; fix it by hand first.');
  if (edit.op === 'append') return appendItem(yaml, doc.contents, edit.key, edit.item, eol);
  if (edit.op === 'remove') return removeItem(yaml, doc.contents, edit.key, edit.index, edit.dropEmpty === true, eol);
  if (edit.op === 'delete') return deleteKey(yaml, doc.contents, edit.key);
  return setPath(yaml, doc.contents, edit.path, edit.value, eol);
}

/** Offset of the start of the line holding `pos`. */
function lineStart(yaml: string, pos: number): number {
  return yaml.lastIndexOf('\n', pos - 1) + 1;
}

/** Offset just past the line ending of the line holding `pos` (or the end of the text). */
function nextLine(yaml: string, pos: number): number {
  const nl = yaml.indexOf('\n', pos);
  return nl === -1 ? yaml.length : nl + 1;
}

function deleteKey(yaml: string, root: YAMLMap, key: string): string {
  const at = root.items.findIndex((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key);
  if (at === -1) return yaml;
  const pair = root.items[at] as Pair;
  guardNode(pair.value as Node | null, key);
  const start = lineStart(yaml, (pair.key as Node).range![0]);
  const next = root.items[at + 1]?.key as Node | undefined;
  // Up to the next key's line, or past the value's last line: the pair's own comments go with it.
  let end = next?.range ? lineStart(yaml, next.range[0]) : nextLine(yaml, mapEnd(yaml, root));
  if (!next && end === yaml.length && start > 0 && !yaml.endsWith('\n')) return yaml.slice(0, start - (yaml[start - 2] === '\r' ? 2 : 1));
  if (end < start) end = start;
  return yaml.slice(0, start) + yaml.slice(end);
}

function removeItem(yaml: string, root: YAMLMap, key: string, index: number, dropEmpty: boolean, eol: string): string {
  const pair = findPair(root, key);
  const node = pair?.value as Node | null | undefined;
  guardNode(node, key);
  if (!node || !isSeq(node) || !node.items[index]) throw new RefusedError(`${key} has no item ${index + 1} to remove; fix it by hand first.`);
  const items = node.toJSON() as unknown[];
  if (items.length === 1) return dropEmpty ? deleteKey(yaml, root, key) : setPath(yaml, root, [key], [], eol);
  if (node.flow) {
    // A flow list keeps its style: the other items as written, in brackets.
    const kept = (node.items as Node[]).filter((_, i) => i !== index).map((n) => yaml.slice(n.range![0], n.range![1]));
    return splice(yaml, node.range![0], node.range![1], `[${kept.join(', ')}]`);
  }
  // A block list: the item's lines go, from its dash to the next item's (or the list's end).
  const item = node.items[index] as Node;
  const start = lineStart(yaml, item.range![0]);
  const following = node.items[index + 1] as Node | undefined;
  const end = following ? lineStart(yaml, following.range![0]) : nextLine(yaml, lineEnd(yaml, Math.max(item.range![0], item.range![1] - 1)));
  // The last line of a text without a final line ending: the line ending before it goes instead.
  if (end === yaml.length && !yaml.endsWith('\n')) return yaml.slice(0, start - (yaml[start - 2] === '\r' ? 2 : 1));
  return yaml.slice(0, start) + yaml.slice(end);
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === key) as Pair | undefined;
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function isScalarValue(v: unknown): boolean {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

function setPath(yaml: string, root: YAMLMap, path: readonly (string | number)[], value: unknown, eol: string): string {
  let parent: Node = root;
  for (const seg of path.slice(0, -1)) {
    const child = isMap(parent) ? findPair(parent, String(seg))?.value : isSeq(parent) ? parent.items[Number(seg)] : undefined;
    if (!child || !(isMap(child) || isSeq(child))) throw new RefusedError(`${path.join('.')} is not a list or a map; fix it by hand first.`);
    parent = child as Node;
  }
  const last = path[path.length - 1]!;
  guardNode(parent, path.join('.'));
  if (isSeq(parent)) {
    const item = parent.items[Number(last)] as Node | undefined;
    if (!item || !isScalar(item) || !isScalarValue(value))
      throw new RefusedError(`${path.join('.')} is not a plain value archdoc can change; fix it by hand first.`);
    return splice(yaml, item.range![0], item.range![1], renderScalar(value, item));
  }
  const map = parent as YAMLMap;
  const pair = findPair(map, String(last));
  if (!pair) {
    // Append the new key after the map's last entry, at the map's own indentation.
    const firstKey = map.items[0]?.key as Node | undefined;
    const indent = firstKey?.range ? ' '.repeat(columnOf(yaml, firstKey.range[0])) : '';
    const end = mapEnd(yaml, map);
    return splice(yaml, end, end, eol + renderPair(String(last), value, indent, eol));
  }
  const node = pair.value as Node | null;
  guardNode(node, String(last));
  if (node && isScalar(node) && isScalarValue(value) && node.range) {
    const [s, e] = node.range;
    let text = renderScalar(value, node);
    if (s === e && yaml[s - 1] === ':') text = ` ${text}`; // `key:` with no value
    return splice(yaml, s, e, text);
  }
  // Whole-value replacement (collections, or a scalar becoming a collection).
  const keyNode = pair.key as Node;
  const colon = yaml.indexOf(':', keyNode.range![1]);
  const end = node?.range ? node.range[1] : colon + 1;
  const indent = ' '.repeat(columnOf(yaml, keyNode.range![0]));
  const rendered = renderPair('k', value, indent, eol);
  let insert = rendered.slice(indent.length + 2);
  // A block collection's range takes in its last line's end: the key after it keeps its own line.
  const lineEnd = /\r?\n$/.exec(yaml.slice(colon + 1, end))?.[0];
  if (lineEnd && !insert.endsWith('\n')) insert += lineEnd;
  return splice(yaml, colon + 1, end, insert);
}

/** Offset just after the last entry of a map (before trailing comments and newlines). */
function mapEnd(yaml: string, map: YAMLMap): number {
  const lastPair = map.items[map.items.length - 1];
  const v = lastPair?.value as Node | null | undefined;
  const k = lastPair?.key as Node | undefined;
  let end = v?.range?.[1] ?? k?.range?.[1] ?? map.range?.[1] ?? yaml.length;
  // A value's range ends before its trailing newline; step back over whitespace a block may include.
  while (end > 0 && (yaml[end - 1] === '\n' || yaml[end - 1] === '\r')) end--;
  return lineEnd(yaml, end);
}

/** End of the line holding `pos`, before its line ending, so a trailing comment stays on its line. */
function lineEnd(yaml: string, pos: number): number {
  const nl = yaml.indexOf('\n', pos);
  if (nl === -1) return yaml.length;
  return yaml[nl - 1] === '\r' ? nl - 1 : nl;
}

/** A node archdoc must not rewrite: anchored or tagged values belong to their author. */
function guardNode(node: Node | null | undefined, key: string): void {
  if (node && (('anchor' in node && node.anchor) || ('tag' in node && node.tag && !String(node.tag).startsWith('tag:yaml.org,2002:')))) {
    throw new RefusedError(`${key} uses a YAML anchor or tag; archdoc will not rewrite it. Change it by hand.`);
  }
}

function appendItem(yaml: string, root: YAMLMap, key: string, item: unknown, eol: string): string {
  const pair = findPair(root, key);
  const node = pair?.value as Node | null | undefined;
  guardNode(node, key);
  if (node && !isSeq(node) && !(isScalar(node) && (node.value === null || node.value === ''))) {
    throw new RefusedError(`${key} is not a list, so archdoc cannot add to it. Make it a list (or remove it) by hand.`);
  }
  if (node && isSeq(node) && !node.flow && node.items.length > 0 && node.range) {
    let end = node.range[1];
    while (end > 0 && (yaml[end - 1] === '\n' || yaml[end - 1] === '\r')) end--;
    end = lineEnd(yaml, end);
    const indent = ' '.repeat(columnOf(yaml, node.range[0]));
    const rendered = stringify([item], { lineWidth: 0 })
      .replace(/\n$/, '')
      .split('\n')
      .map((l) => indent + l)
      .join(eol);
    return splice(yaml, end, end, eol + rendered);
  }
  const existing = node && isSeq(node) ? (node.toJSON() as unknown[]) : [];
  return setPath(yaml, root, [key], [...existing, item], eol);
}

function renderPair(key: string, value: unknown, indent: string, eol: string): string {
  return stringify({ [key]: value }, { lineWidth: 0 })
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => indent + l)
    .join(eol);
}

/** Renders a scalar for the place of `old`, keeping its quoting style when it can. */
function renderScalar(value: unknown, old?: Scalar | Node): string {
  if (typeof value === 'string') {
    const type = old && isScalar(old) ? old.type : undefined;
    if (type === 'QUOTE_DOUBLE' || /[\n\r\t]/.test(value)) return JSON.stringify(value);
    if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  }
  return stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
}
