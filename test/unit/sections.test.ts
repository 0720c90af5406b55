import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fences } from '../../src/core/fences.js';
import { anyLine, findSection, hasContent, placeholders, placeholdersOf, sectionOf, sections, sectionText } from '../../src/core/sections.js';

/** Sections as archdoc first split them: the whole body into lines, then each section's lines kept (fences as CommonMark reads them: test/unit/fences.test.ts). */
function byLines(body: string, level = 2): Array<{ name: string; line: number; lines: string[] }> {
  const out: Array<{ name: string; line: number; lines: string[] }> = [];
  let lines = body.split('\n');
  if (body.includes('\r')) lines = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const fences = new Fences();
  let current: { name: string; line: number; lines: string[] } | undefined;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const first = line.charCodeAt(0);
    const inFence = fences.feed(line);
    const m = inFence || first !== 35 ? null : /^(#{1,6})[ \t]/.exec(line);
    if (m && m[1]!.length <= level) {
      if (current) current.lines = lines.slice(start, i);
      let name = line.slice(m[1]!.length).trim();
      const closing = /[ \t]#+$/.exec(name);
      if (closing) name = name.slice(0, closing.index).trimEnd();
      else if (/^#+$/.test(name)) name = '';
      current = m[1]!.length === level ? { name, line: i + 1, lines: [] } : undefined;
      if (current) out.push(current);
      start = i + 1;
    }
  }
  if (current) current.lines = lines.slice(start);
  return out;
}

const line = fc.constantFrom(
  '## Context',
  '## Decision ##',
  '# Title',
  '### Option A',
  '##',
  '## ',
  '```',
  '~~~ts',
  '  ```',
  ' ## not',
  'text',
  '',
  '\r',
  '\t```',
  '#nospace',
  '## Status\r',
  'x\r## Mid-line',
);
const body = fc
  .tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([ls, eol, last]) => ls.join(eol) + (last ? eol : ''));

describe('sections', () => {
  it('are what splitting the whole body into lines gives, for any mix of headings, fences and line ends', () => {
    fc.assert(
      fc.property(body, fc.constantFrom(2, 3), (text, level) => {
        const got = sections(text, level).map((s) => ({ name: s.name, line: s.line, lines: s.lines }));
        expect(got).toEqual(byLines(text, level));
      }),
      { numRuns: 5_000 },
    );
  });

  it('have content exactly when their lines do, read one by one or split at once', () => {
    const content = fc.constantFrom('Real text.', '[Placeholder]', '- [ ]', '| --- |', '<!-- note -->', '   ', '### Sub', '```', 'code', '\r');
    const written = fc
      .tuple(fc.array(fc.oneof(line, content), { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
      .map(([ls, eol, last]) => ls.join(eol) + (last ? eol : ''));
    fc.assert(
      fc.property(written, (text) => {
        for (const s of sections(text)) expect(hasContent(s)).toBe(hasContent({ name: s.name, line: s.line, lines: [...s.lines] }));
      }),
      { numRuns: 5_000 },
    );
  });

  it('give an empty section no lines, and the last section the lines up to the end', () => {
    expect(findSection('## A\n## B\nb\n', 'A')?.lines).toEqual([]);
    expect(findSection('## A\n\n## B', 'A')?.lines).toEqual(['']);
    expect(findSection('## A\r\nx\r\n', 'A')?.lines).toEqual(['x', '']);
    expect(findSection('## A', 'A')?.lines).toEqual([]);
  });
});

/** A line's content as hasContent first judged it, with no shortcut: what is left once scaffolding is stripped. */
function contentByRules(lines: string[]): boolean {
  const fences = new Fences();
  return lines.some((line) => {
    if (line === '') return false;
    const wasInside = fences.inside;
    if (fences.feed(line)) return wasInside && fences.inside && line.trim() !== '';
    if (/^\s*#/.test(line)) return false;
    const stripped = line
      .replace(/\[([A-Z][^\][\n]{0,400})\](?![([:])/g, '')
      .replace(/<!--.*?-->/g, '')
      .replace(/^\s*([-*+]|\d+\.)\s+(\[[ xX]\]\s*)?/, '')
      .replace(/\|?\s*:?-{3,}:?\s*/g, '')
      .replace(/[|*_>]/g, '');
    return /[\p{L}\p{N}]/u.test(stripped);
  });
}

/** Placeholders as archdoc first found them: the body split into lines, each judged. */
function placeholdersByLines(body: string): Array<{ text: string; line: number; col: number }> {
  const out: Array<{ text: string; line: number; col: number }> = [];
  const fences = new Fences();
  body.split('\n').forEach((line, i) => {
    if (fences.feed(line) || !line.includes('[')) return;
    const code = line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
    for (const m of code.matchAll(/\[([A-Z][^\][\n]{0,400})\](?![([:])/g)) out.push({ text: m[0], line: i + 1, col: m.index + 1 });
  });
  return out;
}

const prose = fc.constantFrom(
  'Real text.',
  'real text',
  'Zed [Placeholder]',
  '[Placeholder]',
  '[Fill me] and `[Not me]`',
  'see [link](x.md) or [Ref]: y',
  '- [ ]',
  '- [x] Done',
  '| --- |',
  '| Criterion | A |',
  '<!-- note -->',
  '   ',
  '    indented [Code]',
  '### Sub',
  '```',
  '~~~',
  'code',
  '\r',
  '_x_',
  '> quote',
  '1. [Step]',
  'Été',
);
const document = fc
  .tuple(fc.array(fc.oneof(line, prose), { maxLength: 20 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([ls, eol, last]) => ls.join(eol) + (last ? eol : ''));

describe('reading a section without splitting its body', () => {
  it('finds content exactly where stripping the scaffolding off each line does', () => {
    fc.assert(
      fc.property(document, (text) => {
        for (const s of sections(text)) expect(hasContent(s)).toBe(contentByRules([...s.lines]));
      }),
      { numRuns: 5_000 },
    );
  });

  it('gives the text and the line tests that its lines give', () => {
    fc.assert(
      fc.property(document, fc.constantFrom(2, 3), (text, level) => {
        const expected = byLines(text, level);
        const probes = [(l: string) => l.startsWith('|'), (l: string) => l.includes('['), (l: string) => l === '', (l: string) => l.endsWith('\r')];
        // Each asked of sections nothing has split yet: reading `lines` first would answer from them.
        for (const probe of probes) {
          sections(text, level).forEach((s, i) => {
            expect(anyLine(s, probe)).toBe(expected[i]!.lines.some(probe));
          });
        }
        sections(text, level).forEach((s, i) => {
          expect(sectionText(s)).toBe(expected[i]!.lines.join('\n'));
        });
      }),
      { numRuns: 3_000 },
    );
  });

  it('finds the placeholders that splitting the body into lines finds', () => {
    fc.assert(
      fc.property(document, (text) => {
        expect(placeholders(text)).toEqual(placeholdersByLines(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('answers again for a document whose body changed, not from what it found before', () => {
    const doc = { body: '## Context\n[Fill me]\n' };
    expect(placeholdersOf(doc).map((p) => p.text)).toEqual(['[Fill me]']);
    expect(hasContent(sectionOf(doc, 'Context')!)).toBe(false);
    doc.body = '## Context\nWritten.\n';
    expect(placeholdersOf(doc)).toEqual([]);
    expect(hasContent(sectionOf(doc, 'Context')!)).toBe(true);
  });
});
