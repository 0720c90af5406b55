/**
 * Superseding ADRs: `adr-status --set SUPERSEDED --by ADR-x` and `create-adr --supersedes ADR-x`
 * write the link on both sides in one commit, rewrite the "## Status" section, and `show` derives
 * the relation both ways. Refusals (no --by, an unknown --by) change nothing.
 */
import { describe, expect, it } from 'vitest';
import { DATE, hasStackTrace, makeRepo, type Repo, frontmatter, porcelain, headFiles, SLOW, step } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

function statusSection(text: string): string {
  const m = /\n## Status\n([\s\S]*?)(?=\n## |$)/.exec(text);
  if (!m) throw new Error('no ## Status section');
  return m[1]!.trim();
}

const ADR1 = 'docs/adr/ADR-0001-store-orders-in-postgresql.md';
const ADR2 = 'docs/adr/ADR-0002-publish-events-to-kafka.md';
const ADR3 = 'docs/adr/ADR-0003-event-sourced-orders.md';

/** ADR-0001 accepted; ADR-0002 and ADR-0003 proposed. */
async function threeAdrs(): Promise<Repo> {
  const repo = makeRepo();
  await step(repo, ['create-adr', 'Store orders in PostgreSQL'], 'docs(adr): create ADR-0001 Store orders in PostgreSQL');
  // Written by hand (check's rules want an accepted ADR written), then accepted.
  writeIt(repo, ADR1, 'adr');
  repo.git('commit', '-q', '-am', 'test: write ADR-0001');
  await step(repo, ['adr-status', 'ADR-0001', '--set', 'ACCEPTED'], 'docs(adr): ADR-0001 PROPOSED → ACCEPTED');
  await step(repo, ['create-adr', 'Publish events to Kafka'], 'docs(adr): create ADR-0002 Publish events to Kafka');
  await step(repo, ['create-adr', 'Event-sourced orders'], 'docs(adr): create ADR-0003 Event-sourced orders');
  writeIt(repo, ADR2, 'adr');
  writeIt(repo, ADR3, 'adr');
  repo.git('commit', '-q', '-am', 'test: write ADR-0002 and ADR-0003');
  expect(repo.files('docs/adr')).toEqual([ADR1, ADR2, ADR3]);
  expect(statusSection(repo.read(ADR1))).toBe('ACCEPTED');
  return repo;
}

