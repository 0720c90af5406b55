/**
 * The document store: finds and reads documents, creates new ones exclusively, replaces files
 * atomically. Every read goes through here, once per file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.js';
import { asText, BINARY_PROBE, emptyRecord, fileNameParts, parseDoc, parseDocHead, type DocRecord } from '../core/document.js';
import { formatId } from '../core/ids.js';
import { fileNumber, numberless } from '../core/file-names.js';
import { excludedName, type KindDef } from '../core/kinds.js';
import { UsageError } from '../core/errors.js';

/** Calls `file` with the folder and name of every `.md` file under `dir` (relative to root), not following symlinked folders. */
function walk(root: string, dir: string, file: (dir: string, name: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir ? `${root}/${dir}` : root, { withFileTypes: true });
  } catch {
    return; // a missing folder holds no documents
  }
  // Indexed: this runs once per file of a repository, mostly before V8 has optimised it, and a
  // for-of loop then makes an iterator result object per entry.
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(root, dir ? `${dir}/${nfcName(root, dir, e.name)}` : nfcName(root, dir, e.name), file);
    } else if (e.isFile() && MARKDOWN.test(e.name)) file(dir, nfcName(root, dir, e.name));
  }
}

/**
 * A name as archdoc writes names, in NFC, when the file system finds the same file by it: macOS
 * lists a name in NFD (`ガ` as `カ` and a mark) that was written in NFC, and takes either form.
 * Paths are then compared as written in links, ids and git's output (core.precomposeUnicode). A
 * file system that keeps names byte for byte (Linux) gets the name as it is.
 */
function nfcName(root: string, dir: string, name: string): string {
  if (PRINTABLE_ASCII.test(name)) return name;
  const nfc = name.normalize('NFC');
  if (nfc === name) return name;
  const at = dir ? `${root}/${dir}/` : `${root}/`;
  try {
    const a = fs.lstatSync(at + name);
    const b = fs.lstatSync(at + nfc);
    return a.ino === b.ino && a.dev === b.dev ? nfc : name;
  } catch {
    return name;
  }
}

const MARKDOWN = /\.md$/i;
const PRINTABLE_ASCII = /^[ -~]*$/;

/** The kind whose folder holds `rel` (the deepest folder wins when kinds nest). */
export function kindOfPath(config: Config, rel: string): KindDef | undefined {
  let best: KindDef | undefined;
  for (const k of Object.values(config.kinds)) {
    if ((rel === k.folder || rel.startsWith(`${k.folder}/`)) && (!best || k.folder.length > best.folder.length)) best = k;
  }
  return best;
}

/** Whether `rel` (a folder) resolves inside `root`, links followed; a missing folder is inside. */
function folderInside(root: string, rel: string): boolean {
  let real: string;
  try {
    real = fs.realpathSync(`${root}/${rel}`);
  } catch {
    return true;
  }
  const base = fs.realpathSync(root);
  return real === base || real.startsWith(base + path.sep);
}

/** Whether another kind's folder is this kind's or inside it, and may own some of its files; usually none does. */
function sharesFolder(all: KindDef[], kind: KindDef): boolean {
  return all.some((k) => k !== kind && (k.folder === kind.folder || k.folder.startsWith(`${kind.folder}/`)));
}

/** Paths of every candidate document of the given kinds. */
export function documentPaths(root: string, config: Config, kinds: KindDef[]): Array<{ rel: string; kind: KindDef }> {
  const seen = new Set<string>();
  const out: Array<{ rel: string; kind: KindDef }> = [];
  const all = Object.values(config.kinds);
  for (const kind of kinds) {
    const files: string[] = [];
    // A kind folder that is a link out of the repository (`rfcs -> /elsewhere`) is not read.
    if (!folderInside(root, kind.folder)) continue;
    walk(root, kind.folder, (dir, name) => files.push(dir ? `${dir}/${name}` : name));
    const shared = sharesFolder(all, kind);
    for (const rel of files) {
      if (seen.has(rel)) continue;
      if (shared && kindOfPath(config, rel) !== kind) continue; // a nested kind's file belongs to that kind
      seen.add(rel);
      out.push({ rel, kind });
    }
  }
  return out;
}

/** Whether a file in a kind's folder is meant as a document (README.md and the like are not). */
const namePatterns = new Map<string, RegExp>();

function looksLikeDocument(rec: DocRecord, filename: string): boolean {
  let re = namePatterns.get(rec.kind.prefix);
  if (!re) {
    re = new RegExp(`^${rec.kind.prefix}[-_]?\\d`, 'i');
    namePatterns.set(rec.kind.prefix, re);
  }
  // `0001-slug.md` (adr-tools, MADR), `01-slug.md`, `20240110-slug.md` (log4brains).
  const numbered = re.test(filename) || /^\d{2,9}[-_]/.test(filename);
  // The kind's own `exclude` rules every name; the defaults only names without a number (a record
  // about templates, `0007-choose-a-template.md`, stays a record).
  if (rec.kind.exclude ? excludedName(rec.kind, filename) : !numbered && excludedName(rec.kind, filename)) return false;
  if (numbered) return true;
  return rec.parsed && (rec.kind.idKey in rec.data || 'status' in rec.data || rec.bodyStatus !== undefined);
}

