import path from 'node:path/posix';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentsFromTexts } from '../../src/adapters/store.js';
import { resolveConfig } from '../../src/core/config.js';
import type { DocRecord } from '../../src/core/document.js';
import { idInReference } from '../../src/core/ids.js';
import { fieldLinks, indexDocs, markdownLinks, resolveLink } from '../../src/core/links.js';
import { type Attribution, planRenumber, type RenumberPlan, referenceToken, renumberedName } from '../../src/core/renumber.js';

const config = resolveConfig({}).config;
const prefixes = Object.values(config.kinds).map((k) => k.prefix);

function renumber(files: Record<string, string>, from: string, newId: string, attribute?: (path: string, line: number) => Attribution): RenumberPlan {
  const texts = new Map(Object.entries(files));
  const docs = documentsFromTexts(config, texts);
  const target = docs.find((d) => d.path === from)!;
  return planRenumber({ texts, docs, target, newId, prefixes, padding: 4, ...(attribute ? { attribute } : {}) });
}

const doc = (...lines: string[]) => `${lines.join('\n')}\n`;

const F = 'rfcs/draft/RFC-0002-adopt-kafka.md';
const FT = 'rfcs/draft/RFC-0005-adopt-kafka.md';

describe('renumberedName', () => {
  it.each([
    ['RFC-0002-adopt-kafka.md', 'RFC-0005-adopt-kafka.md', true],
    ['rfc-2-adopt-kafka.md', 'RFC-0005-adopt-kafka.md', true],
    ['0002-adopt-kafka.md', '0005-adopt-kafka.md', true],
    ['adopt-kafka.md', 'RFC-0005-adopt-kafka.md', false],
    ['RFC-0021-x.md', 'RFC-0005-RFC-0021-x.md', false],
  ])('%s becomes %s', (name, want, carriesId) => expect(renumberedName(name, 'RFC', 2, 'RFC-0005')).toEqual({ name: want, carriesId }));
});

describe('referenceToken', () => {
  it('finds the token idInReference reads', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 _./()\\-]{0,30}$/), (ref) => {
        const token = referenceToken(ref, prefixes);
        const id = idInReference(ref, prefixes);
        expect(token && { prefix: token.prefix, num: token.num }).toEqual(id);
        if (token) expect(idInReference(ref.slice(token.start, token.end), prefixes)).toEqual(id);
      }),
    );
  });
});