describe('adr-status --set SUPERSEDED', SLOW, () => {
  it('needs --by naming an existing ADR; then links both ADRs in one commit', async () => {
    const repo = await threeAdrs();
    const snapshot = () => [ADR1, ADR2, ADR3].map((p) => repo.read(p));
    const before = snapshot();
    const count = repo.commitCount();

    const noBy = await repo.run(['adr-status', 'ADR-0001', '--set', 'SUPERSEDED']);
    expect(noBy.code, noBy.stderr).toBe(1);
    expect(hasStackTrace(noBy.stderr)).toBe(false);
    expect(noBy.stderr).toContain('error: ADR-0001 cannot go from ACCEPTED to SUPERSEDED: SUPERSEDED needs the replacing ADR: add --by ADR-XXXX');
    expect(noBy.stdout).toBe('');
    expect(snapshot()).toEqual(before);
    expect(repo.commitCount()).toBe(count);

    const unknown = await repo.run(['adr-status', 'ADR-0001', '--set', 'SUPERSEDED', '--by', 'ADR-0099']);
    expect(unknown.code, unknown.stderr).toBe(1);
    expect(hasStackTrace(unknown.stderr)).toBe(false);
    expect(unknown.stderr).toContain('ADR-0099');
    expect(unknown.stderr).toContain('--by ADR-0099: no such ADR');
    expect(snapshot()).toEqual(before);
    expect(repo.commitCount()).toBe(count);
    expect(porcelain(repo)).toEqual([]);

    // An ADR cannot replace itself.
    const self = await repo.run(['adr-status', 'ADR-0001', '--set', 'SUPERSEDED', '--by', 'ADR-0001']);
    expect(self.code, self.stderr).toBe(1);
    expect(self.stderr).toContain('a document cannot replace itself');
    expect(snapshot()).toEqual(before);

    const ok = await step(repo, ['adr-status', 'ADR-0001', '--set', 'superseded', '--by', '3'], 'docs(adr): ADR-0001 ACCEPTED → SUPERSEDED');
    expect(ok.stdout).toContain('ADR-0003 (supersedes ADR-0001)');
    // Both sides of the link, in the one commit.
    expect(headFiles(repo)).toEqual([ADR1, ADR3]);
    expect(repo.files('docs/adr')).toEqual([ADR1, ADR2, ADR3]);
    const old = repo.read(ADR1);
    const fm1 = frontmatter(old);
    expect(fm1).toMatchObject({ adr_id: 'ADR-0001', status: 'SUPERSEDED', superseded_by: 'ADR-0003', last_updated: DATE });
    expect((fm1.history as unknown[]).at(-1)).toEqual({ status: 'SUPERSEDED', date: DATE, by: 'Test Author' });
    expect(statusSection(old)).toMatch(/^SUPERSEDED/);
    expect(statusSection(old)).toBe('SUPERSEDED (superseded by ADR-0003)');
    const fm3 = frontmatter(repo.read(ADR3));
    expect(fm3).toMatchObject({ adr_id: 'ADR-0003', status: 'PROPOSED', supersedes: 'ADR-0001' });
    // The successor's own status section is untouched; ADR-0002 is untouched.
    expect(statusSection(repo.read(ADR3))).toBe('PROPOSED');
    expect(repo.read(ADR2)).toBe(before[1]);

    const show3 = await repo.run(['show', 'ADR-0003']);
    expect(show3.code, show3.stderr).toBe(0);
    expect(show3.stdout).toMatch(/^\s+supersedes\s+ADR-0001\s+Store orders in PostgreSQL \(SUPERSEDED\)$/m);
    const show1 = await repo.run(['show', 'ADR-0001']);
    expect(show1.code, show1.stderr).toBe(0);
    expect(show1.stdout).toMatch(/^\s+superseded by\s+ADR-0003\s+Event-sourced orders \(PROPOSED\)$/m);
    expect(show1.stdout).toContain('SUPERSEDED is final: no status follows it.');

    // SUPERSEDED is final.
    const again = await repo.run(['adr-status', 'ADR-0001', '--set', 'ACCEPTED']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('SUPERSEDED is final: no status follows it.');
  });

  it('refuses --by naming a document of another kind (usage error, exit 2)', async () => {
    const repo = await threeAdrs();
    await step(repo, ['create-rfc', 'Orders storage'], 'docs(rfc): create RFC-0001 Orders storage');
    const before = repo.read(ADR1);
    const count = repo.commitCount();
    const r = await repo.run(['adr-status', 'ADR-0001', '--set', 'SUPERSEDED', '--by', 'RFC-0001']);
    expect(r.code, r.stderr).toBe(2);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toMatch(/^error: "RFC-0001" is not an? ADR id; ADR ids look like ADR-0001$/m);
    expect(repo.read(ADR1)).toBe(before);
    expect(repo.commitCount()).toBe(count);
  });
});

describe('create-adr --supersedes', SLOW, () => {
  it('creates the successor and marks the accepted predecessor SUPERSEDED in one commit', async () => {
    const repo = await threeAdrs();
    await step(repo, ['adr-status', '2', '--set', 'accepted'], 'docs(adr): ADR-0002 PROPOSED → ACCEPTED');
    const adr3 = repo.read(ADR3);
    const r = await step(repo, ['create-adr', 'New approach', '--supersedes', 'ADR-0002'], 'docs(adr): create ADR-0004 New approach, superseding ADR-0002');
    const ADR4 = 'docs/adr/ADR-0004-new-approach.md';
    expect(r.stdout).toContain('Created ADR-0004 New approach');
    expect(r.stdout).toMatch(/supersedes ADR-0002 \(now SUPERSEDED\)/);
    expect(repo.git('show', '--name-status', '--format=', 'HEAD').split('\n').sort()).toEqual([`A\t${ADR4}`, `M\t${ADR2}`]);

    const fm4 = frontmatter(repo.read(ADR4));
    expect(fm4).toMatchObject({ adr_id: 'ADR-0004', title: 'New approach', status: 'PROPOSED', supersedes: 'ADR-0002' });
    expect(fm4.superseded_by ?? null).toBeNull();
    expect(statusSection(repo.read(ADR4))).toBe('PROPOSED');

    const old = repo.read(ADR2);
    expect(frontmatter(old)).toMatchObject({ status: 'SUPERSEDED', superseded_by: 'ADR-0004', last_updated: DATE });
    expect(statusSection(old)).toBe('SUPERSEDED (superseded by ADR-0004)');
    expect(repo.read(ADR3)).toBe(adr3);

    const show = await repo.run(['show', 'ADR-0004']);
    expect(show.stdout).toMatch(/supersedes\s+ADR-0002\s+Publish events to Kafka \(SUPERSEDED\)/);
  });

  it('says so when the ADR it supersedes was never committed: the commit adds that file whole', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-adr', 'Store orders in PostgreSQL', '--no-commit'])).code).toBe(0);
    writeIt(repo, ADR1, 'adr');
    expect((await repo.run(['adr-status', 'ADR-0001', '--set', 'ACCEPTED', '--no-commit'])).code).toBe(0);
    const r = await step(repo, ['create-adr', 'New approach', '--supersedes', 'ADR-0001'], 'docs(adr): create ADR-0002 New approach, superseding ADR-0001');
    expect(r.stderr).toBe(`note: git did not know ${ADR1} yet, so this commit adds the whole file, with what is written in it.\n`);
    expect(headFiles(repo)).toEqual([ADR1, 'docs/adr/ADR-0002-new-approach.md']);
  });

  it('refuses to supersede an ADR that is not ACCEPTED: nothing created, nothing committed', async () => {
    const repo = await threeAdrs();
    const count = repo.commitCount();
    const adr2 = repo.read(ADR2);
    const r = await repo.run(['create-adr', 'Another approach', '--supersedes', 'ADR-0002']);
    expect(r.code, r.stderr).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain('ADR-0002 cannot go from PROPOSED to SUPERSEDED');
    expect(repo.files('docs/adr')).toEqual([ADR1, ADR2, ADR3]);
    expect(repo.read(ADR2)).toBe(adr2);
    expect(repo.commitCount()).toBe(count);
    expect(porcelain(repo)).toEqual([]);

    const missing = await repo.run(['create-adr', 'Another approach', '--supersedes', 'ADR-0042']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('ADR-0042');
    expect(repo.files('docs/adr')).toEqual([ADR1, ADR2, ADR3]);
    expect(repo.commitCount()).toBe(count);
  });
});