/**
 * Documents from texts read elsewhere (git's index, for `check --staged`): the files that
 * readDocuments would find in the work tree, by the same rules (a kind's folder, `.md`, no dot
 * folder or node_modules on the way, meant as a document).
 */
export function documentsFromTexts(config: Config, files: Map<string, string>): DocRecord[] {
  const out: DocRecord[] = [];
  for (const [rel, text] of files) {
    const kind = isDocumentPath(config, rel);
    if (!kind) continue;
    const rec = parseDoc(text, rel, kind, config.idPadding);
    if (looksLikeDocument(rec, rel.slice(rel.lastIndexOf('/') + 1))) out.push(rec);
  }
  return out;
}

/** The kind a repository path would be a document of, by the rules of the folder walk; undefined for any other path. */
export function isDocumentPath(config: Config, rel: string): KindDef | undefined {
  if (!MARKDOWN.test(rel)) return undefined;
  const kind = kindOfPath(config, rel);
  if (!kind) return undefined;
  const inner = rel
    .slice(kind.folder.length + 1)
    .split('/')
    .slice(0, -1);
  return inner.some((d) => d === 'node_modules' || d.startsWith('.')) ? undefined : kind;
}

/** Reads and parses every document of the given kinds (all kinds by default). Never throws for a bad file. */
export function readDocuments(root: string, config: Config, kinds: KindDef[] = Object.values(config.kinds)): DocRecord[] {
  const out: DocRecord[] = [];
  for (const { rel, kind } of documentPaths(root, config, kinds)) {
    const rec = readDocument(root, rel, kind, config.idPadding);
    if (rec && looksLikeDocument(rec, rel.slice(rel.lastIndexOf('/') + 1))) out.push(rec);
  }
  return out;
}

/**
 * `readDocuments`, reading only ids, titles and statuses (see parseDocHead), and of each file only
 * its first few kilobytes when the frontmatter ends there, into one reused buffer. A file whose
 * name carries its number and a slug that `needed` rules out is known by its name alone.
 */
export function readDocumentHeads(root: string, config: Config, kinds: KindDef[], needed?: (slug: string, kind: KindDef) => boolean): DocRecord[] {
  const out: DocRecord[] = [];
  for (const { rel, kind } of documentPaths(root, config, kinds)) {
    const parts = needed && fileNameParts(rel.slice(rel.lastIndexOf('/') + 1), kind.prefix);
    const rec = parts && !needed(parts.slug, kind) ? nameOnly(rel, kind, parts.num, config.idPadding) : readHead(root, rel, kind, config.idPadding);
    if (rec) out.push(rec);
  }
  return out;
}

/**
 * What creating a document of `kind` needs to know of the others, read as readDocumentHeads reads
 * them: the highest number in their file names, and the heads of the documents whose slug `needed`
 * keeps (or whose name has no number and slug). Create runs this over every document of its kind,
 * so a file ruled out by its name costs one regular expression: no path or record is made for it.
 */
export function scanKind(root: string, config: Config, kind: KindDef, needed: (slug: string) => boolean): { highest: number; docs: DocRecord[] } {
  const docs: DocRecord[] = [];
  let highest = 0;
  if (!folderInside(root, kind.folder)) return { highest, docs };
  const shared = sharesFolder(Object.values(config.kinds), kind);
  walk(root, kind.folder, (dir, name) => {
    const rel = () => (dir ? `${dir}/${name}` : name);
    if (shared && kindOfPath(config, rel()) !== kind) return;
    const parts = fileNameParts(name, kind.prefix);
    if (parts && !needed(parts.slug)) highest = Math.max(highest, parts.num);
    else {
      const rec = readHead(root, rel(), kind, config.idPadding);
      if (rec) docs.push(rec);
    }
  });
  return { highest, docs };
}

/**
 * The numbered documents of the given kinds by their file names alone, nothing read: each with
 * the number its name carries, as reading it would find (`RFC-0012-x.md`, `0012-x.md`). Names the
 * kind excludes are left out; dated names (log4brains) carry no number and are left out too.
 * Shell completion lists ids from this on every Tab.
 */
