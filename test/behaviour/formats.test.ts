/**
 * Existing repositories read as they are: for each corpus in test/fixtures/formats (adr-tools,
 * MADR 2 and 3, log4brains, hand-written RFCs; invented records written from each format's
 * published description), `init` detects the format, `list --json` gives every record's id, title
 * and status as the hand-written expected.json says, `check` finds exactly the deliberately broken
 * records, and a status change and a supersede change only the lines they must.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type Repo } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'formats');

interface Expected {
  format: string;
  folder: string;
  records: Array<{ path: string; id: string | null; title: string; status: string | null; status_canonical: string | null }>;
  deliberately_broken?: Array<{ path: string; rule: string; line: number }>;
}

function corpus(name: string): { repo: Repo; expected: Expected } {
  const repo = makeRepo({ init: false });
  const from = path.join(FIXTURES, name);
  fs.cpSync(from, repo.dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected.json' });
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'records written before archdoc');
  return { repo, expected: JSON.parse(fs.readFileSync(path.join(from, 'expected.json'), 'utf8')) as Expected };
}

/** The lines of `after` that differ from `before`, as [before, after] pairs (same line count assumed unless told). */
function changedLines(before: string, after: string): Array<[string | undefined, string | undefined]> {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: Array<[string | undefined, string | undefined]> = [];
  for (let i = head; i < Math.max(a.length, b.length) - tail; i++) {
    const x = i < a.length - tail ? a[i] : undefined;
    const y = i < b.length - tail ? b[i] : undefined;
    out.push([x, y]);
  }
  return out;
}

interface Case {
  name: string;
  format: string;
  /** A status change: the record, the status, and the one line before and after. */
  change: { ref: string; path: string; to: string; from: string; into: string };
  /** A supersede: old record, successor, the old record's status line after, and the successor's added lines. */
  supersede: { ref: string; by: string; path: string; byPath: string; into: string; added: string[] };
}

const CASES: Case[] = [
  {
    name: 'adr-tools',
    format: 'adr-tools',
    change: { ref: '6', path: 'doc/architecture/decisions/0006-partition-broker-topics-by-region.md', to: 'ACCEPTED', from: 'Proposed', into: 'Accepted' },
    supersede: {
      ref: '4',
      by: '6',
      path: 'doc/architecture/decisions/0004-publish-domain-events-to-a-message-broker.md',
      byPath: 'doc/architecture/decisions/0006-partition-broker-topics-by-region.md',
      into: 'Superseded by [6. Partition broker topics by region](0006-partition-broker-topics-by-region.md)',
      added: ['Supersedes [4. Publish domain events to a message broker](0004-publish-domain-events-to-a-message-broker.md)', ''],
    },
  },
  {
    name: 'madr-v3',
    format: 'madr',
    change: {
      ref: '3',
      path: 'docs/decisions/0003-validate-recipe-imports-with-a-json-schema.md',
      to: 'ACCEPTED',
      from: 'status: proposed',
      into: 'status: accepted',
    },
    supersede: {
      ref: '1',
      by: '3',
      path: 'docs/decisions/0001-host-the-backend-on-a-managed-container-platform.md',
      byPath: 'docs/decisions/0003-validate-recipe-imports-with-a-json-schema.md',
      into: 'status: superseded by ADR-0003',
      added: [],
    },
  },
  {
    name: 'madr-v2',
    format: 'madr',
    change: { ref: '3', path: 'docs/adr/03-expose-a-graphql-api.md', to: 'ACCEPTED', from: '* Status: proposed', into: '* Status: accepted' },
    supersede: {
      ref: '1',
      by: '3',
      path: 'docs/adr/01-write-the-catalogue-service-in-kotlin.md',
      byPath: 'docs/adr/03-expose-a-graphql-api.md',
      into: '* Status: superseded by [ADR-0003](03-expose-a-graphql-api.md)',
      added: ['* Supersedes [ADR-0001](01-write-the-catalogue-service-in-kotlin.md)'],
    },
  },
  {
    name: 'log4brains',
    format: 'log4brains',
    change: {
      ref: 'docs/adr/20240131-expose-events-through-webhooks.md',
      path: 'docs/adr/20240131-expose-events-through-webhooks.md',
      to: 'ACCEPTED',
      from: '- Status: proposed',
      into: '- Status: accepted',
    },
    supersede: {
      ref: 'docs/adr/20240110-use-kafka-for-events.md',
      by: 'docs/adr/20240131-expose-events-through-webhooks.md',
      path: 'docs/adr/20240110-use-kafka-for-events.md',
      byPath: 'docs/adr/20240131-expose-events-through-webhooks.md',
      into: '- Status: superseded by [20240131-expose-events-through-webhooks](20240131-expose-events-through-webhooks.md)',
      added: ['- Supersedes [20240110-use-kafka-for-events](20240110-use-kafka-for-events.md)'],
    },
  },
  {
    name: 'hand-written',
    format: 'hand-written',
    change: {
      ref: 'RFC-0003',
      path: 'rfcs/RFC-0003-standardise-on-opentelemetry.md',
      to: 'IN_PROGRESS',
      from: '**Status**: Accepted',
      into: '**Status**: In progress',
    },
    supersede: {
      ref: 'RFC-0006',
      by: 'RFC-0003',
      path: 'rfcs/RFC-0006-colas-de-reintento-para-pagos.md',
      byPath: 'rfcs/RFC-0003-standardise-on-opentelemetry.md',
      into: '**Status**: SUPERSEDED BY RFC-0003',
      added: [],
    },
  },
];

