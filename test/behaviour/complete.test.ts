/**
 * `archdoc __complete`, which the completion scripts ask on each Tab (src/commands/complete.ts):
 * ids from file names, the statuses a document may move to next, the configured kinds; hidden from
 * help and from the commands completed; silent, with exit 0, outside a repository and on a broken
 * configuration. The scripts themselves run in a real shell: test/e2e/completion.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { bashScript } from '../../src/commands/completion.js';
import { buildProgram } from '../../src/entry/cli.js';
import { makeRepo, type Repo, tempDir } from '../helpers.js';
import { testSystem } from '../env.js';

const PRD_KIND = `  prd:
    label: PRD
    prefix: PRD
    folder: product/prds
    statuses:
      DRAFT: { folder: draft }
      SHIPPED: { folder: shipped }
      DROPPED: { folder: dropped, archived: true }
    initial: DRAFT
    transitions:
      DRAFT: [SHIPPED, DROPPED]
`;

/** RFC-0001 in DRAFT, RFC-0002 in REVIEW, RFC-0003 REJECTED, ADR-0001, TS-0001, PRD-0001; a README among the RFCs. */
async function repoWithDocuments(): Promise<Repo> {
  const repo = makeRepo();
  repo.write('.archdoc.yml', repo.read('.archdoc.yml').replace(/^kinds:\n/m, `kinds:\n${PRD_KIND}`));
  repo.git('commit', '-qam', 'a PRD kind');
  for (const args of [
    ['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice Chen'],
    ['create-rfc', '認証方式の選定', '--reviewer', 'Alice Chen'],
    ['create-rfc', 'Retire the monolith'],
    ['create-adr', 'Log in JSON lines'],
    ['create-tech-spec', 'Orders service'],
    ['create', 'prd', 'Checkout revamp'],
  ]) {
    const r = await repo.run([...args, '--yes']);
    expect(r.code, r.stderr).toBe(0);
  }
  // Moved by hand, as another branch might leave them: completion reads only what the files say.
  const review = repo.read('rfcs/draft/RFC-0002-認証方式の選定.md').replace('status: DRAFT', 'status: REVIEW');
  repo.write('rfcs/review/RFC-0002-認証方式の選定.md', review);
  repo.git('rm', '-q', 'rfcs/draft/RFC-0002-認証方式の選定.md');
  const rejected = repo.read('rfcs/draft/RFC-0003-retire-the-monolith.md').replace('status: DRAFT', 'status: REJECTED');
  repo.write('rfcs/archive/2026/rejected/RFC-0003-retire-the-monolith.md', rejected);
  repo.git('rm', '-q', 'rfcs/draft/RFC-0003-retire-the-monolith.md');
  repo.write('rfcs/README.md', '# RFCs\n');
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'moved by hand');
  return repo;
}

async function complete(repo: Repo, words: string[], cwd?: string): Promise<string[]> {
  const r = await repo.run(['__complete', ...words], cwd ? { cwd } : {});
  expect(r.code).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('archdoc __complete', () => {
  it('ids from the file names, of every kind or of one', async () => {
    const repo = await repoWithDocuments();
    expect(await complete(repo, ['ids'])).toEqual(['RFC-0001', 'RFC-0002', 'RFC-0003', 'TS-0001', 'ADR-0001', 'PRD-0001']);
    expect(await complete(repo, ['ids', '--kind', 'rfc'])).toEqual(['RFC-0001', 'RFC-0002', 'RFC-0003']);
    expect(await complete(repo, ['ids', '--kind', 'prd'])).toEqual(['PRD-0001']);
    expect(await complete(repo, ['ids', '--kind', 'nope'])).toEqual([]);
    // From a folder inside, or named with --cwd as the command line being completed did.
    expect(await complete(repo, ['ids', '--kind', 'adr'], `${repo.dir}/docs`)).toEqual(['ADR-0001']);
    expect(await complete(repo, ['ids', '--kind', 'adr', '--cwd', 'docs/adr'])).toEqual(['ADR-0001']);
  });

  it('statuses: those allowed next for the document named, by its kind’s workflow', async () => {
    const repo = await repoWithDocuments();
    expect(await complete(repo, ['statuses', 'RFC-0001'])).toEqual(['REVIEW', 'ABANDONED', 'SUPERSEDED']);
    expect(await complete(repo, ['statuses', '2', '--kind', 'rfc'])).toEqual(['APPROVED', 'REJECTED', 'DRAFT', 'SUPERSEDED']);
    expect(await complete(repo, ['statuses', 'rfc-2'])).toEqual(['APPROVED', 'REJECTED', 'DRAFT', 'SUPERSEDED']);
    expect(await complete(repo, ['statuses', 'rfcs/review/RFC-0002-認証方式の選定.md'])).toEqual(['APPROVED', 'REJECTED', 'DRAFT', 'SUPERSEDED']);
    expect(await complete(repo, ['statuses', 'PRD-0001'])).toEqual(['SHIPPED', 'DROPPED']);
    expect(await complete(repo, ['statuses', 'ADR-0001'])).toEqual(['ACCEPTED', 'REJECTED']);
    // Where the workflow leads nowhere, or no one document is named: the kind's statuses.
    const rfc = ['DRAFT', 'REVIEW', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'REJECTED', 'ABANDONED', 'SUPERSEDED'];
    expect(await complete(repo, ['statuses', 'RFC-0003'])).toEqual(rfc);
    expect(await complete(repo, ['statuses', 'RFC-0099'])).toEqual(rfc);
    expect(await complete(repo, ['statuses', '--kind', 'rfc'])).toEqual(rfc);
    expect(await complete(repo, ['statuses', '1'])).toEqual([
      ...new Set([...rfc, 'REFERENCE', 'ARCHIVED', 'PROPOSED', 'ACCEPTED', 'DEPRECATED', 'SHIPPED', 'DROPPED']),
    ]);
    expect(await complete(repo, ['statuses', 'JIRA-1'])).toEqual([]);
  });

  it('kinds: the configured ones', async () => {
    const repo = await repoWithDocuments();
    expect(await complete(repo, ['kinds'])).toEqual(['rfc', 'tech-spec', 'adr', 'system-design', 'prd']);
  });

  it('says nothing, with exit 0, outside a repository, on a broken configuration or a word it does not know', async () => {
    const repo = makeRepo();
    const outside = tempDir();
    for (const words of [['ids'], ['statuses', 'RFC-0001'], ['kinds']]) expect(await complete(repo, words, outside)).toEqual([]);
    repo.write('.archdoc.yml', 'kinds: [unclosed\n');
    for (const words of [['ids'], ['statuses', 'RFC-0001'], ['kinds'], [], ['nonsense', '--kind']]) expect(await complete(repo, words)).toEqual([]);
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    prefix: 7\n');
    expect(await complete(repo, ['ids'])).toEqual([]);
    expect(await complete(repo, ['ids'], '/nonexistent/folder')).toEqual([]);
  });

  it('is hidden: not in --help, not among the commands a script completes', async () => {
    const repo = makeRepo();
    const help = await repo.run(['--help']);
    expect(help.stdout).not.toContain('__complete');
    expect(help.stdout).toContain('completion');
    expect(bashScript(buildProgram(testSystem(repo.dir, {}))).match(/compgen -W "init [^"]*"/)?.[0]).not.toContain('__complete');
  });
});