export function numberedNames(root: string, config: Config, kinds: KindDef[]): Array<{ rel: string; kind: KindDef; num: number }> {
  const out: Array<{ rel: string; kind: KindDef; num: number }> = [];
  for (const { rel, kind } of documentPaths(root, config, kinds)) {
    const name = rel.slice(rel.lastIndexOf('/') + 1);
    const num = numberless(kind) ? undefined : (fileNameParts(name, kind.prefix)?.num ?? fileNumber(name, kind.prefix));
    if (num !== undefined && !(kind.exclude && excludedName(kind, name))) out.push({ rel, kind, num });
  }
  return out;
}

/** One document's head, read as readDocumentHeads reads it; undefined when it is gone, unreadable or not meant as a document. */
export function readDocumentHead(root: string, rel: string, kind: KindDef, padding: number): DocRecord | undefined {
  return readHead(root, rel, kind, padding);
}

/** A document's head (parseDocHead), or undefined when it is gone, unreadable or not meant as a document. */
function readHead(root: string, rel: string, kind: KindDef, padding: number): DocRecord | undefined {
  const abs = `${root}/${rel}`; // rel is clean and relative: path.join would only cost time here
  let rec: DocRecord | undefined;
  try {
    const start = readStart(abs);
    rec = parseDocHead(start.text, rel, kind, padding, !start.whole) ?? parseDocHead(fs.readFileSync(abs, 'utf8'), rel, kind, padding);
  } catch {
    return undefined; // gone or unreadable since the folder was listed: not a document to count
  }
  return looksLikeDocument(rec, rel.slice(rel.lastIndexOf('/') + 1)) ? rec : undefined;
}

/**
 * `readDocuments` for what `list` shows: every field of the frontmatter, no body. Of each file
 * only its start is read and kept when the frontmatter ends there and itself gives the title and
 * the status; any other document is read whole, exactly as `readDocuments` reads it. The bodies of
 * a large repository are most of its bytes, and a title sliced from a whole file keeps the whole
 * file in memory.
 */
export function readDocumentFronts(root: string, config: Config, kinds: KindDef[]): DocRecord[] {
  const out: DocRecord[] = [];
  for (const { rel, kind } of documentPaths(root, config, kinds)) {
    const abs = `${root}/${rel}`;
    let rec: DocRecord | undefined;
    try {
      const start = readStart(abs);
      if (start.whole) rec = parseDoc(start.text, rel, kind, config.idPadding);
      else {
        const front = parseDoc(start.text, rel, kind, config.idPadding);
        const complete = front.parsed && asText(front.data.title) !== undefined && asText(front.data.status) !== undefined;
        rec = complete ? { ...front, body: '' } : parseDoc(fs.readFileSync(abs, 'utf8'), rel, kind, config.idPadding);
      }
    } catch {
      continue; // gone or unreadable since the folder was listed
    }
    if (looksLikeDocument(rec, rel.slice(rel.lastIndexOf('/') + 1))) out.push(rec);
  }
  return out;
}

/** What is read of a file first: enough for almost every frontmatter, and for the binary probe. */
/** A document known by its file name alone: its number and id, nothing read from it. */
function nameOnly(rel: string, kind: KindDef, num: number, padding: number): DocRecord {
  const rec = emptyRecord(rel, kind, '');
  rec.num = num;
  rec.id = formatId(kind.prefix, num, padding);
  return rec;
}

const HEAD_BYTES = Math.max(8192, BINARY_PROBE);
let headBuffer: Buffer | undefined;

/**
 * The start of a file, up to the end of the first line that may close its frontmatter (`---` or
 * `...`), or of its last whole line within HEAD_BYTES. Only that much is decoded: a head needs no
 * body, and the strings of every document of a kind add up. `whole` says the text is the whole file.
 * A NUL byte in what was read marks a binary file, which only the whole file can be judged as:
 * the start is then the whole file (`whole`), however long.
 */
function readStart(abs: string): { text: string; whole: boolean } {
  headBuffer ??= Buffer.allocUnsafe(HEAD_BYTES);
  const buf = headBuffer;
  const fd = fs.openSync(abs, 'r');
  let n = 0;
  try {
    // A read may return fewer bytes than asked (network file systems): read until full or at the end.
    for (let got = -1; n < HEAD_BYTES && got !== 0; n += got) got = fs.readSync(fd, buf, n, HEAD_BYTES - n, n);
  } finally {
    fs.closeSync(fd);
  }
  const bytes = buf.subarray(0, n);
  if (bytes.includes(0)) return { text: fs.readFileSync(abs, 'utf8'), whole: true };
  const dashes = bytes.indexOf('\n---');
  const dots = bytes.indexOf('\n...');
  const close = dashes === -1 ? dots : dots === -1 ? dashes : Math.min(dashes, dots);
  const lineEnd = close === -1 ? -1 : bytes.indexOf(0x0a, close + 4);
  if (lineEnd !== -1) return { text: buf.toString('utf8', 0, lineEnd + 1), whole: lineEnd + 1 === n && n < HEAD_BYTES };
  if (n < HEAD_BYTES) return { text: buf.toString('utf8', 0, n), whole: true };
  return { text: buf.toString('utf8', 0, bytes.lastIndexOf(0x0a) + 1), whole: false };
}

