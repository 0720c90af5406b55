/**
 * Renumbering one document (two branches merged, both made RFC-0002): the plan gives it its new id
 * in its file name, its id field, its `title` field and first heading, and rewrites every
 * reference to it. Pure: texts in, new texts and a line-by-line account out. Only id tokens, file
 * names and link targets are replaced, so line endings, quoting, comments and all other bytes stay.
 *
 * A reference to the document is:
 * - an entry of a frontmatter link field (fieldLinks) naming its id in any form (`rfc-2`,
 *   `RFC-0002 (title)`, a file name, a path): the id token in it becomes the new id;
 * - a relative Markdown link (markdownLinks) that resolves to its file;
 * - in a body, code included: its canonical id as a whole word (`RFC-0002`, not `RFC-00021` nor the
 *   file name `RFC-0002-other.md`), and its file name when that name carries the id.
 * Loose ids in prose (`rfc 2`) and other frontmatter fields are left alone. An entry that cannot be
 * located exactly (a block scalar, an anchor, an escaped string) is left and reported in `skipped`.
 *
 * When other documents carry the same id, a reference by id in a third document is rewritten only
 * when `attribute` says it names this one; inside this document it always does, inside another
 * holder never. A reference by path (a link, a path, a file name no other holder has) follows the file.
 */
import { Fences } from './fences.js';
import path from 'node:path/posix';
import { asText, isBinary, parseDoc, type DocRecord } from './document.js';
import { RefusedError } from './errors.js';
import { isSplit, splitFrontmatter, type SplitDocument } from './frontmatter.js';
import { formatId, parseIdInput } from './ids.js';
import { encodeHref, type FieldLink, fieldLinks, type IdIndex, markdownLinks, referencedId, relativeLink, resolveLink, samePath } from './links.js';

export type Attribution = 'this' | 'other' | 'unknown';

export interface RenumberInput {
  /** Every document (and any other Markdown file whose links should follow): repository path → text. */
  texts: ReadonlyMap<string, string>;
  /** The same documents, parsed whole (parseDoc, documentsFromTexts). */
  docs: readonly DocRecord[];
  /** The document to renumber. */
  target: DocRecord;
  /** Its new id, canonical and of its kind (`RFC-0005`). */
  newId: string;
  prefixes: readonly string[];
  padding: number;
  /** Whom a reference by id names, when other documents carry the old id too. */
  attribute?: (path: string, line: number) => Attribution;
}

export interface RenumberChange {
  path: string;
  /** 1-based. */
  line: number;
  /** The line without its line ending. */
  before: string;
  after: string;
}

export interface RenumberPlan {
  /** The document's old and new path. */
  from: string;
  to: string;
  /** The new text of every file that changes, by its path after the change (the document under `to`). */
  texts: Map<string, string>;
  /** Every changed line, by path then line. */
  changes: RenumberChange[];
  /** Lines left as they are because their reference by id may name another holder (before === after). */
  ambiguous: RenumberChange[];
  /** Lines naming the document that could not be rewritten exactly (before === after). */
  skipped: RenumberChange[];
}

export interface IdToken {
  prefix: string;
  num: number;
  start: number;
  end: number;
}

/** Every id-shaped token of a known prefix in `text`, scanned exactly as idInReference scans. */
function idTokens(text: string, prefixes: readonly string[]): IdToken[] {
  const out: IdToken[] = [];
  const re = /(?:^|[^A-Za-z0-9])([A-Za-z]+)[-_]?(\d{1,9})(?![0-9])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const prefix = m[1]!.toUpperCase();
    if (!prefixes.includes(prefix)) continue;
    const start = /^[A-Za-z]/.test(m[0]) ? m.index : m.index + 1;
    out.push({ prefix, num: Number(m[2]), start, end: m.index + m[0].length });
  }
  return out;
}

