import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fences } from '../../src/core/fences.js';
import { findSection, hasContent, sections } from '../../src/core/sections.js';

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
