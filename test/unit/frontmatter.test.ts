import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editDocument, editYaml, isSplit, parseYaml, splitFrontmatter, type FrontmatterEdit } from '../../src/core/frontmatter.js';

describe('splitFrontmatter', () => {
  it('finds the YAML and body of LF and CRLF documents, with offsets', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['---', 'a: 1', 'b: two', '---', '', '# Body', ''].join(eol);
      const s = splitFrontmatter(text);
      expect(isSplit(s)).toBe(true);
      if (!isSplit(s)) return;
      expect(s.eol).toBe(eol);
      expect(s.yaml).toBe(`a: 1${eol}b: two${eol}`);
      expect(text.slice(s.yamlStart, s.yamlStart + s.yaml.length)).toBe(s.yaml);
      expect(s.body).toBe(`${eol}# Body${eol}`);
      expect(s.bodyLine).toBe(5);
    }
  });

  it('reports a missing, unclosed or late block precisely', () => {
    expect(splitFrontmatter('# Just a heading\n')).toEqual({ problem: 'none' });
    expect(splitFrontmatter('---\na: 1\nno end\n')).toEqual({ problem: 'unclosed', line: 1 });
    expect(splitFrontmatter('# Title\n\n---\nstatus: DRAFT\n---\nbody')).toEqual({ problem: 'not-first-line', line: 3 });
  });

  it('takes a `---` pair further down for thematic breaks around body text, not a misplaced block', () => {
    const body = '# Title\n\nSome context.\n\n---\nNote: breaks set this part apart.\n\n---\n\nMore.\n';
    expect(splitFrontmatter(body)).toEqual({ problem: 'none' });
  });

  it('accepts a byte order mark', () => {
    const s = splitFrontmatter('\uFEFF---\na: 1\n---\nbody');
    expect(isSplit(s) && s.bom && s.yaml === 'a: 1\n').toBe(true);
  });
});

describe('parseYaml', () => {
  it('keeps dates as strings', () => {
    const r = parseYaml('created: 2024-01-05\nn: 3\n');
    expect(r.ok && r.data).toEqual({ created: '2024-01-05', n: 3 });
  });

  it('says where a problem is', () => {
    const dup = parseYaml('a: 1\na: 2\n');
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.problem.line).toBe(2);
    const scalar = parseYaml('just text\n');
    expect(!scalar.ok && scalar.problem.message).toMatch(/single value/);
    const list = parseYaml('- a\n- b\n');
    expect(!list.ok && list.problem.message).toMatch(/a list/);
  });
});

describe('editDocument', () => {
  const original = [
    '---',
    '# A comment that must survive',
    'rfc_id: RFC-0001',
    'title: "Quoted: title"   # inline comment',
    'status: DRAFT',
    'reviewers: [alice, bob]',
    'created: 2024-01-05',
    'last_updated: 2024-01-05',
    'extra_field: {nested: true}',
    'decision_date:',
    '---',
    '',
    '# Body stays',
    '',
  ];

  it('changes only the touched lines, LF and CRLF alike', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = original.join(eol);
      const edited = editDocument(text, [
        { op: 'set', path: ['status'], value: 'REVIEW' },
        { op: 'set', path: ['last_updated'], value: '2026-11-25' },
        { op: 'append', key: 'history', item: { status: 'REVIEW', date: '2026-11-25' } },
      ]);
      const lines = edited.split(eol);
      expect(lines.slice(0, 4)).toEqual(original.slice(0, 4));
      expect(lines[4]).toBe('status: REVIEW');
      expect(lines.slice(5, 7)).toEqual(original.slice(5, 7));
      expect(lines[7]).toBe('last_updated: 2026-11-25');
      expect(lines.slice(8, 10)).toEqual(original.slice(8, 10));
      expect(lines.slice(10, 13)).toEqual(['history:', '  - status: REVIEW', '    date: 2026-11-25']);
      expect(lines.slice(13)).toEqual(original.slice(10));
      if (eol === '\r\n') expect(edited.replace(/\r\n/g, '')).not.toContain('\n');
    }
  });

  it('fills an empty value, keeps quoting style, appends to an existing block list', () => {
    const text = "---\ntitle: 'single'\ndecision_date:\nhistory:\n  - status: DRAFT\n    date: 2024-01-01\n---\nbody\n";
    const edited = editDocument(text, [
      { op: 'set', path: ['title'], value: "it's" },
      { op: 'set', path: ['decision_date'], value: '2026-11-25' },
      { op: 'append', key: 'history', item: { status: 'REVIEW', date: '2026-11-25', comment: 'a: b' } },
    ]);
    expect(edited).toBe(
      "---\ntitle: 'it''s'\ndecision_date: 2026-11-25\nhistory:\n  - status: DRAFT\n    date: 2024-01-01\n  - status: REVIEW\n    date: 2026-11-25\n    comment: \"a: b\"\n---\nbody\n",
    );
  });

  it('sets a nested value in place', () => {
    const text = '---\nreviewers:\n  - name: Alice\n    status: pending # asked on Monday\n---\n';
    expect(editDocument(text, [{ op: 'set', path: ['reviewers', 0, 'status'], value: 'approved' }])).toBe(
      '---\nreviewers:\n  - name: Alice\n    status: approved # asked on Monday\n---\n',
    );
  });

  it('writes into empty frontmatter', () => {
    expect(editDocument('---\n---\nbody', [{ op: 'set', path: ['status'], value: 'DRAFT' }])).toBe('---\nstatus: DRAFT\n---\nbody');
  });
});