/** Where in `ref` idInReference reads the id: the first token of the file name, else of the whole. */
export function referenceToken(ref: string, prefixes: readonly string[]): IdToken | undefined {
  const base = ref.replace(/\\/g, '/').split('/').pop() ?? ref;
  const offset = ref.length - base.length;
  const inBase = idTokens(base, prefixes)[0];
  return inBase ? { ...inBase, start: inBase.start + offset, end: inBase.end + offset } : idTokens(ref, prefixes)[0];
}

/**
 * The file name a renumbered document takes: the first id token naming its old number replaced by
 * the new id (`rfc-2-x.md` → `RFC-0005-x.md`), else a leading number that is the old one renumbered
 * at the same width (`0002-x.md` → `0005-x.md`), else the new id in front (`x.md` → `RFC-0005-x.md`).
 * `carriesId` says the name holds the id, so mentions of it in prose can be told from other words.
 */
export function renumberedName(name: string, prefix: string, oldNum: number, newId: string): { name: string; carriesId: boolean } {
  const token = idTokens(name, [prefix]).find((t) => t.num === oldNum);
  if (token) return { name: name.slice(0, token.start) + newId + name.slice(token.end), carriesId: true };
  const lead = /^(\d{1,9})(?=[-_])/.exec(name);
  const newNum = parseIdInput(newId)?.num;
  if (lead && Number(lead[1]) === oldNum && newNum !== undefined) {
    return { name: String(newNum).padStart(lead[1]!.length, '0') + name.slice(lead[1]!.length), carriesId: true };
  }
  return { name: `${newId}-${name}`, carriesId: false };
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Offsets where each line starts, for turning an offset into a 1-based line. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

function lineOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

// ---------------------------------------------------------------------------------------------
// Locating frontmatter values in the text

/** A piece of a line: its text (no line ending) and the offset of its first character in the file. */
interface Piece {
  text: string;
  at: number;
}

/** A top-level `key: value` entry: what follows the colon, and the lines below it up to the next key. */
interface Entry {
  rest: Piece;
  more: Piece[];
}

function yamlEntries(split: SplitDocument): Map<string, Entry> {
  const out = new Map<string, Entry>();
  let current: Entry | undefined;
  let at = split.yamlStart;
  for (const raw of split.yaml.split('\n')) {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const key = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t]|$)/.exec(text);
    if (key) {
      current = { rest: { text: text.slice(key[0].length), at: at + key[0].length }, more: [] };
      if (!out.has(key[1]!)) out.set(key[1]!, current);
    } else if (text === '' || /^[ \t#-]/.test(text)) current?.more.push({ text, at });
    else current = undefined;
    at += raw.length + 1;
  }
  return out;
}

/** One value as YAML reads it: nothing, a string scalar (its unquoted text), or a map's first key. */
type Value = { nil: true } | { nil: false; text: string; at: number; map: boolean };

const NIL_WORDS = new Set(['~', 'null', 'Null', 'NULL']);
const blank = (s: string) => /^\s*(?:#.*)?$/.test(s);

/**
 * A value standing alone on its line (after `key:` or `- `), or undefined when it is not one this
 * code rewrites exactly: block scalars, anchors, tags, escapes, nested lists, multi-line strings.
 */
function readValue(piece: Piece, allowMap: boolean): Value | undefined {
  const s = piece.text;
  const i = s.search(/\S/);
  if (i === -1 || s[i] === '#') return { nil: true };
  const c = s[i]!;
  if (c === '"' || c === "'") {
    const j = s.indexOf(c, i + 1);
    const inner = j === -1 ? '' : s.slice(i + 1, j);
    if (j === -1 || (c === '"' && inner.includes('\\')) || (c === "'" && s[j + 1] === "'") || !blank(s.slice(j + 1))) return undefined;
    return inner === '' ? { nil: true } : { nil: false, text: inner, at: piece.at + i + 1, map: false };
  }
  if (c === '{') {
    const m = /^\{[ \t]*([^\s"'{}[\],:#&*!|>%@`?-][^"'{}[\],:#]*?)[ \t]*:(?:[ \t][^{}[\],#]*)?\}[ \t]*(?:#.*)?$/.exec(s.slice(i));
    return m ? { nil: false, text: m[1]!, at: piece.at + i + m[0].indexOf(m[1]!), map: true } : undefined;
  }
  if ('[|>&*!%@`?'.includes(c) || /^-(?:\s|$)/.test(s.slice(i))) return undefined;
  const cut = s.slice(i).search(/\s#/);
  const text = (cut === -1 ? s.slice(i) : s.slice(i, i + cut)).trimEnd();
  const colon = text.search(/:(?:\s|$)/);
  if (colon !== -1) {
    // `- RFC-0010: Some title` is a one-key map; its key is the reference.
    const key = text.slice(0, colon).trimEnd();
    if (!allowMap || key === '' || /["'{}[\]]/.test(key)) return undefined;
    return { nil: false, text: key, at: piece.at + i, map: true };
  }
  return NIL_WORDS.has(text) ? { nil: true } : { nil: false, text, at: piece.at + i, map: false };
}

/** The items of a one-line flow list `[a, "b", c]`, or undefined when it is anything else. */
function readFlowList(piece: Piece): Value[] | undefined {
  const s = piece.text;
  let j = s.indexOf('[') + 1;
  const out: Value[] = [];
  for (;;) {
    while (s[j] === ' ' || s[j] === '\t') j++;
    if (s[j] === ']') break;
    let value: Value | undefined;
    if (s[j] === '"' || s[j] === "'") {
      const q = s[j]!;
      const end = s.indexOf(q, j + 1);
      if (end === -1 || (q === '"' && s.slice(j, end).includes('\\')) || (q === "'" && s[end + 1] === "'")) return undefined;
      value = end === j + 1 ? { nil: true } : { nil: false, text: s.slice(j + 1, end), at: piece.at + j + 1, map: false };
      j = end + 1;
    } else {
      const end = s.slice(j).search(/[,\]]/);
      if (end === -1) return undefined;
      const text = s.slice(j, j + end).trimEnd();
      if (text === '' || /[[\]{}"'#]|:(?:\s|$)/.test(text)) return undefined;
      value = NIL_WORDS.has(text) ? { nil: true } : { nil: false, text, at: piece.at + j, map: false };
      j += end;
    }
    out.push(value);
    while (s[j] === ' ' || s[j] === '\t') j++;
    if (s[j] === ',') j++;
    else if (s[j] !== ']') return undefined;
  }
  return blank(s.slice(j + 1)) ? out : undefined;
}

/** The values of a top-level entry, one per item of a list; undefined when not located exactly. */
function entryValues(entry: Entry): Value[] | undefined {
  const rest = entry.rest.text.trimStart();
  const below = entry.more.filter((p) => !blank(p.text));
  if (rest !== '' && rest[0] !== '#') {
    if (below.length) return undefined; // a value running over several lines
    if (rest[0] === '[') return readFlowList(entry.rest);
    const v = readValue(entry.rest, false);
    return v ? [v] : undefined;
  }
  const out: Value[] = [];
  const indent = below[0] ? /^ */.exec(below[0].text)![0].length : 0;
  for (const p of below) {
    const dash = /^( *)-(?: |$)/.exec(p.text);
    if (!dash || dash[1]!.length !== indent) return undefined;
    const v = readValue({ text: p.text.slice(dash[0].length), at: p.at + dash[0].length }, true);
    if (!v) return undefined;
    out.push(v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The plan

/** A replacement of `start..end`. Lower ranks win overlaps; `by` says what decides whether it is made. */
interface Edit {
  start: number;
  end: number;
  text: string;
  rank: number;
  by: 'always' | 'id' | 'never';
  /** The fieldLinks entry it rewrites. */
  link?: number;
}

export function planRenumber(input: RenumberInput): RenumberPlan {
  const { target, newId, padding } = input;
  const index = { prefixes: [...input.prefixes], padding };
  const prefix = target.kind.prefix;
  const from = target.path;
  const oldId = target.id;
  const oldNum = target.num;
  if (!oldId || oldNum === undefined || !input.texts.has(from)) throw new RefusedError(`${from} has no id to renumber.`);
  const parsed = parseIdInput(newId);
  if (!parsed || parsed.prefix !== prefix || formatId(prefix, parsed.num, padding) !== newId) {
    throw new RefusedError(`${newId} is not an id like ${formatId(prefix, 1, padding)}.`);
  }
  if (newId === oldId) throw new RefusedError(`${from} is already ${newId}.`);
  const taken = input.docs.find((d) => d.id === newId);
  if (taken) throw new RefusedError(`${newId} is already the id of ${taken.path}.`);
  const oldName = path.basename(from);
  const renamed = renumberedName(oldName, prefix, oldNum, newId);
  const to = path.join(path.dirname(from), renamed.name);
  if (input.texts.has(to)) throw new RefusedError(`${to} already exists.`);

  const docsByPath = new Map(input.docs.map((d) => [d.path, d]));
  const holders = new Set(input.docs.filter((d) => d.id === oldId && d.path !== from).map((d) => d.path));
  const holderNames = new Set([...holders].map((p) => path.basename(p)));
  // A file name another holder shares is a reference by id, not by path.
  const nameShared = holderNames.has(oldName);
  const bareId = new RegExp(`(?<![A-Za-z0-9_-])${literal(oldId)}(?![A-Za-z0-9_])(?!-[A-Za-z0-9])`, 'g');
  const bareName = renamed.carriesId ? new RegExp(`(?<![A-Za-z0-9_.-])${literal(oldName)}(?![A-Za-z0-9_])`, 'g') : undefined;
  const ownId = new RegExp(`(?<![A-Za-z0-9])${literal(prefix)}[-_ ]?0*(\\d{1,9})(?!\\d)`, 'gi');

  const plan: RenumberPlan = { from, to, texts: new Map(), changes: [], ambiguous: [], skipped: [] };

  /** The span of the first loose form of the old id in `text` (`RFC-0002`, `rfc 2`), if any. */
  const ownToken = (text: string): { start: number; end: number } | undefined => {
    for (const m of text.matchAll(ownId)) if (Number(m[1]) === oldNum) return { start: m.index, end: m.index + m[0].length };
    return undefined;
  };

  /** Whether a field entry names the document by path: true, names another holder's file: false, else undefined. */
  const byPath = (fromDoc: string, ref: string): boolean | undefined => {
    const norm = ref.replace(/\\/g, '/');
    const name = norm.slice(norm.lastIndexOf('/') + 1);
    if (norm.includes('/')) {
      const places = [resolveLink(fromDoc, norm), path.normalize(norm)];
      if (places.some((p) => samePath(p, from))) return true;
      if (places.some((p) => holders.has(p))) return false;
    }
    if (samePath(name, oldName) && !nameShared) return true;
    if (!samePath(name, oldName) && holderNames.has(name)) return false;
    return undefined;
  };

  /** The link target that points from `fromDoc` at the new file, keeping the folder part as written. */
  const newTarget = (fromDoc: string, written: string): string => {
    const cut = written.lastIndexOf('/') + 1;
    const name = written.slice(cut);
    let decoded = name;
    try {
      decoded = decodeURI(name);
    } catch {
      // keep as written
    }
    if (samePath(decoded, oldName)) {
      // Written as it is (in NFC or NFD) stays so; percent-encoded stays encoded.
      const candidate = written.slice(0, cut) + (/%[0-9A-Fa-f]{2}/.test(name) ? encodeHref(renamed.name) : renamed.name);
      if (samePath(resolveLink(fromDoc, candidate), to)) return candidate;
    }
    return encodeHref(relativeLink(fromDoc, to));
  };

  for (const [file, text] of input.texts) {
    if (isBinary(text)) continue;
    const doc = docsByPath.get(file);
    const role = file === from ? 'target' : holders.has(file) ? 'holder' : 'other';
    const edits: Edit[] = [];
    const split = splitFrontmatter(text);
    const bodyStart = isSplit(split) ? split.bodyStart : 0;
    const starts = lineStarts(text);
    const skipped = new Set<number>();
    const entries = isSplit(split) ? yamlEntries(split) : new Map<string, Entry>();
    const links = doc?.parsed ? fieldLinks(doc, index) : [];

    // Frontmatter link fields: every entry naming the old id, located in the text.
    const fields = new Map<string, number[]>();
    links.forEach((l, i) => {
      const list = fields.get(l.field);
      if (list) list.push(i);
      else fields.set(l.field, [i]);
    });
    for (const [field, at] of fields) {
      if (!at.some((i) => links[i]!.target === oldId)) continue;
      const entry = entries.get(field);
      const values = entry && entryValues(entry)?.filter((v) => !v.nil);
      const located =
        values?.length === at.length && values.every((v, k) => !v.nil && referencedId(v.map ? { [v.text]: null } : v.text, index) === links[at[k]!]!.target);
      if (!located || !values) {
        skipped.add(entry ? lineOf(starts, entry.rest.at) : (doc?.keyLines[field] ?? 1));
        continue;
      }
      values.forEach((v, k) => {
        if (v.nil || links[at[k]!]!.target !== oldId) return;
        const token = referenceToken(v.text, index.prefixes)!;
        const named = byPath(file, v.text);
        const by = named === true ? 'always' : named === false ? 'never' : role === 'target' ? 'always' : role === 'holder' ? 'never' : 'id';
        edits.push({ start: v.at + token.start, end: v.at + token.end, text: newId, rank: 0, by, link: at[k]! });
      });
    }

    if (role === 'target') {
      // The id field (as parseDoc reads it: the kind's key, else `id`) and the title field.
      const idKey = asText(target.data[target.kind.idKey]) !== undefined ? target.kind.idKey : asText(target.data.id) !== undefined ? 'id' : undefined;
      for (const key of [idKey, 'title']) {
        const entry = key === undefined ? undefined : entries.get(key);
        if (!entry) continue;
        const values = entryValues(entry);
        const v = values?.length === 1 ? values[0] : undefined;
        const token = v && !v.nil && !v.map ? ownToken(v.text) : undefined;
        if (v && !v.nil && token) edits.push({ start: v.at + token.start, end: v.at + token.end, text: newId, rank: 0, by: 'always' });
        else if (key === idKey) skipped.add(lineOf(starts, entry.rest.at));
      }
      // The first `# ` heading that names the old id, outside code blocks.
      const fences = new Fences();
      for (let i = lineOf(starts, bodyStart) - 1; i < starts.length; i++) {
        const line = text.slice(starts[i], (starts[i + 1] ?? text.length + 1) - 1);
        const fenced = fences.feed(line);
        const token = !fenced && /^#[ \t]/.test(line) ? ownToken(line) : undefined;
        if (token) {
          edits.push({ start: starts[i]! + token.start, end: starts[i]! + token.end, text: newId, rank: 0, by: 'always' });
          break;
        }
      }
    }

    // The body: links that resolve to the file, then its name, then its id as a word.
    const body = text.slice(bodyStart);
    const targets: Array<[number, number]> = [];
    /** Where each link's target starts in the body, with the side it points at: this document, another holder of the id, or neither. */
    const pointsAt = new Map<number, Edit['by'] | undefined>();
    for (const link of markdownLinks(body)) {
      targets.push([bodyStart + link.start, bodyStart + link.end]);
      const at = resolveLink(file, link.target);
      const here = samePath(at, from);
      pointsAt.set(link.start, here ? 'always' : holders.has(at) ? 'never' : undefined);
      if (here) {
        edits.push({ start: bodyStart + link.start, end: bodyStart + link.end, text: newTarget(file, link.target), rank: 1, by: 'always' });
      }
    }
    const inTarget = (start: number) => targets.some(([s, e]) => start >= s && start < e);
    const byId = role === 'target' ? 'always' : role === 'holder' ? 'never' : 'id';
    for (const m of bareName ? body.matchAll(bareName) : []) {
      const start = bodyStart + m.index;
      if (!inTarget(start)) edits.push({ start, end: start + oldName.length, text: renamed.name, rank: 2, by: nameShared ? byId : 'always' });
    }
    for (const m of body.matchAll(bareId)) {
      const start = bodyStart + m.index;
      if (inTarget(start)) continue;
      // The id as a link's whole text (`[RFC-0002](draft/RFC-0002-x.md)`, as an index row writes
      // it) names the file the link points at, whichever holder wrote it.
      const after = body[m.index - 1] === '[' ? /^\]\( *<?/.exec(body.slice(m.index + oldId.length, m.index + oldId.length + 8)) : null;
      const linked = after && role === 'other' ? pointsAt.get(m.index + oldId.length + after[0].length) : undefined;
      edits.push({ start, end: start + oldId.length, text: newId, rank: 3, by: linked ?? byId });
    }

    // Overlaps go to the lower rank; then each reference by id is attributed.
    const kept: Edit[] = [];
    for (const e of edits.sort((a, b) => a.rank - b.rank || a.start - b.start)) {
      if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
    }
    const ambiguous = new Set<number>();
    const made = kept.filter((e) => {
      if (e.by !== 'id') return e.by === 'always';
      if (holders.size === 0) return true;
      const line = lineOf(starts, e.start);
      const who = input.attribute?.(file, line) ?? 'unknown';
      if (who === 'unknown') ambiguous.add(line);
      return who === 'this';
    });

    let out = apply(text, made);
    // The rewritten link fields must read back as the old ones with the new id; else leave them.
    const rewritten = new Set(made.flatMap((e) => (e.link === undefined ? [] : [e.link])));
    if (doc && rewritten.size && !sameLinks(parseDoc(out, file, doc.kind, padding), links, rewritten, newId, index)) {
      for (const e of made) if (e.link !== undefined) skipped.add(lineOf(starts, e.start));
      out = apply(
        text,
        made.filter((e) => e.link === undefined),
      );
    }

    const newPath = role === 'target' ? to : file;
    if (out !== text || role === 'target') plan.texts.set(newPath, out);
    const before = text.split('\n');
    const after = out.split('\n');
    const bare = (line: string) => (line.endsWith('\r') ? line.slice(0, -1) : line);
    after.forEach((line, i) => {
      if (line !== before[i]) plan.changes.push({ path: newPath, line: i + 1, before: bare(before[i] ?? ''), after: bare(line) });
    });
    const note = (lines: Set<number>, into: RenumberChange[]) => {
      for (const n of [...lines].sort((a, b) => a - b)) into.push({ path: newPath, line: n, before: bare(after[n - 1]!), after: bare(after[n - 1]!) });
    };
    note(ambiguous, plan.ambiguous);
    note(skipped, plan.skipped);
  }
  const order = (a: RenumberChange, b: RenumberChange) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);
  plan.changes.sort(order);
  plan.ambiguous.sort(order);
  plan.skipped.sort(order);
  return plan;
}

/** Whether `doc`'s link fields are `old` with the entries numbered in `rewritten` now naming `newId`. */
function sameLinks(doc: DocRecord, old: FieldLink[], rewritten: Set<number>, newId: string, index: Pick<IdIndex, 'prefixes' | 'padding'>): boolean {
  const now = fieldLinks(doc, index);
  return now.length === old.length && now.every((l, i) => l.field === old[i]!.field && l.target === (rewritten.has(i) ? newId : old[i]!.target));
}

function apply(text: string, edits: readonly Edit[]): string {
  let out = '';
  let last = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += text.slice(last, e.start) + e.text;
    last = e.end;
  }
  return out + text.slice(last);
}
