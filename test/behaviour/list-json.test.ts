/**
 * `list`: the JSON output validates against docs/schemas/list.schema.json (with the project's own
 * validator), archived documents appear only with --all, a file whose frontmatter does not parse
 * is listed with its warning, filters work, and the table starts with one summary line per kind.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validate, type JsonSchema } from '../../src/core/schema.js';
import { hasStackTrace, makeRepo, type RunResult, SLOW } from '../helpers.js';

const SCHEMA = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../docs/schemas/list.schema.json', import.meta.url)), 'utf8')) as JsonSchema;

interface DocJson {
  id: string | null;
  kind: string;
  title: string | null;
  status: string | null;
  author: string | null;
  created: string | null;
  last_updated: string | null;
  path: string;
  reviewers: Array<{ name: string; status: string }>;
  links: Record<string, string[]>;
  warnings: string[];
}
interface ListJson {
  schema_version: number;
  summary: Array<{ kind: string; label: string; total: number; counts: Record<string, number>; broken: number }>;
  documents: DocJson[];
}

function doc(data: Record<string, unknown>, heading: string): string {
  return `---\n${stringify(data, { lineWidth: 0, nullStr: '' })}---\n\n# ${heading}\n\nWritten by hand for the list tests.\n`;
}

const BROKEN = 'rfcs/draft/RFC-0009-broken.md';

const FILES: Record<string, string> = {
  'rfcs/review/RFC-0001-adopt-kafka.md': doc(
    {
      rfc_id: 'RFC-0001',
      title: 'Adopt Kafka',
      status: 'REVIEW',
      author: 'Alice Chen',
      reviewers: [{ name: 'Bob Stone', status: 'pending' }],
      created: '2026-11-01',
      last_updated: '2026-11-20',
      related_rfcs: ['RFC-0002'],
    },
    'RFC-0001: Adopt Kafka',
  ),
  'rfcs/approved/RFC-0002-orders-platform.md': doc(
    {
      rfc_id: 'RFC-0002',
      title: 'Orders platform',
      status: 'APPROVED',
      author: 'Bob Stone',
      reviewers: [{ name: 'Alice Chen', status: 'approved' }],
      created: '2026-10-01',
      last_updated: '2026-10-15',
      decision_date: '2026-10-15',
    },
    'RFC-0002: Orders platform',
  ),
  'rfcs/archive/2026/rejected/RFC-0003-rewrite-in-cobol.md': doc(
    {
      rfc_id: 'RFC-0003',
      title: 'Rewrite in COBOL',
      status: 'REJECTED',
      author: 'Alice Chen',
      reviewers: [{ name: 'Bob Stone', status: 'declined' }],
      created: '2026-09-01',
      last_updated: '2026-09-10',
      archive_date: '2026-09-10',
      archive_reason: 'declined after review',
    },
    'RFC-0003: Rewrite in COBOL',
  ),
  [BROKEN]: '---\ntitle: [unclosed\n---\n',
  'tech-specs/draft/TS-0001-orders-service.md': doc(
    {
      tech_spec_id: 'TS-0001',
      title: 'Orders service',
      status: 'DRAFT',
      decision_ref: 'RFC-0002',
      author: 'Bob Stone',
      created: '2026-11-02',
      last_updated: '2026-11-03',
    },
    'TS-0001: Orders service',
  ),
  'tech-specs/review/TS-0002-event-bus-client.md': doc(
    {
      tech_spec_id: 'TS-0002',
      title: 'Event bus client',
      status: 'REVIEW',
      decision_ref: 'RFC-0001',
      author: 'Carol Diaz',
      created: '2026-11-04',
      last_updated: '2026-11-05',
    },
    'TS-0002: Event bus client',
  ),
  'docs/adr/ADR-0001-use-postgresql.md': doc(
    {
      adr_id: 'ADR-0001',
      title: 'Use PostgreSQL',
      status: 'ACCEPTED',
      author: 'Carol Diaz',
      created: '2026-08-01',
      last_updated: '2026-08-02',
      supersedes: null,
      superseded_by: null,
    },
    'ADR-0001: Use PostgreSQL',
  ),
  'docs/adr/ADR-0002-adopt-grpc.md': doc(
    {
      adr_id: 'ADR-0002',
      title: 'Adopt gRPC',
      status: 'PROPOSED',
      author: 'Alice Chen',
      created: '2026-11-10',
      last_updated: '2026-11-11',
      supersedes: null,
      superseded_by: null,
    },
    'ADR-0002: Adopt gRPC',
  ),
};

function json(r: RunResult): ListJson {
  expect(r.code, r.stderr).toBe(0);
  expect(hasStackTrace(r.stderr)).toBe(false);
  return JSON.parse(r.stdout) as ListJson;
}

const ids = (p: ListJson) => p.documents.map((d) => d.id);

describe('list on a repository with several kinds and statuses', SLOW, () => {
  const runs = new Map<string, RunResult>();
  const run = (...args: string[]) => runs.get(args.join(' '))!;

  beforeAll(async () => {
    const repo = makeRepo();
    for (const [rel, text] of Object.entries(FILES)) repo.write(rel, text);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: seed documents');
    const commands = [
      ['list', '--json'],
      ['list', '--json', '--all'],
      ['list', '--format', 'json'],
      ['list'],
      ['list', '--all'],
      ['list', '--status', 'review', '--json'],
      ['list', '--status', 'REVIEW', '--json'],
      ['list', '--status', 'Review', '--json'],
      ['list', '--status', 'review,accepted', '--json'],
      ['list', '--status', 'rejected', '--json'],
      ['list', '--status', 'review'],
      ['list', '--author', 'alice', '--json'],
      ['list', '--author', 'Alice Chen', '--all', '--json'],
      ['list', '--author', 'Nobody Here', '--json'],
      ['list-rfcs', '--json'],
      ['list-rfcs'],
      ['list', '--status', 'shipped'],
    ];
    for (const args of commands) runs.set(args.join(' '), await repo.run(args));
    // Reading is side-effect free: nothing was committed or written.
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(repo.log()[0]).toBe('test: seed documents');
  }, 300_000);

  it('list --json validates against docs/schemas/list.schema.json', () => {
    const payload = json(run('list', '--json'));
    expect(validate(SCHEMA, payload)).toEqual([]);
    expect(validate(SCHEMA, json(run('list', '--json', '--all')))).toEqual([]);
    expect(payload.schema_version).toBe(2);
    // `--format json` is the same output.
    expect(run('list', '--format', 'json').stdout).toBe(run('list', '--json').stdout);
  });

  it('the validator does reject output that breaks the schema (so the check above can fail)', () => {
    const payload = json(run('list', '--json'));
    const broken = structuredClone(payload) as unknown as { documents: Array<Record<string, unknown>>; extra?: number };
    delete broken.documents[0]!.warnings;
    broken.documents[1]!.created = '25/11/2026';
    broken.extra = 1;
    const issues = validate(SCHEMA, broken);
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['documents[0]', 'documents[1].created', 'extra']));
  });

  it('summarises every kind as the filters leave it: unreadable files included, archived ones with --all', () => {
    const payload = json(run('list', '--json'));
    expect(payload.summary).toEqual([
      { kind: 'rfc', label: 'RFC', total: 3, counts: { REVIEW: 1, APPROVED: 1 }, broken: 1 },
      { kind: 'tech-spec', label: 'Tech spec', total: 2, counts: { REVIEW: 1, DRAFT: 1 }, broken: 0 },
      { kind: 'adr', label: 'ADR', total: 2, counts: { PROPOSED: 1, ACCEPTED: 1 }, broken: 0 },
      { kind: 'system-design', label: 'System design', total: 0, counts: {}, broken: 0 },
    ]);
    expect(json(run('list', '--json', '--all')).summary[0]).toEqual({
      kind: 'rfc',
      label: 'RFC',
      total: 4,
      counts: { REVIEW: 1, APPROVED: 1, REJECTED: 1 },
      broken: 1,
    });
  });

  it('hides archived documents unless --all', () => {
    const shown = json(run('list', '--json'));
    expect(ids(shown)).not.toContain('RFC-0003');
    expect(ids(shown).sort()).toEqual(['ADR-0001', 'ADR-0002', 'RFC-0001', 'RFC-0002', 'RFC-0009', 'TS-0001', 'TS-0002']);
    const all = json(run('list', '--json', '--all'));
    expect(ids(all).sort()).toEqual(['ADR-0001', 'ADR-0002', 'RFC-0001', 'RFC-0002', 'RFC-0003', 'RFC-0009', 'TS-0001', 'TS-0002']);
    expect(all.documents.find((d) => d.id === 'RFC-0003')).toMatchObject({
      kind: 'rfc',
      status: 'REJECTED',
      path: 'rfcs/archive/2026/rejected/RFC-0003-rewrite-in-cobol.md',
      reviewers: [{ name: 'Bob Stone', status: 'declined' }],
      warnings: [],
    });
    // The table says how many it left out.
    const table = run('list');
    expect(table.stdout).toContain('1 archived not shown; add --all to include them.');
    expect(table.stdout).not.toContain('RFC-0003');
    expect(run('list', '--all').stdout).toMatch(/^RFC-0003\s+REJECTED\s+Rewrite in COBOL/m);
  });

  it('lists a document whose frontmatter does not parse, with a warning', () => {
    const payload = json(run('list', '--json'));
    const broken = payload.documents.find((d) => d.path === BROKEN);
    expect(broken).toBeDefined();
    expect(broken).toMatchObject({ id: 'RFC-0009', kind: 'rfc', title: null, status: null, author: null, reviewers: [], links: {} });
    expect(broken!.warnings.length).toBeGreaterThan(0);
    expect(broken!.warnings[0]).toMatch(/^rfcs\/draft\/RFC-0009-broken\.md:2: frontmatter does not parse/);
    // The others are clean.
    for (const d of payload.documents.filter((x) => x.path !== BROKEN)) expect(d.warnings, d.path).toEqual([]);
  });

  it('carries fields and links as documented', () => {
    const payload = json(run('list', '--json'));
    expect(payload.documents.find((d) => d.id === 'RFC-0001')).toEqual({
      id: 'RFC-0001',
      kind: 'rfc',
      title: 'Adopt Kafka',
      status: 'REVIEW',
      author: 'Alice Chen',
      created: '2026-11-01',
      last_updated: '2026-11-20',
      path: 'rfcs/review/RFC-0001-adopt-kafka.md',
      reviewers: [{ name: 'Bob Stone', status: 'pending' }],
      links: { related_rfcs: ['RFC-0002'] },
      warnings: [],
    });
    expect(payload.documents.find((d) => d.id === 'TS-0001')!.links).toEqual({ decision_ref: ['RFC-0002'] });
    // Attention first: kinds in configuration order, then each kind's status order.
    expect(ids(payload)).toEqual(['RFC-0001', 'RFC-0002', 'RFC-0009', 'TS-0002', 'TS-0001', 'ADR-0002', 'ADR-0001']);
  });

  it('the table exits 0, warns on stderr about the broken file, and starts with one summary line per kind', () => {
    const r = run('list');
    expect(r.code, r.stderr).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/^warning: rfcs\/draft\/RFC-0009-broken\.md:2: frontmatter does not parse/m);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'RFCs (3): REVIEW 1 · APPROVED 1 · unreadable 1',
      'Tech specs (2): REVIEW 1 · DRAFT 1',
      'ADRs (2): PROPOSED 1 · ACCEPTED 1',
      '',
    ]);
    expect(lines[4]).toMatch(/^ID\s+STATUS\s+TITLE\s+AUTHOR\s+UPDATED$/);
    const rows = lines.slice(5).filter((l) => /^[A-Z]+-\d{4}\s/.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(['RFC-0001', 'RFC-0002', 'RFC-0009', 'TS-0002', 'TS-0001', 'ADR-0002', 'ADR-0001']);
    expect(rows[2]).toMatch(/^RFC-0009\s+\?\s+rfcs\/draft\/RFC-0009-broken\.md\s+N\/A\s+N\/A$/);
  });

  it('--status filters case-insensitively, across kinds, comma-separated too', () => {
    const lower = json(run('list', '--status', 'review', '--json'));
    expect(ids(lower)).toEqual(['RFC-0001', 'TS-0002']);
    expect(run('list', '--status', 'REVIEW', '--json').stdout).toBe(run('list', '--status', 'review', '--json').stdout);
    expect(run('list', '--status', 'Review', '--json').stdout).toBe(run('list', '--status', 'review', '--json').stdout);
    expect(ids(json(run('list', '--status', 'review,accepted', '--json')))).toEqual(['RFC-0001', 'TS-0002', 'ADR-0001']);
    // Asking for an archived status shows it without --all.
    expect(ids(json(run('list', '--status', 'rejected', '--json')))).toEqual(['RFC-0003']);
    // The summary counts what the filter keeps.
    expect(lower.summary[0]!.total).toBe(1);
    expect(lower.summary[0]!.counts).toEqual({ REVIEW: 1 });
    const table = run('list', '--status', 'review');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^RFC-0001\s+REVIEW\s+Adopt Kafka/m);
    expect(table.stdout).toMatch(/^TS-0002\s+REVIEW\s+Event bus client/m);
    expect(table.stdout).not.toMatch(/^(RFC-0002|TS-0001|ADR-000\d)\s/m);
  });

  it('an unknown --status is a usage error naming the statuses', () => {
    const r = run('list', '--status', 'shipped');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--status shipped');
    expect(r.stderr).toContain('REVIEW');
    expect(r.stdout).toBe('');
  });

  it('--author filters (case-insensitive, part of the name)', () => {
    expect(ids(json(run('list', '--author', 'alice', '--json')))).toEqual(['RFC-0001', 'ADR-0002']);
    expect(ids(json(run('list', '--author', 'Alice Chen', '--all', '--json')))).toEqual(['RFC-0001', 'RFC-0003', 'ADR-0002']);
    const none = json(run('list', '--author', 'Nobody Here', '--json'));
    expect(none.documents).toEqual([]);
    expect(validate(SCHEMA, none)).toEqual([]);
  });

  it('list-rfcs lists RFCs only', () => {
    const payload = json(run('list-rfcs', '--json'));
    expect(payload.summary.map((s) => s.kind)).toEqual(['rfc']);
    expect(ids(payload)).toEqual(['RFC-0001', 'RFC-0002', 'RFC-0009']);
    expect(validate(SCHEMA, payload)).toEqual([]);
    const table = run('list-rfcs');
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toBe('RFCs (3): REVIEW 1 · APPROVED 1 · unreadable 1');
    expect(table.stdout).not.toContain('TS-0001');
  });
});

describe('list in an empty repository', SLOW, () => {
  it('list-rfcs says there are none and how to start', async () => {
    const repo = makeRepo();
    const r = await repo.run(['list-rfcs']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No RFCs yet in rfcs/.');
    expect(r.stdout).toContain('Start one with: archdoc create-rfc "Your title"');

    const all = await repo.run(['list']);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('No documents yet');
    expect(all.stdout).toContain('create-rfc');

    const payload = json(await repo.run(['list', '--json']));
    expect(validate(SCHEMA, payload)).toEqual([]);
    expect(payload.documents).toEqual([]);
    expect(payload.summary.map((s) => [s.kind, s.total])).toEqual([
      ['rfc', 0],
      ['tech-spec', 0],
      ['adr', 0],
      ['system-design', 0],
    ]);
  });
});

describe('kinds given as a list', () => {
  it('list, search, graph and index take --type/--kind comma-separated, as the same option repeated', async () => {
    const repo = makeRepo();
    for (const args of [
      ['create-rfc', 'Adopt PostgreSQL', '--yes'],
      ['create-adr', 'Use PostgreSQL for orders', '--yes'],
      ['create-tech-spec', 'Orders on PostgreSQL', '--yes'],
    ]) {
      const r = await repo.run(args);
      expect(r.code, r.stderr).toBe(0);
    }
    const same = async (command: string[], option: string) => {
      const listed = await repo.run([...command, option, 'rfc,adr']);
      const repeated = await repo.run([...command, option, 'rfc', option, ' adr ']);
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed).toEqual(repeated);
      return listed.stdout;
    };
    const ids = (json: string) => (JSON.parse(json) as { documents: Array<{ id: string }> }).documents.map((d) => d.id).sort();
    expect(ids(await same(['list', '--json'], '--type'))).toEqual(['ADR-0001', 'RFC-0001']);
    expect(await same(['search', 'postgresql'], '--type')).not.toContain('TS-0001');
    expect(await same(['graph'], '--kind')).not.toContain('TS-0001');
    const bad = await repo.run(['list', '--type', 'rfc,adrs']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: unknown document kind "adrs"/);
  });
});
