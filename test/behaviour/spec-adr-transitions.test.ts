/**
 * Every (from, to) pair of tech-spec statuses (`tech-spec-status --set`) and of ADR statuses
 * (`adr-status --set`). Allowed pairs set the status in one commit (a spec moves to its status
 * folder; an ADR stays put and its "## Status" section follows); refused pairs, `from === to`
 * included, exit 1 with the allowed next statuses and change nothing.
 *
 * One repository per kind holds one hand-written document per pair, every guard satisfied. The
 * runs happen in beforeAll and their observations are kept in memory (the helpers remove temp
 * repositories after each test); each pair is one test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { DATE, hasStackTrace, makeRepo, type Repo, type RunResult, frontmatter, porcelain, SLOW } from '../helpers.js';

const FM = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/;

function body(text: string): string {
  return text.slice(FM.exec(text)![0].length);
}

function changes(repo: Repo): string[] {
  const out = repo.git('show', '--name-status', '-M', '--format=', 'HEAD');
  return out ? out.split('\n').filter(Boolean) : [];
}

const pad = (n: number) => String(n).padStart(4, '0');
const lower = (s: string) => s.toLowerCase().replace(/_/g, '-');

// ---------------------------------------------------------------------------------------------
// Tech specs

const TS_STATUSES = ['DRAFT', 'REVIEW', 'APPROVED', 'REFERENCE', 'ARCHIVED'] as const;
type TsStatus = (typeof TS_STATUSES)[number];
const TS_NEXT: Record<TsStatus, TsStatus[]> = {
  DRAFT: ['REVIEW', 'APPROVED'],
  REVIEW: ['APPROVED', 'DRAFT'],
  APPROVED: ['REFERENCE', 'ARCHIVED'],
  REFERENCE: ['ARCHIVED'],
  ARCHIVED: [],
};
const TS_FOLDER: Record<TsStatus, string> = {
  DRAFT: 'tech-specs/draft',
  REVIEW: 'tech-specs/review',
  APPROVED: 'tech-specs/approved',
  REFERENCE: 'tech-specs/reference',
  ARCHIVED: 'tech-specs/archive/2026',
};

/** The approved RFC every spec implements, so the linked-status guard is met. */
const RFC = { id: 'RFC-0001', path: 'rfcs/approved/RFC-0001-orders-platform.md' };

function rfcText(): string {
  const data = {
    rfc_id: RFC.id,
    title: 'Orders platform',
    status: 'APPROVED',
    author: 'Hand Writer',
    reviewers: [{ name: 'Alice Chen', status: 'approved' }],
    created: '2026-01-10',
    last_updated: '2026-01-12',
    decision_date: '2026-01-12',
    related_prds: [],
    related_rfcs: [],
  };
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n# ${RFC.id}: Orders platform\n\n## Overview\n\nOne service owns orders.\n`;
}

