/**
 * Links between documents: references in frontmatter fields, relative Markdown links in bodies,
 * the reverse links derived from them, and the rewrite that keeps relative links true when a
 * file moves. Reverse links are always computed, never stored.
 */
import path from 'node:path/posix';
import type { DocRecord } from './document.js';
import { Fences, mayBeFence } from './fences.js';
import { idInReference } from './ids.js';
import { relationsOf } from './relations.js';
import { perKind } from './per-kind.js';

export interface IdIndex {
  byId: Map<string, DocRecord[]>;
  byPath: Map<string, DocRecord>;
  prefixes: string[];
  padding: number;
}

export function indexDocs(docs: DocRecord[], prefixes: string[], padding: number): IdIndex {
  const byId = new Map<string, DocRecord[]>();
  const byPath = new Map<string, DocRecord>();
  for (const d of docs) {
    byPath.set(d.path, d);
    if (!d.id) continue;
    const list = byId.get(d.id);
    if (list) list.push(d);
    else byId.set(d.id, [d]);
  }
  return { byId, byPath, prefixes, padding };
}

/** The id a free-form reference names (`RFC-0029 (title)`, `RFC-0013-x.md`, a path, a one-key map). */
export function referencedId(ref: unknown, index: Pick<IdIndex, 'prefixes' | 'padding'>): string | undefined {
  let text: string | undefined;
  if (typeof ref === 'string') text = ref;
  else if (typeof ref === 'number') return undefined;
  else if (ref && typeof ref === 'object' && !Array.isArray(ref)) {
    // `{RFC-0010: Some title}`: a mapping written by accident; the key is the reference.
    const keys = Object.keys(ref);
    text = keys.length === 1 ? keys[0] : undefined;
  }
  if (!text) return undefined;
  const m = idInReference(text, index.prefixes);
  return m ? `${m.prefix}-${String(m.num).padStart(index.padding, '0')}` : undefined;
}

/** What people write in a link field to say "nothing": `N/A`, `none`, `-`, `TBD`. */
const NOTHING = /^\s*(n\/?a|none|nil|null|-+|tbd|\u2014)?\s*$/i; // \u2014: an em dash

/** `RFC-0001, RFC-0002`: one reference per comma, except inside parentheses (`RFC-0029 (a, b)`). */
function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if ((c === ',' || c === ';') && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim());
}

/**
 * Every reference in a field value, as people write them: a single reference, a list, or one
 * string of comma-separated references; `N/A`, `none` and empty entries name nothing.
 */
export function referencesIn(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((v) => (typeof v === 'string' ? splitList(v).filter((s) => !NOTHING.test(s)) : v === null ? [] : [v]));
}

/** Whether a reference is a path to a file (`../notes/x.md`, `docs/notes/x.md`) rather than an id or free text. */
export function looksLikeFilePath(ref: string): boolean {
  return !/\s/.test(ref.trim()) && (/\//.test(ref) || /\.[a-z0-9]{1,5}$/i.test(ref)) && !/^[a-z][a-z0-9+.-]*:/i.test(ref);
}

export interface FieldLink {
  field: string;
  raw: unknown;
  /** The id it names, when it names one. */
  target?: string;
}

/** The references one field of a document holds (frontmatter, else what its body states), each with the id it names when it names one. */
export function linksIn(doc: DocRecord, field: string, index: Pick<IdIndex, 'prefixes' | 'padding'> & Partial<Pick<IdIndex, 'byPath'>>): FieldLink[] {
  const value = doc.data[field] ?? doc.bodyLinks?.[field];
  if (value === undefined || value === null) return [];
  return referencesIn(value).map((raw) => {
    const target =
      referencedId(raw, index) ?? (typeof raw === 'string' && looksLikeFilePath(raw) ? index.byPath?.get(resolveLink(doc.path, raw.trim()))?.id : undefined);
    return target ? { field, raw, target } : { field, raw };
  });
}

/**
 * The frontmatter links of a document: its kind's link fields, its relations' fields (relates_to,
 * depends_on, amends), every `related_*`, and the
 * links its body states in its status when the frontmatter has none (records of other tools). A
 * path names the document in that file, when the index knows paths.
 */
export function fieldLinks(doc: DocRecord, index: Pick<IdIndex, 'prefixes' | 'padding'> & Partial<Pick<IdIndex, 'byPath'>>): FieldLink[] {
  const out: FieldLink[] = [];
  // Most documents leave most link fields out: a field is read only when the document has it.
  const read = (field: string) => {
    if (doc.data[field] !== undefined || doc.bodyLinks?.[field] !== undefined) out.push(...linksIn(doc, field, index));
  };
  // The kind's link fields and its relations' fields, then related_* fields, then the supersede pair; each field once.
  const fields = linkFields(doc.kind, '');
  for (const field of fields) read(field);
  for (const field in doc.data) if (field.startsWith('related_') && !fields.includes(field)) read(field);
  for (const field of SUPERSEDE_FIELDS) if (!fields.includes(field)) read(field);
  return out;
}

const SUPERSEDE_FIELDS = ['supersedes', 'superseded_by'];

/** A kind's link fields and its relations' fields, each once, in that order. */
const linkFields = perKind((kind): string[] => [...new Set([...Object.keys(kind.links ?? {}), ...relationsOf(kind).map((r) => r.field)])]);

export interface MarkdownLink {
  /** The link target as written (without `#anchor`). */
  target: string;
  /** Offsets of the target text in the body. */
  start: number;
  end: number;
  /** 1-based line in the body. */
  line: number;
}

// The target excludes brackets and parentheses, so each `](` is scanned only up to the next one.
const INLINE_LINK = /\]\( *<?([^()[\]\s<>]+?\.md)(#[^()[\]\s<>]*)?>?( +"[^"\n]*")? *\)/gi;

/** The body with fenced code blocks and inline code blanked out (same length, same lines). */
function withoutCode(body: string): string {
  const fences = new Fences();
  return body
    .split('\n')
    .map((line) => {
      if (mayBeFence(line) ? fences.feed(line) : fences.inside) return ' '.repeat(line.length);
      return line.includes('`') ? line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length)) : line;
    })
    .join('\n');
}