describe.each(CASES)('$name records, read as they are', (c) => {
  it('init detects the format and writes a configuration that changes no record', async () => {
    const { repo, expected } = corpus(c.name);
    const r = await repo.run(['init']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${expected.folder}  ${c.format}, ${expected.records.length} `);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD')).toBe('.archdoc.yml');
  });

  it('list --json gives every record its id, title and status, and nothing else is a record', async () => {
    const { repo, expected } = corpus(c.name);
    await repo.run(['init']);
    const r = await repo.run(['list', '--json', '--all']);
    expect(r.code, r.stderr).toBe(0);
    const docs = (JSON.parse(r.stdout) as { documents: Array<{ path: string; id: string | null; title: string; status: string | null }> }).documents;
    const got = docs.map((d) => ({ path: d.path, id: d.id, title: d.title, status: d.status })).sort((a, b) => a.path.localeCompare(b.path));
    const want = expected.records
      .map((e) => ({ path: e.path, id: e.id, title: e.title, status: e.status_canonical ?? e.status }))
      .sort((a, b) => a.path.localeCompare(b.path));
    expect(got).toEqual(want);
  });

  it('check reports no error but on the deliberately broken records', async () => {
    const { repo, expected } = corpus(c.name);
    await repo.run(['init']);
    const r = await repo.run(['check', '--format', 'json']);
    const findings = (JSON.parse(r.stdout) as { findings: Array<{ path: string; rule: string; severity: string; line: number }> }).findings;
    const errors = findings.filter((f) => f.severity === 'error').map((f) => ({ path: f.path, rule: f.rule, line: f.line }));
    const broken = (expected.deliberately_broken ?? []).map((b) => ({ path: b.path, rule: b.rule, line: b.line }));
    expect(errors).toEqual(broken);
    expect(r.code).toBe(broken.length ? 1 : 0);
  });

  it('a status change rewrites only the status, in the repository’s words and case', async () => {
    const { repo } = corpus(c.name);
    await repo.run(['init']);
    const before = repo.read(c.change.path);
    const r = await repo.run(['status', c.change.ref, '--set', c.change.to]);
    expect(r.code, r.stderr).toBe(0);
    expect(changedLines(before, repo.read(c.change.path))).toEqual([[c.change.from, c.change.into]]);
    expect(repo.git('status', '--porcelain')).toBe('');
    expect((await repo.run(['list', '--json', '--all'])).stdout).toContain(`"status": "${c.change.to}"`);
  });

  it('a supersede names the successor where the status stands and writes the back-link the format writes', async () => {
    const { repo } = corpus(c.name);
    await repo.run(['init']);
    const before = repo.read(c.supersede.path);
    const byBefore = repo.read(c.supersede.byPath);
    const r = await repo.run(['status', c.supersede.ref, '--set', 'SUPERSEDED', '--by', c.supersede.by]);
    expect(r.code, r.stderr).toBe(0);
    const changed = changedLines(before, repo.read(c.supersede.path));
    expect(changed).toHaveLength(1);
    expect(changed[0]![1]).toBe(c.supersede.into);
    expect(changedLines(byBefore, repo.read(c.supersede.byPath)).map(([, y]) => y)).toEqual(c.supersede.added);
    // archdoc reads what it wrote: the record is SUPERSEDED, its successor named, check content.
    const check = await repo.run(['check', '--format', 'json']);
    const findings = (JSON.parse(check.stdout) as { findings: Array<{ path: string; rule: string; severity: string }> }).findings;
    expect(findings.filter((f) => f.severity === 'error' && (f.path === c.supersede.path || f.path === c.supersede.byPath))).toEqual([]);
  });
});

describe('init --detect', () => {
  it('rewrites a configuration made before the records were there, and commits it alone', async () => {
    const repo = makeRepo({ init: false });
    expect((await repo.run(['init'])).code).toBe(0);
    fs.cpSync(path.join(FIXTURES, 'madr-v3'), repo.dir, { recursive: true, filter: (src) => path.basename(src) !== 'expected.json' });
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'records from elsewhere');
    const refused = await repo.run(['init']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Use --detect to rewrite it');
    const r = await repo.run(['init', '--detect']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Rewrote .archdoc.yml');
    expect(r.stdout).toContain('docs/decisions  madr, 9 ADRs');
    expect(repo.read('.archdoc.yml')).toContain('folder: docs/decisions');
    expect(repo.git('show', '--name-only', '--format=', 'HEAD')).toBe('.archdoc.yml');
    expect((await repo.run(['check'])).stdout).toContain('1 error');
  });

  it('a configuration deleted and written again as it was is no failed commit', async () => {
    const repo = makeRepo({ init: false });
    expect((await repo.run(['init'])).code).toBe(0);
    fs.rmSync(path.join(repo.dir, '.archdoc.yml'));
    const r = await repo.run(['init']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('.archdoc.yml is as the last commit has it: nothing to commit.');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('a repository with no records gets archdoc’s own folders, as before', async () => {
    const repo = makeRepo({ init: false });
    repo.write('docs/manual/01-intro.md', '# Intro\n\nWelcome.\n');
    repo.write('docs/manual/02-setup.md', '# Setup\n\nRun it.\n');
    const r = await repo.run(['init']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Records found');
    expect(r.stdout).toContain('not adopted  docs/manual: numbered files, but most state no status archdoc knows');
    expect(repo.read('.archdoc.yml')).toContain('folder: docs/adr');
    expect(fs.statSync(path.join(repo.dir, 'rfcs', 'draft')).isDirectory()).toBe(true);
  });
});

describe('new records and settings in an adopted repository', () => {
  it('init --detect keeps what the user added by hand: their status words, rules and settings, comments too', async () => {
    const { repo } = corpus('adr-tools');
    await repo.run(['init']);
    const config = repo.read('.archdoc.yml');
    repo.write(
      '.archdoc.yml',
      `${config.replace('review_stale_days: 14', 'review_stale_days: 30').replace('    template: adr-tools\n', '    template: adr-tools\n    status_aliases:\n      maybe: PROPOSED # we say maybe\n')}rules:\n  loaded-word: off\n`,
    );
    repo.git('commit', '-qam', 'my settings');
    expect((await repo.run(['check'])).code).toBe(0);
    const r = await repo.run(['init', '--detect']);
    expect(r.code, r.stderr).toBe(0);
    // Its words are read as the configuration reads them: "Maybe" is placed now.
    expect(r.stdout).toContain('Maybe 1 (PROPOSED)');
    expect(r.stdout).not.toContain('could not place');
    const after = repo.read('.archdoc.yml');
    expect(after).toContain('maybe: PROPOSED # we say maybe');
    expect(after).toContain('review_stale_days: 30');
    expect(after).toContain('loaded-word: off');
    expect((await repo.run(['check'])).code).toBe(0);
  });

  it('init --detect changes only the lines of what it found anew, the rest byte for byte (CRLF too)', async () => {
    const { repo } = corpus('adr-tools');
    await repo.run(['init']);
    const mine = repo.read('.archdoc.yml').replace('    template: adr-tools\n', '').replace(/\n/g, '\r\n');
    repo.write('.archdoc.yml', mine);
    repo.git('commit', '-qam', 'my own layout');
    const r = await repo.run(['init', '--detect']);
    expect(r.code, r.stderr).toBe(0);
    expect(changedLines(mine, repo.read('.archdoc.yml'))).toEqual([[undefined, '    template: adr-tools\r']]);
  });

  it('numbers a new record past the numbers on other branches, in the repository’s file naming', async () => {
    const { repo } = corpus('madr-v2');
    await repo.run(['init']);
    repo.git('checkout', '-qb', 'feature');
    expect((await repo.run(['create-adr', 'Lend e-readers to members'])).code).toBe(0);
    repo.git('checkout', '-q', '-');
    const r = await repo.run(['create-adr', 'Open on Sundays in winter']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('docs/adr/10-open-on-sundays-in-winter.md');
    // The new record is written as the others are: bullets, the status in lower case.
    expect(repo.read('docs/adr/10-open-on-sundays-in-winter.md')).toContain('* Status: proposed\n');
  });

  it('refuses --reviewer where records keep no frontmatter, and changes nothing', async () => {
    const { repo } = corpus('adr-tools');
    await repo.run(['init']);
    const head = repo.git('rev-parse', 'HEAD');
    const create = await repo.run(['create-adr', 'Cache carrier responses twice', '--reviewer', 'Bea']);
    expect(create.code).toBe(1);
    expect(create.stderr).toContain('written without frontmatter, where archdoc records reviewers');
    const status = await repo.run(['adr-status', '6', '--reviewer', 'Bea']);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('has no frontmatter, where archdoc records reviewers');
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});

describe('records named by date (log4brains)', () => {
  it('create names the new record by the day, writes it as the others are, and it can supersede by path', async () => {
    const { repo } = corpus('log4brains');
    await repo.run(['init']);
    const r = await repo.run(['create-adr', 'Keep events in cold storage', '--supersedes', 'docs/adr/20240110-use-kafka-for-events.md']);
    expect(r.code, r.stderr).toBe(0);
    const rel = 'docs/adr/20261125-keep-events-in-cold-storage.md';
    expect(r.stdout).toContain(`Created 20261125-keep-events-in-cold-storage Keep events in cold storage\n  file    ${rel}`);
    const text = repo.read(rel);
    expect(text).toMatch(/^# Keep events in cold storage\n\n- Status: proposed\n/);
    expect(text).toContain('- Supersedes [20240110-use-kafka-for-events](20240110-use-kafka-for-events.md)');
    expect(repo.read('docs/adr/20240110-use-kafka-for-events.md')).toContain(
      '- Status: superseded by [20261125-keep-events-in-cold-storage](20261125-keep-events-in-cold-storage.md)',
    );
    expect(repo.git('log', '-1', '--format=%s')).toBe(
      'docs(adr): create 20261125-keep-events-in-cold-storage Keep events in cold storage, superseding docs/adr/20240110-use-kafka-for-events.md',
    );
    const again = await repo.run(['create-adr', 'Keep events in cold storage', '--force']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${rel} already exists; nothing was created.`);
  });
});

