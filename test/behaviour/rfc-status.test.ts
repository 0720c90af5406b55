/** `archdoc rfc-status`: id forms, unknown ids, the view, reviewers, SUPERSEDED with --by, history. */
import { describe, expect, it } from 'vitest';
import { DATE, hasStackTrace, makeRepo } from '../helpers.js';
import { fillSection, frontmatter, headChanges, headSubject, porcelain, rfcText, writeIt } from './rfc-fixtures.js';

const TITLES = [
  'Adopt PostgreSQL',
  'Adopt Kafka',
  'Retire FTP uploads',
  'Shard orders table',
  'Rotate TLS keys',
  'Cache product pages',
  'Split billing service',
];

describe('rfc-status', () => {
  it('accepts RFC-0007, 0007, 7, rfc-7 and RFC0007 for the same RFC', async () => {
    const repo = makeRepo();
    for (const t of TITLES) expect((await repo.run(['create-rfc', t, '--yes'])).code).toBe(0);
    expect(repo.files('rfcs')).toHaveLength(7);
    const count = repo.commitCount();
    for (const form of ['RFC-0007', '0007', '7', 'rfc-7', 'RFC0007', 'rfc_0007']) {
      const r = await repo.run(['rfc-status', form]);
      expect(r.code, `${form}: ${r.stderr}`).toBe(0);
      expect(r.stderr, form).toBe('');
      expect(r.stdout.split('\n')[0], form).toBe('RFC-0007  Split billing service');
      expect(r.stdout).toContain('rfcs/draft/RFC-0007-split-billing-service.md');
      expect(r.stdout).not.toContain('RFC-0006');
    }
    // The generic `status` command takes the prefixed forms too.
    const generic = await repo.run(['status', 'rfc-7']);
    expect(generic.code, generic.stderr).toBe(0);
    expect(generic.stdout.split('\n')[0]).toBe('RFC-0007  Split billing service');
    // Viewing never commits or writes.
    expect(repo.commitCount()).toBe(count);
    expect(porcelain(repo)).toEqual([]);
  }, 120_000);

  it('refuses an unknown id with close matches; junk and other kinds are usage errors', async () => {
    const repo = makeRepo();
    TITLES.forEach((title, i) => {
      const id = `RFC-000${i + 1}`;
      repo.write(`rfcs/draft/${id}-rfc-${i + 1}.md`, rfcText({ id, title, status: 'DRAFT' }));
    });
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: seven RFCs');
    const existing = TITLES.map((_, i) => `RFC-000${i + 1}`);

    for (const form of ['RFC-0070', '70']) {
      const r = await repo.run(['rfc-status', form]);
      expect(r.code, form).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('No RFC RFC-0070 found');
      expect(r.stderr).toContain('did you mean');
      const suggested = r.stderr.match(/RFC-\d{4}/g)!.filter((id) => id !== 'RFC-0070');
      expect(suggested.length, r.stderr).toBeGreaterThan(0);
      for (const id of suggested) expect(existing, r.stderr).toContain(id);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    // Not an id at all, or the wrong kind: usage errors.
    const junk = await repo.run(['rfc-status', 'postgres']);
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('"postgres" is not a document id');
    const wrongKind = await repo.run(['rfc-status', 'ADR-7']);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toContain('is not an RFC id');
    expect(porcelain(repo)).toEqual([]);
  });

  it('shows id, title, status, author, dates, file, reviewers, the Overview and each next step', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice Chen', '--reviewer', 'Bob Li:approved', '--yes'])).code).toBe(0);
    const rel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    const before = await repo.run(['rfc-status', 'RFC-0001']);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/^\s+overview\s+\(not written yet\)$/m);

    const sentence = 'We move the orders database from MySQL to PostgreSQL 17.';
    repo.write(rel, fillSection(repo.read(rel), 'Overview', `${sentence} Reviewers decide whether the migration starts in Q1.`));
    repo.git('commit', '-q', '-am', 'test: write the overview');
    const r = await repo.run(['rfc-status', 'RFC-0001']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.stdout;
    expect(out.split('\n')[0]).toBe('RFC-0001  Adopt PostgreSQL');
    expect(out).toMatch(/^\s+kind\s+RFC$/m);
    expect(out).toMatch(/^\s+status\s+DRAFT$/m);
    expect(out).toMatch(/^\s+author\s+Test Author$/m);
    expect(out).toMatch(new RegExp(`^\\s+created\\s+${DATE}$`, 'm'));
    expect(out).toMatch(new RegExp(`^\\s+last updated\\s+${DATE}$`, 'm'));
    expect(out).toMatch(new RegExp(`^\\s+file\\s+${rel}$`, 'm'));
    expect(out).toMatch(/^\s+reviewers\s+Alice Chen \(pending\), Bob Li \(approved\)$/m);
    expect(out).toMatch(/^\s+overview\s+We move the orders database from MySQL to PostgreSQL 17\./m);
    expect(out).not.toContain('[One-paragraph summary');
    expect(out).toMatch(/^\s+REVIEW\s+archdoc rfc-status RFC-0001 --set REVIEW$/m);
    expect(out).toMatch(/^\s+ABANDONED\s+archdoc rfc-status RFC-0001 --set ABANDONED$/m);
    expect(out).toMatch(/^\s+SUPERSEDED\s+archdoc rfc-status RFC-0001 --set SUPERSEDED --by RFC-XXXX$/m);
    expect(out).not.toMatch(/--set (APPROVED|IN_PROGRESS|COMPLETED|REJECTED|DRAFT)\b/);

    // A final status says so instead of listing next steps.
    expect((await repo.run(['rfc-status', '1', '--set', 'ABANDONED', '--comment', 'Not now'])).code).toBe(0);
    const fin = await repo.run(['rfc-status', '1']);
    expect(fin.stdout).toMatch(/^\s+status\s+ABANDONED since 2026-11-25$/m);
    expect(fin.stdout).toMatch(/^\s+reason\s+Not now$/m);
    expect(fin.stdout).toMatch(new RegExp(`^\\s+archive date\\s+${DATE}$`, 'm'));
    expect(fin.stdout).toContain('rfcs/archive/2026/abandoned/RFC-0001-adopt-postgresql.md');
    expect(fin.stdout).toContain('ABANDONED is final: no status follows it.');
    expect(fin.stdout).not.toContain('--set');
  });

  it('--reviewer "Bob" adds a pending reviewer, "Bob:approved" updates him: one commit each', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'])).code).toBe(0);
    const rel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    const count = repo.commitCount();

    const add = await repo.run(['rfc-status', 'RFC-0001', '--reviewer', 'Bob']);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('added reviewer Bob (pending)');
    expect(frontmatter(repo.read(rel)).reviewers).toEqual([{ name: 'Bob', status: 'pending' }]);
    expect(repo.commitCount()).toBe(count + 1);
    expect(headSubject(repo)).toBe('docs(rfc): RFC-0001 added reviewer Bob (pending)');
    expect(headChanges(repo)).toEqual([`M\t${rel}`]);

    const upd = await repo.run(['rfc-status', 'RFC-0001', '--reviewer', 'Bob:approved']);
    expect(upd.code, upd.stderr).toBe(0);
    expect(upd.stdout).toContain('reviewer Bob: pending → approved');
    expect(frontmatter(repo.read(rel)).reviewers).toMatchObject([{ name: 'Bob', status: 'approved', approved_on: DATE }]);
    expect(repo.commitCount()).toBe(count + 2);
    expect(headSubject(repo)).toBe('docs(rfc): RFC-0001 reviewer Bob: pending → approved');
    expect(headChanges(repo)).toEqual([`M\t${rel}`]);

    // The same again changes nothing and commits nothing.
    const before = repo.read(rel);
    const same = await repo.run(['rfc-status', 'RFC-0001', '--reviewer', 'bob:approved']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('Nothing to change.');
    expect(repo.read(rel)).toBe(before);
    expect(repo.commitCount()).toBe(count + 2);

    // A status that is not a reviewer status is a usage error.
    const bad = await repo.run(['rfc-status', 'RFC-0001', '--reviewer', 'Bob:lgtm']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"lgtm" is not a reviewer status');
    expect(repo.read(rel)).toBe(before);
    expect(repo.commitCount()).toBe(count + 2);
    // Still in DRAFT: reviewers do not move the file.
    expect(repo.files('rfcs')).toEqual([rel]);
  });

  it('SUPERSEDED needs --by an existing RFC, links both ways in one commit, archives and records history', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    expect((await repo.run(['create-rfc', 'Adopt CockroachDB', '--yes'])).code).toBe(0);
    const oldRel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    const newRel = 'rfcs/draft/RFC-0002-adopt-cockroachdb.md';
    const oldText = repo.read(oldRel);
    const newText = repo.read(newRel);
    const count = repo.commitCount();
    const unchanged = () => {
      expect(repo.read(oldRel)).toBe(oldText);
      expect(repo.read(newRel)).toBe(newText);
      expect(repo.commitCount()).toBe(count);
      expect(porcelain(repo)).toEqual([]);
    };

    const noBy = await repo.run(['rfc-status', 'RFC-0001', '--set', 'SUPERSEDED']);
    expect(noBy.code).toBe(1);
    expect(noBy.stderr).toContain('SUPERSEDED needs the replacing RFC: add --by RFC-XXXX');
    expect(hasStackTrace(noBy.stderr)).toBe(false);
    unchanged();

    const missing = await repo.run(['rfc-status', 'RFC-0001', '--set', 'SUPERSEDED', '--by', 'RFC-0099']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--by RFC-0099: no such RFC');
    unchanged();

    const self = await repo.run(['rfc-status', 'RFC-0001', '--set', 'SUPERSEDED', '--by', '1']);
    expect(self.code).toBe(1);
    expect(self.stderr).toContain('a document cannot replace itself');
    unchanged();

    const r = await repo.run(['rfc-status', 'RFC-0001', '--set', 'superseded', '--by', '2', '--comment', 'CockroachDB covers multi-region']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/by\s+RFC-0002 \(supersedes RFC-0001\)/);
    const archived = 'rfcs/archive/2026/superseded/RFC-0001-adopt-postgresql.md';
    expect(repo.exists(oldRel)).toBe(false);
    const old = frontmatter(repo.read(archived));
    expect(old.status).toBe('SUPERSEDED');
    expect(old.superseded_by).toBe('RFC-0002');
    expect(old.archive_date).toBe(DATE);
    expect(old.archive_reason).toBe('CockroachDB covers multi-region');
    expect(old.history).toEqual([{ status: 'SUPERSEDED', date: DATE, by: 'Test Author', comment: 'CockroachDB covers multi-region' }]);
    const successor = frontmatter(repo.read(newRel));
    expect(successor.supersedes).toBe('RFC-0001');
    expect(successor.status).toBe('DRAFT');

    // One commit holding both files.
    expect(repo.commitCount()).toBe(count + 1);
    expect(headSubject(repo)).toBe('docs(rfc): RFC-0001 DRAFT → SUPERSEDED');
    const changes = headChanges(repo).sort();
    expect(changes).toHaveLength(2);
    expect(changes[0]).toBe(`M\t${newRel}`);
    expect(changes[1]).toMatch(new RegExp(`^R\\d+\\t${oldRel}\\t${archived}$`));
    expect(porcelain(repo)).toEqual([]);

    // The successor's view shows the link back.
    const view = await repo.run(['rfc-status', '2']);
    expect(view.stdout).toMatch(/supersedes\s+RFC-0001\s+Adopt PostgreSQL \(SUPERSEDED\)/);
  });

  it('--set REVIEW --comment appends to history and updates last_updated', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--reviewer', 'Bob', '--yes'])).code).toBe(0);
    const rel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    writeIt(repo, rel, 'rfc');
    // Pretend it was written weeks ago, with a history already.
    const text = repo
      .read(rel)
      .replace('last_updated: 2026-11-25', 'last_updated: 2026-10-01')
      .replace('related_rfcs: []\n', 'related_rfcs: []\nhistory:\n  - status: DRAFT\n    date: 2026-09-30\n    comment: Started\n');
    repo.write(rel, text);
    repo.git('commit', '-q', '-am', 'test: backdate');
    expect(frontmatter(repo.read(rel)).last_updated).toBe('2026-10-01');

    const r = await repo.run(['rfc-status', 'RFC-0001', '--set', 'REVIEW', '--comment', 'Ready']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/status\s+DRAFT → REVIEW/);
    expect(r.stdout).toContain('moved   rfcs/draft/RFC-0001-adopt-postgresql.md → rfcs/review/RFC-0001-adopt-postgresql.md');
    const after = repo.read('rfcs/review/RFC-0001-adopt-postgresql.md');
    const fm = frontmatter(after);
    expect(fm.status).toBe('REVIEW');
    expect(fm.last_updated).toBe(DATE);
    expect(fm.created).toBe(DATE);
    const history = fm.history as unknown[];
    expect(history).toHaveLength(2);
    expect(history[0]).toEqual({ status: 'DRAFT', date: '2026-09-30', comment: 'Started' });
    expect(history.at(-1)).toEqual({ status: 'REVIEW', date: DATE, by: 'Test Author', comment: 'Ready' });
    // Surgical edit: the rest of the file is as it was.
    expect(
      after
        .replace('status: REVIEW', 'status: DRAFT')
        .replace(`last_updated: ${DATE}`, 'last_updated: 2026-10-01')
        .replace(/\n {2}- status: REVIEW\n {4}date: 2026-11-25\n {4}by: Test Author\n {4}comment: Ready/, ''),
    ).toBe(text);
    expect(headSubject(repo)).toBe('docs(rfc): RFC-0001 DRAFT → REVIEW');

    // --comment without --set is a usage error.
    const lone = await repo.run(['rfc-status', 'RFC-0001', '--comment', 'hello']);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toContain('--by and --comment go with --set STATUS');
  });
});