describe('planRenumber', () => {
  const target = doc(
    '---',
    'rfc_id: RFC-0002',
    "title: 'RFC-0002: Adopt Kafka'",
    'status: DRAFT',
    'related_rfcs: [RFC-0001]',
    '---',
    '# RFC-0002: Adopt Kafka',
    '',
    'This is RFC-0002. See [the context](RFC-0002-adopt-kafka.md#context) and [Postgres](../approved/RFC-0001-use-postgres.md).',
  );
  const other = doc(
    '---',
    'rfc_id: "RFC-0001"',
    'title: Use Postgres',
    'status: APPROVED',
    'related_rfcs: [RFC-0002, RFC-0003]',
    'supersedes:',
    '  - rfc-2 (Adopt Kafka)  # the old one',
    '  - RFC-0003',
    'superseded_by: "RFC-0002"',
    'related_docs:',
    '- ../draft/RFC-0002-adopt-kafka.md',
    "- 'RFC-0002-adopt-kafka.md'",
    '---',
    '# RFC-0001: Use Postgres',
    '',
    'We follow RFC-0002; see [Kafka](../draft/RFC-0002-adopt-kafka.md#context) and [def].',
    'Not RFC-00021, not RFC-0002-other-doc.md, not XRFC-0002, not rfc-2.',
    'The file RFC-0002-adopt-kafka.md and rfcs/draft/RFC-0002-adopt-kafka.md say so.',
    '```sh',
    'archdoc status RFC-0002 REVIEW',
    '```',
    '',
    '[def]: <../draft/RFC-0002-adopt-kafka.md> "Kafka"',
  );
  const spec = [
    '---',
    'tech_spec_id: TS-0001',
    'title: Kafka rollout',
    'status: DRAFT',
    'decision_ref: RFC-0002 (Adopt Kafka)',
    'superseded_by: TS-0002',
    '---',
    'Implements [RFC-0002](../../rfcs/draft/RFC-0002-adopt-kafka.md).',
    '',
  ].join('\r\n');

  const files = {
    [F]: target,
    'rfcs/approved/RFC-0001-use-postgres.md': other,
    'tech-specs/draft/TS-0001-kafka-rollout.md': spec,
    'rfcs/README.md': 'Index: [Kafka](draft/RFC-0002-adopt-kafka.md), RFC-0002.\n',
  };

  it('renames the file and rewrites its id, title and heading', () => {
    const plan = renumber(files, F, 'RFC-0005');
    expect([plan.from, plan.to]).toEqual([F, FT]);
    expect(plan.texts.get(FT)).toBe(
      doc(
        '---',
        'rfc_id: RFC-0005',
        "title: 'RFC-0005: Adopt Kafka'",
        'status: DRAFT',
        'related_rfcs: [RFC-0001]',
        '---',
        '# RFC-0005: Adopt Kafka',
        '',
        'This is RFC-0005. See [the context](RFC-0005-adopt-kafka.md#context) and [Postgres](../approved/RFC-0001-use-postgres.md).',
      ),
    );
    expect(plan.texts.has(F)).toBe(false);
  });

  it('rewrites link fields in every form, Markdown links and mentions, and nothing else', () => {
    const plan = renumber(files, F, 'RFC-0005');
    expect(plan.texts.get('rfcs/approved/RFC-0001-use-postgres.md')).toBe(
      doc(
        '---',
        'rfc_id: "RFC-0001"',
        'title: Use Postgres',
        'status: APPROVED',
        'related_rfcs: [RFC-0005, RFC-0003]',
        'supersedes:',
        '  - RFC-0005 (Adopt Kafka)  # the old one',
        '  - RFC-0003',
        'superseded_by: "RFC-0005"',
        'related_docs:',
        '- ../draft/RFC-0005-adopt-kafka.md',
        "- 'RFC-0005-adopt-kafka.md'",
        '---',
        '# RFC-0001: Use Postgres',
        '',
        'We follow RFC-0005; see [Kafka](../draft/RFC-0005-adopt-kafka.md#context) and [def].',
        'Not RFC-00021, not RFC-0002-other-doc.md, not XRFC-0002, not rfc-2.',
        'The file RFC-0005-adopt-kafka.md and rfcs/draft/RFC-0005-adopt-kafka.md say so.',
        '```sh',
        'archdoc status RFC-0005 REVIEW',
        '```',
        '',
        '[def]: <../draft/RFC-0005-adopt-kafka.md> "Kafka"',
      ),
    );
    expect(plan.texts.get('tech-specs/draft/TS-0001-kafka-rollout.md')).toBe(
      [
        '---',
        'tech_spec_id: TS-0001',
        'title: Kafka rollout',
        'status: DRAFT',
        'decision_ref: RFC-0005 (Adopt Kafka)',
        'superseded_by: TS-0002',
        '---',
        'Implements [RFC-0005](../../rfcs/draft/RFC-0005-adopt-kafka.md).',
        '',
      ].join('\r\n'),
    );
    expect(plan.texts.get('rfcs/README.md')).toBe('Index: [Kafka](draft/RFC-0005-adopt-kafka.md), RFC-0005.\n');
    expect(plan.changes.filter((c) => c.path === 'tech-specs/draft/TS-0001-kafka-rollout.md')).toEqual([
      {
        path: 'tech-specs/draft/TS-0001-kafka-rollout.md',
        line: 5,
        before: 'decision_ref: RFC-0002 (Adopt Kafka)',
        after: 'decision_ref: RFC-0005 (Adopt Kafka)',
      },
      {
        path: 'tech-specs/draft/TS-0001-kafka-rollout.md',
        line: 8,
        before: 'Implements [RFC-0002](../../rfcs/draft/RFC-0002-adopt-kafka.md).',
        after: 'Implements [RFC-0005](../../rfcs/draft/RFC-0005-adopt-kafka.md).',
      },
    ]);
    expect(plan.ambiguous).toEqual([]);
    expect(plan.skipped).toEqual([]);
  });

  it('leaves an entry it cannot locate exactly, and says so', () => {
    const files = {
      [F]: doc('---', 'rfc_id: RFC-0002', 'title: Adopt Kafka', 'status: DRAFT', '---', 'Body.'),
      'rfcs/draft/RFC-0001-x.md': doc('---', 'rfc_id: RFC-0001', 'title: X', 'status: DRAFT', 'related_rfcs: >-', '  RFC-0002', '---', 'Body.'),
    };
    const plan = renumber(files, F, 'RFC-0005');
    expect(plan.texts.has('rfcs/draft/RFC-0001-x.md')).toBe(false);
    expect(plan.skipped).toEqual([{ path: 'rfcs/draft/RFC-0001-x.md', line: 5, before: 'related_rfcs: >-', after: 'related_rfcs: >-' }]);
  });

  it('refuses an id of another kind, a taken id, and an id in use', () => {
    expect(() => renumber(files, F, 'TS-0005')).toThrow(/not an id like RFC-0001/);
    expect(() => renumber(files, F, 'RFC-0001')).toThrow(/already the id of/);
    expect(() => renumber(files, F, 'RFC-0002')).toThrow(/already RFC-0002/);
  });

  it('asks whom each reference by id names when another document holds the same id', () => {
    const B = 'rfcs/review/RFC-0002-use-pulsar.md';
    const files = {
      [F]: doc('---', 'rfc_id: RFC-0002', 'title: Adopt Kafka', 'status: DRAFT', 'related_rfcs: [RFC-0002-use-pulsar.md]', '---', 'RFC-0002 is Kafka.'),
      [B]: doc(
        '---',
        'rfc_id: RFC-0002',
        'title: Use Pulsar',
        'status: REVIEW',
        'related_rfcs: [RFC-0002-adopt-kafka.md]',
        '---',
        'RFC-0002 is Pulsar, unlike [Kafka](../draft/RFC-0002-adopt-kafka.md).',
      ),
      'rfcs/approved/RFC-0001-use-postgres.md': doc(
        '---',
        'rfc_id: RFC-0001',
        'title: Use Postgres',
        'status: APPROVED',
        'related_rfcs: [RFC-0002]',
        'supersedes: ../draft/RFC-0002-adopt-kafka.md',
        '---',
        'Kafka: RFC-0002.',
        'Pulsar: RFC-0002.',
        'Nobody knows: RFC-0002.',
        'Links: [a](../draft/RFC-0002-adopt-kafka.md), [b](../review/RFC-0002-use-pulsar.md).',
      ),
    };
    const asked: string[] = [];
    const attribute = (file: string, line: number): Attribution => {
      asked.push(`${file}:${line}`);
      const text = files[file as keyof typeof files].split('\n')[line - 1]!;
      return text.startsWith('Kafka') ? 'this' : text.startsWith('Pulsar') ? 'other' : 'unknown';
    };
    const plan = renumber(files, F, 'RFC-0005', attribute);
    expect(plan.texts.get(FT)).toBe(
      doc('---', 'rfc_id: RFC-0005', 'title: Adopt Kafka', 'status: DRAFT', 'related_rfcs: [RFC-0002-use-pulsar.md]', '---', 'RFC-0005 is Kafka.'),
    );
    expect(plan.texts.get(B)).toBe(
      doc(
        '---',
        'rfc_id: RFC-0002',
        'title: Use Pulsar',
        'status: REVIEW',
        'related_rfcs: [RFC-0005-adopt-kafka.md]',
        '---',
        'RFC-0002 is Pulsar, unlike [Kafka](../draft/RFC-0005-adopt-kafka.md).',
      ),
    );
    expect(plan.texts.get('rfcs/approved/RFC-0001-use-postgres.md')).toBe(
      doc(
        '---',
        'rfc_id: RFC-0001',
        'title: Use Postgres',
        'status: APPROVED',
        'related_rfcs: [RFC-0002]',
        'supersedes: ../draft/RFC-0005-adopt-kafka.md',
        '---',
        'Kafka: RFC-0005.',
        'Pulsar: RFC-0002.',
        'Nobody knows: RFC-0002.',
        'Links: [a](../draft/RFC-0005-adopt-kafka.md), [b](../review/RFC-0002-use-pulsar.md).',
      ),
    );
    expect(plan.ambiguous.map((c) => `${c.path}:${c.line} ${c.before}`)).toEqual([
      'rfcs/approved/RFC-0001-use-postgres.md:5 related_rfcs: [RFC-0002]',
      'rfcs/approved/RFC-0001-use-postgres.md:10 Nobody knows: RFC-0002.',
    ]);
    expect(asked.every((a) => a.startsWith('rfcs/approved/'))).toBe(true);
  });
});