describe('section_names: the headings a repository writes', () => {
  const record = [
    '---',
    'adr_id: ADR-0001',
    'title: Colas de reintento',
    'status: ACCEPTED',
    '---',
    '',
    '# ADR-0001: Colas de reintento',
    '',
    '## Estado',
    '',
    'ACCEPTED',
    '',
    '## Contexto',
    '',
    'Los pagos fallan a veces.',
    '',
    '## Decisión',
    '',
    'Reintentamos desde una cola.',
    '',
    '## Consecuencias',
    '',
    'Más piezas que operar.',
    '',
  ].join('\n');

  it('every rule that looks for a section finds it under the names the kind gives', async () => {
    const repo = makeRepo({ init: false });
    repo.write('docs/adr/ADR-0001-colas-de-reintento.md', record);
    repo.write('.archdoc.yml', 'kinds:\n  adr:\n    status_section: Estado\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'seed');
    const without = await repo.run(['check']);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('section "## Context" is missing');
    repo.write(
      '.archdoc.yml',
      'kinds:\n  adr:\n    status_section: Estado\n    section_names:\n      Context: [Contexto]\n      Decision: [Decisión]\n      Consequences: [Consecuencias]\n',
    );
    const withNames = await repo.run(['check']);
    expect(withNames.code, withNames.stdout).toBe(0);
    expect((await repo.run(['show', 'ADR-0001'])).stdout).toContain('Los pagos fallan a veces.');
  });
});

describe("archdoc's own repositories stay as they were", () => {
  it('status aliases there are for reading: a status change writes the status itself', async () => {
    const repo = makeRepo({ init: false });
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    status_aliases:\n      proposed: REVIEW\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'config');
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL now', '--reviewer', 'Bea'])).code).toBe(0);
    writeIt(repo, 'rfcs/draft/RFC-0001-adopt-postgresql-now.md', 'rfc');
    repo.git('commit', '-qam', 'write it');
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code, r.stderr).toBe(0);
    expect(repo.read('rfcs/review/RFC-0001-adopt-postgresql-now.md')).toContain('\nstatus: REVIEW\n');
  });

  it('init --detect leaves a kind whose folder holds archdoc records where it is, and names the other folder', async () => {
    const repo = makeRepo({ init: false });
    expect((await repo.run(['init'])).code).toBe(0);
    expect((await repo.run(['create-adr', 'Use Kafka for events'])).code).toBe(0);
    fs.cpSync(path.join(FIXTURES, 'adr-tools', 'doc'), path.join(repo.dir, 'old'), { recursive: true });
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'old records');
    const r = await repo.run(['init', '--detect']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('not configured  old/architecture/decisions (adr-tools, 9 records): ADRs are read from docs/adr');
    expect(r.stdout).toContain('Nothing to change: .archdoc.yml already reads the records found.');
    expect(repo.read('.archdoc.yml')).toContain('folder: docs/adr');
    expect((await repo.run(['list', '--json'])).stdout).toContain('"id": "ADR-0001"');
  });

  it('a folder .adr-dir names through a symbolic link to outside the repository is not read', async () => {
    const repo = makeRepo({ init: false });
    const outside = fs.mkdtempSync(path.join(path.dirname(repo.dir), 'outside-'));
    fs.cpSync(path.join(FIXTURES, 'adr-tools', 'doc', 'architecture', 'decisions'), path.join(outside, 'adr'), { recursive: true });
    fs.symlinkSync(outside, path.join(repo.dir, 'docs'));
    repo.write('.adr-dir', 'docs/adr\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'a link');
    const r = await repo.run(['init']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: .adr-dir names docs/adr, which is reached through a symbolic link');
    expect(repo.read('.archdoc.yml')).not.toContain('folder: docs/adr\n    layout: flat');
  });
});

describe('a record that states its status twice', () => {
  it('check warns where the places disagree, and a status change makes them agree', async () => {
    const { repo } = corpus('madr-v2');
    await repo.run(['init']);
    const rel = 'docs/adr/03-expose-a-graphql-api.md';
    repo.write(rel, repo.read(rel).replace('* Status: proposed\n', '* Status: proposed\n\n| Status | Accepted |\n|---|---|\n'));
    repo.git('commit', '-qam', 'a second place');
    const check = await repo.run(['check', '--format', 'json']);
    const findings = (JSON.parse(check.stdout) as { findings: Array<{ path: string; rule: string; line: number }> }).findings;
    expect(findings.filter((f) => f.rule === 'status-section')).toEqual([expect.objectContaining({ path: rel, line: 5 })]);
    repo.write(rel, repo.read(rel).replace('| Status | Accepted |', '| Status | Proposed |'));
    repo.git('commit', '-qam', 'agree');
    expect((await repo.run(['adr-status', '3', '--set', 'ACCEPTED'])).code).toBe(0);
    expect(repo.read(rel)).toContain('* Status: accepted\n\n| Status | Accepted |\n');
    expect((await repo.run(['check'])).stdout).not.toContain('status-section');
  });
});

/** Each corpus made importable: the records that state no status archdoc knows, given one. */
const IMPORTABLE: Record<string, (repo: Repo) => void> = {
  'adr-tools': (repo) => {
    const rel = 'doc/architecture/decisions/0008-cache-carrier-responses.md';
    repo.write(rel, repo.read(rel).replace('\nMaybe\n', '\nProposed\n'));
  },
  'madr-v3': (repo) => {
    const typo = 'docs/decisions/0008-style-the-web-app-with-utility-classes.md';
    repo.write(typo, repo.read(typo).replace('status: acepted', 'status: accepted'));
    const bare = 'docs/decisions/0004-choose-a-full-text-search-engine.md';
    repo.write(bare, `---\nstatus: proposed\n---\n${repo.read(bare)}`);
  },
  'madr-v2': () => {},
  'hand-written': () => {},
};

describe.each(Object.keys(IMPORTABLE))('archdoc import: %s records', (name) => {
  it("converts every record to archdoc's frontmatter and file names in one commit; list and check read the same", async () => {
    const { repo } = corpus(name);
    await repo.run(['init']);
    IMPORTABLE[name]!(repo);
    repo.git('commit', '-qam', 'importable', '--allow-empty');
    const listed = async () =>
      (JSON.parse((await repo.run(['list', '--json', '--all'])).stdout) as { documents: Array<{ id: string; title: string; status: string; path: string }> })
        .documents;
    const errors = async () =>
      (JSON.parse((await repo.run(['check', '--format', 'json'])).stdout) as { findings: Array<{ rule: string; severity: string }> }).findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.rule);
    const before = await listed();
    const errorsBefore = await errors();
    const head = repo.git('rev-parse', 'HEAD');
    const dry = await repo.run(['import', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
    const r = await repo.run(['import']);
    expect(r.code, r.stderr).toBe(0);
    expect(repo.git('rev-list', '--count', `${head}..HEAD`)).toBe('1');
    expect(repo.git('status', '--porcelain')).toBe('');
    const after = await listed();
    const brief = (ds: typeof before) => ds.map((d) => `${d.id} ${d.title} ${d.status}`).sort();
    expect(brief(after)).toEqual(brief(before));
    for (const d of after) expect(d.path.slice(d.path.lastIndexOf('/') + 1).startsWith(`${d.id}-`)).toBe(true);
    expect(await errors()).toEqual(errorsBefore);
    // Now archdoc's own: a status change writes frontmatter and history.
    const open = after.find((d) => d.status === 'PROPOSED' || d.status === 'REVIEW');
    if (open) {
      const to = open.status === 'PROPOSED' ? 'REJECTED' : 'DRAFT';
      const moved = await repo.run(['status', open.id, '--set', to]);
      expect(moved.code, moved.stderr).toBe(0);
      expect(repo.read((await listed()).find((d) => d.id === open.id)!.path)).toMatch(/\nhistory:\n/);
    }
  });
});

describe('archdoc import refuses', () => {
  it('while a record states no status it knows, naming each, and changes nothing', async () => {
    const { repo } = corpus('madr-v3');
    await repo.run(['init']);
    const head = repo.git('rev-parse', 'HEAD');
    const r = await repo.run(['import']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('2 ADRs cannot be imported as they are; nothing was changed.');
    expect(r.stderr).toContain('docs/decisions/0004-choose-a-full-text-search-engine.md: it states no status');
    expect(r.stderr).toContain('docs/decisions/0008-style-the-web-app-with-utility-classes.md: its status "acepted" is none of');
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('records named by date, and a repository with nothing to import', async () => {
    const { repo } = corpus('log4brains');
    await repo.run(['init']);
    expect((await repo.run(['import'])).stderr).toContain('named by date, without numbers');
    const native = makeRepo();
    const none = await native.run(['import']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nothing to import');
  });
});

describe('archdoc import, in detail', () => {
  const D = 'doc/architecture/decisions';

  it("rewrites the folder's index too, and a status change afterwards keeps the section's other lines and case", async () => {
    const { repo } = corpus('adr-tools');
    await repo.run(['init']);
    IMPORTABLE['adr-tools']!(repo);
    repo.git('commit', '-qam', 'importable');
    expect((await repo.run(['import'])).code).toBe(0);
    const index = repo.read(`${D}/README.md`);
    expect(index).toContain('ADR-0003-use-postgres.md');
    expect(index).not.toMatch(/\]\(0003-use-postgres\.md/);
    const r = await repo.run(['adr-status', 'ADR-0004', '--set', 'DEPRECATED']);
    expect(r.code, r.stderr).toBe(0);
    const text = repo.read(`${D}/ADR-0004-publish-domain-events-to-a-message-broker.md`);
    expect(text).toMatch(/## Status\n\nDeprecated\n\nAmended by \[6\. /);
    // Records in archdoc's shape now: detection leaves the configuration as import left it.
    const again = await repo.run(['init', '--detect']);
    expect(again.stdout).toContain('Nothing to change');
  });

  it("rewrites paths to renamed records in other documents' frontmatter, as they were written", async () => {
    const { repo } = corpus('adr-tools');
    repo.write(
      'rfcs/draft/RFC-0001-orders.md',
      '---\nrfc_id: RFC-0001\ntitle: Orders\nstatus: DRAFT\nrelated_documents: [../../doc/architecture/decisions/0003-use-postgres.md]\n---\n\n# RFC-0001: Orders\n',
    );
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'an rfc');
    await repo.run(['init']);
    IMPORTABLE['adr-tools']!(repo);
    repo.git('commit', '-qam', 'importable');
    expect((await repo.run(['import'])).code).toBe(0);
    expect(repo.read('rfcs/draft/RFC-0001-orders.md')).toContain('related_documents: [../../doc/architecture/decisions/ADR-0003-use-postgres.md]');
    const check = await repo.run(['check', '--format', 'json']);
    expect((JSON.parse(check.stdout) as { findings: Array<{ rule: string }> }).findings.filter((f) => f.rule === 'broken-link')).toEqual([]);
  });

  it('refuses, naming the file, an untracked record and a new name that is taken; nothing changes', async () => {
    const { repo } = corpus('adr-tools');
    await repo.run(['init']);
    IMPORTABLE['adr-tools']!(repo);
    repo.git('commit', '-qam', 'importable');
    const head = repo.git('rev-parse', 'HEAD');
    repo.write(`${D}/0010-not-committed.md`, '# 10. Not committed\n\n## Status\n\nProposed\n');
    const untracked = await repo.run(['import']);
    expect(untracked.code).toBe(1);
    expect(untracked.stderr).toContain(`${D}/0010-not-committed.md is not committed yet`);
    fs.rmSync(path.join(repo.dir, D, '0010-not-committed.md'));
    repo.write(`${D}/ADR-0003-use-postgres.md`, '---\nadr_id: ADR-0003\ntitle: In the way\nstatus: ACCEPTED\n---\n\n# ADR-0003: In the way\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'in the way');
    const taken = await repo.run(['import']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`${D}/0003-use-postgres.md: its new name ${D}/ADR-0003-use-postgres.md is taken`);
    expect(repo.git('rev-list', '--count', `${head}..HEAD`)).toBe('1');
    expect(repo.git('status', '--porcelain')).toBe('');
  });
});

describe('a change that waited for the lock', () => {
  it('reads the configuration as the change before it left it', async () => {
    const { repo } = corpus('adr-tools');
    await repo.run(['init']);
    const { createContext, changeRepository } = await import('../../src/commands/shared/context.js');
    const { testSystem } = await import('../env.js');
    const ctx = await createContext({}, { system: testSystem(repo.dir, testEnv(repo.home)) });
    expect(ctx.config.kinds.adr!.fileName).toBe('{nnnn}-{slug}.md');
    // Meanwhile another run changes the configuration (an import, say).
    repo.write('.archdoc.yml', repo.read('.archdoc.yml').replace('file_name: "{nnnn}-{slug}.md"', 'file_name: "{id}-{slug}.md"'));
    const seen = await changeRepository(ctx, 'test', async () => ctx.config.kinds.adr!.fileName);
    expect(seen).toBe('{id}-{slug}.md');
  });
});
