/** Markdown body structure: level-2 sections, placeholders, summaries. Pure, line-based. */

export interface Section {
  /** Heading text without the `## `. */
  name: string;
  /** 1-based line of the heading within the text given. */
  line: number;
  /** Lines after the heading up to the next heading of the same or higher level. */
  readonly lines: string[];
}

import { Fences, mayBeFence } from './fences.js';

/**
 * A section as offsets into its body: its lines are split only when a rule reads them. `check`
 * splits every document of a repository into sections, and lines kept for each would be most
 * of what it allocates.
 */
class BodySection implements Section {
  #lines: string[] | undefined;
  /** hasContent's answer: a rule and a workflow guard may both ask of the same section. */
  content: boolean | undefined;
  constructor(
    readonly name: string,
    readonly line: number,
    private readonly body: string,
    /** Offset of its first line, or -1 when it has none. */
    private readonly from: number,
    /** Offset just past its last line: the end of the body until the next heading is found. */
    public to: number,
  ) {}

  /** Whether `test` holds for one of its lines, in order, reading no further than it must. */
  someLine(test: (line: string) => boolean): boolean {
    if (this.#lines) return this.#lines.some(test);
    if (this.from === -1 || this.from > this.to) return false;
    for (let start = this.from; start <= this.to; ) {
      let end = this.body.indexOf('\n', start);
      if (end === -1 || end > this.to) end = this.to;
      const line = this.body.slice(start, this.body.charCodeAt(end - 1) === 13 && end > start ? end - 1 : end);
      if (test(line)) return true;
      start = end + 1;
    }
    return false;
  }

  /** `lines.join('\n')`, cut from the body without splitting it when it has no carriage returns. */
  get text(): string {
    if (this.from === -1 || this.from > this.to) return '';
    return this.#lines || this.body.includes('\r') ? this.lines.join('\n') : this.body.slice(this.from, this.to);
  }

  get lines(): string[] {
    if (!this.#lines) {
      // None after its heading, or the next heading starts on the line after it.
      const lines = this.from === -1 || this.from > this.to ? [] : this.body.slice(this.from, this.to).split('\n');
      this.#lines = this.body.includes('\r') ? lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)) : lines;
    }
    return this.#lines;
  }
}

/** Splits a body into its `## ` sections (code fences are not headings). */
export function sections(body: string, level = 2): Section[] {
  const out: Section[] = [];
  const fences = new Fences();
  let current: BodySection | undefined;
  // Line by line without splitting the body: only a line that may be a heading or a fence is cut out.
  for (let start = 0, n = 1; start <= body.length; n++) {
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    // Cheap first-character tests keep this linear and fast on large repositories.
    const first = body.charCodeAt(start);
    const inFence = mayBeFence(body, start) ? fences.feed(body.slice(start, end)) : fences.inside;
    const h = inFence || first !== 35 ? undefined : heading(body.slice(start, end));
    if (h && h.level <= level) {
      if (current) current.to = start - 1;
      const next = end < body.length ? end + 1 : -1;
      current = h.level === level ? new BodySection(h.name, n, body, next, body.length) : undefined;
      if (current) out.push(current);
    }
    start = end + 1;
  }
  return out;
}

/** A section's lines as one text (`lines.join('\n')`), without splitting a document's body. */
export function sectionText(section: Section): string {
  return section instanceof BodySection ? section.text : section.lines.join('\n');
}

/** Whether `test` holds for one of a section's lines, reading no further than it must. */
export function anyLine(section: Section, test: (line: string) => boolean): boolean {
  return section instanceof BodySection ? section.someLine(test) : section.lines.some(test);
}

const sectionCache = new WeakMap<object, { body: string; byName: Map<string, Section> }>();

/**
 * `findSection` for a document object, splitting its body once however many rules ask:
 * `check` looks up several sections of every document.
 */
export function sectionOf(doc: { body: string; kind?: { sectionNames?: Record<string, string[]> } }, name: string): Section | undefined {
  let cached = sectionCache.get(doc);
  if (!cached || cached.body !== doc.body) {
    cached = { body: doc.body, byName: new Map() };
    for (const s of sections(doc.body)) {
      const key = normaliseHeading(s.name);
      if (!cached.byName.has(key)) cached.byName.set(key, s);
    }
    sectionCache.set(doc, cached);
  }
  const { byName } = cached;
  const found = byName.get(normaliseHeading(name));
  if (found) return found;
  // The kind's own words for the section (`section_names`: MADR's headings, another language).
  for (const other of doc.kind?.sectionNames?.[name] ?? []) {
    const s = byName.get(normaliseHeading(other));
    if (s) return s;
  }
  return undefined;
}

/** An ATX heading (`## Name ##`), parsed without a backtracking regex: lines can be huge. */
function heading(line: string): { level: number; name: string } | undefined {
  // The documents of a kind repeat their template's headings: each line is parsed once per run.
  if (headings.has(line)) return headings.get(line);
  const h = parseHeading(line);
  if (headings.size < 10_000) headings.set(line, h);
  return h;
}

const headings = new Map<string, { level: number; name: string } | undefined>();

function parseHeading(line: string): { level: number; name: string } | undefined {
  const m = /^(#{1,6})[ \t]/.exec(line);
  if (!m) return undefined;
  let name = line.slice(m[1]!.length).trim();
  const closing = /[ \t]#+$/.exec(name);
  if (closing) name = name.slice(0, closing.index).trimEnd();
  else if (/^#+$/.test(name)) name = '';
  return { level: m[1]!.length, name };
}

export function findSection(body: string, name: string): Section | undefined {
  const want = normaliseHeading(name);
  return sections(body).find((s) => normaliseHeading(s.name) === want);
}

const normalised = new Map<string, string>();

/** A heading as sections are looked up by: case, numbering, `&` and punctuation do not count. */
export function normaliseHeading(name: string): string {
  // The documents of a kind share their template's headings: each is normalised once per run.
  let key = normalised.get(name);
  if (key === undefined) {
    key = name
      .toLowerCase()
      .replace(/^\d+(\.\d+)*\.?\s+/, '')
      .replace(/&/g, 'and')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (normalised.size < 10_000) normalised.set(name, key);
  }
  return key;
}

/** A `[Template placeholder]`: brackets around text that starts with a capital, not a link or checkbox. */
const PLACEHOLDER = /\[([A-Z][^\][\n]{0,400})\](?![([:])/g;

export interface Placeholder {
  text: string;
  /** 1-based line within the text given. */
  line: number;
  col: number;
}

export function placeholders(body: string): Placeholder[] {
  const out: Placeholder[] = [];
  if (!body.includes('[')) return out;
  const fences = new Fences();
  // Line by line without splitting the body: only fences and lines with a bracket are cut out.
  // The next bracket is looked for again only once the lines have passed it: a long body whose
  // one bracket comes late is scanned once, not once a line.
  let bracket = -1;
  for (let start = 0, n = 1; start <= body.length; n++) {
    if (bracket < start) {
      bracket = body.indexOf('[', start);
      if (bracket === -1) break; // no placeholder further on, whatever the fences
    }
    let end = body.indexOf('\n', start);
    if (end === -1) end = body.length;
    const inFence = mayBeFence(body, start) ? fences.feed(body.slice(start, end)) : fences.inside;
    if (!inFence && bracket < end) {
      const code = body.slice(start, end).replace(/`[^`]*`/g, (m) => ' '.repeat(m.length)); // inline code is not a placeholder
      for (const m of code.matchAll(PLACEHOLDER)) out.push({ text: m[0], line: n, col: (m.index ?? 0) + 1 });
    }
    start = end + 1;
  }
  return out;
}

const placeholderCache = new WeakMap<object, { body: string; found: Placeholder[] }>();

/** `placeholders` of a document's body, found once however many rules and guards ask. */
export function placeholdersOf(doc: { body: string }): Placeholder[] {
  const cached = placeholderCache.get(doc);
  if (cached && cached.body === doc.body) return cached.found;
  const found = placeholders(doc.body);
  placeholderCache.set(doc, { body: doc.body, found });
  return found;
}

/** True when a section says something beyond headings, placeholders and table/list scaffolding. */
export function hasContent(section: Section): boolean {
  if (!(section instanceof BodySection)) return contentIn(section);
  section.content ??= contentIn(section);
  return section.content;
}

function contentIn(section: Section): boolean {
  const fences = new Fences();
  const test = (line: string) => {
    if (line === '') return false;
    // A line that starts with a letter says something, in a fenced block or not: no stripping
    // below removes its first character (most written lines end the search here).
    const first = line.charCodeAt(0) | 32;
    if (first >= 97 && first <= 122) return true;
    const wasInside = fences.inside;
    if (mayBeFence(line) ? fences.feed(line) : wasInside) {
      // The fences themselves say nothing; what lies between them does.
      return wasInside && fences.inside && line.trim() !== '';
    }
    if (/^\s*#/.test(line)) return false;
    const stripped = line
      .replace(PLACEHOLDER, '')
      .replace(/<!--.*?-->/g, '')
      .replace(/^\s*([-*+]|\d+\.)\s+(\[[ xX]\]\s*)?/, '')
      .replace(/\|?\s*:?-{3,}:?\s*/g, '')
      .replace(/[|*_>]/g, '');
    return /[\p{L}\p{N}]/u.test(stripped);
  };
  // A written section says so in its first lines: they are read one by one, not split all at once.
  return anyLine(section, test);
}

/** The first sentences (up to `max` characters) of a section, as one line. */
export function summary(section: Section | undefined, max = 240): string | undefined {
  if (!section || !hasContent(section)) return undefined;
  const para: string[] = [];
  for (const line of section.lines) {
    if (/^\s*#/.test(line)) break;
    if (line.trim() === '') {
      if (para.length) break;
      continue;
    }
    para.push(line.trim());
  }
  const text = para.join(' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > 40 ? cut.slice(0, end + 1) : `${cut.replace(/\s+\S*$/, '')}…`;
}

/**
 * Replaces the content of section `name` with `content` (one paragraph), keeping every other byte.
 * Returns the body unchanged when the section does not exist.
 */
export function replaceSectionText(body: string, name: string, content: string, eol: string): string {
  const sec = findSection(body, name);
  if (!sec) return body;
  const lines = body.split('\n');
  const start = sec.line; // index of first line after heading
  let end = start + sec.lines.length; // exclusive
  // Keep the blank lines that separate the section from the next heading.
  while (end > start && lines[end - 1]!.replace(/\r$/, '').trim() === '') end--;
  const cr = eol === '\r\n' ? '\r' : '';
  const replacement = ['', ...content.split('\n').map((l) => l + cr)];
  return [...lines.slice(0, start), ...replacement, ...lines.slice(end)].join('\n');
}
