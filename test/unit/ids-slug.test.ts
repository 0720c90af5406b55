import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatId, idInReference, numberInFilename, parseIdInput } from '../../src/core/ids.js';
import { slugify, MAX_SLUG_LENGTH } from '../../src/core/slug.js';
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

  it('property: any title gives a safe, bounded, non-empty slug', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (title) => {
        const s = slugify(title);
        expect(s).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(s.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      }),
      { numRuns: 500 },
    );
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
