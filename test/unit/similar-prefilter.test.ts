import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameParts } from '../../src/core/document.js';
import { mayBeSimilarTo, similarTitles } from '../../src/core/similar.js';
import { slugify } from '../../src/core/slug.js';

// create reads an existing document's title only when its file name's slug may be similar to the
// new title: the filter must never hide a title that is similar (no false negatives).
const word = fc.constantFrom(
  'adopt',
  'postgres',
  'postgresql',
  'kafka',
  'events',
  'event',
  'orders',
  'service',
  'the',
  'with',
  'using',
  'for',
  'api',
  'gateway',
  'gatewy',
  'cache',
  'caches',
  'v2',
  '2',
  '12',
  '100s',
  'q3',
  'internationalisation',
  'infrastructureprovisioning',
  '12',
  '100s',
  'q3',
  'phase2',
  'phase',
  'migrate',
  'kubernetes',
  'kubernetis',
  'clusters',
  'clustars',
  'Straße',
  'café',
  'løsning',
  'Æble',
);
const title = fc.tuple(fc.array(word, { minLength: 1, maxLength: 9 }), fc.constantFrom(' ', ' - ', ': ', ', ')).map(([ws, sep]) => ws.join(sep));
const asciiTitle = title.filter((t) => /^[\x20-\x7e]*$/.test(t));