/** `readDocument`, for a file that is meant as a document by the rules of the folder walk (a kind folder's README.md is not). */
export function readDocumentIfOne(root: string, rel: string, kind: KindDef, padding: number): DocRecord | undefined {
  const rec = readDocument(root, rel, kind, padding);
  return rec && looksLikeDocument(rec, rel.slice(rel.lastIndexOf('/') + 1)) ? rec : undefined;
}

export function readDocument(root: string, rel: string, kind: KindDef, padding: number): DocRecord | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`${root}/${rel}`, 'utf8'); // rel comes from the walk: clean and relative
  } catch {
    return undefined;
  }
  return parseDoc(text, rel, kind, padding);
}

/** Configuration files and templates: read only up to this size. */
export const SMALL_FILE_LIMIT = 1024 * 1024;

/**
 * Reads a configuration file or a template: only a regular file (a link to `/dev/zero` or a pipe
 * is refused, not read), at most `limit` bytes, and, when `inside` is given, one whose real path
 * lies in that folder. Throws a UsageError (exit 2) naming `shown`.
 */
export function readSmallFile(abs: string, shown: string, inside?: string, limit = SMALL_FILE_LIMIT): string {
  const refuse = (why: string) => new UsageError(`${shown}: ${why}; archdoc did not read it.`);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    throw refuse(`cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!st.isFile()) throw refuse('is not a regular file');
  if (st.size > limit) throw refuse(`is larger than ${Math.round(limit / 1024)} KiB`);
  if (inside) {
    const real = fs.realpathSync(abs);
    const root = fs.realpathSync(inside);
    if (!real.startsWith(root + path.sep)) throw refuse('leads outside the repository (a symbolic link?)');
  }
  const buf = Buffer.alloc(st.size);
  const fd = fs.openSync(abs, 'r');
  let n = 0;
  try {
    for (let got = -1; n < st.size && got !== 0; n += got) got = fs.readSync(fd, buf, n, st.size - n, n);
  } finally {
    fs.closeSync(fd);
  }
  return buf.toString('utf8', 0, n);
}

export function readText(root: string, rel: string): string {
  return fs.readFileSync(path.join(root, rel), 'utf8');
}

/**
 * Creates a file that must not exist yet (O_EXCL): returns false when it does, so the caller can
 * pick another name. Parent folders are made as needed.
 */
export function createExclusive(root: string, rel: string, text: string): boolean {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  let fd: number;
  try {
    fd = fs.openSync(abs, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    fs.writeFileSync(fd, text);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** Whether `name` is a temp file `writeAtomic` makes beside `base` (a killed write can leave one). */
export function isTempFileOf(name: string, base: string): boolean {
  const prefix = `.${base}.`;
  return name.startsWith(prefix) && /^\d+\.\d+\.tmp$/.test(name.slice(prefix.length));
}

/** Replaces a file's content atomically: a temp file beside it, then rename. */
export function writeAtomic(root: string, rel: string, text: string): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Date.now()}.tmp`); // see isTempFileOf
  try {
    fs.writeFileSync(tmp, text);
    try {
      fs.chmodSync(tmp, fs.statSync(abs).mode);
    } catch {
      // new file: default mode
    }
    fs.renameSync(tmp, abs);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export function exists(root: string, rel: string): boolean {
  return fs.existsSync(path.join(root, rel));
}

/**
 * The path of `abs` relative to the work tree `root`, `/`-separated, with the symbolic links of its
 * folders resolved (the file itself may not exist yet, and a link as the file itself is kept as
 * the link: writers refuse links); undefined when it lies outside the work tree, or is the root.
 */
export function workTreePath(root: string, abs: string): string | undefined {
  const missing: string[] = [path.basename(abs)];
  let folder = path.dirname(abs);
  while (!fs.existsSync(folder) && path.dirname(folder) !== folder) {
    missing.unshift(path.basename(folder));
    folder = path.dirname(folder);
  }
  const rel = path.relative(fs.realpathSync(root), path.join(fs.realpathSync(folder), ...missing));
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** Whether an absolute path is an existing folder. */
export function isFolder(abs: string): boolean {
  try {
    return fs.statSync(abs).isDirectory();
  } catch {
    return false;
  }
}

/** The names in a folder; none when it does not exist yet. */
export function folderNames(root: string, rel: string): string[] {
  try {
    return fs.readdirSync(path.join(root, rel));
  } catch {
    return [];
  }
}

/** Moves a file on disk (outside git, or for untracked files); parent folders are made as needed. */
export function moveFile(root: string, from: string, to: string): void {
  fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
  fs.renameSync(path.join(root, from), path.join(root, to));
}
