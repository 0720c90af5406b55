/**
 * Every (from, to) pair of RFC statuses through `archdoc rfc-status <id> --set <to>`: allowed
 * pairs move the file, set the status and make exactly one commit; refused pairs change nothing.
 *
 * One repository per "from" status holds one hand-written RFC per target (every guard satisfied)
 * and a successor RFC-0009 for `--by`. The runs happen in beforeAll and their observations are
 * kept in memory (the helpers remove temp repositories after each test); each pair is one test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DATE, hasStackTrace, makeRepo, type RunResult } from '../helpers.js';
import { FOLDER, STATUSES, fillSection, frontmatter, headChanges, headSubject, porcelain, rfcText, writeIt, type Status } from './rfc-fixtures.js';

/** Allowed next statuses, in the order archdoc lists them. */
const NEXT: Record<Status, Status[]> = {
  DRAFT: ['REVIEW', 'ABANDONED', 'SUPERSEDED'],
  REVIEW: ['APPROVED', 'REJECTED', 'DRAFT', 'SUPERSEDED'],
  APPROVED: ['IN_PROGRESS', 'SUPERSEDED'],
  IN_PROGRESS: ['COMPLETED', 'SUPERSEDED'],
  COMPLETED: ['SUPERSEDED'],
  REJECTED: [],
  ABANDONED: [],
  SUPERSEDED: [],
};

const SUCCESSOR = { id: 'RFC-0009', path: 'rfcs/draft/RFC-0009-successor-design.md' };

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
  successorBefore: string;
  successorAfter: string;
}

function idOf(i: number): string {
  return `RFC-${String(i + 1).padStart(4, '0')}`;
}

function extraFields(from: Status, id: string): Record<string, unknown> {
  const extra: Record<string, unknown> = { decision_date: null };
  if (['APPROVED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED'].includes(from)) extra.decision_date = '2026-02-01';
  if (['REJECTED', 'ABANDONED', 'SUPERSEDED'].includes(from)) {
    extra.archive_date = '2026-03-01';
    extra.archive_reason = `made ${from.toLowerCase()} by hand`;
  }
  if (from === 'SUPERSEDED') extra.superseded_by = SUCCESSOR.id;
  extra.history = [{ status: from, date: '2026-01-12', comment: `${id} seeded as ${from}` }];
  return extra;
}

/** Seeds one repository with RFCs in `from` and tries every target on them, one run at a time. */
async function observe(from: Status): Promise<Map<Status, Observation>> {
  const obs = new Map<Status, Observation>();
  const repo = makeRepo();
  STATUSES.forEach((to, i) => {
    const id = idOf(i);
    const rel = `${FOLDER[from]}/${id}-target-${to.toLowerCase().replace('_', '-')}.md`;
    repo.write(rel, rfcText({ id, title: `Target ${to.toLowerCase()} proposal`, status: from, extra: extraFields(from, id) }));
  });
  repo.write(SUCCESSOR.path, rfcText({ id: SUCCESSOR.id, title: 'Successor design', status: 'DRAFT' }));
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', `test: seed RFCs in ${from}`);

  for (const [i, to] of STATUSES.entries()) {
    const id = idOf(i);
    const oldPath = repo.find(`${id}-`);
    const filename = oldPath.slice(oldPath.lastIndexOf('/') + 1);
    const newPath = `${FOLDER[to]}/${filename}`;
    const before = repo.read(oldPath);
    const successorBefore = repo.read(SUCCESSOR.path);
    const countBefore = repo.commitCount();
    const args = ['rfc-status', id, '--set', to, ...(to === 'SUPERSEDED' ? ['--by', SUCCESSOR.id] : [])];
    const run = await repo.run(args);
    const countAfter = repo.commitCount();
    const newExists = repo.exists(newPath);
    const oldExists = repo.exists(oldPath);
    obs.set(to, {
      id,
      oldPath,
      newPath,
      before,
      run,
      countBefore,
      countAfter,
      subject: headSubject(repo),
      changes: headChanges(repo),
      oldExists,
      newExists,
      after: newExists ? repo.read(newPath) : oldExists ? repo.read(oldPath) : undefined,
      status: porcelain(repo),
      successorBefore,
      successorAfter: repo.read(SUCCESSOR.path),
    });
  }
  return obs;
}

const observations = new Map<Status, Map<Status, Observation>>();

// The eight repositories are independent; the commands run in this process, one at a time.
beforeAll(async () => {
  for (const from of STATUSES) observations.set(from, await observe(from));
  // About 70 archdoc runs and their git commands: generous, for loaded CI machines.
}, 300_000);