// ---------------------------------------------------------------------------------------------
// Property: for any hand-written frontmatter, an edit changes only the entries it touches.

const key = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
  .filter((k) => !['status', 'last_updated', 'history', 'true', 'false', 'null', 'yes', 'no', 'on', 'off'].includes(k));
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
const safeText = fc.string({ minLength: 0, maxLength: 30 }).map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/g, ''));
const plainWord = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,20}[A-Za-z0-9]$/);
const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** One entry: its source text (without EOL) and the value it parses to. */
const entry = (k: string) =>
  fc.oneof(
    plainWord.map((v) => ({ text: `${k}: ${v}`, value: v as unknown })),
    safeText.map((v) => ({ text: `${k}: ${JSON.stringify(v)}`, value: v as unknown })),
    safeText.map((v) => ({ text: `${k}: '${v.replace(/'/g, "''")}'`, value: v as unknown })),
    date.map((v) => ({ text: `${k}: ${v}   # a date`, value: v as unknown })),
    fc.integer({ min: -1000, max: 100000 }).map((v) => ({ text: `${k}: ${v}`, value: v as unknown })),
    fc.array(plainWord, { maxLength: 4 }).map((vs) => ({ text: `${k}: [${vs.join(', ')}]`, value: vs as unknown })),
    fc.array(plainWord, { minLength: 1, maxLength: 3 }).map((vs) => ({ text: `${k}:\n${vs.map((v) => `  - ${v}`).join('\n')}`, value: vs as unknown })),
    fc.constant({ text: `${k}:`, value: null as unknown }),
  );

const frontmatter = fc
  .uniqueArray(key, { minLength: 0, maxLength: 8 })
  .chain((keys) => fc.tuple(...keys.map((k) => entry(k).map((e) => ({ key: k, ...e })))))
  .chain((entries) =>
    fc.record({
      entries: fc.constant(entries),
      statusStyle: fc.constantFrom('none', 'plain', 'double', 'single', 'comment'),
      updated: fc.constantFrom('none', 'plain', 'quoted'),
      history: fc.constantFrom('none', 'block', 'flow-empty'),
      comment: fc.boolean(),
      eol: fc.constantFrom('\n', '\r\n'),
      body: safeText,
    }),
  );

describe('property: edits touch only their fields', () => {
  it('keeps every untouched entry and the body byte-identical', () => {
    fc.assert(
      fc.property(frontmatter, fc.constantFrom('REVIEW', 'APPROVED'), date, (fm, status, today) => {
        const parts: Array<{ key: string; text: string; value: unknown }> = [...fm.entries];
        if (fm.statusStyle !== 'none') {
          const t = { plain: 'status: DRAFT', double: 'status: "DRAFT"', single: "status: 'DRAFT'", comment: 'status: DRAFT # set by hand' }[fm.statusStyle]!;
          parts.splice(Math.min(1, parts.length), 0, { key: 'status', text: t, value: 'DRAFT' });
        }
        if (fm.updated !== 'none')
          parts.push({ key: 'last_updated', text: fm.updated === 'plain' ? 'last_updated: 2020-02-02' : 'last_updated: "2020-02-02"', value: '2020-02-02' });
        if (fm.history === 'block')
          parts.push({ key: 'history', text: 'history:\n  - status: DRAFT\n    date: 2020-01-01', value: [{ status: 'DRAFT', date: '2020-01-01' }] });
        if (fm.history === 'flow-empty') parts.push({ key: 'history', text: 'history: []', value: [] });
        const lines = [...(fm.comment ? ['# hand-written'] : []), ...parts.map((p) => p.text)];
        const yaml = lines.join('\n').replace(/\n/g, fm.eol) + (lines.length ? fm.eol : '');
        const body = `${fm.eol}# Title${fm.eol}${fm.body}`;
        const text = `---${fm.eol}${yaml}---${fm.eol}${body}`;
        expect(parse(yaml.replace(/\r\n/g, '\n')) ?? {}).toEqual(Object.fromEntries(parts.map((p) => [p.key, p.value])));

        const edits: FrontmatterEdit[] = [
          { op: 'set', path: ['status'], value: status },
          { op: 'set', path: ['last_updated'], value: today },
          { op: 'append', key: 'history', item: { status, date: today } },
        ];
        const edited = editDocument(text, edits);
        const split = splitFrontmatter(edited);
        expect(isSplit(split)).toBe(true);
        if (!isSplit(split)) return;
        expect(split.body).toBe(body);
        const data = parse(split.yaml) as Record<string, unknown>;
        const prevHistory = (parts.find((p) => p.key === 'history')?.value as unknown[]) ?? [];
        const expected = {
          ...Object.fromEntries(parts.map((p) => [p.key, p.value])),
          status,
          last_updated: today,
          history: [...prevHistory, { status, date: today }],
        };
        expect(data).toEqual(expected);
        // Every untouched entry survives byte for byte and in order, with the file's own line ending.
        let at = 0;
        for (const p of parts) {
          if (['status', 'last_updated', 'history'].includes(p.key)) continue;
          const want = p.text.replace(/\n/g, fm.eol);
          const found = split.yaml.indexOf(want, at);
          expect(found, `entry ${JSON.stringify(want)} kept`).toBeGreaterThanOrEqual(0);
          at = found + want.length;
        }
        if (fm.comment) expect(split.yaml.startsWith(`# hand-written${fm.eol}`)).toBe(true);
        if (fm.eol === '\r\n') expect(split.yaml.replace(/\r\n/g, '')).not.toContain('\n');
      }),
      { numRuns: 300 },
    );
  });
});

