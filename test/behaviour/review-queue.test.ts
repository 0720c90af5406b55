/**
 * What waits on me: `list --reviewer <name|me>` shows the documents a reviewer has not given a
 * verdict on yet, oldest wait first, with the summary counting what it shows; the CSV carries
 * reviewers and links.
 */
import { describe, expect, it } from 'vitest';
import { makeRepo, type Repo } from '../helpers.js';
import { FOLDER, rfcText } from './rfc-fixtures.js';

function repoWithReviews(): Repo {
  const repo = makeRepo();
  const rfc = (
    n: number,
    status: keyof typeof FOLDER,
    since: string,
    reviewers: Array<{ name: string; status: string }>,
    extra: Record<string, unknown> = {},
  ) => {
    const id = `RFC-000${n}`;
    repo.write(
      `${FOLDER[status]}/${id}-case-${n}.md`,
      rfcText({ id, title: `Case ${n}`, status, reviewers, extra: { history: [{ status, date: since }], ...extra } }),
    );
  };
  rfc(1, 'REVIEW', '2026-11-20', [{ name: 'Test Author', status: 'pending' }]);
  rfc(2, 'REVIEW', '2026-11-02', [
    { name: 'Test Author', status: 'in-progress' },
    { name: 'Bob Li', status: 'approved' },
  ]);
  rfc(3, 'REVIEW', '2026-11-10', [{ name: 'Test Author', status: 'approved' }]);
  rfc(4, 'APPROVED', '2026-11-01', [
    { name: 'Bob Li', status: 'approved' },
    { name: 'Test Author', status: 'pending' },
  ]);
  rfc(5, 'REVIEW', '2026-10-01', [{ name: 'Alice Chen', status: 'pending' }], { related_rfcs: ['RFC-0001'] });
  // A first draft waits on its author, not on the reviewer named for later.
  rfc(6, 'DRAFT', '2026-09-01', [{ name: 'Alice Chen', status: 'pending' }]);
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'seed');
  return repo;
}

describe('list --reviewer', () => {
  it('me: what waits on my verdict, oldest first, the summary counting it', async () => {
    const repo = repoWithReviews();
    const r = await repo.run(['list', '--reviewer', 'me']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^RFC-\d{4}\s/.test(l));
    // RFC-0003 has my approval, RFC-0004 is approved already, RFC-0005 waits on someone else.
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(['RFC-0002', 'RFC-0001']);
    expect(r.stdout.split('\n')[0]).toBe('RFCs (2): REVIEW 2');
    // `me` is the whole name: "Author" alone is part of it, and matches as a name given by hand.
    expect((await repo.run(['list', '--reviewer', 'author', '--json'])).stdout).toContain('RFC-0002');
    expect((await repo.run(['list', '--reviewer', 'Nobody'])).stdout).toBe('Nothing waits on Nobody.\n');
    const named = await repo.run(['list-rfcs', '--reviewer', 'alice', '--json']);
    expect(JSON.parse(named.stdout).documents.map((d: { id: string }) => d.id)).toEqual(['RFC-0005']);
  });

  it('me without a git user.name is a usage error', async () => {
    const repo = makeRepo({ git: false });
    const r = await repo.run(['list', '--reviewer', 'me']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--reviewer me');
  });
});

describe('list --format csv', () => {
  it('carries reviewers and links', async () => {
    const repo = repoWithReviews();
    const r = await repo.run(['list-rfcs', '--format', 'csv', '--all']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('id,kind,title,status,author,created,last_updated,path,reviewers,links');
    expect(lines).toContain(
      'RFC-0002,rfc,Case 2,REVIEW,Hand Writer,2026-01-10,2026-01-12,rfcs/review/RFC-0002-case-2.md,Test Author (in-progress); Bob Li (approved),',
    );
    expect(lines).toContain(
      'RFC-0005,rfc,Case 5,REVIEW,Hand Writer,2026-01-10,2026-01-12,rfcs/review/RFC-0005-case-5.md,Alice Chen (pending),related_rfcs: RFC-0001',
    );
  });
});