describe('mayBeSimilarTo', () => {
  it('never rules out a document whose title is similar to an ASCII title', () => {
    fc.assert(
      fc.property(asciiTitle, title, (newTitle, existing) => {
        if (!similarTitles(newTitle, existing)) return;
        expect(mayBeSimilarTo(newTitle)!(slugify(existing))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never rules out a title two edits away, whatever the edits do to spaces and words', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom('x', ' ', 'e', '-'));
    fc.assert(
      fc.property(asciiTitle, fc.array(edit, { maxLength: 2 }), (newTitle, edits) => {
        let existing = newTitle;
        for (const [at, kind, ch] of edits) {
          const i = existing.length ? at % existing.length : 0;
          existing =
            kind === 'delete' ? existing.slice(0, i) + existing.slice(i + 1) : existing.slice(0, i) + ch + existing.slice(i + (kind === 'replace' ? 1 : 0));
        }
        if (!similarTitles(newTitle, existing)) return;
        expect(mayBeSimilarTo(newTitle)!(slugify(existing))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never rules out a similar title whose slug was cut short', () => {
    const long = fc.array(word, { minLength: 4, maxLength: 12 }).map((ws) => ws.join(' '));
    const edit = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom('x', ' ', 'ß', 'æ', 's'));
    let cut = 0;
    fc.assert(
      fc.property(long, fc.nat(), fc.array(edit, { maxLength: 2 }), (newTitle, turn, edits) => {
        if (!/^[\x20-\x7e]*$/.test(newTitle)) return;
        // The same words, perhaps turned round (similar in any order), then up to two edits.
        const ws = newTitle.split(' ');
        const k = turn % ws.length;
        let existing = [...ws.slice(k), ...ws.slice(0, k)].join(' ');
        for (const [at, kind, ch] of edits) {
          const i = existing.length ? at % existing.length : 0;
          existing =
            kind === 'delete' ? existing.slice(0, i) + existing.slice(i + 1) : existing.slice(0, i) + ch + existing.slice(i + (kind === 'replace' ? 1 : 0));
        }
        if (slugify(existing) === slugify(existing, 1000) || !similarTitles(newTitle, existing)) return;
        cut++;
        expect(mayBeSimilarTo(newTitle)!(slugify(existing))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(cut).toBeGreaterThan(500);
  });

  it('rules out documents that share nothing with the title', () => {
    expect(mayBeSimilarTo('Adopt PostgreSQL for orders')!('use-kafka-events')).toBe(false);
    expect(mayBeSimilarTo('Adopt PostgreSQL for orders')!('adopt-redis')).toBe(true);
    // A number must stand in the slug as a word of its own: 12 is not 2, 2024 is not 2.
    expect(mayBeSimilarTo('Orders service phase 2')!('orders-service-phase-12')).toBe(false);
    expect(mayBeSimilarTo('Orders service phase 2')!('orders-service-phase-2')).toBe(true);
    expect(mayBeSimilarTo('Phase 2')!('phase-2024')).toBe(false);
    expect(mayBeSimilarTo('Phase 2')!('phases-2')).toBe(true);
    // A file named by hand may spell it otherwise: read it.
    expect(mayBeSimilarTo('Phase 2 rollout plan')!('phase-²-rollout-plan')).toBe(true);
  });

  it('reads a document whose slug may have been cut before the words it shares', () => {
    // Cut at 60 characters, then back to the last dash: 31 characters here, every shared word gone.
    const long = `${'a'.repeat(31)} ${'b'.repeat(30)} cache`;
    const other = `${'a'.repeat(30)}x ${'b'.repeat(29)}x cache`;
    expect(similarTitles(long, other)).toBe(true);
    expect(slugify(other)).toBe(`${'a'.repeat(30)}x`);
    expect(mayBeSimilarTo(long)!(slugify(other))).toBe(true);
    // Cut after stop words, which neither title's words count; and after a letter folding doubles.
    const stops = `Adopt ${'using '.repeat(8)}Kubernetes`;
    for (const typo of [`Adxpt ${'using '.repeat(8)}Kubernetes`, `Adoßt ${'using '.repeat(8)}Kubernetes`]) {
      expect(similarTitles(stops, typo)).toBe(true);
      expect(slugify(typo)).toMatch(/^ad(xp|oss)t(-using){8}$/);
      expect(mayBeSimilarTo(stops)!(slugify(typo))).toBe(true);
    }
  });

  // Slugs keep the letters of every script (core/slug.ts): an ASCII title may be a few edits from
  // a title with some of them (a Cyrillic а that looks like a Latin a), never from one with many.
  const anyScript = fc.constantFrom('データ', '東京', 'кафка', 'kafkа', 'adоpt', 'й', 'हिन्दी', 'कि', '한국', 'ไทย', 'łódź', 'þorp', 'Ελλάδα', 'ѕervice');
  const mixedTitle = fc
    .tuple(fc.array(fc.oneof(word, anyScript), { minLength: 1, maxLength: 9 }), fc.constantFrom(' ', ' - ', ': ', ''))
    .map(([ws, sep]) => ws.join(sep));

  it('never rules out a title in any script that is similar to an ASCII title', () => {
    fc.assert(
      fc.property(asciiTitle, mixedTitle, (newTitle, existing) => {
        if (!similarTitles(newTitle, existing)) return;
        expect(mayBeSimilarTo(newTitle)!(slugify(existing))).toBe(true);
        expect(mayBeSimilarTo(newTitle)!(slugify(existing).normalize('NFD'))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never rules out a title two edits away when the edits are letters of other scripts, cut or not', () => {
    const edit = fc.tuple(
      fc.nat(),
      fc.constantFrom('delete', 'insert', 'replace'),
      fc.constantFrom('й', 'а', 'デ', '東', '\u093f', 'ł', 'þ', 'ß', '한', ' ', '-'),
    );
    const long = fc.array(word, { minLength: 1, maxLength: 12 }).map((ws) => ws.join(' '));
    let similar = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          asciiTitle,
          long.filter((t) => /^[\x20-\x7e]*$/.test(t)),
        ),
        fc.array(edit, { maxLength: 2 }),
        (newTitle, edits) => {
          let existing = newTitle;
          for (const [at, kind, ch] of edits) {
            const i = existing.length ? at % existing.length : 0;
            existing =
              kind === 'delete' ? existing.slice(0, i) + existing.slice(i + 1) : existing.slice(0, i) + ch + existing.slice(i + (kind === 'replace' ? 1 : 0));
          }
          if (!similarTitles(newTitle, existing)) return;
          similar++;
          expect(mayBeSimilarTo(newTitle)!(slugify(existing))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
    expect(similar).toBeGreaterThan(1000);
  });

  it('rules out slugs with more letters of other scripts than edits allow', () => {
    expect(mayBeSimilarTo('Adopt PostgreSQL for orders')!(slugify('認証方式の選定'))).toBe(false);
    expect(mayBeSimilarTo('Adopt Kafka events')!(slugify('Выбор схемы'))).toBe(false);
    // One Cyrillic letter in a title otherwise the same: read it.
    expect(mayBeSimilarTo('Adopt Kafka events')!(slugify('Adopt Kafkа events'))).toBe(true);
    expect(mayBeSimilarTo('Adopt Kafka events')!(slugify('Adopt Kafkа events').normalize('NFD'))).toBe(true);
  });

  it('reads every title when the new one has letters folding could change', () => {
    expect(mayBeSimilarTo('Straße bauen')).toBeUndefined();
    expect(mayBeSimilarTo('注文サービス')).toBeUndefined();
  });
});

describe('fileNameParts', () => {
  it('is the number and the slug after it, in archdoc and adr-tools names', () => {
    expect(fileNameParts('RFC-0012-adopt-postgresql.md', 'RFC')).toEqual({ num: 12, slug: 'adopt-postgresql' });
    expect(fileNameParts('rfc_12_adopt.md', 'RFC')).toEqual({ num: 12, slug: 'adopt' });
    expect(fileNameParts('0012-use-kafka.md', 'ADR')).toEqual({ num: 12, slug: 'use-kafka' });
    expect(fileNameParts('RFC-0012.md', 'RFC')).toBeUndefined();
    expect(fileNameParts('legacy-id.md', 'RFC')).toBeUndefined();
  });

  it('reads back slugs in any script, as slugify writes them and as macOS lists them (NFD)', () => {
    for (const title of ['認証方式の選定', 'Выбор схемы', 'प्रमाणीकरण विधि', 'ガバナンス', '🚀 Launch plan']) {
      const slug = slugify(title);
      expect(fileNameParts(`RFC-0012-${slug}.md`, 'RFC')).toEqual({ num: 12, slug });
      expect(fileNameParts(`0012-${slug}.md`, 'ADR')).toEqual({ num: 12, slug });
      expect(fileNameParts(`RFC-0012-${slug}.md`.normalize('NFD'), 'RFC')).toEqual({ num: 12, slug: slug.normalize('NFD') });
    }
  });
});
