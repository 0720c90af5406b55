/**
 * Fenced code blocks, held to the CommonMark reference implementation (the `commonmark` package):
 * for generated bodies of headings, prose and fences of every shape, the lines archdoc counts as
 * fenced code are those CommonMark puts in code blocks, and the headings archdoc sees are the ones
 * CommonMark sees outside them.
 */
import { Parser } from 'commonmark';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fences } from '../../src/core/fences.js';
import { hasContent, sections } from '../../src/core/sections.js';

/** The 1-based lines CommonMark puts in fenced code blocks, their fences included. */
function fencedLines(text: string): Set<number> {
  const out = new Set<number>();
  const walker = new Parser().parse(text).walker();
  for (let e = walker.next(); e; e = walker.next()) {
    const node = e.node;
    // A fenced block has an info string, empty or not; an indented one has none.
    if (!e.entering || node.type !== 'code_block' || node.info === null || !node.sourcepos) continue;
    const [[from], [to]] = node.sourcepos;
    // An empty block left open at the end has its end before its start: it is its fence alone.
    for (let l = from; l <= Math.max(from, to); l++) out.add(l);
  }
  return out;
}

/** The names of the level-2 headings CommonMark finds at the top level. */
function levelTwo(text: string): string[] {
  const out: string[] = [];
  const walker = new Parser().parse(text).walker();
  for (let e = walker.next(); e; e = walker.next()) {
    const node = e.node;
    if (e.entering && node.type === 'heading' && node.level === 2 && node.parent?.type === 'document') {
      let name = '';
      const w = node.walker();
      for (let f = w.next(); f; f = w.next()) if (f.entering && f.node.literal) name += f.node.literal;
      out.push(name);
    }
  }
  return out;
}

const fence = fc
  .record({
    indent: fc.constantFrom('', ' ', '  ', '   ', '    '),
    char: fc.constantFrom('`', '~'),
    length: fc.integer({ min: 2, max: 6 }),
    info: fc.constantFrom('', 'python', ' ts', '`x`', '  ', 'a b'),
  })
  .map((f) => `${f.indent}${f.char.repeat(f.length)}${f.info}`);
const line = fc.oneof(
  { weight: 4, arbitrary: fence },
  { weight: 2, arbitrary: fc.constantFrom('## Decision', '## Context', '# Title', '### Option 1', '##NotHeading') },
  { weight: 3, arbitrary: fc.constantFrom('Some prose.', '', '- a list item', '    indented code', '> a quote', 'x = 1') },
);
const body = fc.array(line, { maxLength: 25 }).map((ls) => ls.join('\n'));

describe('fenced code blocks follow CommonMark', () => {
  it('the lines in fenced blocks are those the reference implementation finds (blank lines aside)', () => {
    fc.assert(
      fc.property(body, (text) => {
        // Inside a list or a quote CommonMark nests blocks; archdoc reads top-level documents.
        fc.pre(!/^(- |> )/m.test(text));
        const lines = text.split('\n');
        const fences = new Fences();
        const ours = new Set<number>();
        lines.forEach((l, i) => {
          if (fences.feed(l)) ours.add(i + 1);
        });
        // A blank line at the end of an open block is in it or not as one reads it; it says nothing.
        const said = (set: Set<number>) => [...set].filter((n) => lines[n - 1]!.trim() !== '').sort((a, b) => a - b);
        expect(said(ours)).toEqual(said(fencedLines(text)));
      }),
      { numRuns: 2000 },
    );
  });

  it('sections are the level-2 headings outside fenced blocks', () => {
    fc.assert(
      fc.property(body, (text) => {
        fc.pre(!/^(- |> )/m.test(text));
        expect(sections(text).map((s) => s.name)).toEqual(levelTwo(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('a fence with an info string does not close a block; a longer plain one does', () => {
    const text = '## Design\n\n```python\nprint(1)\n```js\n## Not a heading\n````\n\n## Plan\n\nShip it.';
    expect(sections(text).map((s) => s.name)).toEqual(['Design', 'Plan']);
    expect(hasContent(sections('## A\n\n```\n```\n')[0]!)).toBe(false);
    expect(hasContent(sections('## A\n\n```\ncode\n```\n')[0]!)).toBe(true);
  });
});