describe.each(STATUSES)('rfc-status: transitions from %s', (from) => {
  const obs = {
    get: (to: Status) => {
      const o = observations.get(from)?.get(to);
      if (!o) throw new Error(`no observation for ${from} → ${to}`);
      return o;
    },
  };

  const allowed = STATUSES.filter((to) => NEXT[from].includes(to));
  const refused = STATUSES.filter((to) => !NEXT[from].includes(to));

  it.each(allowed)(`${from} → %s is allowed: moved, status set, one commit`, (to) => {
    const o = obs.get(to)!;
    expect(o.run.stderr).not.toMatch(/^error:/m);
    expect(o.run.code, o.run.stderr).toBe(0);
    expect(hasStackTrace(o.run.stderr)).toBe(false);
    // The file moved to the target status folder; the old path is gone.
    expect(o.newPath).not.toBe(o.oldPath);
    expect(o.newExists).toBe(true);
    expect(o.oldExists).toBe(false);
    const fm = frontmatter(o.after!);
    expect(fm.status).toBe(to);
    expect(fm.rfc_id).toBe(o.id);
    expect(fm.last_updated).toBe(DATE);
    const history = fm.history as Array<Record<string, unknown>>;
    expect(history.at(-1)).toEqual({ status: to, date: DATE, by: 'Test Author' });
    // The body is untouched.
    expect(o.after!.slice(o.after!.indexOf('\n---\n'))).toBe(o.before.slice(o.before.indexOf('\n---\n')));
    // Exactly one new commit, with the conventional subject, holding the rename.
    expect(o.countAfter).toBe(o.countBefore + 1);
    expect(o.subject).toBe(`docs(rfc): ${o.id} ${from} → ${to}`);
    const rename = o.changes.filter((l) => l.startsWith('R'));
    expect(rename).toHaveLength(1);
    expect(rename[0]).toMatch(new RegExp(`^R\\d+\\t${o.oldPath}\\t${o.newPath}$`));
    // Nothing left uncommitted.
    expect(o.status).toEqual([]);
    if (to === 'SUPERSEDED') {
      expect(fm.superseded_by).toBe(SUCCESSOR.id);
      expect(fm.archive_date).toBe(DATE);
      expect(fm.archive_reason).toBe(`superseded by ${SUCCESSOR.id}`);
      expect(frontmatter(o.successorAfter).supersedes).toBe(o.id);
      expect(o.changes.sort()).toEqual([rename[0], `M\t${SUCCESSOR.path}`].sort());
    } else {
      expect(o.changes).toEqual(rename);
      expect(o.successorAfter).toBe(o.successorBefore);
    }
    if (to === 'APPROVED') expect(fm.decision_date).toBe(DATE);
    if (to === 'REJECTED' || to === 'ABANDONED') {
      expect(fm.archive_date).toBe(DATE);
      expect(typeof fm.archive_reason).toBe('string');
    }
  });

  it.each(refused)(`${from} → %s is refused: nothing changes`, (to) => {
    const o = obs.get(to)!;
    expect(o.run.code, `stdout: ${o.run.stdout}\nstderr: ${o.run.stderr}`).toBe(1);
    expect(hasStackTrace(o.run.stderr)).toBe(false);
    const reason = from === to ? `error: ${o.id} is already ${to}.` : `error: ${o.id} cannot go from ${from} to ${to}.`;
    expect(o.run.stderr).toContain(reason);
    if (NEXT[from].length) expect(o.run.stderr).toContain(`Allowed next from ${from}: ${NEXT[from].join(', ')}`);
    else expect(o.run.stderr).toContain(`${from} is final: no status follows it.`);
    expect(o.run.stdout).toBe('');
    // Byte-identical, same path, no commit, nothing staged, successor untouched.
    expect(o.oldExists).toBe(true);
    expect(o.after).toBe(o.before);
    if (o.newPath !== o.oldPath) expect(o.newExists).toBe(false);
    expect(o.countAfter).toBe(o.countBefore);
    expect(o.status).toEqual([]);
    expect(o.successorAfter).toBe(o.successorBefore);
  });
});

