import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { beginsWithin, editDistance } from '../../src/core/suggest.js';

/** The definition: some beginning of `b` (the empty one and `b` itself included) is within `limit` edits of `a`. */
const byDefinition = (a: string, b: string, limit: number) => {
  for (let j = 0; j <= b.length; j++) if (editDistance(a, b.slice(0, j)) <= limit) return true;
  return false;
};

describe('beginsWithin', () => {
  it('agrees with the edit distance to every beginning of the other string', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' ', 'd'), maxLength: 14 });
    fc.assert(
      fc.property(text, text, fc.integer({ min: 0, max: 6 }), (a, b, limit) => {
        expect(beginsWithin(a, b, limit)).toBe(byDefinition(a, b, limit));
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes the examples it is used for', () => {
    expect(beginsWithin('adopt postgres', 'adopt postgresql for orders', 0)).toBe(true);
    expect(beginsWithin('adopt postgrse', 'adopt postgresql for orders', 2)).toBe(true);
    // Dropping the s leaves "adopt postgre", a beginning: one edit.
    expect(beginsWithin('adopt postgrse', 'adopt postgresql for orders', 1)).toBe(true);
    expect(beginsWithin('adopt postgrse', 'adopt postgresql for orders', 0)).toBe(false);
    expect(beginsWithin('', 'x', 0)).toBe(true);
    expect(beginsWithin('abc', '', 2)).toBe(false);
    expect(beginsWithin('abc', '', 3)).toBe(true);
  });
});
