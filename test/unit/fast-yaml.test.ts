import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastFrontmatter, stringifySimple, splitKey } from '../../src/core/fast-yaml.js';

/** What the yaml package reads, as archdoc parses it (1.2 core schema). */
const reference = (text: string) => parse(text, { uniqueKeys: true }) ?? {};

describe('fastFrontmatter', () => {
  it('reads the common shapes exactly', () => {
    const text = [
      'rfc_id: RFC-0001',
      'title: Adopt PostgreSQL (for orders)',
      'status: DRAFT',
      'count: 12',
      'flag: true',
      'nothing:',
      'tilde: ~',
      'created: 2024-01-05',
      'quoted: "a: b # c"',
      "single: 'it is'",
      'empty_list: []',
      'flow: [RFC-0002, RFC-0003]',
      'reviewers:',
      '  - name: Alice Chen',
      '    status: approved',
      '  - name: Bob',
      '    status: pending',
      'history:',
      '- status: REVIEW',
      '  date: 2026-11-25',
      'tags:',
      '  - one',
      '  - two',
      '',
    ].join('\n');
    const r = fastFrontmatter(text);
    expect(r?.data).toEqual(reference(text));
    expect(r?.keyLines.reviewers).toBe(13);
  });

  it('reads names of Object.prototype members as the words they are', () => {
    const text = 'title: toString \nauthor: constructor\ntags:\n  - valueOf\n';
    expect(fastFrontmatter(text)?.data).toEqual({ title: 'toString', author: 'constructor', tags: ['valueOf'] });
  });

  it.each([
    'title: a # comment',
    'a: &x 1\nb: *x',
    'a: !!str 1',
    'a: |\n  text',
    'a: 1.5',
    'a: 0x1F',
    'a: "esc \\" q"',
    'a: 1\na: 2',
    'a:\n  nested: map',
    'a: [1, 2]',
    "a: ['x, y']",
    'a:\tb',
    '- a\n- b',
    'just a scalar',
    'a: b: c',
    'null: 1\nNULL: 2',
    'true: 1',
    'l:\n  - True: 1\n    true: 2',
    'a: .inf',
    'a: -1',
    'reviewers:\n  - name: A\n    extra:\n      deep: 1',
  ])('defers %j to the yaml package', (text) => {
    expect(fastFrontmatter(`${text}\n`)).toBeUndefined();
  });

  const word = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9 ._/()-]{0,15}$/);
  const raw = fc.oneof(
    word,
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '',
      '~',
      'null',
      'True',
      'false',
      '0',
      '007',
      '12',
      '2024-01-05',
      '2024-1-5',
      '1e3',
      '.5',
      '-3',
      '+3',
      'yes',
      'no',
      '[]',
      '{}',
      '[a, b]',
      '[a,, b]',
      '"q"',
      "'s'",
      '"a # b"',
      'a #b',
      'a  b',
      'x:',
      'http://x',
      '- y',
      '@at',
      '`t`',
      '%p',
      '&a',
      '*a',
      '!t',
      '|',
      '>',
      '#c',
      'constructor',
      'toString ',
      '__proto__',
    ),
  );
  const line = fc.oneof(
    fc
      .tuple(fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/), fc.constantFrom('null', 'Null', 'true', 'True', 'FALSE')), raw)
      .map(([k, v]) => `${k}: ${v}`),
    fc.stringMatching(/^[a-z]{1,6}$/).map((k) => `${k}:`),
    raw.map((v) => `  - ${v}`),
    fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), raw).map(([k, v]) => `  - ${k}: ${v}`),
    fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), raw).map(([k, v]) => `    ${k}: ${v}`),
    fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), raw).map(([k, v]) => `- ${k}: ${v}`),
    fc.tuple(fc.stringMatching(/^[a-z]{1,6}$/), raw).map(([k, v]) => `  ${k}: ${v}`),
    fc.constantFrom('', '# comment', '  ', '---'),
  );

  it('property: whenever it answers, it answers what yaml answers', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 10 }), fc.constantFrom('\n', '', '\n\n'), (lines, last) => {
        const text = `${lines.join('\n')}${last}`;
        const fast = fastFrontmatter(text);
        if (!fast) return;
        answered++;
        // Each top-level key is found on the line that starts with it.
        expect(Object.keys(fast.keyLines).sort()).toEqual(Object.keys(fast.data).sort());
        for (const [key, at] of Object.entries(fast.keyLines)) expect(lines.findIndex((l) => l.startsWith(`${key}:`)) + 1).toBe(at);
        let expected: unknown;
        try {
          expected = reference(text);
        } catch {
          throw new Error(`fast reader accepted text yaml rejects: ${JSON.stringify(text)}`);
        }
        expect(fast.data, JSON.stringify(text)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(100); // the property must actually exercise the fast path
  });
});

describe('stringifySimple', () => {
  const reference = (data: Record<string, unknown>) => stringify(data, { lineWidth: 0, nullStr: '' });

  it("writes a new document's frontmatter as yaml does", () => {
    const data = {
      rfc_id: 'RFC-0001',
      title: 'Adopt PostgreSQL (orders)',
      status: 'DRAFT',
      author: 'Ann Lee',
      reviewers: [
        { name: 'Bob', status: 'pending' },
        { name: 'Carol Wu', status: 'approved' },
      ],
      created: '2026-11-25',
      decision_date: null,
      related_prds: [],
      related_rfcs: ['RFC-0002'],
    };
    expect(stringifySimple(data)).toBe(reference(data));
  });

  it.each([
    { title: 'Use gRPC: not REST' },
    { title: "Ann's idea" },
    { title: 'true' },
    { title: 'Two\nlines' },
    { title: '0012' },
    { count: 3 },
    { flag: false },
    { nested: { a: 'b' } },
    { list: [['x']] },
    { list: [{}] },
    { 'odd key': 'x' },
    {},
  ])('leaves %j to the yaml package', (data) => {
    expect(stringifySimple(data)).toBeUndefined();
  });

  const text = fc.oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._/()-]{0,20}$/),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '2026-11-25',
      '2026-1-5',
      'null',
      'Null',
      'True',
      'no',
      'constructor',
      '__proto__',
      'a  b',
      'a ',
      ' a',
      'a: b',
      'a #b',
      '-a',
      '.inf',
      'e1',
      '1e3',
    ),
  );
  const key = fc.oneof(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,8}$/), fc.constantFrom('null', 'true', 'a b', '-x', 'constructor'));
  const value = fc.oneof(text, fc.constant(null), fc.array(text, { maxLength: 3 }), fc.array(fc.dictionary(key, text, { maxKeys: 3 }), { maxLength: 3 }));

  it('property: whenever it answers, it answers what yaml writes', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 8 }), (data) => {
        const fast = stringifySimple(data);
        if (fast === undefined) return;
        answered++;
        expect(fast, JSON.stringify(data)).toBe(reference(data));
        expect(parse(fast)).toEqual(data);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(100);
  });
});

describe('splitKey', () => {
  // The regular expression the reader used to split `key: value` lines, kept as the reference.
  const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/;
  it('splits every line exactly as the regular expression does', () => {
    const piece = fc.constantFrom('a', 'Z', '_', '-', '9', ':', ' ', '  ', '#', 'é', '\u2028', '\u2029', '\r', 'x: y', 'key', '::');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        const m = KEY.exec(line);
        expect(splitKey(line)).toEqual(m ? { key: m[1], rest: m[2] } : undefined);
      }),
      { numRuns: 20_000 },
    );
  });
});
