import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatId, idInReference, numberInFilename, parseIdInput } from '../../src/core/ids.js';
import { slugify, MAX_SLUG_BYTES, MAX_SLUG_LENGTH } from '../../src/core/slug.js';
import { countWords, useWordSegmenter } from '../../src/core/words.js';
import { similarTitles } from '../../src/core/similar.js';

describe('ids', () => {
  it('formats with padding', () => {
    expect(formatId('RFC', 7, 4)).toBe('RFC-0007');
    expect(formatId('TS', 12345, 4)).toBe('TS-12345');
  });

  it.each([
    ['RFC-0007', { prefix: 'RFC', num: 7 }],
    ['rfc-7', { prefix: 'RFC', num: 7 }],
    ['0007', { num: 7 }],
    ['7', { num: 7 }],
    ['RFC0007', { prefix: 'RFC', num: 7 }],
    ['adr_4', { prefix: 'ADR', num: 4 }],
  ])('reads %s', (input, want) => expect(parseIdInput(input)).toEqual(want));

  it.each(['', 'RFC-', 'seven', '7a', '../7'])('rejects %j', (input) => expect(parseIdInput(input)).toBeUndefined());

  it.each([
    ['RFC-0029 (Some title)', 29],
    ['RFC-0013-some-slug.md', 13],
    ['../rfcs/draft/RFC-0013-x.md', 13],
    ['see rfc-2', 2],
  ])('finds the id in the reference %j', (ref, num) => expect(idInReference(ref, ['RFC', 'TS'])).toEqual({ prefix: 'RFC', num }));

  it('ignores unknown prefixes', () => expect(idInReference('JIRA-123', ['RFC'])).toBeUndefined());

  it('reads numbers from filenames', () => {
    expect(numberInFilename('RFC-0012-some-title.md', 'RFC')).toBe(12);
    expect(numberInFilename('rfc-0012.md', 'RFC')).toBe(12);
    expect(numberInFilename('README.md', 'RFC')).toBeUndefined();
  });
});

