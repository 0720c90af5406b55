/**
 * Approvals people can trust: the author's own approval does not count, a declined review blocks,
 * reviews start again when an RFC returns to DRAFT, `approvals.min` asks for more than one, and
 * `check` holds a status set by hand to the same rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, type Repo } from '../helpers.js';
import { FOLDER, frontmatter, porcelain, rfcText, writeIt } from './rfc-fixtures.js';

const REVIEW = `${FOLDER.REVIEW}/RFC-0001-orders.md`;

/** RFC-0001 in REVIEW, written, by Hand Writer, with these reviewers; committed. */
function inReview(reviewers: Array<{ name: string; status: string }>, config?: string): Repo {
  const repo = makeRepo();
  if (config) repo.write('.archdoc.yml', config);
  repo.write(REVIEW, rfcText({ id: 'RFC-0001', title: 'Orders', status: 'REVIEW', reviewers, extra: { history: [{ status: 'REVIEW', date: '2026-11-20' }] } }));
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'seed');
  return repo;
}

/** `--set APPROVED` is refused with `message`, nothing changes; the same change by hand is an error for check. */
async function refusedEverywhere(repo: Repo, message: string): Promise<void> {
  const before = repo.read(REVIEW);
  const r = await repo.run(['rfc-status', '1', '--set', 'APPROVED']);
  expect(r.code, r.stderr).toBe(1);
  expect(r.stderr).toContain(message);
  expect(repo.read(REVIEW)).toBe(before);
  expect(porcelain(repo)).toEqual([]);
  // By hand: the status and the folder, as archdoc would have written them.
  const approved = `${FOLDER.APPROVED}/RFC-0001-orders.md`;
  fs.rmSync(path.join(repo.dir, REVIEW));
  repo.write(
    approved,
    before.replace('status: REVIEW', 'status: APPROVED').replace(/history:\n(.*\n)*?(?=\w)/, (h) => `${h}  - status: APPROVED\n    date: 2026-11-25\n`),
  );
  const check = await repo.run(['check']);
  expect(check.code, check.stdout).toBe(1);
  expect(check.stdout).toContain(`${approved}:`);
  expect(check.stdout).toContain('error workflow-guard: ');
  expect(check.stdout).toContain(message);
}

describe('approvals', () => {
  it("the author's own approval does not count", async () => {
    const repo = inReview([{ name: 'Hand Writer', status: 'approved' }]);
    await refusedEverywhere(repo, "no reviewers; the author's own approval does not count");
  });

  it('a declined review blocks approval, even beside an approval', async () => {
    const repo = inReview([
      { name: 'Alice Chen', status: 'approved' },
      { name: 'Bob Li', status: 'declined' },
    ]);
    await refusedEverywhere(repo, 'Bob Li declined; a declined review blocks APPROVED');
  });

  it('approvals.min asks for more approvals; exclude_author and declined_blocks can be turned off', async () => {
    const two = inReview([{ name: 'Alice Chen', status: 'approved' }], 'kinds:\n  rfc:\n    approvals: { min: 2 }\n');
    await refusedEverywhere(two, 'APPROVED needs 2 approvals; 1 so far');

    const lenient = inReview(
      [
        { name: 'Hand Writer', status: 'approved' },
        { name: 'Bob Li', status: 'declined' },
      ],
      'kinds:\n  rfc:\n    approvals: { exclude_author: false, declined_blocks: false }\n',
    );
    const r = await lenient.run(['rfc-status', '1', '--set', 'APPROVED']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: reviewer Bob Li has not approved (declined)');
    expect((await lenient.run(['check'])).code).toBe(0);
  });

  it('returning to DRAFT sets every review back to pending, in the same commit', async () => {
    const repo = inReview([
      { name: 'Alice Chen', status: 'approved' },
      { name: 'Bob Li', status: 'declined' },
    ]);
    const r = await repo.run(['rfc-status', '1', '--set', 'DRAFT', '--comment', 'Major rework']);
    expect(r.code, r.stderr).toBe(0);
    const draft = frontmatter(repo.read(`${FOLDER.DRAFT}/RFC-0001-orders.md`));
    expect(draft.reviewers).toEqual([
      { name: 'Alice Chen', status: 'pending' },
      { name: 'Bob Li', status: 'pending' },
    ]);
    expect(porcelain(repo)).toEqual([]);
    // Back in review, the old approval is gone: APPROVED needs a new one.
    expect((await repo.run(['rfc-status', '1', '--set', 'REVIEW'])).code).toBe(0);
    const again = await repo.run(['rfc-status', '1', '--set', 'APPROVED']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no reviewer has approved yet (Alice Chen: pending, Bob Li: pending)');
  });

  it('reset_on_draft: false keeps the reviews', async () => {
    const repo = inReview([{ name: 'Alice Chen', status: 'approved' }], 'kinds:\n  rfc:\n    approvals: { reset_on_draft: false }\n');
    expect((await repo.run(['rfc-status', '1', '--set', 'DRAFT'])).code).toBe(0);
    expect(frontmatter(repo.read(`${FOLDER.DRAFT}/RFC-0001-orders.md`)).reviewers).toEqual([{ name: 'Alice Chen', status: 'approved' }]);
  });

  it('an unknown approvals setting is a configuration error (exit 2)', async () => {
    const repo = inReview([], 'kinds:\n  rfc:\n    approvals: { minimum: 2 }\n');
    const r = await repo.run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('approvals');
  });

  it('tech specs and ADRs accept reviewers, at creation and later; they need no approval by default', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-adr', 'Use Kafka for events', '--reviewer', 'Bo Chen'])).code).toBe(0);
    const adr = repo.find('ADR-0001');
    expect(frontmatter(repo.read(adr)).reviewers).toEqual([{ name: 'Bo Chen', status: 'pending' }]);
    expect((await repo.run(['create-tech-spec', 'Orders API'])).code).toBe(0);
    const r = await repo.run(['tech-spec-status', '1', '--reviewer', 'Dee Park:approved']);
    expect(r.code, r.stderr).toBe(0);
    expect(frontmatter(repo.read(repo.find('TS-0001'))).reviewers).toMatchObject([{ name: 'Dee Park', status: 'approved' }]);
    // Accepted with its reviewer still pending: ADRs ask for no approval unless configured to.
    writeIt(repo, adr, 'adr');
    repo.git('commit', '-qam', 'write ADR-0001');
    expect((await repo.run(['adr-status', '1', '--set', 'ACCEPTED'])).code).toBe(0);
    expect((await repo.run(['check'])).code).toBe(0);
  });
});

describe('approvals, whatever form the lists take', () => {
  const write = (repo: Repo, fields: string) => {
    const text = rfcText({ id: 'RFC-0001', title: 'Orders', status: 'REVIEW', extra: { history: [{ status: 'REVIEW', date: '2026-11-02' }] } });
    repo.write(REVIEW, text.replace(/reviewers:\n( {2}.*\n)+/, fields));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'seed');
  };

  it('returning to DRAFT resets reviews written as `Name: status` maps', async () => {
    const repo = makeRepo();
    write(repo, 'reviewers:\n  - Bob Li: approved\n  - Carol Wu: declined\n');
    expect((await repo.run(['rfc-status', '1', '--set', 'DRAFT'])).code).toBe(0);
    const fm = frontmatter(repo.read(`${FOLDER.DRAFT}/RFC-0001-orders.md`));
    expect(fm.reviewers).toEqual([{ 'Bob Li': 'pending' }, { 'Carol Wu': 'pending' }]);
  });

  it('an author listed among several does not approve alone, and a name listed twice counts once', async () => {
    const self = makeRepo();
    write(self, 'reviewers:\n  - name: Ann Lee\n    status: approved\n');
    self.write(REVIEW, self.read(REVIEW).replace('author: Hand Writer', 'author: [Ann Lee, Hand Writer]'));
    self.git('commit', '-qam', 'two authors');
    await refusedEverywhere(self, "the author's own approval does not count");
    const twice = makeRepo();
    twice.write('.archdoc.yml', 'kinds:\n  rfc:\n    approvals: { min: 2 }\n');
    write(twice, 'reviewers:\n  - Bob Li: approved\n  - bob li: approved\n');
    await refusedEverywhere(twice, 'APPROVED needs 2 approvals; 1 so far');
  });
});