function specText(id: string, title: string, status: TsStatus): string {
  const data: Record<string, unknown> = {
    tech_spec_id: id,
    title,
    status,
    decision_ref: RFC.id,
    author: 'Hand Writer',
    created: '2026-02-01',
    last_updated: '2026-02-03',
  };
  if (status === 'ARCHIVED') {
    data.archive_date = '2026-03-01';
    data.archive_reason = 'archived by hand';
  }
  data.history = [{ status, date: '2026-02-03' }];
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${[
    `# ${id}: ${title}`,
    '',
    '## Executive Summary',
    '',
    `This spec describes ${title.toLowerCase()} for the orders platform.`,
    '',
    '## Design Overview',
    '',
    'A stateless HTTP service in front of one PostgreSQL database.',
    '',
    '## Detailed Specifications',
    '',
    'Each request is validated, written in one transaction, and answered with the stored order.',
    '',
    '## Testing Strategy',
    '',
    'Integration tests run against a disposable database on every change.',
    '',
  ].join('\n')}`;
}

interface Observation {
  id: string;
  oldPath: string;
  newPath: string;
  before: string;
  run: RunResult;
  countBefore: number;
  countAfter: number;
  subject: string;
  changes: string[];
  oldExists: boolean;
  newExists: boolean;
  after: string | undefined;
  status: string[];
  successorBefore?: string;
  successorAfter?: string;
}

/** Runs one status change and records everything the assertions need (few git calls: the host may be busy). */
async function observe(
  repo: Repo,
  countBefore: number,
  id: string,
  oldPath: string,
  newPath: string,
  args: string[],
  successor?: string,
): Promise<Observation> {
  const before = repo.read(oldPath);
  const successorBefore = successor ? repo.read(successor) : undefined;
  const run = await repo.run(args);
  const countAfter = repo.commitCount();
  const committed = countAfter !== countBefore;
  const oldExists = repo.exists(oldPath);
  const newExists = repo.exists(newPath);
  return {
    id,
    oldPath,
    newPath,
    before,
    run,
    countBefore,
    countAfter,
    subject: committed ? repo.git('log', '-1', '--format=%s') : '',
    changes: committed ? changes(repo) : [],
    oldExists,
    newExists,
    after: newExists ? repo.read(newPath) : oldExists ? repo.read(oldPath) : undefined,
    status: porcelain(repo),
    ...(successor ? { successorBefore, successorAfter: repo.read(successor) } : {}),
  };
}

function expectRefused(o: Observation, from: string, to: string, next: readonly string[]): void {
  expect(o.run.code, `stdout: ${o.run.stdout}\nstderr: ${o.run.stderr}`).toBe(1);
  expect(hasStackTrace(o.run.stderr)).toBe(false);
  const reason = from === to ? `error: ${o.id} is already ${to}.` : `error: ${o.id} cannot go from ${from} to ${to}.`;
  expect(o.run.stderr.split('\n')[0]).toBe(reason);
  if (next.length) expect(o.run.stderr).toContain(`Allowed next from ${from}: ${next.join(', ')}`);
  else expect(o.run.stderr).toContain(`${from} is final: no status follows it.`);
  expect(o.run.stdout).toBe('');
  expect(o.oldExists).toBe(true);
  expect(o.after).toBe(o.before);
  if (o.newPath !== o.oldPath) expect(o.newExists).toBe(false);
  expect(o.countAfter).toBe(o.countBefore);
  expect(o.status).toEqual([]);
  if (o.successorBefore !== undefined) expect(o.successorAfter).toBe(o.successorBefore);
}

describe('tech-spec-status: every (from, to) pair', SLOW, () => {
  const obs = new Map<string, Observation>();
  const key = (from: string, to: string) => `${from}→${to}`;

  beforeAll(async () => {
    const repo = makeRepo();
    repo.write(RFC.path, rfcText());
    const seeds: Array<{ from: TsStatus; to: TsStatus; id: string; path: string }> = [];
    let n = 0;
    for (const from of TS_STATUSES) {
      for (const to of TS_STATUSES) {
        const id = `TS-${pad(++n)}`;
        const path = `${TS_FOLDER[from]}/${id}-${lower(from)}-to-${lower(to)}.md`;
        repo.write(path, specText(id, `Spec ${lower(from)} to ${lower(to)}`, from));
        seeds.push({ from, to, id, path });
      }
    }
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: seed tech specs');
    let count = repo.commitCount();
    for (const s of seeds) {
      const newPath = `${TS_FOLDER[s.to]}/${s.path.slice(s.path.lastIndexOf('/') + 1)}`;
      const o = await observe(repo, count, s.id, s.path, newPath, ['tech-spec-status', s.id, '--set', s.to]);
      obs.set(key(s.from, s.to), o);
      count = o.countAfter;
    }
  }, 300_000);

  const pairs = TS_STATUSES.flatMap((from) => TS_STATUSES.map((to) => ({ from, to, allowed: TS_NEXT[from].includes(to) })));
  it('the table has 25 pairs, 7 of them allowed', () => {
    expect(pairs).toHaveLength(25);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(7);
  });

  it.each(pairs.filter((p) => p.allowed))('$from → $to is allowed: moved to its folder, status set, one commit', ({ from, to }) => {
    const o = obs.get(key(from, to))!;
    expect(o.run.code, `stdout: ${o.run.stdout}\nstderr: ${o.run.stderr}`).toBe(0);
    expect(o.run.stderr).not.toMatch(/^error:/m);
    expect(hasStackTrace(o.run.stderr)).toBe(false);
    expect(o.newPath.startsWith(`${TS_FOLDER[to]}/`)).toBe(true);
    expect(o.newExists).toBe(true);
    expect(o.oldExists).toBe(false);
    const fm = frontmatter(o.after!);
    expect(fm.tech_spec_id).toBe(o.id);
    expect(fm.status).toBe(to);
    expect(fm.last_updated).toBe(DATE);
    expect(fm.decision_ref).toBe(RFC.id);
    expect((fm.history as unknown[]).at(-1)).toEqual({ status: to, date: DATE, by: 'Test Author' });
    expect(body(o.after!)).toBe(body(o.before));
    if (to === 'ARCHIVED') {
      expect(fm.archive_date).toBe(DATE);
      expect(typeof fm.archive_reason).toBe('string');
      expect(fm.superseded_by).toBeUndefined();
    } else {
      expect(fm.archive_date).toBe(from === 'ARCHIVED' ? '2026-03-01' : undefined);
    }
    expect(o.countAfter).toBe(o.countBefore + 1);
    expect(o.subject).toBe(`docs(tech-spec): ${o.id} ${from} → ${to}`);
    expect(o.changes).toHaveLength(1);
    expect(o.changes[0]).toMatch(new RegExp(`^R\\d+\\t${o.oldPath}\\t${o.newPath}$`));
    expect(o.status).toEqual([]);
    expect(o.run.stdout).toContain(`${from} → ${to}`);
  });

  it.each(pairs.filter((p) => !p.allowed))('$from → $to is refused: nothing changes', ({ from, to }) => {
    expectRefused(obs.get(key(from, to))!, from, to, TS_NEXT[from]);
  });
});

describe('tech-spec-status --set ARCHIVED --by', SLOW, () => {
  it('records the replacing spec on both sides in one commit', async () => {
    const repo = makeRepo();
    repo.write(RFC.path, rfcText());
    const old = `${TS_FOLDER.APPROVED}/TS-0001-orders-api.md`;
    const successor = `${TS_FOLDER.DRAFT}/TS-0002-orders-api-v2.md`;
    repo.write(old, specText('TS-0001', 'Orders API', 'APPROVED'));
    repo.write(successor, specText('TS-0002', 'Orders API v2', 'DRAFT'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: seed two specs');
    const count = repo.commitCount();
    const r = await repo.run(['tech-spec-status', 'TS-0001', '--set', 'archived', '--by', 'TS-0002']);
    expect(r.code, r.stderr).toBe(0);
    expect(repo.commitCount()).toBe(count + 1);
    expect(repo.git('log', '-1', '--format=%s')).toBe('docs(tech-spec): TS-0001 APPROVED → ARCHIVED');
    const archived = `${TS_FOLDER.ARCHIVED}/TS-0001-orders-api.md`;
    expect(repo.exists(old)).toBe(false);
    const fm = frontmatter(repo.read(archived));
    expect(fm).toMatchObject({ status: 'ARCHIVED', superseded_by: 'TS-0002', archive_date: DATE, archive_reason: 'superseded by TS-0002' });
    expect(frontmatter(repo.read(successor)).supersedes).toBe('TS-0001');
    expect(changes(repo).sort()).toEqual([expect.stringMatching(new RegExp(`^R\\d+\\t${old}\\t${archived}$`)), `M\t${successor}`].sort());
    expect(porcelain(repo)).toEqual([]);

    // A --by naming no spec is refused before anything is written.
    const other = `${TS_FOLDER.REFERENCE}/TS-0003-orders-cache.md`;
    repo.write(other, specText('TS-0003', 'Orders cache', 'REFERENCE'));
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: seed a reference spec');
    const before = repo.read(other);
    const bad = await repo.run(['tech-spec-status', 'TS-0003', '--set', 'ARCHIVED', '--by', 'TS-0042']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--by TS-0042: no such Tech spec');
    expect(repo.read(other)).toBe(before);
    expect(repo.commitCount()).toBe(count + 2);
  });
});

// ---------------------------------------------------------------------------------------------
// ADRs

const ADR_STATUSES = ['PROPOSED', 'ACCEPTED', 'REJECTED', 'DEPRECATED', 'SUPERSEDED'] as const;
type AdrStatus = (typeof ADR_STATUSES)[number];
const ADR_NEXT: Record<AdrStatus, AdrStatus[]> = {
  PROPOSED: ['ACCEPTED', 'REJECTED'],
  ACCEPTED: ['DEPRECATED', 'SUPERSEDED'],
  REJECTED: [],
  DEPRECATED: [],
  SUPERSEDED: [],
};
const SUCCESSOR = { id: 'ADR-0099', path: 'docs/adr/ADR-0099-successor-decision.md' };

function adrText(id: string, title: string, status: AdrStatus): string {
  const data: Record<string, unknown> = {
    adr_id: id,
    title,
    status,
    author: 'Hand Writer',
    created: '2026-02-01',
    last_updated: '2026-02-03',
    supersedes: null,
    superseded_by: status === 'SUPERSEDED' ? SUCCESSOR.id : null,
    history: [{ status, date: '2026-02-03' }],
  };
  return `---\n${stringify(data, { lineWidth: 0, nullStr: '' })}---\n\n${[
    `# ${id}: ${title}`,
    '',
    '## Status',
    '',
    status,
    '',
    '## Context',
    '',
    'Orders are read far more often than they are written.',
    '',
    '## Decision',
    '',
    'We will keep a read replica for order queries.',
    '',
    '## Consequences',
    '',
    'Reads scale out; replication lag must be watched.',
    '',
  ].join('\n')}`;
}

/** The text of the "## Status" section, trimmed. */
function statusSection(text: string): string {
  const m = /\n## Status\n([\s\S]*?)(?=\n## |$)/.exec(text);
  if (!m) throw new Error('no ## Status section');
  return m[1]!.trim();
}

describe('adr-status: every (from, to) pair', SLOW, () => {
  const obs = new Map<string, Observation>();
  const key = (from: string, to: string) => `${from}→${to}`;

  beforeAll(async () => {
    const repo = makeRepo();
    repo.write(SUCCESSOR.path, adrText(SUCCESSOR.id, 'Successor decision', 'PROPOSED'));
    const seeds: Array<{ from: AdrStatus; to: AdrStatus; id: string; path: string }> = [];
    let n = 0;
    for (const from of ADR_STATUSES) {
      for (const to of ADR_STATUSES) {
        const id = `ADR-${pad(++n)}`;
        const path = `docs/adr/${id}-${lower(from)}-to-${lower(to)}.md`;
        repo.write(path, adrText(id, `Decision ${lower(from)} to ${lower(to)}`, from));
        seeds.push({ from, to, id, path });
      }
    }
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: seed ADRs');
    let count = repo.commitCount();
    for (const s of seeds) {
      const args = ['adr-status', s.id, '--set', s.to, ...(s.to === 'SUPERSEDED' ? ['--by', SUCCESSOR.id] : [])];
      const o = await observe(repo, count, s.id, s.path, s.path, args, SUCCESSOR.path);
      obs.set(key(s.from, s.to), o);
      count = o.countAfter;
    }
  }, 300_000);

  const pairs = ADR_STATUSES.flatMap((from) => ADR_STATUSES.map((to) => ({ from, to, allowed: ADR_NEXT[from].includes(to) })));
  it('the table has 25 pairs, 4 of them allowed', () => {
    expect(pairs).toHaveLength(25);
    expect(pairs.filter((p) => p.allowed)).toHaveLength(4);
  });

  it.each(pairs.filter((p) => p.allowed))('$from → $to is allowed: same path, status and "## Status" set, one commit', ({ from, to }) => {
    const o = obs.get(key(from, to))!;
    expect(o.run.code, `stdout: ${o.run.stdout}\nstderr: ${o.run.stderr}`).toBe(0);
    expect(o.run.stderr).not.toMatch(/^error:/m);
    expect(hasStackTrace(o.run.stderr)).toBe(false);
    // Flat layout: the file never moves.
    expect(o.oldExists).toBe(true);
    const fm = frontmatter(o.after!);
    expect(fm.adr_id).toBe(o.id);
    expect(fm.status).toBe(to);
    expect(fm.last_updated).toBe(DATE);
    expect((fm.history as unknown[]).at(-1)).toEqual({ status: to, date: DATE, by: 'Test Author' });
    const expectedSection = to === 'SUPERSEDED' ? `SUPERSEDED (superseded by ${SUCCESSOR.id})` : to;
    expect(statusSection(o.after!)).toBe(expectedSection);
    // Only the status section of the body changed.
    expect(body(o.after!)).toBe(body(o.before).replace(`## Status\n\n${from}\n`, `## Status\n\n${expectedSection}\n`));
    expect(o.countAfter).toBe(o.countBefore + 1);
    expect(o.subject).toBe(`docs(adr): ${o.id} ${from} → ${to}`);
    expect(o.status).toEqual([]);
    if (to === 'SUPERSEDED') {
      expect(fm.superseded_by).toBe(SUCCESSOR.id);
      expect(frontmatter(o.successorAfter!).supersedes).toBe(o.id);
      expect([...o.changes].sort()).toEqual([`M\t${o.oldPath}`, `M\t${SUCCESSOR.path}`].sort());
    } else {
      expect(o.changes).toEqual([`M\t${o.oldPath}`]);
      expect(o.successorAfter).toBe(o.successorBefore);
    }
  });

  it.each(pairs.filter((p) => !p.allowed))('$from → $to is refused: nothing changes', ({ from, to }) => {
    const o = obs.get(key(from, to))!;
    expectRefused(o, from, to, ADR_NEXT[from]);
    expect(statusSection(o.after!)).toBe(from);
  });
});