describe('planRenumber and index files', () => {
  it("an id that is a link's whole text names the file the link points at: both holders' rows of an index, no question asked", () => {
    const B = 'rfcs/review/RFC-0002-use-pulsar.md';
    const readme = 'rfcs/README.md';
    const files = {
      [F]: doc('---', 'rfc_id: RFC-0002', 'title: Adopt Kafka', 'status: DRAFT', '---', 'Kafka.'),
      [B]: doc('---', 'rfc_id: RFC-0002', 'title: Use Pulsar', 'status: REVIEW', '---', 'Pulsar.'),
      [readme]: doc(
        '# RFCs',
        '',
        '| ID | Title |',
        '| --- | --- |',
        '| [RFC-0002](draft/RFC-0002-adopt-kafka.md) | Adopt Kafka |',
        '| [RFC-0002](review/RFC-0002-use-pulsar.md) | Use Pulsar |',
        '',
        'RFC-0002 is two documents now.',
      ),
    };
    const asked: string[] = [];
    const plan = renumber(files, F, 'RFC-0005', (file, line) => {
      asked.push(`${file}:${line}`);
      return 'unknown';
    });
    expect(plan.texts.get(readme)).toBe(
      files[readme].replace('| [RFC-0002](draft/RFC-0002-adopt-kafka.md) |', '| [RFC-0005](draft/RFC-0005-adopt-kafka.md) |'),
    );
    expect(plan.ambiguous.map((c) => `${c.path}:${c.line}`)).toEqual([`${readme}:8`]);
    expect(asked).toEqual([`${readme}:8`]);
  });
});