/** A reference-style link definition: `[label]: path/to/file.md`. */
const LINK_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^()[\]\s<>]+?\.md)(#[^\s<>]*)?>?/gim;

/** Relative Markdown links to `.md` files (not URLs, not absolute paths), inline or as definitions. */
export function markdownLinks(body: string): MarkdownLink[] {
  const out: MarkdownLink[] = [];
  const inline = body.includes('](');
  const definitions = body.includes(']:');
  if (!inline && !definitions) return out;
  const text = withoutCode(body);
  const found: Array<{ target: string; start: number }> = [];
  for (const re of [inline ? INLINE_LINK : undefined, definitions ? LINK_DEFINITION : undefined]) {
    if (!re) continue;
    const opener = re === INLINE_LINK ? '](' : ']:';
    for (const m of text.matchAll(re)) found.push({ target: m[1]!, start: m.index! + m[0].indexOf(m[1]!, m[0].indexOf(opener)) });
  }
  found.sort((a, b) => a.start - b.start);
  let line = 1;
  let counted = 0; // lines are counted incrementally: matches come in order
  for (const { target, start } of found) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('/')) continue;
    for (let i = body.indexOf('\n', counted); i !== -1 && i < start; i = body.indexOf('\n', i + 1)) {
      line++;
      counted = i + 1;
    }
    out.push({ target, start, end: start + target.length, line });
  }
  return out;
}

/** Resolves a relative link from a document's path to a repository-relative path. */
export function resolveLink(fromDoc: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURI(target);
  } catch {
    // keep as written
  }
  return path.normalize(path.join(path.dirname(fromDoc), decoded));
}

/**
 * Whether two repository paths name one file however their letters are written: composed (NFC,
 * as archdoc writes names) or decomposed (NFD, as macOS lists them and people paste them).
 */
export function samePath(a: string, b: string): boolean {
  return a === b || a.normalize('NFC') === b.normalize('NFC');
}

export function relativeLink(fromDoc: string, toPath: string): string {
  return path.relative(path.dirname(fromDoc), toPath);
}

/** A relative path as a Markdown link target: percent-encoded as a URL is, parentheses too (a link's target holds none). */
export function encodeHref(rel: string): string {
  return encodeURI(rel).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'));
}

/** Characters a link target keeps as they are in every form: RFC 3986's unreserved ones, which no encoder encodes, in NFC and NFD alike. */
const AS_IS = /[A-Za-z0-9\-_.~]+/g;

/**
 * Whether `text` may hold a link to a file named `name`, in any form it may be written in:
 * percent-encoded (either case of hex) or not, wholly or partly, NFC or NFD. It does when it holds
 * every run of the name's characters that no form changes (`RFC-0001-`, `-rfc.md` of
 * `RFC-0001-認証-rfc.md`): a quick test before the links are parsed, never a false no.
 */
export function mayLinkTo(text: string, name: string): boolean {
  for (const run of name.match(AS_IS) ?? []) if (!text.includes(run)) return false;
  return true;
}

/**
 * Rewrites the relative links in `text` (a document now at `docPath`, formerly at `oldDocPath`)
 * so they point at the files' new places. `moves` maps old repository paths to new ones. A link
 * names its file in whatever form it is written (percent-encoded or not, NFC or NFD); a rewritten
 * one is written percent-encoded. Returns undefined when nothing changes.
 */
export function rewriteLinks(text: string, docPath: string, oldDocPath: string, moves: Map<string, string>): string | undefined {
  let out = '';
  let last = 0;
  let byName: Map<string, string> | undefined;
  for (const link of markdownLinks(text)) {
    const was = resolveLink(oldDocPath, link.target);
    let now = moves.get(was);
    if (now === undefined && !/^[ -~]*$/.test(was)) {
      byName ??= new Map([...moves].map(([from, to]) => [from.normalize('NFC'), to]));
      now = byName.get(was.normalize('NFC'));
    }
    now ??= was;
    if (samePath(resolveLink(docPath, link.target), now)) continue; // already points at the right file
    out += text.slice(last, link.start) + encodeHref(relativeLink(docPath, now));
    last = link.end;
  }
  return last === 0 ? undefined : out + text.slice(last);
}
