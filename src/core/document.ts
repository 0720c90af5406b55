/**
 * The document model: what archdoc knows about one file after reading it. Parsing is pure (text
 * in, record out) and never throws: a broken file becomes a record with problems, so `list` can
 * show it and `check` can report it.
 */
import { fastFrontmatter, headFields } from './fast-yaml.js';
import { isSplit, keyLine, parseYaml, splitFrontmatter } from './frontmatter.js';
import { fileDate, fileNumber } from './file-names.js';
import { dateInBody, statusInBody, supersededByIn, type BodyValue } from './body-fields.js';
import { article, canonicalStatus, statusAsWritten, type KindDef } from './kinds.js';

export interface ReadProblem {
  rule: 'frontmatter-parse' | 'id-missing' | 'status-unknown';
  message: string;
  line: number;
  col: number;
}

export interface Reviewer {
  name: string;
  status: string;
  /** When the approval was recorded by archdoc, and a fingerprint of the body it approved. */
  approvedOn?: string;
  bodyHash?: string;
}

/**
 * A fingerprint of a body (FNV-1a, 32 bits, in hex): enough to tell that the text a reviewer
 * approved has changed since. Line endings and trailing blank lines do not count.
 */
export function bodyHash(body: string): string {
  const text = body.replace(/\r\n/g, '\n').replace(/\s+$/, '');
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

export interface DocRecord {
  /** Path relative to the repository root, `/` separators. */
  path: string;
  kind: KindDef;
  /** Canonical id (`RFC-0007`) from the frontmatter, else from the filename. */
  id?: string;
  num?: number;
  /** The raw frontmatter, `{}` when it does not parse. */
  data: Record<string, unknown>;
  title?: string;
  /** Canonical status when known; the raw value otherwise. */
  status?: string;
  statusKnown: boolean;
  author?: string;
  created?: string;
  lastUpdated?: string;
  reviewers: Reviewer[];
  /** True when the frontmatter parsed as a map. */
  parsed: boolean;
  problems: ReadProblem[];
  /** 1-based line where the body starts, and the line of each top-level key. */
  bodyLine: number;
  keyLines: Record<string, number>;
  body: string;
  eol: '\n' | '\r\n';
  /** Where the body states the status, when the frontmatter does not (records of other tools). */
  bodyStatus?: BodyValue;
  /** Links the body states in its status (`Superseded by [3. X](0003-x.md)`, `Supersedes …`), by field. */
  bodyLinks?: Record<string, string[]>;
}

export function asText(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return undefined;
}

/** Reviewers as people write them: `[{name, status}]`, `["Alice", "Bob:approved"]`, or `"Alice, Bob"`. */
export function readReviewers(v: unknown): Reviewer[] {
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [];
  const out: Reviewer[] = [];
  for (const r of list) {
    if (typeof r === 'string' && r.trim()) {
      const [name, status] = r.split(':').map((s) => s.trim());
      out.push({ name: name!, status: (status || 'pending').toLowerCase() });
    } else if (r && typeof r === 'object' && !Array.isArray(r)) {
      const o = r as Record<string, unknown>;
      const name = asText(o.name);
      if (name) {
        const rec: Reviewer = { name, status: (asText(o.status) ?? 'pending').toLowerCase() };
        const on = readDate(o.approved_on);
        const hash = asText(o.body_hash);
        if (on) rec.approvedOn = on;
        if (hash) rec.bodyHash = hash;
        out.push(rec);
      } else {
        // `- Alice: approved` parses as a one-key map.
        const [[k, s] = []] = Object.entries(o);
        if (k) out.push({ name: k, status: (asText(s) ?? 'pending').toLowerCase() });
      }
    }
  }
  return out;
}

/** A date as the first `YYYY-MM-DD` in the value, tolerating trailing text and timestamps. */
export function readDate(v: unknown): string | undefined {
  const s = asText(v);
  return s ? /^\s*(\d{4}-\d{2}-\d{2})/.exec(s)?.[1] : undefined;
}

const idPatterns = new Map<string, RegExp>();
/** `RFC-0007`, `rfc_7`, `RFC 7` for a prefix; compiled once per prefix. */
function idPattern(prefix: string): RegExp {
  let re = idPatterns.get(prefix);
  if (!re) {
    re = new RegExp(`^\\s*${prefix}[-_ ]?0*(\\d{1,9})\\s*$`, 'i');
    idPatterns.set(prefix, re);
  }
  return re;
}

export function parseDoc(text: string, path: string, kind: KindDef, padding = 4): DocRecord {
  const rec = parseRecord(text, path, kind);
  const id = docId(rec, padding);
  if (id) rec.id = id;
  return rec;
}

/** The largest frontmatter block archdoc parses (256 KiB). */
export const MAX_FRONTMATTER = 256 * 1024;

/** How much of a file is searched for a NUL byte to call it binary: git's own rule, near enough. */
export const BINARY_PROBE = 8192;

/** A file with a NUL among its first bytes is binary, not Markdown (git decides so too). */
export function isBinary(text: string): boolean {
  return (text.length > BINARY_PROBE ? text.slice(0, BINARY_PROBE) : text).includes('\u0000');
}

/** A record with nothing read into it yet: no data, no problems, the whole text as its body. */
export function emptyRecord(path: string, kind: KindDef, body: string): DocRecord {
  return { path, kind, data: {}, statusKnown: false, reviewers: [], parsed: false, problems: [], bodyLine: 1, keyLines: {}, body, eol: '\n' };
}

function parseRecord(text: string, path: string, kind: KindDef): DocRecord {
  const filename = path.slice(path.lastIndexOf('/') + 1);
  const fileNum = fileNumber(filename, kind.prefix);
  const rec = emptyRecord(path, kind, text);
  if (fileNum !== undefined) rec.num = fileNum;
  if (isBinary(text)) {
    rec.problems.push({ rule: 'frontmatter-parse', message: 'file is binary, not Markdown text', line: 1, col: 1 });
    rec.body = '';
    return rec;
  }
  const split = splitFrontmatter(text);
  if (!isSplit(split)) {
    if (text.includes('\r\n')) rec.eol = '\r\n';
    const message =
      split.problem === 'none'
        ? 'no frontmatter: the file must start with a `---` line, then `key: value` lines, then `---`'
        : split.problem === 'unclosed'
          ? 'frontmatter is not closed: add a `---` line after the last `key: value` line'
          : `frontmatter must start on line 1, found it on line ${split.line}`;
    if (split.problem === 'none' && kind.frontmatter === 'optional') {
      // A record as adr-tools, MADR 2 or log4brains write it: everything is in the body.
      rec.parsed = true;
      readFromBody(rec, true);
      rec.created = dateInBody(text) ?? fileDate(filename);
      rec.lastUpdated = rec.created;
      return rec;
    }
    rec.problems.push({ rule: 'frontmatter-parse', message, line: split.problem === 'not-first-line' ? split.line : 1, col: 1 });
    if (split.problem === 'none') readFromBody(rec, false);
    return rec;
  }
  rec.eol = split.eol;
  rec.body = split.body;
  rec.bodyLine = split.bodyLine;
  // No real frontmatter is this long; parsing one that is would take seconds and much memory.
  if (split.yaml.length > MAX_FRONTMATTER) {
    rec.problems.push({
      rule: 'frontmatter-parse',
      message: `frontmatter is larger than ${MAX_FRONTMATTER / 1024} KiB; archdoc did not read it`,
      line: 1,
      col: 1,
    });
    return rec;
  }
  // The common shape is read by the fast exact reader; anything else by the yaml package.
  const fast = fastFrontmatter(split.yaml);
  let data: Record<string, unknown>;
  if (fast) {
    data = fast.data;
    const offset = split.yamlLine - 1;
    for (const key in fast.keyLines) rec.keyLines[key] = fast.keyLines[key]! + offset;
  } else {
    const parsed = parseYaml(split.yaml, split.yamlLine - 1);
    if (!parsed.ok) {
      const { message, line, col } = parsed.problem;
      rec.problems.push({ rule: 'frontmatter-parse', message: `frontmatter does not parse: ${message}`, line: line + split.yamlLine - 1, col });
      return rec;
    }
    data = parsed.data;
    for (const key of Object.keys(data)) {
      const l = keyLine(parsed.doc, split.yaml, key);
      if (l !== undefined) rec.keyLines[key] = l + split.yamlLine - 1;
    }
  }
  fill(rec, data);
  return rec;
}

/** Fills a record's fields from its parsed frontmatter, noting what is missing or unknown. */
function fill(rec: DocRecord, data: Record<string, unknown>): void {
  fillHead(rec, data);
  const d = data;
  rec.author = asText(d.author);
  // MADR writes `date`; others a `Date:` line in the body, or the date in the file name.
  rec.created = readDate(d.created) ?? readDate(d.date) ?? dateInBody(rec.body) ?? fileDate(rec.path.slice(rec.path.lastIndexOf('/') + 1));
  rec.lastUpdated = readDate(d.last_updated) ?? rec.created;
  rec.reviewers = readReviewers(d.reviewers);
}

/** Title, id and status: what every reader needs, and all that `create` reads of other documents. */
function fillHead(rec: DocRecord, data: Record<string, unknown>): void {
  const kind = rec.kind;
  const fileNum = rec.num;
  rec.parsed = true;
  rec.data = data;
  const d = data;
  rec.title = asText(d.title) ?? headingTitle(rec.body);
  const rawId = asText(d[kind.idKey]) ?? asText(d.id);
  if (rawId) {
    const m = idPattern(kind.prefix).exec(rawId);
    if (m) {
      rec.num = Number(m[1]);
    } else {
      rec.problems.push({
        rule: 'id-missing',
        message: `${kind.idKey} "${rawId}" is not an id like ${kind.prefix}-0001`,
        line: rec.keyLines[kind.idKey] ?? 1,
        col: 1,
      });
    }
  } else if (fileNum === undefined && kind.frontmatter !== 'optional') {
    rec.problems.push({ rule: 'id-missing', message: `no ${kind.idKey} in the frontmatter and no id in the filename`, line: 1, col: 1 });
  }
  const rawStatus = asText(d.status);
  if (rawStatus) {
    // MADR writes `status: superseded by ADR-0005`: the status, and the successor it names.
    // Other tools' words (`Accepted ✅`) are read leniently only where the kind reads other tools' records.
    const canon =
      canonicalStatus(kind, rawStatus) ??
      (kind.frontmatter === 'optional' || /^super[sc]eded\b/i.test(rawStatus) ? statusAsWritten(kind, rawStatus) : undefined);
    const by = canon === kind.supersededStatus && d.superseded_by === undefined ? supersededByIn(rawStatus) : undefined;
    if (by) rec.bodyLinks = { ...rec.bodyLinks, superseded_by: [by] };
    rec.status = canon ?? rawStatus;
    rec.statusKnown = canon !== undefined;
    if (!canon) {
      rec.problems.push({
        rule: 'status-unknown',
        message: `status "${rawStatus}" is not ${article(kind.label)} status; use one of ${Object.keys(kind.statuses).join(', ')}`,
        line: rec.keyLines.status ?? 1,
        col: 1,
      });
    }
  } else if (!readFromBody(rec, true, true) && kind.frontmatter !== 'optional') {
    rec.problems.push({ rule: 'status-unknown', message: `no status; use one of ${Object.keys(kind.statuses).join(', ')}`, line: 1, col: 1 });
  }
}

/**
 * Reads only what creating a document needs from another one (id, title, status), or the whole
 * record when the frontmatter is not simple. The record has no body; do not edit from it.
 * `partial` says the text is only the start of the file: then a document that needs more than
 * its frontmatter gives undefined, and the caller reads the whole file.
 */
export function parseDocHead(text: string, path: string, kind: KindDef, padding?: number): DocRecord;
export function parseDocHead(text: string, path: string, kind: KindDef, padding: number, partial: boolean): DocRecord | undefined;
export function parseDocHead(text: string, path: string, kind: KindDef, padding = 4, partial = false): DocRecord | undefined {
  // A binary file has no title or status, whatever its first lines look like.
  if (isBinary(text)) return partial ? undefined : parseDoc(text, path, kind, padding);
  const split = splitFrontmatter(text);
  if (!isSplit(split)) return partial ? undefined : parseDoc(text, path, kind, padding);
  const { ok, values } = headFields(split.yaml, [kind.idKey, 'id', 'title', 'status']);
  // Without `title:` the title is the first heading (MADR writes it so), which only the body has.
  if (!ok || values.title === undefined) return partial ? undefined : parseDoc(text, path, kind, padding);
  const filename = path.slice(path.lastIndexOf('/') + 1);
  const fileNum = fileNumber(filename, kind.prefix);
  const rec = emptyRecord(path, kind, '');
  rec.bodyLine = split.bodyLine;
  rec.eol = split.eol;
  if (fileNum !== undefined) rec.num = fileNum;
  fillHead(rec, values);
  const id = docId(rec, padding);
  if (id) rec.id = id;
  return rec;
}

/** The number and the slug after it in `RFC-0012-adopt-postgresql.md` or `0012-adopt-postgresql.md`; undefined without both. */
export function fileNameParts(filename: string, prefix: string): { num: number; slug: string } | undefined {
  let re = slugPatterns.get(prefix);
  if (!re) {
    re = new RegExp(`^(?:${prefix}[-_]?)?0*(\\d{1,9})[-_](.+)\\.md$`, 'i');
    slugPatterns.set(prefix, re);
  }
  const m = re.exec(filename);
  return m ? { num: Number(m[1]), slug: m[2]! } : undefined;
}

const slugPatterns = new Map<string, RegExp>();

/** The first `# ` heading, without an id or adr-tools number in front: `# 2. Use Kafka` gives `Use Kafka`. */
export function headingTitle(body: string): string | undefined {
  // A file without frontmatter may start with a byte order mark before its heading.
  const m = /^\uFEFF?#[ \t]+(.+?)[ \t#]*$/m.exec(body.slice(0, 20_000));
  if (!m) return undefined;
  // `RFC-0003: X`, `2. X`, `RFC 3: X` (an id in capitals with a colon: `Python 3: drop 2.7` keeps its words).
  return m[1]!.replace(/^(?:[A-Za-z]+-\d+[.:]?|[A-Z]{2,6} \d+[.:]|\d+[.:]?)\s+/, '').trim() || undefined;
}

/**
 * What the body says of a record that the frontmatter does not: its title from the first heading,
 * its status wherever the tools before archdoc write it (body-fields.ts), and the links its
 * status states (`Superseded by [3. X](0003-x.md)`, adr-tools' `Supersedes …` lines). With
 * `report`, a status the kind does not know is a `status-unknown` problem. Returns whether the
 * body states a status.
 */
function readFromBody(rec: DocRecord, report: boolean, statusOnly = false): boolean {
  const body = rec.body;
  if (!statusOnly) rec.title ??= headingTitle(body);
  const v = statusInBody(body, rec.kind.statusSection ?? 'Status');
  if (!v) return false;
  rec.bodyStatus = v;
  const status = statusAsWritten(rec.kind, v.raw);
  if (status) [rec.status, rec.statusKnown] = [status, true];
  else if (report) {
    rec.status = v.raw.trim();
    rec.problems.push({
      rule: 'status-unknown',
      message: `status "${v.raw.trim()}" is not ${article(rec.kind.label)} status; use one of ${Object.keys(rec.kind.statuses).join(', ')}`,
      line: rec.bodyLine + v.line - 1,
      col: 1,
    });
  }
  const links: Record<string, string[]> = {};
  const by = supersededByIn(v.raw);
  if (by) links.superseded_by = [by];
  if (v.place === 'section') {
    // adr-tools lists the records a record supersedes under its status: `Supersedes [1. X](0001-x.md)`.
    const supersedes = [
      ...body
        .slice(v.end)
        .split(/\n#{1,6}[ \t]/)[0]!
        .matchAll(/^[ \t]*(?:[*+-][ \t]+)?Super[sc]edes[ \t:]+(?:\[[^\]]*\]\(([^)\s]+)\)|(\S+))/gim),
    ].map((m) => m[1] ?? m[2]!);
    if (supersedes.length) links.supersedes = supersedes;
  }
  if (Object.keys(links).length) rec.bodyLinks = links;
  return true;
}

/** The record's id formatted with the configured padding. */
export function docId(rec: DocRecord, padding: number): string | undefined {
  return rec.num === undefined ? undefined : `${rec.kind.prefix}-${String(rec.num).padStart(padding, '0')}`;
}
