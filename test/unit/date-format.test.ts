import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/core/check/rules/date-format.js';

/** What JavaScript's own Date says: the rule's earlier implementation, kept as the reference. */
const byDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v);

describe('isIsoDate', () => {
  it('agrees with Date on every day shape, real or not', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const v = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        expect(isIsoDate(v)).toBe(byDate(v));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Date on free text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (v) => {
        expect(isIsoDate(v)).toBe(byDate(v));
      }),
    );
  });

  it('knows leap years', () => {
    expect(['2024-02-29', '2000-02-29', '2026-12-31'].map(isIsoDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '26-01-01'].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });
});