describe('slugify', () => {
  it('folds unicode and kebab-cases', () => {
    expect(slugify('Adopt PostgreSQL')).toBe('adopt-postgresql');
    expect(slugify('Café Straße Ærø')).toBe('cafe-strasse-aero');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('🚀🚀')).toBe('untitled');
  });

  it('property: a Latin title gives a safe, bounded, non-empty ASCII slug', () => {
    // Letters of the Latin script fold to ASCII (é is e, ß is ss, ł is l); slugs of Latin titles are what they always were.
    const latin = fc.string({ unit: fc.constantFrom(...'aZ09 -_./\\:é É ç ß Æ ø Ł đ þ œ ı Ǆ ﬁ ² ½ ẞ ñ ü ő ȩ ǖ'.split('')), maxLength: 400 });
    fc.assert(
      fc.property(fc.oneof(latin, fc.string({ maxLength: 400 })), (title) => {
        const s = slugify(title);
        expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      }),
      { numRuns: 500 },
    );
  });

  it('property: any title gives a safe, bounded, non-empty slug in NFC, its letters kept', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (title) => {
        const s = slugify(title);
        // Letters, digits and their marks, in words joined by single dashes: never a path, a dot file or a control character.
        expect(s).toMatch(/^[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(-[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*$/u);
        expect(s.normalize('NFC')).toBe(s);
        expect([...s].length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(Buffer.byteLength(s)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
        // A title with a letter or digit of any script is never untitled.
        if (/[\p{L}\p{N}]/u.test(title.normalize('NFKD')) && !/untitled/.test(title.toLowerCase())) expect(s).not.toBe('untitled');
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['認証方式の選定', '認証方式の選定'],
    ['🚀 Launch plan', 'launch-plan'],
    ['プロジェクト・ガバナンス', 'プロジェクト-ガバナンス'],
    ['ｶﾞｲﾄﾞ', 'ガイド'],
    ['인증 방식 선정', '인증-방식-선정'],
    ['Выбор схемы: й и ё', 'выбор-схемы-й-и-ё'],
    ['प्रमाणीकरण विधि का चयन', 'प्रमाणीकरण-विधि-का-चयन'],
    ['การเลือกวิธี', 'การเลือกวิธี'],
    ['Ελληνικά', 'ελληνικά'],
    ['Łódź, GROẞ and Þór', 'lodz-gross-and-thor'],
    ['PostgreSQLの採用', 'postgresqlの採用'],
  ])('keeps the letters of %j: %j', (title, want) => expect(slugify(title)).toBe(want));

  it('writes NFC whatever form the title came in (macOS gives NFD)', () => {
    expect(slugify('ガバナンス'.normalize('NFD'))).toBe('ガバナンス');
    expect(slugify('한국어'.normalize('NFD'))).toBe('한국어');
    expect(slugify('Café'.normalize('NFD'))).toBe('cafe');
  });

  it('cuts a long title at a word boundary, never inside a character, within the characters and bytes allowed', () => {
    const ja = slugify('認証方式の選定'.repeat(12));
    expect([...ja].length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect([...ja].length).toBeGreaterThan(MAX_SLUG_LENGTH / 2);
    // Ends with a word: 選定 or 方式, not half of one.
    expect(ja).toMatch(/(認証|方式|選定)$/);
    const thai = slugify('การเลือกวิธีการยืนยันตัวตน'.repeat(5));
    expect(thai).toMatch(/(การ|เลือก|วิธี|ยืนยัน|ตัว|ตน)$/);
    // Four bytes a letter (CJK extension B): the bytes run out first.
    const wide = slugify('𠀀𠀁𠀂'.repeat(30));
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect([...wide].length).toBe(50);
    // A letter keeps its marks: the cut is before कि, not between क and ि.
    const hi = slugify(`${'अ'.repeat(10)}${'कि'.repeat(60)}`);
    expect(hi.endsWith('कि')).toBe(true);
    expect(slugify(`${'б'.repeat(40)} ${'в'.repeat(40)}`)).toBe('б'.repeat(40));
  });
});

describe('countWords', () => {
  it.each([
    ['Adopt PostgreSQL', 2],
    ['Use  feature   flags', 3],
    ['CI/CD pipeline', 2],
    ['認証方式の選定', 4],
    ['PostgreSQLの採用', 3],
    ['인증 방식 선정', 3],
    ['Выбор схемы аутентификации', 3],
    ['认证', 1],
  ])('%j has %i words', (title, n) => expect(countWords(title)).toBe(n));

  it('counts roughly where Node has no segmenter with dictionaries', () => {
    useWordSegmenter(null);
    try {
      expect(countWords('Adopt PostgreSQL')).toBe(2);
      expect(countWords('認証方式の選定')).toBe(4);
      expect(countWords('サーバーレス構成の採用')).toBe(4);
      expect(countWords('การเลือกวิธีการยืนยันตัวตน')).toBe(6);
    } finally {
      useWordSegmenter(undefined);
    }
  });
});

describe('similarTitles', () => {
  it.each([
    ['Adopt PostgreSQL', 'PostgreSQL adopt', true],
    ['Use feature flags', 'Feature flag', true],
    ['Adopt PostgreSQL for orders', 'Adopt PostgreSQL for order', true],
    ['Phase 1 rollout', 'Phase 2 rollout', false],
    ['Adopt Kafka', 'Adopt Redis', false],
    ['Decision alpha', 'Decision bravo', false],
  ])('%j vs %j -> %s', (a, b, want) => expect(similarTitles(a, b)).toBe(want));
});

describe('closeMatches', () => {
  it('prefers the nearest number among equally close ids', async () => {
    const { closeMatches } = await import('../../src/core/suggest.js');
    const ids = ['RFC-0001', 'RFC-0002', 'RFC-0003', 'RFC-0004', 'RFC-0005', 'RFC-0006', 'RFC-0007'];
    expect(closeMatches('RFC-0008', ids)[0]).toBe('RFC-0007');
    expect(closeMatches('RFC-0070', ids)[0]).toBe('RFC-0007');
  });
});