describe('editYaml: a list replaced whole', () => {
  it('keeps the key after it on its own line, at the top and nested', () => {
    expect(editYaml('b:\n  - X\n  - Y\nc: 1\n', [{ op: 'set', path: ['b'], value: ['P'] }], '\n')).toBe('b:\n  - P\nc: 1\n');
    expect(editYaml('a:\n  b:\n    - X\n    - Y\n  c: 1\n', [{ op: 'set', path: ['a', 'b'], value: ['P', 'Q'] }], '\n')).toBe(
      'a:\n  b:\n    - P\n    - Q\n  c: 1\n',
    );
    expect(editYaml('b:\r\n  - X\r\nc: 1\r\n', [{ op: 'set', path: ['b'], value: ['P'] }], '\r\n')).toBe('b:\r\n  - P\r\nc: 1\r\n');
  });
});

describe('editYaml: remove and delete', () => {
  it('removes one item of a block list and leaves every other byte', () => {
    const yaml = 'title: X\nrelates_to:\n  - RFC-0001 # first\n  - RFC-0002\n  - RFC-0003\nstatus: DRAFT # kept\n';
    expect(editYaml(yaml, [{ op: 'remove', key: 'relates_to', index: 1 }], '\n')).toBe(
      'title: X\nrelates_to:\n  - RFC-0001 # first\n  - RFC-0003\nstatus: DRAFT # kept\n',
    );
    expect(editYaml(yaml, [{ op: 'remove', key: 'relates_to', index: 2 }], '\n')).toBe(
      'title: X\nrelates_to:\n  - RFC-0001 # first\n  - RFC-0002\nstatus: DRAFT # kept\n',
    );
  });

  it('empties a list, or drops its key, when the last item goes', () => {
    const yaml = 'title: X\nrelates_to:\n  - RFC-0001\nstatus: DRAFT\n';
    expect(editYaml(yaml, [{ op: 'remove', key: 'relates_to', index: 0 }], '\n')).toBe('title: X\nrelates_to: []\nstatus: DRAFT\n');
    expect(editYaml(yaml, [{ op: 'remove', key: 'relates_to', index: 0, dropEmpty: true }], '\n')).toBe('title: X\nstatus: DRAFT\n');
    expect(editYaml('a: 1\nb: [x, "y z"] # c\n', [{ op: 'remove', key: 'b', index: 0 }], '\n')).toBe('a: 1\nb: ["y z"] # c\n');
  });

  it('deletes a key at the end of a text without a final line ending, CRLF kept', () => {
    expect(editYaml('a: 1\r\nb:\r\n  - x', [{ op: 'delete', key: 'b' }], '\r\n')).toBe('a: 1');
    expect(editYaml('a: 1\r\nb: 2\r\nc: 3\r\n', [{ op: 'delete', key: 'b' }], '\r\n')).toBe('a: 1\r\nc: 3\r\n');
  });

  it('property: append then remove the last item gives the text back; removing item i removes exactly it', () => {
    const item = fc.stringMatching(/^[A-Z]{2,4}-\d{4}$/);
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 5 }),
        item,
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.nat(),
        (items, extra, eol, trailing, pick) => {
          const lines = ['title: T', 'relates_to:', ...items.map((i) => `  - ${i}`), 'status: DRAFT'];
          const yaml = lines.join(eol) + (trailing ? eol : '');
          const appended = editYaml(yaml, [{ op: 'append', key: 'relates_to', item: extra }], eol);
          expect(editYaml(appended, [{ op: 'remove', key: 'relates_to', index: items.length }], eol)).toBe(yaml);
          const i = pick % items.length;
          const removed = editYaml(yaml, [{ op: 'remove', key: 'relates_to', index: i, dropEmpty: true }], eol);
          const left = items.filter((_, k) => k !== i);
          expect(parse(removed)).toEqual({ title: 'T', ...(left.length ? { relates_to: left } : {}), status: 'DRAFT' });
        },
      ),
    );
  });
});