describe('planRenumber and links in every form', () => {
  it('follows a link to a file named in any script, percent-encoded or not, NFC or NFD', () => {
    const J = 'rfcs/draft/RFC-0002-データベース.md';
    const name = 'RFC-0002-データベース.md';
    const lower = (t: string) => t.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
    const forms = [`draft/${name}`, `draft/${name.normalize('NFD')}`, encodeURI(`draft/${name}`), lower(encodeURI(`draft/${name}`))];
    const files = {
      [J]: doc('---', 'rfc_id: RFC-0002', 'title: データベース', 'status: DRAFT', '---', 'Body.'),
      'rfcs/README.md': doc(...forms.map((f, i) => `- [link ${i}](${f})`)),
    };
    const plan = renumber(files, J, 'RFC-0005');
    const renamed = 'RFC-0005-データベース.md';
    expect(plan.to).toBe(`rfcs/draft/${renamed}`);
    // Written as it is stays so (in NFC, as the file is named); encoded stays encoded.
    expect(plan.texts.get('rfcs/README.md')).toBe(
      doc(`- [link 0](draft/${renamed})`, `- [link 1](draft/${renamed})`, `- [link 2](draft/${encodeURI(renamed)})`, `- [link 3](draft/${encodeURI(renamed)})`),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The property: a random small repository, one document renumbered.

interface Spec {
  kind: 'rfc' | 'tech-spec';
  num: number;
  path: string;
  id: string;
}

const FOLDERS = { rfc: ['rfcs/draft', 'rfcs/approved', 'rfcs/archive/2024/rejected'], 'tech-spec': ['tech-specs/draft', 'tech-specs/approved'] };
const FIELDS = { rfc: ['related_rfcs', 'supersedes', 'superseded_by', 'related_docs'], 'tech-spec': ['decision_ref', 'superseded_by', 'related_rfcs'] };
const SLUGS = ['adopt-kafka', 'use-pulsar', 'cache', 'x'];
const WORDS = ['lorem', 'ipsum', 'plan', 'see', 'and', '-', '(', ')', ':', '`'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

/** A reference from `from` to `to` in one of the forms link fields hold. */
function fieldRef(from: Spec, to: Spec | number, form: number): string {
  if (typeof to === 'number') return `RFC-${String(to).padStart(4, '0')}`; // names no document
  const prefix = to.id.split('-')[0]!;
  const forms = [to.id, `${prefix.toLowerCase()}-${to.num}`, `${to.id} (Some title)`, path.basename(to.path), path.relative(path.dirname(from.path), to.path)];
  const ref = pick(forms, form);
  return pick([ref, ref, `"${ref}"`, `'${ref}'`], form >> 3);
}

/** A piece of body text about `to`. */
function bodyPiece(from: Spec, to: Spec, form: number): string {
  const rel = path.relative(path.dirname(from.path), to.path);
  const forms = [
    to.id,
    path.basename(to.path),
    `[link](${rel})`,
    `[link](${rel}#context)`,
    `[link](${path.dirname(rel) === '.' ? `./${rel}` : rel})`,
    `${to.id}-other-doc.md`,
    `${to.id}1`,
    `X${to.id}`,
    `\`${to.id}\``,
    `(${to.id})`,
    `${to.id.toLowerCase()}`,
  ];
  return pick(forms, form);
}

const repo = fc.record({
  rfcs: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 }),
  specs: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 3 }),
  docs: fc.array(
    fc.record({
      folder: fc.nat(),
      slug: fc.nat(),
      crlf: fc.boolean(),
      idForm: fc.nat(3),
      heading: fc.boolean(),
      fields: fc.array(fc.record({ name: fc.nat(), shape: fc.nat(3), refs: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }) }), {
        maxLength: 3,
      }),
      body: fc.array(
        fc.array(
          fc.oneof(
            fc.nat(WORDS.length - 1).map((w) => ({ w })),
            fc.tuple(fc.nat(), fc.nat()).map(([to, form]) => ({ to, form })),
          ),
          { maxLength: 6 },
        ),
        {
          maxLength: 6,
        },
      ),
    }),
    { minLength: 7, maxLength: 7 },
  ),
  target: fc.nat(),
  newNum: fc.integer({ min: 50, max: 99 }),
});

