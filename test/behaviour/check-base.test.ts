/**
 * `check --base <ref>`: a pull request's gate. On a branch made from main, hand edits that jump
 * DRAFT → APPROVED, rename an id, delete a document or reuse an id are errors; old debt on main
 * that the branch does not touch does not block it; an approved decision edited in place warns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, type Repo } from '../helpers.js';
import { FOLDER, rfcText } from './rfc-fixtures.js';

const at = (status: keyof typeof FOLDER, n: number) => `${FOLDER[status]}/RFC-000${n}-case-${n}.md`;

/** main: RFC-0001 DRAFT, RFC-0002 APPROVED, RFC-0003 DRAFT, RFC-0004 REVIEW with old debt (no reviewer); then a branch. */
function branchFromMain(): Repo {
  const repo = makeRepo();
  const approvedBy = [{ name: 'Alice Chen', status: 'approved' }];
  repo.write(at('DRAFT', 1), rfcText({ id: 'RFC-0001', title: 'Case 1', status: 'DRAFT', extra: { history: [{ status: 'DRAFT', date: '2026-11-20' }] } }));
  repo.write(
    at('APPROVED', 2),
    rfcText({ id: 'RFC-0002', title: 'Case 2', status: 'APPROVED', reviewers: approvedBy, extra: { history: [{ status: 'APPROVED', date: '2026-11-20' }] } }),
  );
  repo.write(at('DRAFT', 3), rfcText({ id: 'RFC-0003', title: 'Case 3', status: 'DRAFT', extra: { history: [{ status: 'DRAFT', date: '2026-11-20' }] } }));
  repo.write(
    at('REVIEW', 4),
    rfcText({ id: 'RFC-0004', title: 'Case 4', status: 'REVIEW', reviewers: [], extra: { history: [{ status: 'REVIEW', date: '2026-11-20' }] } }),
  );
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'main');
  repo.git('checkout', '-qb', 'topic');
  return repo;
}

describe('check --base', () => {
  it('a branch that changes nothing passes, whatever debt main has', async () => {
    const repo = branchFromMain();
    expect((await repo.run(['check'])).code).toBe(1); // RFC-0004 has no reviewer: old debt
    const r = await repo.run(['check', '--base', 'main']);
    expect(r.stdout).toBe('No problems in 0 documents.\n');
    expect(r.code).toBe(0);
  });

  it('refuses a DRAFT → APPROVED jump, a renamed id, a deleted document and a reused id, and warns of an approved decision edited', async () => {
    const repo = branchFromMain();
    // DRAFT → APPROVED by hand, with an approval, in its folder: every rule of APPROVED holds, the step does not.
    const jumped = at('APPROVED', 1);
    repo.git('mv', at('DRAFT', 1), jumped);
    repo.write(
      jumped,
      repo
        .read(jumped)
        .replace('status: DRAFT', 'status: APPROVED')
        .replace(/reviewers:\n(.*\n)*?(?=created)/, 'reviewers:\n  - name: Alice Chen\n    status: approved\n'),
    );
    // RFC-0003 renamed to RFC-0009; RFC-0002 edited in place; RFC-0004 deleted; a new file reusing RFC-0002.
    repo.write(at('DRAFT', 3), repo.read(at('DRAFT', 3)).replace('rfc_id: RFC-0003', 'rfc_id: RFC-0009'));
    repo.write(at('APPROVED', 2), repo.read(at('APPROVED', 2)).replace('Option 1, accepting', 'Option 2, accepting'));
    fs.rmSync(path.join(repo.dir, at('REVIEW', 4)));
    repo.write('rfcs/draft/RFC-0002-again.md', '---\nrfc_id: RFC-0002\ntitle: Again\nstatus: DRAFT\n---\n\n# RFC-0002: Again\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'topic');

    const r = await repo.run(['check', '--base', 'main']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const has = (pathPart: string, rule: string, says: string) =>
      expect(
        lines.some((l) => l.startsWith(pathPart) && l.includes(` ${rule}: `) && l.includes(says)),
        `${pathPart} ${rule} ${says}\n${r.stdout}`,
      ).toBe(true);
    has(jumped, 'error range-workflow', 'DRAFT → APPROVED since main is not a transition');
    has(at('DRAFT', 3), 'error range-identity', 'id changed from RFC-0003 to RFC-0009');
    has(at('REVIEW', 4), 'error range-identity', 'RFC-0004 was deleted since main');
    has('rfcs/draft/RFC-0002-again.md', 'error range-identity', 'RFC-0002 was already used at main');
    has(at('APPROVED', 2), 'warning range-edited', 'decision edited after approval');
    // The renamed file's number no longer matches its id either: that is per-document, and touched.
    has(at('DRAFT', 3), 'error id-mismatch', 'RFC-0009');
  });

  it('accepts steps taken with archdoc, one allowed transition at a time', async () => {
    const repo = branchFromMain();
    expect((await repo.run(['rfc-status', '1', '--reviewer', 'Bob Li', '--set', 'REVIEW'])).code).toBe(0);
    expect((await repo.run(['rfc-status', '1', '--reviewer', 'Bob Li:approved', '--set', 'APPROVED'])).code).toBe(0);
    const r = await repo.run(['check', '--base', 'main']);
    expect(r.stdout).toBe('No problems in 1 document.\n');
    expect(r.code).toBe(0);
  });

  it('refuses a new document that takes an id main gave another document after the branch left it', async () => {
    const repo = branchFromMain();
    // main moves on: RFC-0005 "Adopt Kafka" lands there after the branch was made.
    repo.git('checkout', '-q', 'main');
    repo.write(`${FOLDER.DRAFT}/RFC-0005-adopt-kafka.md`, rfcText({ id: 'RFC-0005', title: 'Adopt Kafka', status: 'DRAFT' }));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'RFC-0005 on main');
    repo.git('checkout', '-q', 'topic');
    // The branch adds its own RFC-0005, written by hand: the merge would hold two.
    const mine = `${FOLDER.DRAFT}/RFC-0005-split-orders.md`;
    repo.write(mine, rfcText({ id: 'RFC-0005', title: 'Split orders', status: 'DRAFT' }));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'RFC-0005 on topic');
    const r = await repo.run(['check', '--base', 'main']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `${mine}:2:1: error range-identity: RFC-0005 is already the id of "Adopt Kafka" on main (${FOLDER.DRAFT}/RFC-0005-adopt-kafka.md); give this one a new number before merging: archdoc renumber ${mine}`,
    );
    // Renumbered, the branch passes.
    expect((await repo.run(['renumber', mine])).code).toBe(0);
    const after = await repo.run(['check', '--base', 'main']);
    expect(after.stdout).not.toContain('range-identity');
  });

  it('an unknown ref is a usage error (exit 2)', async () => {
    const repo = branchFromMain();
    const r = await repo.run(['check', '--base', 'no-such-branch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base no-such-branch');
  });
});
