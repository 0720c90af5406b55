/**
 * Fields written in a record's body, as the tools before archdoc write them: the status in a
 * `## Status` section (adr-tools), a `* Status: accepted` bullet (MADR 2, log4brains), a
 * `**Status**: Accepted` line, a `Status: Accepted` line or a `| Status | DRAFT |` table row; the
 * date in a `Date: 2024-02-01` line or bullet. Each is found with where it stands, so a status
 * change can rewrite exactly those bytes. Pure.
 */
import { Fences, mayBeFence } from './fences.js';
import { normaliseHeading } from './sections.js';

export type StatusPlace = 'section' | 'bullet' | 'bold' | 'line' | 'table';

export interface BodyValue {
  /** The value as written (`Accepted`, `superseded by ADR-0005`, `Superseded by [3. X](0003-x.md)`). */
  raw: string;
  /** Offset of the value in the body, and just past it. */
  start: number;
  end: number;
  /** 1-based line in the body. */
  line: number;
  place: StatusPlace;
}

/** A block quote's markers (`> `), which some teams put their metadata in. */
const QUOTE = '(?:[ \\t]{0,3}>)*';

/** What may stand before a field's value on its line, by place: the name with its emphasis and colon. */
const PREFIXES = (name: string): Array<[StatusPlace, RegExp]> => [
  ['table', new RegExp(`^${QUOTE}[ \\t]{0,3}\\|[ \\t]*(?:\\*\\*|__)?${name}(?:\\*\\*|__)?[ \\t]*\\|[ \\t]*`, 'i')],
  ['bullet', new RegExp(`^${QUOTE}[ \\t]{0,3}[*+-][ \\t]+(?:\\*\\*|__)?${name}[ \\t]*(?::(?:\\*\\*|__)?|(?:\\*\\*|__)[ \\t]*:)[ \\t]*`, 'i')],
  ['bold', new RegExp(`^${QUOTE}[ \\t]{0,3}(?:\\*\\*|__)${name}[ \\t]*(?::(?:\\*\\*|__)|(?:\\*\\*|__)[ \\t]*:)[ \\t]*`, 'i')],
  ['line', new RegExp(`^${QUOTE}[ \\t]{0,3}${name}[ \\t]*:[ \\t]*`, 'i')],
];

const STATUS_LINE = PREFIXES('status');
const DATE_LINE = PREFIXES('date');

/** Each line of a body with its offset and 1-based number, fenced code left out. */
function* linesOutsideCode(body: string): Generator<{ text: string; at: number; n: number }> {
  const fences = new Fences();
  for (let at = 0, n = 1; at <= body.length; n++) {
    let end = body.indexOf('\n', at);
    if (end === -1) end = body.length;
    const text = body.slice(at, end);
    if (!(mayBeFence(text) ? fences.feed(text) : fences.inside)) yield { text, at, n };
    at = end + 1;
  }
}

function fieldIn(body: string, prefixes: Array<[StatusPlace, RegExp]>): BodyValue | undefined {
  for (const v of fieldsIn(body, prefixes)) return v;
  return undefined;
}

/** Every line of the body that states the field, in order. */
function* fieldsIn(body: string, prefixes: Array<[StatusPlace, RegExp]>): Generator<BodyValue> {
  for (const { text, at, n } of linesOutsideCode(body)) {
    if (text.length > 300) continue;
    for (const [place, re] of prefixes) {
      const m = re.exec(text);
      if (!m) continue;
      // The value runs to the end of the line, or of the table cell, without trailing emphasis.
      const rest = text.slice(m[0].length);
      const cut = place === 'table' ? rest.indexOf('|') : -1;
      const value = (cut === -1 ? rest : rest.slice(0, cut)).replace(/[ \t]*(?:\*\*|__)?[ \t]*\r?$/, '');
      if (!value) break;
      yield { raw: value, start: at + m[0].length, end: at + m[0].length + value.length, line: n, place };
      break;
    }
  }
}

/**
 * Every place a body states the status, the status section's first line first: records kept by
 * hand sometimes state it twice (a bold line and a table row), and a change must say it everywhere.
 */
export function statusStatements(body: string, section = 'Status'): BodyValue[] {
  const first = statusInBody(body, section);
  const lines = [...fieldsIn(body, STATUS_LINE)];
  return first && first.place === 'section' ? [first, ...lines] : lines;
}

/**
 * The status a body states: the first line of its status section (`section`, by default
 * `Status`), else the first status bullet, bold line, `Status:` line or table row.
 */
export function statusInBody(body: string, section = 'Status'): BodyValue | undefined {
  const wanted = normaliseHeading(section);
  let inSection = false;
  let inComment = false;
  for (const { text, at, n } of linesOutsideCode(body)) {
    // An HTML comment (a template's list of allowed statuses) states nothing.
    if (inComment || /^[ \t]*<!--/.test(text)) {
      inComment = !text.includes('-->');
      continue;
    }
    const h = /^(#{1,6})[ \t]+(.*?)[ \t#]*\r?$/.exec(text);
    if (h) {
      inSection = normaliseHeading(h[2]!) === wanted;
      continue;
    }
    if (!inSection || text.trim() === '') continue;
    // The line itself, without a list marker or emphasis around it.
    const m = /^([ \t]*(?:[*+-][ \t]+)?(?:\*\*|__|\*|_)?)(.*?)((?:\*\*|__|\*|_)?[ \t]*\r?)$/.exec(text)!;
    return { raw: m[2]!, start: at + m[1]!.length, end: at + m[1]!.length + m[2]!.length, line: n, place: 'section' };
  }
  return fieldIn(body, STATUS_LINE);
}

/** The date a body states in a `Date:` line, bullet or table row, as `YYYY-MM-DD` when it is one. */
export function dateInBody(body: string): string | undefined {
  const v = fieldIn(body, DATE_LINE);
  const m = v && /^(\d{4}-\d{2}-\d{2})\b/.exec(v.raw.trim());
  return m?.[1];
}

/** `superseded by ADR-0005`, `Superseded by [3. Use X](0003-use-x.md)`: what replaced it, as written. */
export function supersededByIn(raw: string): string | undefined {
  const m = /^super[sc]eded[ \t]+by[ \t:]*(.*)$/i.exec(raw.trim());
  if (!m) return undefined;
  const link = /\]\(([^)\s]+)\)/.exec(m[1]!);
  return (link?.[1] ?? m[1]!).trim() || undefined;
}
