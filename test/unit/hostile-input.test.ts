import { describe, expect, it } from 'vitest';
import { markdownLinks, rewriteLinks } from '../../src/core/links.js';
import { placeholders, sections } from '../../src/core/sections.js';
import { parseYaml } from '../../src/core/frontmatter.js';

/** Runs fn and returns how long it took, in ms. Used only to compare two sizes of one input. */
function ms(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

describe('hostile bodies stay linear', () => {
  it('a heading padded with many spaces', () => {
    const body = `## Status${' '.repeat(50_000)}x\n\nACCEPTED\n`;
    expect(sections(body).map((s) => s.name)).toEqual([`Status${' '.repeat(50_000)}x`]);
    // Ten times the input must not cost anywhere near a hundred times the time.
    const small = ms(() => sections(`## S${' '.repeat(20_000)}x\n`));
    const big = ms(() => sections(`## S${' '.repeat(200_000)}x\n`));
    expect(big).toBeLessThan(Math.max(50, small * 40));
  });

  it('many unterminated link openers', () => {
    expect(markdownLinks(']('.repeat(100_000))).toEqual([]);
    const small = ms(() => markdownLinks(']('.repeat(20_000)));
    const big = ms(() => markdownLinks(']('.repeat(200_000)));
    expect(big).toBeLessThan(Math.max(50, small * 40));
  });

  it('links in code are not links', () => {
    const body = '```md\n[a](x/RFC-0002.md)\n```\nsee `[b](y.md)` and [c](z.md)\n';
    expect(markdownLinks(body).map((l) => [l.target, l.line])).toEqual([['z.md', 4]]);
    expect(rewriteLinks(body, 'a/d.md', 'b/d.md', new Map())).toBe(body.replace('](z.md)', '](../b/z.md)'));
    expect(placeholders('`[Not This]` but [This One]').map((p) => p.text)).toEqual(['[This One]']);
  });

  it('YAML errors point at their line', () => {
    const r = parseYaml('rfc_id: X\ntitle: ok\nreviewers:\n  - name: A\n   status: pending\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.line).toBe(5);
    const q = parseYaml('a: 1\ntitle: "unclosed\n');
    expect(!q.ok && q.problem.line).toBe(2);
  });
});

describe('reference-style links', () => {
  it('are found, checked and rewritten like inline ones', () => {
    const body = 'See [the RFC][r1] and [x](a.md).\n\n[r1]: ../review/RFC-0001-x.md\n[RFC-0001-x.md]: <../review/RFC-0001-x.md#top>\n';
    expect(markdownLinks(body).map((l) => [l.target, l.line])).toEqual([
      ['a.md', 1],
      ['../review/RFC-0001-x.md', 3],
      ['../review/RFC-0001-x.md', 4],
    ]);
    const moved = rewriteLinks(
      body,
      'rfcs/draft/RFC-0002-y.md',
      'rfcs/draft/RFC-0002-y.md',
      new Map([['rfcs/review/RFC-0001-x.md', 'rfcs/approved/RFC-0001-x.md']]),
    );
    expect(moved).toBe(body.replace('[r1]: ../review/', '[r1]: ../approved/').replace('<../review/', '<../approved/'));
  });
});