type Repo = typeof repo extends fc.Arbitrary<infer R> ? R : never;

function build(r: Repo): { texts: Map<string, string>; specs: Spec[] } {
  const specs: Spec[] = [];
  const all = [...r.rfcs.map((num) => ['rfc', num] as const), ...r.specs.map((num) => ['tech-spec', num] as const)];
  all.forEach(([kind, num], i) => {
    const g = r.docs[i]!;
    const id = `${kind === 'rfc' ? 'RFC' : 'TS'}-${String(num).padStart(4, '0')}`;
    specs.push({ kind, num, id, path: `${pick(FOLDERS[kind], g.folder)}/${id}-${pick(SLUGS, g.slug)}.md` });
  });
  const texts = new Map<string, string>();
  specs.forEach((s, i) => {
    const g = r.docs[i]!;
    const other = (n: number): Spec | number => (n % 5 === 4 ? 31 + (n % 7) : pick(specs, n));
    const idKey = s.kind === 'rfc' ? 'rfc_id' : 'tech_spec_id';
    const idValue = pick([s.id, `"${s.id}"`, `${s.id.split('-')[0]!.toLowerCase()}-${s.num}`, `'${s.id}'`], g.idForm);
    const lines = ['---', `${idKey}: ${idValue}`, `title: Doc ${s.num}`, 'status: DRAFT'];
    const used = new Set<string>();
    for (const f of g.fields) {
      const name = pick(FIELDS[s.kind], f.name);
      if (used.has(name)) continue;
      used.add(name);
      const refs = f.refs.map(([to, form]) => fieldRef(s, other(to), form));
      if (f.shape === 0) lines.push(`${name}: ${refs[0]}`);
      else if (f.shape === 1) lines.push(`${name}: [${refs.join(', ')}]`);
      else lines.push(`${name}:`, ...refs.map((ref) => `${f.shape === 2 ? '  ' : ''}- ${ref}`));
    }
    lines.push('---');
    if (g.heading) lines.push(`# ${s.id}: Doc ${s.num}`, '');
    let fenced = false;
    for (const words of g.body) {
      if (words.length === 0) {
        lines.push(fenced ? '```' : '```sh');
        fenced = !fenced;
        continue;
      }
      lines.push(words.map((w) => ('w' in w ? WORDS[w.w] : bodyPiece(s, pick(specs, w.to), w.form))).join(' '));
    }
    if (fenced) lines.push('```');
    texts.set(s.path, lines.join(g.crlf ? '\r\n' : '\n') + (g.crlf ? '\r\n' : '\n'));
  });
  return { texts, specs };
}

