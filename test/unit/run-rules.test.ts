/**
 * How check runs its rules: the rules that judge each document on their own in one pass over the
 * documents, the others over all of them; each finding with its rule and configured severity; a
 * rule that throws reported as one finding, the others unharmed; findings sorted.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/core/check/index.js';
import { documentRule, type CheckContext, type Rule } from '../../src/core/check/types.js';
import type { DocRecord } from '../../src/core/document.js';
import type { RuleId } from '../../src/core/check/rule-ids.js';

const doc = (path: string) => ({ path }) as DocRecord;
const DOCS = ['b.md', 'a.md', 'c.md'].map(doc);
const ctx = { docs: DOCS } as CheckContext;
/** Fake rules under real ids: the runner knows rules only by id. */
const id = (name: string) => name as RuleId;
const judged: string[] = [];

const everyDoc = documentRule({
  id: id('placeholder'),
  severity: 'error',
  description: 'a finding on each document, in the order judged',
  judge: () => (d) => {
    judged.push(`placeholder ${d.path}`);
    return [{ path: d.path, line: 2, col: 1, message: 'each' }];
  },
});
const throwsOnSecond = documentRule({
  id: id('loaded-word'),
  severity: 'warning',
  description: 'throws on the second document',
  judge: () => {
    let n = 0;
    return (d) => {
      judged.push(`loaded-word ${d.path}`);
      if (++n === 2) throw new Error('boom');
      return [{ path: d.path, line: 1, col: 1, message: 'before the throw' }];
    };
  },
});
const cannotStart = documentRule({
  id: id('date-format'),
  severity: 'warning',
  description: 'throws while it makes its judge',
  judge: () => {
    throw new Error('no judge');
  },
});
const whole: Rule = {
  id: id('duplicate-id'),
  severity: 'error',
  description: 'over all',
  run: ({ docs }) => [{ path: docs[0]!.path, line: 1, col: 1, message: 'whole' }],
};
const wholeThrows: Rule = {
  id: id('branch-collision'),
  severity: 'error',
  description: 'throws',
  run: () => {
    throw new Error('bang');
  },
};
const off = documentRule({
  id: id('stale-review'),
  severity: 'warning',
  description: 'turned off',
  judge: () => () => [{ path: 'x.md', line: 1, col: 1, message: 'never' }],
});

describe('runRules', () => {
  it('judges each document with every document rule in turn, reports a rule that throws once, and sorts the findings', () => {
    judged.length = 0;
    const found = runRules([everyDoc, throwsOnSecond, cannotStart, whole, wholeThrows, off], ctx, { placeholder: 'warning', 'stale-review': 'off' });
    // One pass: each document meets every document rule before the next document.
    expect(judged).toEqual(['placeholder b.md', 'loaded-word b.md', 'placeholder a.md', 'loaded-word a.md', 'placeholder c.md']);
    expect(found.map((f) => `${f.path}:${f.line} ${f.rule} ${f.severity} ${f.message}`)).toEqual([
      '.:1 branch-collision error rule failed: bang; please report this',
      '.:1 date-format error rule failed: no judge; please report this',
      '.:1 loaded-word error rule failed: boom; please report this',
      'a.md:2 placeholder warning each',
      'b.md:1 duplicate-id error whole',
      'b.md:2 placeholder warning each',
      'c.md:2 placeholder warning each',
    ]);
  });

  it("gives a document rule's run the findings its judge gives, document by document", () => {
    expect(everyDoc.run(ctx).map((f) => f.path)).toEqual(['b.md', 'a.md', 'c.md']);
  });

  it('reports a rule with hundreds of thousands of findings whole (a hostile document, or many documents)', () => {
    const many = documentRule({
      id: id('placeholder'),
      severity: 'error',
      description: 'a hundred thousand findings a document',
      judge: () => (d) => Array.from({ length: 100_000 }, (_, i) => ({ path: d.path, line: i + 1, col: 1, message: 'many' })),
    });
    expect(runRules([many], ctx, {})).toHaveLength(300_000);
    expect(many.run({ docs: [doc('a.md'), doc('b.md')] } as CheckContext)).toHaveLength(200_000);
  });
});
