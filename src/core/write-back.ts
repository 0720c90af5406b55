/**
 * Writing a status the way the repository writes it, for records archdoc did not write (adr-tools,
 * MADR, log4brains, hand-written): only the bytes of the status where it stands (a `## Status`
 * line, a `* Status:` bullet, a `**Status**:` line, a table cell, a `status:` key), in the
 * repository's word for it and its letter case, and its own "Superseded by" / "Supersedes" lines.
 * Everything else in the file is left as it was. Pure.
 */
import { parseDoc, type DocRecord } from './document.js';
import { editDocument } from './frontmatter.js';
import { statusStatements, type BodyValue } from './body-fields.js';
import { statusAsWritten, statusSpan, type KindDef } from './kinds.js';

/** A record in archdoc's own shape keeps its id in frontmatter; any other is written in place. */
export function writtenInPlace(doc: DocRecord): boolean {
  return doc.kind.frontmatter === 'optional' && !(doc.kind.idKey in doc.data);
}

/** The repository's word for a status (its alias, else the status), in the letter case of `like`. */
export function statusWord(kind: KindDef, status: string, like = ''): string {
  const alias = Object.entries(kind.statusAliases ?? {}).find(([, s]) => s === status)?.[0];
  const word = alias ?? status.toLowerCase().replace(/_/g, ' ');
  const sample = /[A-Za-z][A-Za-z_ -]*/.exec(like)?.[0] ?? '';
  // A status's own name in capitals takes its underscore (IN_PROGRESS); an alias keeps its spaces (IN REVIEW).
  if (sample && sample === sample.toUpperCase()) return alias ? word.toUpperCase() : word.toUpperCase().replace(/ /g, '_');
  if (sample && sample === sample.toLowerCase()) return word.toLowerCase();
  // `In Review`: every word capitalised when the record capitalises every word of its status.
  const words = sample.trim().split(/[ _-]+/);
  if (words.length > 1 && words.every((w) => /^[A-Z]/.test(w)))
    return word.toLowerCase().replace(/(^|[ _-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** How a record of this place names another: adr-tools links `[3. Title](file)`, MADR `[ADR-0003](file)`, others the bare id. */
export function referenceTo(place: string | undefined, other: { id?: string; num?: number; title?: string; href: string }): string {
  if (place === 'section') return `[${other.num ?? other.id}. ${other.title ?? ''}](${other.href})`;
  if (place === 'bullet' || !other.id) return `[${other.id ?? other.href.replace(/\.md$/, '')}](${other.href})`;
  return other.id;
}

/**
 * The text with the record's status set to `to` where the record states it; `by` is how the
 * successor is named when `to` is the superseded status. Undefined when the record states no
 * status anywhere (nothing to change in place).
 */
export function setStatusInPlace(text: string, path: string, kind: KindDef, to: string, by?: (place: string | undefined) => string): string | undefined {
  const doc = parseDoc(text, path, kind);
  const like = doc.bodyStatus?.raw ?? (typeof doc.data.status === 'string' ? doc.data.status : '');
  const place = doc.bodyStatus ? doc.bodyStatus.place : doc.data.status !== undefined ? 'frontmatter' : undefined;
  if (!place) return undefined;
  let value = statusWord(kind, to, like);
  // Superseding names the successor, so it takes the whole value: what followed the old status was about that.
  const superseding = to === kind.supersededStatus && !!by;
  if (superseding) value = `${value} ${value === value.toUpperCase() ? 'BY' : 'by'} ${by(place)}`;
  // Every other place the body states the same status says the new one too, each in its own case;
  // the last first, so the offsets of the others hold.
  const successor = superseding ? value.slice(value.indexOf(' ') + 1) : '';
  const bodyStart = text.length - doc.body.length;
  let out = text;
  const statements = statusStatements(doc.body, kind.statusSection ?? 'Status').filter((v) => statusAsWritten(kind, v.raw) === doc.status);
  if (place !== 'frontmatter' && !statements.some((v) => v.start === doc.bodyStatus!.start)) statements.push(doc.bodyStatus!);
  for (const v of statements.sort((a, b) => b.start - a.start)) {
    const own = statusWord(kind, to, v.raw);
    out = replaceStatus(out, bodyStart, v, kind, superseding ? `${own} ${successor}` : own, superseding);
  }
  return place === 'frontmatter' ? editDocument(out, [{ op: 'set', path: ['status'], value }]) : out;
}

/** `text` with the status in `v` (a value of the body starting at `bodyStart`) replaced by `value`: the status words only, what follows them kept. */
function replaceStatus(text: string, bodyStart: number, v: BodyValue, kind: KindDef, value: string, whole: boolean): string {
  const [from, to] = whole ? [0, v.raw.length] : statusSpan(kind, v.raw);
  return text.slice(0, bodyStart + v.start + from) + value + text.slice(bodyStart + v.start + to);
}

/**
 * The successor's text with a "Supersedes …" line under its status, as adr-tools writes it, when
 * its status stands in a section or a bullet list; undefined otherwise (or when it already says so).
 */
export function addSupersedesLine(text: string, path: string, kind: KindDef, ref: (place: string | undefined) => string): string | undefined {
  const doc = parseDoc(text, path, kind);
  const v = doc.bodyStatus;
  if (!v || (v.place !== 'section' && v.place !== 'bullet')) return undefined;
  const like = v.raw;
  const line = `${like && like === like.toUpperCase() ? 'SUPERSEDES' : 'Supersedes'} ${ref(v.place)}`;
  if (doc.body.includes(line)) return undefined;
  const bodyStart = text.length - doc.body.length;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lineEnd = text.indexOf('\n', bodyStart + v.end);
  const at = lineEnd === -1 ? text.length : lineEnd + 1;
  // A file that ends on the status line gets its line ended first.
  const end = lineEnd === -1 ? eol : '';
  // Its own paragraph under a section: a blank line before it, and after it unless one follows.
  const blankAfter = /^[ \t]*\r?(\n|$)/.test(text.slice(at)) ? '' : eol;
  const insert =
    v.place === 'section' ? `${eol}${line}${eol}${blankAfter}` : `${/^[ \t]*[*+-][ \t]+/.exec(lineStart(text, bodyStart + v.start))?.[0] ?? '* '}${line}${eol}`;
  return text.slice(0, at) + end + insert + text.slice(at);
}

function lineStart(text: string, at: number): string {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  return text.slice(from, at);
}