const CANONICAL = /(?<![A-Za-z0-9_-])(?:RFC|TS)-\d{4}(?![A-Za-z0-9_])(?!-[A-Za-z0-9])/g;

/** Where every reference of every document leads: a document's path, or what it names when it names none. */
function destinations(docs: DocRecord[], rename: (p: string) => string): Map<string, string[]> {
  const index = indexDocs(docs, prefixes, 4);
  const where = (id: string) => {
    const found = index.byId.get(id);
    return found?.length === 1 ? rename(found[0]!.path) : `missing ${id}`;
  };
  const out = new Map<string, string[]>();
  for (const d of docs) {
    const list = [
      ...fieldLinks(d, index).map((l) => `${l.field} -> ${l.target ? where(l.target) : JSON.stringify(l.raw)}`),
      ...markdownLinks(d.body).map((l) => `link -> ${rename(resolveLink(d.path, l.target))}`),
      ...[...d.body.matchAll(CANONICAL)].map((m) => `mention -> ${where(m[0])}`),
    ];
    out.set(rename(d.path), list);
  }
  return out;
}

describe('planRenumber, on random repositories', () => {
  it('keeps every reference pointing at the same document, and changes only the lines it reports', () => {
    fc.assert(
      fc.property(repo, (r) => {
        const { texts, specs } = build(r);
        const docs = documentsFromTexts(config, texts);
        expect(docs.length).toBe(specs.length);
        const target = docs.find((d) => d.path === pick(specs, r.target).path)!;
        const newId = `${target.kind.prefix}-${String(r.newNum).padStart(4, '0')}`;
        const plan = planRenumber({ texts, docs, target, newId, prefixes, padding: 4 });
        const { from, to } = plan;
        const rename = (p: string) => (p === from ? to : p);

        const after = new Map([...texts].map(([p, t]) => [rename(p), plan.texts.get(rename(p)) ?? t]));
        expect([...plan.texts.keys()].every((p) => after.has(p))).toBe(true);
        const newDocs = documentsFromTexts(config, after);

        // (a) every reference leads where it led, the document under its new path and id.
        expect(destinations(newDocs, (p) => p)).toEqual(destinations(docs, rename));
        expect(newDocs.find((d) => d.path === to)?.id).toBe(newId);
        for (const d of newDocs) if (d.path !== to) expect(d.id).toBe(docs.find((o) => o.path === d.path)?.id);

        // (b) lines not reported are byte-identical; (c) reported lines did change, as reported.
        const reported = new Set(plan.changes.map((c) => `${c.path}:${c.line}`));
        for (const [p, old] of texts) {
          const oldLines = old.split('\n');
          const newLines = after.get(rename(p))!.split('\n');
          expect(newLines.length).toBe(oldLines.length);
          oldLines.forEach((line, i) => {
            if (!reported.has(`${rename(p)}:${i + 1}`)) expect(newLines[i]).toBe(line);
          });
        }
        for (const c of plan.changes) {
          expect(c.before).not.toBe(c.after);
          const oldText = texts.get(c.path === to ? from : c.path)!;
          expect(oldText.split('\n')[c.line - 1]!.replace(/\r$/, '')).toBe(c.before);
          expect(after.get(c.path)!.split('\n')[c.line - 1]!.replace(/\r$/, '')).toBe(c.after);
        }

        // Words that only look like the old id stay; nothing names the old id or file name any more.
        const count = (text: string, word: string) => text.split(word).length - 1;
        for (const [p, old] of texts) {
          for (const word of [`${target.id}-other-doc.md`, `${target.id}1`, `X${target.id}`, target.id!.toLowerCase()]) {
            expect(count(after.get(rename(p))!, word), word).toBe(count(old, word));
          }
        }
        const oldName = path.basename(from);
        for (const [p, t] of after) {
          expect(t.includes(oldName), p).toBe(false);
          const d = newDocs.find((n) => n.path === p)!;
          expect([...d.body.matchAll(CANONICAL)].map((m) => m[0])).not.toContain(target.id);
        }
        expect(plan.skipped).toEqual([]);
        expect(plan.ambiguous).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
