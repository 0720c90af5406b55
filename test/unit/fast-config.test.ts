import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configText } from '../../src/commands/init.js';
import { fastConfig } from '../../src/core/fast-config.js';

/** What the yaml package reads, as config-file.ts parses it. */
const reference = (text: string) => parse(text, { uniqueKeys: true });

describe('fastConfig', () => {
  it('reads the configuration init writes, comments and all', () => {
    const text = [
      '# archdoc configuration: https://github.com/archdoc/archdoc/blob/main/docs/configuration.md',
      '# yaml-language-server: $schema=./node_modules/archdoc/dist/archdoc.schema.json',
      'layout: by-status          # by-status moves a file to its status folder; flat keeps paths fixed',
      'id_padding: 4              # RFC-0001',
      'commit: true               # commit every change (or pass --no-commit)',
      'review_stale_days: 14      # check warns about documents in REVIEW for longer',
      'kinds:',
      '  rfc:',
      '    folder: rfcs',
      '  tech-spec:',
      '    folder: tech-specs',
      '  adr:',
      '    folder: docs/adr',
      '    status_aliases:        # words the records use',
      '      - Accepted',
      "      - 'Proposed'   # quoted",
      '    required_sections: [Context, Decision]',
      '    summary_section: "Decision # one"',
      '# rules:                   # turn check rules off or re-grade them',
      '#   loaded-word: off',
      'rules:',
      '  loaded-word: off',
      '  empty:',
      '',
    ].join('\n');
    const fast = fastConfig(text);
    expect(fast).toBeDefined();
    expect(fast).toEqual(reference(text));
  });

  it.each([
    ['by-status', undefined],
    ['flat', 'docs'],
  ] as const)('reads what init writes (%s, --dir %s) without the yaml package', (layout, dir) => {
    const text = configText(layout, dir);
    expect(fastConfig(text)).toEqual(reference(text));
  });

  it.each([
    'a: &x 1\nb: *x',
    'a: !!str 1',
    'a: |\n  text',
    'a: 1\na: 2',
    'k:\n  a: 1\n  a: 2',
    'a: b\n  continued',
    'k:\n  a: b\n    continued',
    'k:\n- a\n- b',
    'k:\n  - name: A',
    'k:\n  -\n    - a',
    'k:\n    a: 1\n  b: 2',
    'k:\n  - a\n  b: 1',
    "a: 'it''s'",
    'a: "esc \\" q"',
    'a: "x" y',
    'a: [x] y',
    'a: [x, [y]]',
    'a: {b: 1}',
    "a: 'open",
    '  a: 1',
    '---\na: 1',
    'a: b # c\nb:\tx',
    'null: 1',
    'k:\n  true: 1',
    'a: value#not-a-comment',
    '# only comments',
  ])('defers %j to the yaml package', (text) => {
    expect(fastConfig(`${text}\n`)).toBeUndefined();
  });

  const key = fc.oneof(fc.stringMatching(/^[a-z][a-z_-]{0,5}$/), fc.constantFrom('null', 'True', '__proto__', 'constructor', 'a'));
  const comment = fc.constantFrom('', ' # note', '   # aligned: note', '#glued', ' #');
  const raw = fc.oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9 ._/()-]{0,12}$/),
    fc.string({ maxLength: 8 }),
    fc.constantFrom(
      '~',
      'null',
      'off',
      'True',
      '0',
      '007',
      '14',
      '1.5',
      '2024-01-05',
      '[]',
      '{}',
      '[a, b]',
      '[a, [b]]',
      '"q # r"',
      "'s'",
      "'it''s'",
      '"a',
      'a #b',
      'a  b',
      'x:',
      '- y',
      '&a',
      '*a',
      '!t',
      '|',
      '>',
      '#c',
    ),
  );
  const indent = fc.constantFrom('', '  ', '    ', '      ', ' ');
  const line = fc.oneof(
    fc.tuple(indent, key, raw, comment).map(([i, k, v, c]) => `${i}${k}: ${v}${c}`),
    fc.tuple(indent, key, comment).map(([i, k, c]) => `${i}${k}:${c}`),
    fc.tuple(indent, raw, comment).map(([i, v, c]) => `${i}- ${v}${c}`),
    fc.tuple(indent, key, raw).map(([i, k, v]) => `${i}- ${k}: ${v}`),
    fc.tuple(indent, raw).map(([i, v]) => `${i}${v}`),
    fc.constantFrom('', '# comment', '    # indented comment', '  ', '---', '-'),
  );

  // Well-formed configurations: nested maps of values and lists, rendered with an indentation step
  // and comments; then sometimes a stray line, so the bail-outs are exercised as well.
  type Tree = Array<[string, string | string[] | Tree]>;
  const mostlyWell = <T>(good: fc.Arbitrary<T>, any: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: any });
  const treeKey = mostlyWell(fc.stringMatching(/^[a-z][a-z_-]{0,5}$/), key);
  const value = mostlyWell(
    fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ./-]{0,10}[a-z]$/), fc.constantFrom('4', 'true', 'off', '~', '"a # b"', "'q'", '[x, y]')),
    raw,
  );
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
    tree: fc.array(fc.tuple(treeKey, fc.oneof({ depthSize: 'small' }, value, fc.array(value, { minLength: 1, maxLength: 3 }), tie('tree'))), {
      minLength: 1,
      maxLength: 4,
    }),
  })).tree;
  const render = (t: Tree, step: string, depth: number, notes: string[]): string[] =>
    t.flatMap(([k, v], n) => {
      const pad = step.repeat(depth);
      const note = notes[(depth + n) % notes.length]!;
      if (typeof v === 'string') return [`${pad}${k}: ${v}${note}`];
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return [`${pad}${k}:${note}`, ...(v as string[]).map((x) => `${pad}${step}- ${x}${note}`)];
      return [`${pad}${k}:`, ...render(v as Tree, step, depth + 1, notes)];
    });
  const document = fc
    .tuple(
      tree,
      fc.constantFrom('  ', '    ', ' '),
      fc.array(mostlyWell(fc.constantFrom('', ' # note', '   # aligned: note'), comment), { minLength: 1, maxLength: 3 }),
      fc.option(fc.tuple(fc.nat(), line), { freq: 3 }),
    )
    .map(([t, step, notes, stray]) => {
      const lines = render(t, step, 0, notes);
      if (stray) lines.splice(stray[0] % (lines.length + 1), 0, stray[1]);
      return lines;
    });

  it('property: whenever it answers, it answers what yaml answers', () => {
    let answered = 0;
    let nested = 0;
    fc.assert(
      fc.property(fc.oneof(document, fc.array(line, { maxLength: 12 })), (lines) => {
        const text = `${lines.join('\n')}\n`;
        const fast = fastConfig(text);
        if (!fast) return;
        answered++;
        if (Object.values(fast).some((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) nested++;
        let expected: unknown;
        try {
          expected = reference(text);
        } catch {
          throw new Error(`fast reader accepted text yaml rejects: ${JSON.stringify(text)}`);
        }
        expect(fast, JSON.stringify(text)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
    // The property must exercise the fast path, nested maps included.
    expect(answered).toBeGreaterThan(300);
    expect(nested).toBeGreaterThan(100);
  });
});
