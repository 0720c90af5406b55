/**
 * `archdoc create-rfc`: the file, its frontmatter, the commit, numbering, hostile titles, similar titles.
 * Concurrency and stdin as a pipe need processes: test/e2e/rfc-create.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DATE, hasStackTrace, makeRepo, type Repo } from '../helpers.js';
import { body, frontmatter, frontmatterText, headChanges, headSubject, porcelain } from './rfc-fixtures.js';

/** Files under rfcs/ that were not in `before`. */
function newFiles(repo: Repo, before: string[]): string[] {
  return repo.files('rfcs').filter((f) => !before.includes(f));
}

describe('create-rfc', () => {
  it('writes the draft with ordered frontmatter, prints next steps and commits it', async () => {
    const repo = makeRepo();
    const count = repo.commitCount();
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice Chen', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const rel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    expect(repo.files('rfcs')).toEqual([rel]);

    const text = repo.read(rel);
    const fm = frontmatter(text);
    expect(Object.keys(fm)).toEqual([
      'rfc_id',
      'title',
      'status',
      'author',
      'reviewers',
      'created',
      'last_updated',
      'decision_date',
      'related_prds',
      'related_rfcs',
    ]);
    expect(fm).toEqual({
      rfc_id: 'RFC-0001',
      title: 'Adopt PostgreSQL',
      status: 'DRAFT',
      author: 'Test Author',
      reviewers: [{ name: 'Alice Chen', status: 'pending' }],
      created: DATE,
      last_updated: DATE,
      decision_date: null,
      related_prds: [],
      related_rfcs: [],
    });
    expect(frontmatterText(text)).toMatch(/^decision_date:\s*$/m);
    const b = body(text);
    expect(b).toContain('# RFC-0001: Adopt PostgreSQL\n');
    expect(b).toContain('## Overview');
    expect(b).toContain('## Technical Design');
    expect(b).toContain(`Proposed by Test Author on ${DATE}.`);

    expect(r.stdout).toContain('Created RFC-0001 Adopt PostgreSQL');
    expect(r.stdout).toMatch(new RegExp(`file\\s+${rel}`));
    expect(r.stdout).toMatch(/status\s+DRAFT/);
    expect(r.stdout).toContain('Next steps:');
    expect(r.stdout).toContain(`Write it: ${rel}`);
    expect(r.stdout).toContain('archdoc rfc-status RFC-0001 --reviewer "Name"');
    expect(r.stdout).toContain('archdoc rfc-status RFC-0001 --set REVIEW');

    expect(repo.commitCount()).toBe(count + 1);
    expect(headSubject(repo)).toBe('docs(rfc): create RFC-0001 Adopt PostgreSQL');
    expect(headChanges(repo)).toEqual([`A\t${rel}`]);
    expect(repo.git('log', '-1', '--format=%an <%ae>')).toBe('Test Author <test@example.com>');
    expect(porcelain(repo)).toEqual([]);
  });

  it('--author overrides the git user name; repeated --reviewer with a status', async () => {
    const repo = makeRepo();
    const r = await repo.run(['create-rfc', 'Adopt Redis', '--author', 'Xavier Ortiz', '--reviewer', 'Alice Chen', '--reviewer', 'Bob Li:approved', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    const fm = frontmatter(repo.read('rfcs/draft/RFC-0001-adopt-redis.md'));
    expect(fm.author).toBe('Xavier Ortiz');
    expect(fm.reviewers).toEqual([
      { name: 'Alice Chen', status: 'pending' },
      { name: 'Bob Li', status: 'approved' },
    ]);
    expect(repo.read('rfcs/draft/RFC-0001-adopt-redis.md')).toContain('Proposed by Xavier Ortiz on');
    // The commit author is still git's identity: --author is the document's author.
    expect(repo.git('log', '-1', '--format=%an')).toBe('Test Author');
  });

  it('numbers sequentially, after the highest number including archived RFCs', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt Kafka', '--yes'])).code).toBe(0);
    repo.write('rfcs/archive/2026/abandoned/RFC-0041-old-idea.md', '---\nrfc_id: RFC-0041\ntitle: Old idea\nstatus: ABANDONED\n---\n');
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: an archived RFC');
    const r = await repo.run(['create-rfc', 'Adopt Redis', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(repo.exists('rfcs/draft/RFC-0042-adopt-redis.md')).toBe(true);
    expect(headSubject(repo)).toBe('docs(rfc): create RFC-0042 Adopt Redis');
  });

  describe('hostile titles', () => {
    const titles: Array<[string, string]> = [
      ['a: b', 'a-b'],
      ['# x', 'x'],
      [`He said "hi" and 'bye'`, 'he-said-hi-and-bye'],
      ['line one\nline two', 'line-one-line-two'],
      ['<%= process.exit(1) %>', 'process-exit-1'],
      ['../../etc/passwd', 'etc-passwd'],
      ['🚀 Launch rockets', 'launch-rockets'],
      ['Long title '.repeat(30).slice(0, 300), ''],
    ];

    it('each is written verbatim into the frontmatter, under rfcs/draft/, with a kebab slug', async () => {
      const repo = makeRepo();
      expect(titles.at(-1)![0]).toHaveLength(300);
      for (const [i, [title, slug]] of titles.entries()) {
        const before = repo.files('rfcs');
        const count = repo.commitCount();
        const r = await repo.run(['create-rfc', title, '--force', '--yes']);
        const what = JSON.stringify(title);
        expect(r.code, `${what}: ${r.stderr}`).toBe(0);
        expect(hasStackTrace(r.stderr), what).toBe(false);
        const added = newFiles(repo, before);
        expect(added, what).toHaveLength(1);
        const rel = added[0]!;
        const id = `RFC-${String(i + 1).padStart(4, '0')}`;
        // Inside rfcs/draft, directly: no path element came from the title.
        expect(rel.startsWith('rfcs/draft/'), `${what} -> ${rel}`).toBe(true);
        const filename = rel.slice('rfcs/draft/'.length);
        expect(filename).not.toContain('/');
        expect(filename).toMatch(/^RFC-\d{4}-[a-z0-9]+(-[a-z0-9]+)*\.md$/);
        expect(filename.startsWith(`${id}-`), filename).toBe(true);
        if (slug) expect(filename).toBe(`${id}-${slug}.md`);
        else expect(filename.length - `${id}-.md`.length).toBeLessThanOrEqual(60);

        const text = repo.read(rel);
        const data = parse(frontmatterText(text)) as Record<string, unknown>;
        expect(data.title, what).toBe(title);
        expect(data.rfc_id).toBe(id);
        expect(data.status).toBe('DRAFT');
        // The heading is one line even for a multi-line title.
        expect(
          body(text)
            .split('\n')
            .find((l) => l.startsWith('# ')),
        ).toBe(`# ${id}: ${title.replace(/\n/g, ' ')}`);
        expect(repo.commitCount()).toBe(count + 1);
        expect(headChanges(repo)).toEqual([`A\t${rel}`]);
        expect(headSubject(repo)).toBe(`docs(rfc): create ${id} ${title.replace(/\n/g, ' ')}`);
      }
      // Nothing was written outside rfcs/ (../../etc/passwd) and nothing is left over.
      expect(repo.files().filter((f) => !f.startsWith('rfcs/'))).toEqual(['.archdoc.yml']);
      expect(porcelain(repo)).toEqual([]);
    }, 120_000);

    it('template syntax in a title is text, never executed', async () => {
      const repo = makeRepo();
      const r = await repo.run(['create-rfc', '<%= process.exit(1) %>', '--yes']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('Created RFC-0001 <%= process.exit(1) %>');
      const text = repo.read('rfcs/draft/RFC-0001-process-exit-1.md');
      expect(body(text)).toContain('# RFC-0001: <%= process.exit(1) %>');
      expect(frontmatter(text).title).toBe('<%= process.exit(1) %>');
      // The author is data too.
      const r2 = await repo.run(['create-rfc', 'Adopt templates', '--author', '<%= it.id %> & <%~ 7 * 6 %>', '--yes']);
      expect(r2.code, r2.stderr).toBe(0);
      const t2 = repo.read('rfcs/draft/RFC-0002-adopt-templates.md');
      expect(frontmatter(t2).author).toBe('<%= it.id %> & <%~ 7 * 6 %>');
      expect(t2).toContain('Proposed by <%= it.id %> & <%~ 7 * 6 %> on');
    });
  });

  it('a similar title is refused without a terminal, and created with --force', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'])).code).toBe(0);
    const count = repo.commitCount();
    for (const similar of ['PostgreSQL adopt', 'Adopt the PostgreSQL', 'adopt postgresqls']) {
      const r = await repo.run(['create-rfc', similar, '--yes']);
      expect(r.code, `${similar}: ${r.stderr}`).toBe(1);
      expect(r.stderr).toContain('A similar RFC already exists: RFC-0001 "Adopt PostgreSQL" (rfcs/draft/RFC-0001-adopt-postgresql.md)');
      expect(r.stderr).toContain('--force');
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(repo.files('rfcs')).toEqual(['rfcs/draft/RFC-0001-adopt-postgresql.md']);
      expect(repo.commitCount()).toBe(count);
    }
    // Without --yes, a non-terminal still never prompts.
    expect((await repo.run(['create-rfc', 'PostgreSQL adopt'])).code).toBe(1);

    // A different number makes a different title.
    const phase = await repo.run(['create-rfc', 'Adopt PostgreSQL 2', '--yes']);
    expect(phase.code, phase.stderr).toBe(0);

    const forced = await repo.run(['create-rfc', 'PostgreSQL adopt', '--force', '--yes']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(repo.exists('rfcs/draft/RFC-0003-postgresql-adopt.md')).toBe(true);
    expect(headSubject(repo)).toBe('docs(rfc): create RFC-0003 PostgreSQL adopt');
    expect(repo.commitCount()).toBe(count + 2);
  }, 120_000);

  it('warns about a one-word title but creates it', async () => {
    const repo = makeRepo();
    const r = await repo.run(['create-rfc', 'Caching', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning: the title has 1 word; 2 to 6 words make the clearest titles');
    expect(r.stdout).not.toContain('warning');
    expect(repo.exists('rfcs/draft/RFC-0001-caching.md')).toBe(true);
    expect(headSubject(repo)).toBe('docs(rfc): create RFC-0001 Caching');

    const long = await repo.run(['create-rfc', 'One two three four five six seven', '--yes']);
    expect(long.code).toBe(0);
    expect(long.stderr).toContain('the title has 7 words');
    const ok = await repo.run(['create-rfc', 'Two words', '--yes']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
  });

  it('outside a git repository: writes the file and says once that nothing is committed', async () => {
    const repo = makeRepo({ git: false });
    expect(repo.exists('.git')).toBe(false);
    expect(repo.exists('.archdoc.yml')).toBe(true);
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.match(/nothing was committed/g)).toHaveLength(1);
    expect(r.stderr).toContain('Not a git repository');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(repo.files('rfcs')).toEqual(['rfcs/draft/RFC-0001-adopt-postgresql.md']);
    const fm = frontmatter(repo.read('rfcs/draft/RFC-0001-adopt-postgresql.md'));
    expect(fm.title).toBe('Adopt PostgreSQL');
    expect(typeof fm.author).toBe('string');
    expect((fm.author as string).length).toBeGreaterThan(0);
    // The number keeps counting without git, and no lock is left behind.
    expect((await repo.run(['create-rfc', 'Adopt Redis', '--author', 'Ann', '--yes'])).code).toBe(0);
    expect(repo.files('rfcs')).toEqual(['rfcs/draft/RFC-0001-adopt-postgresql.md', 'rfcs/draft/RFC-0002-adopt-redis.md']);
    expect(repo.exists('rfcs/.archdoc.lock')).toBe(false);
  });

  it('--no-commit writes the file and commits nothing', async () => {
    const repo = makeRepo();
    const count = repo.commitCount();
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--no-commit', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(repo.exists('rfcs/draft/RFC-0001-adopt-postgresql.md')).toBe(true);
    expect(repo.commitCount()).toBe(count);
    expect(porcelain(repo)).toEqual(['?? rfcs/draft/RFC-0001-adopt-postgresql.md']);
    // The next create sees the uncommitted file and takes the next number.
    const next = await repo.run(['create-rfc', 'Adopt Redis', '--yes']);
    expect(next.code).toBe(0);
    expect(headChanges(repo)).toEqual(['A\trfcs/draft/RFC-0002-adopt-redis.md']);
    expect(porcelain(repo)).toEqual(['?? rfcs/draft/RFC-0001-adopt-postgresql.md']);
  });
});