describe('rfc-status: workflow guards on a created RFC', () => {
  it('REVIEW needs a reviewer, APPROVED an approval, IN_PROGRESS written design and plan', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'])).code).toBe(0);
    let path = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    const refused = async (to: string, needle: string) => {
      const before = repo.read(path);
      const count = repo.commitCount();
      const r = await repo.run(['rfc-status', 'RFC-0001', '--set', to]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`RFC-0001 cannot go from`);
      expect(r.stderr).toContain(needle);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(repo.read(path)).toBe(before);
      expect(repo.commitCount()).toBe(count);
      return r;
    };
    const allowed = async (args: string[], to: string, subject: string) => {
      const count = repo.commitCount();
      const r = await repo.run(['rfc-status', 'RFC-0001', ...args]);
      expect(r.code, r.stderr).toBe(0);
      expect(repo.commitCount()).toBe(count + 1);
      expect(headSubject(repo)).toBe(subject);
      path = `${FOLDER[to as Status]}/RFC-0001-adopt-postgresql.md`;
      expect(frontmatter(repo.read(path)).status).toBe(to);
      return r;
    };

    // DRAFT → REVIEW without a reviewer.
    const noReviewer = await refused('REVIEW', 'REVIEW needs reviewers: add one with --reviewer "Name"');
    expect(noReviewer.stderr).toContain('Allowed next from DRAFT: REVIEW, ABANDONED, SUPERSEDED');
    // With a reviewer, but the template not written: check would reject it in REVIEW, so it is refused.
    const before = repo.read(path);
    const unwritten = await repo.run(['rfc-status', 'RFC-0001', '--reviewer', 'Alice Chen', '--set', 'REVIEW']);
    expect(unwritten.code, unwritten.stderr).toBe(1);
    expect(unwritten.stderr).toContain('RFC-0001 was not changed: `archdoc check` would reject the result.');
    expect(unwritten.stderr).toMatch(
      /^ {2}rfcs\/draft\/RFC-0001-adopt-postgresql\.md:\d+: required-section: section "## Problem Statement" is empty; write it$/m,
    );
    expect(repo.read(path)).toBe(before);
    expect(porcelain(repo)).toEqual([]);
    // Written, all but the design and the plan, which IN_PROGRESS asks for.
    writeIt(repo, path, 'rfc');
    repo.write(path, fillSection(fillSection(repo.read(path), 'Technical Design', ''), 'Implementation Plan', ''));
    repo.git('commit', '-q', '-am', 'test: write the RFC');
    // A reviewer and the transition in one invocation: one commit.
    await allowed(['--reviewer', 'Alice Chen', '--set', 'review'], 'REVIEW', 'docs(rfc): RFC-0001 DRAFT → REVIEW (added reviewer Alice Chen (pending))');

    // REVIEW → APPROVED while the only reviewer is pending.
    await refused('APPROVED', 'no reviewer has approved yet (Alice Chen: pending)');
    await allowed(
      ['--reviewer', 'Alice Chen:approved', '--set', 'APPROVED'],
      'APPROVED',
      'docs(rfc): RFC-0001 REVIEW → APPROVED (reviewer Alice Chen: pending → approved)',
    );
    expect(frontmatter(repo.read(path)).decision_date).toBe(DATE);

    // APPROVED → IN_PROGRESS with the design and the plan not written.
    const placeholder = await refused('IN_PROGRESS', 'section "## Technical Design" has no content yet');
    expect(placeholder.stderr).toContain('section "## Implementation Plan" has no content yet');
    // Filling only one of the two sections is not enough.
    repo.write(path, fillSection(repo.read(path), 'Technical Design', 'Orders live in one PostgreSQL primary with two replicas.'));
    repo.git('commit', '-q', '-am', 'test: write the design');
    await refused('IN_PROGRESS', 'section "## Implementation Plan" has no content yet');
    repo.write(path, fillSection(repo.read(path), 'Implementation Plan', 'Move the orders table first, then the rest over two sprints.'));
    repo.git('commit', '-q', '-am', 'test: write the plan');
    await allowed(['--set', 'in-progress'], 'IN_PROGRESS', 'docs(rfc): RFC-0001 APPROVED → IN_PROGRESS');
    await allowed(['--set', 'COMPLETED', '--comment', 'Shipped'], 'COMPLETED', 'docs(rfc): RFC-0001 IN_PROGRESS → COMPLETED');

    const history = frontmatter(repo.read(path)).history as Array<Record<string, unknown>>;
    expect(history).toEqual([
      { status: 'REVIEW', date: DATE, by: 'Test Author' },
      { status: 'APPROVED', date: DATE, by: 'Test Author' },
      { status: 'IN_PROGRESS', date: DATE, by: 'Test Author' },
      { status: 'COMPLETED', date: DATE, by: 'Test Author', comment: 'Shipped' },
    ]);
    expect(repo.files('rfcs')).toEqual([path]);
  }, 120_000);

  it('an unknown status is a usage error (exit 2) listing the statuses', async () => {
    const repo = makeRepo();
    await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes']);
    const before = repo.read('rfcs/draft/RFC-0001-adopt-postgresql.md');
    const count = repo.commitCount();
    const r = await repo.run(['rfc-status', '1', '--set', 'SHIPPED']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"SHIPPED" is not an RFC status.');
    expect(r.stderr).toContain('DRAFT, REVIEW, APPROVED, IN_PROGRESS, COMPLETED, REJECTED, ABANDONED, SUPERSEDED');
    expect(repo.read('rfcs/draft/RFC-0001-adopt-postgresql.md')).toBe(before);
    expect(repo.commitCount()).toBe(count);
  });
});
