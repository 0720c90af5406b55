import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers.js';
import { rfcText, writtenBody } from './rfc-fixtures.js';

const HAND_WRITTEN = [
  '---',
  '# Written by hand before archdoc was adopted',
  'rfc_id: RFC-0001',
  'title: "Adopt PostgreSQL: the orders database"  # keep the colon',
  'status: DRAFT',
  'author: Jane Doe',
  'reviewers: [{name: Alice Chen, status: approved}, {name: Bob Smith, status: pending}]',
  'created: 2024-03-01',
  "last_updated: '2024-03-02'",
  'related_rfcs: [RFC-0002, RFC-0003]',
  'team_owner: payments   # unknown to archdoc',
  'cost_estimate: {low: 10, high: 20}',
  '---',
  '',
  ...writtenBody('rfc', 'RFC-0001', 'Adopt PostgreSQL').split('\n'),
  'Body text with trailing spaces   ',
  '',
].join('\r\n');

describe('byte-exact editing of a hand-written RFC', () => {
  it('--set REVIEW changes only status, last_updated and history', async () => {
    const repo = makeRepo();
    repo.write('rfcs/draft/RFC-0001-adopt-postgresql.md', HAND_WRITTEN);
    // The RFCs it relates to exist: the change is judged by check's rules, links included.
    for (const id of ['RFC-0002', 'RFC-0003']) repo.write(`rfcs/draft/${id}-related.md`, rfcText({ id, title: 'Related', status: 'DRAFT' }));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'hand-written RFC');

    const r = await repo.run(['rfc-status', 'RFC-0001', '--set', 'REVIEW']);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.code).toBe(0);
    const after = repo.read('rfcs/review/RFC-0001-adopt-postgresql.md');
    const before = HAND_WRITTEN.split('\r\n');
    const lines = after.split('\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n'); // CRLF kept everywhere

    const changed = lines.filter((l) => !before.includes(l));
    const removed = before.filter((l) => !lines.includes(l));
    expect(removed).toEqual(['status: DRAFT', "last_updated: '2024-03-02'"]);
    expect(changed).toEqual(['status: REVIEW', "last_updated: '2026-11-25'", 'history:', '  - status: REVIEW', '    date: 2026-11-25', '    by: Test Author']);
    // Order and everything else identical: dropping the changed lines gives the original back.
    const strip = (ls: string[]) => ls.filter((l) => !/^(status|last_updated|history):|^ {2}- status|^ {4}(date|by)/.test(l));
    expect(strip(lines)).toEqual(strip(before));
    expect(repo.log()[0]).toBe('docs(rfc): RFC-0001 DRAFT → REVIEW');
  });
});