describe('an approval is of the text approved', () => {
  it('records what was approved; a later edit is reported, and does not count for APPROVED until approved again', async () => {
    const repo = inReview([{ name: 'Alice Chen', status: 'pending' }]);
    expect((await repo.run(['rfc-status', '1', '--reviewer', 'Alice Chen:approved'])).code).toBe(0);
    const approved = frontmatter(repo.read(REVIEW)).reviewers as Array<Record<string, string>>;
    expect(approved[0]).toMatchObject({ name: 'Alice Chen', status: 'approved', approved_on: '2026-11-25' });
    expect(approved[0]!.body_hash).toMatch(/^[0-9a-f]{8}$/);
    const clean = await repo.run(['check']);
    expect(clean.stdout).toBe('No problems in 1 document.\n');

    // Edited after the approval: check says so, and APPROVED does not count it.
    repo.write(REVIEW, repo.read(REVIEW).replace('Option 1, accepting', 'Option 2, accepting'));
    repo.git('commit', '-qam', 'change the recommendation');
    const check = await repo.run(['check']);
    expect(check.stdout).toContain(`${REVIEW}:6:1: warning approval-stale: changed since Alice Chen approved on 2026-11-25`);
    const refused = await repo.run(['rfc-status', '1', '--set', 'APPROVED']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Alice Chen approved an earlier text (on 2026-11-25)');

    // Approved again, of the text as it is now.
    const again = await repo.run(['rfc-status', '1', '--reviewer', 'Alice Chen:approved']);
    expect(again.stdout).toContain('reviewer Alice Chen: approved again, of the text as it is now');
    expect((await repo.run(['rfc-status', '1', '--set', 'APPROVED'])).code).toBe(0);
    // Written on once in progress, as planned: no warning.
    const at = `${FOLDER.APPROVED}/RFC-0001-orders.md`;
    expect((await repo.run(['rfc-status', '1', '--set', 'IN_PROGRESS'])).code).toBe(0);
    const now = `${FOLDER.IN_PROGRESS}/RFC-0001-orders.md`;
    expect(repo.exists(at)).toBe(false);
    repo.write(now, `${repo.read(now)}\nMore detail for the team.\n`);
    repo.git('commit', '-qam', 'write on');
    expect((await repo.run(['check'])).stdout).toBe('No problems in 1 document.\n');
  });
});
