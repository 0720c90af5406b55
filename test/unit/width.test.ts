/**
 * Terminal columns (src/terminal/width.ts) and the table that aligns by them: CJK and emoji take
 * two columns, marks and zero-width characters none, and a cut never splits a grapheme cluster.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { table } from '../../src/terminal/output.js';
import { clusterWidth, displayWidth, graphemes, padEnd, roughGraphemes, truncate } from '../../src/terminal/width.js';

/** Text that mixes what terminals show differently: ASCII, CJK, emoji sequences, marks, zero-width characters. */
const piece = fc.constantFrom(
  'a',
  'Z',
  ' ',
  '認',
  '証',
  'の',
  'ｶ',
  'Ａ',
  '한',
  '🚀',
  '👩‍💻',
  '👍🏽',
  '❤️',
  '☺',
  '🇯🇵',
  '1️⃣',
  'é',
  'e\u0301',
  'क्षि',
  'ไท',
  '\u200b',
  '\u200d',
  '\ufe0f',
  '\u0301',
  '…',
);
const mixed = fc.oneof(
  fc.array(piece, { maxLength: 20 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('displayWidth', () => {
  it.each([
    ['Adopt PostgreSQL', 16],
    ['認証方式の選定', 14],
    ['🚀 Launch plan', 14],
    ['👩‍💻', 2],
    ['👍🏽', 2],
    ['❤️', 2],
    ['☺', 1],
    ['🇯🇵', 2],
    ['1️⃣', 2],
    ['Ａ', 2],
    ['ｶ', 1],
    ['한국어', 6],
    ['e\u0301', 1],
    // Devanagari: a vowel sign that spaces (ा, Mc) takes a column, one that does not (े, Mn) none, as wcwidth counts.
    ['डेटाबेस', 5],
    ['का चयन', 6],
    ['a\u200bb', 2],
    ['\u001b[2mID\u001b[22m', 2],
    ['', 0],
  ])('%j takes %i columns', (text, want) => expect(displayWidth(text)).toBe(want));

  it('counts by grapheme cluster: a sequence is one cluster, its parts take no column of their own', () => {
    expect(graphemes('👩‍💻x')).toEqual(['👩‍💻', 'x']);
    expect(graphemes('e\u0301e')).toEqual(['e\u0301', 'e']);
    expect(clusterWidth('\u0301')).toBe(0);
    expect(clusterWidth('\u200d')).toBe(0);
  });

  it('without Intl.Segmenter, a close rule finds the same clusters in emoji, CJK and accented text', () => {
    const common = fc.array(
      piece.filter((p) => p !== 'क्षि'),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(common, (pieces) => {
        const text = pieces.join('');
        expect(roughGraphemes(text)).toEqual(graphemes(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('property: a text is as wide as its clusters', () => {
    fc.assert(
      fc.property(mixed, (text) => {
        expect(displayWidth(text)).toBe(graphemes(text).reduce((n, g) => n + clusterWidth(g), 0));
        expect(graphemes(text).join('')).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('truncate and padEnd', () => {
  it('cuts wide text to the width, with an ellipsis, never inside a cluster', () => {
    expect(truncate('認証方式の選定', 7)).toBe('認証方…');
    expect(truncate('認証方式の選定', 8)).toBe('認証方…');
    expect(truncate('🚀 Launch plan', 6)).toBe('🚀 La…');
    expect(truncate('👩‍💻👩‍💻👩‍💻', 4)).toBe('👩‍💻…');
    expect(truncate('Adopt PostgreSQL', 10)).toBe('Adopt Pos…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('keeps colour codes whole, and all of them', () => {
    expect(truncate('\u001b[1mAdopt PostgreSQL\u001b[22m', 6)).toBe('\u001b[1mAdopt…\u001b[22m');
  });

  it('property: padding a cut text gives exactly the column width, and the cut keeps whole clusters from the start', () => {
    fc.assert(
      fc.property(mixed, fc.integer({ min: 1, max: 30 }), (text, width) => {
        const cut = truncate(text, width);
        expect(displayWidth(cut)).toBeLessThanOrEqual(width);
        expect(displayWidth(padEnd(cut, width))).toBe(width);
        if (cut === text) return;
        expect(cut.endsWith('…')).toBe(true);
        const kept = graphemes(cut.slice(0, -1));
        expect(kept).toEqual(graphemes(text).slice(0, kept.length));
        // As much as fits: the next cluster would not have.
        const next = graphemes(text)[kept.length];
        expect(next === undefined || displayWidth(cut.slice(0, -1)) + clusterWidth(next) > width - 1).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('table', () => {
  it('aligns CJK and emoji titles by the columns they take', () => {
    const lines = table(
      [
        ['ID', 'TITLE', 'AUTHOR'],
        ['RFC-0001', '認証方式の選定', 'Test Author'],
        ['ADR-0002', '🚀 Launch plan', 'Test Author'],
        ['RFC-0003', 'Adopt PostgreSQL', 'Test Author'],
      ],
      [10, 40, 20],
    );
    expect(lines).toEqual([
      'ID        TITLE             AUTHOR',
      'RFC-0001  認証方式の選定    Test Author',
      'ADR-0002  🚀 Launch plan    Test Author',
      'RFC-0003  Adopt PostgreSQL  Test Author',
    ]);
  });

  it('property: the last column starts at the same terminal column on every line', () => {
    const row = fc.tuple(mixed, mixed, mixed);
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 12 }), (rows, max) => {
        const lines = table(
          rows.map((r) => [...r, 'X']),
          [max, 30, max],
        );
        const starts = lines.map((l) => displayWidth(l) - 1);
        expect(new Set(starts).size).toBe(1);
        for (const l of lines) expect(l.endsWith('X')).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('measures a control character as it is printed: escaped', () => {
    expect(
      table([
        ['a\u0007b', 'X'],
        ['abcdef', 'X'],
      ]),
    ).toEqual(['a\\x07b  X', 'abcdef  X']);
  });
});
