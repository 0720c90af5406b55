/**
 * `archdoc create-rfc` as processes: numbering under concurrency (30 processes at once), and no
 * prompt and no hang without a title when stdin is a pipe, ended or left open. The rest of
 * create-rfc is tested in the test process (test/behaviour/rfc-create.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { frontmatter, hasStackTrace, makeRepo, porcelain, type Repo } from '../helpers.js';

describe('create-rfc', () => {
  it('30 concurrent creates take RFC-0001..RFC-0030, each with its own title and commit', async () => {
    const repo = makeRepo();
    const words = [
      'alpha',
      'bravo',
      'charlie',
      'delta',
      'echo',
      'foxtrot',
      'golf',
      'hotel',
      'india',
      'juliett',
      'kilo',
      'lima',
      'mike',
      'november',
      'oscar',
      'papa',
      'quebec',
      'romeo',
      'sierra',
      'tango',
      'uniform',
      'victor',
      'whiskey',
      'xray',
      'yankee',
      'zulu',
      'marble',
      'cobalt',
      'granite',
      'saffron',
    ];
    const titles = words.map((w) => `Decision ${w}`);
    const count = repo.commitCount();
    // 30 node start-ups on two busy cores plus a serialised commit each: repo.spawn's kill timer
    // is generous (2 minutes), and `killed` tells a kill from a failure.
    const results = await Promise.all(titles.map((t) => repo.spawn(['create-rfc', t, '--yes'])));
    results.forEach((r, i) => {
      expect(r.killed, `${titles[i]} was still running after ${r.ms} ms`).toBe(false);
      expect(r.code, `${titles[i]}: ${r.stderr}`).toBe(0);
      expect(hasStackTrace(r.stderr)).toBe(false);
    });

    const files = repo.files('rfcs');
    expect(files).toHaveLength(30);
    const byNumber = new Map<number, string>();
    for (const f of files) {
      const m = /^rfcs\/draft\/RFC-(\d{4})-decision-([a-z]+)\.md$/.exec(f);
      expect(m, f).not.toBeNull();
      const n = Number(m![1]);
      expect(byNumber.has(n), `number ${n} taken twice`).toBe(false);
      byNumber.set(n, f);
      const fm = frontmatter(repo.read(f));
      expect(fm.rfc_id).toBe(`RFC-${m![1]}`);
      expect(fm.title).toBe(`Decision ${m![2]}`);
    }
    expect([...byNumber.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // Every title was used exactly once, and each process reported the number its file has.
    expect(files.map((f) => frontmatter(repo.read(f)).title).sort()).toEqual([...titles].sort());
    results.forEach((r, i) => {
      const id = /Created (RFC-\d{4}) /.exec(r.stdout)?.[1];
      expect(id, r.stdout).toBeDefined();
      expect(frontmatter(repo.read(repo.find(`${id}-`))).title).toBe(titles[i]);
    });

    // 30 commits, one per RFC, each holding only its own file.
    expect(repo.commitCount()).toBe(count + 30);
    const subjects = repo.log().filter((s) => s.startsWith('docs(rfc): create '));
    expect(subjects).toHaveLength(30);
    expect(subjects.map((s) => s.replace(/^docs\(rfc\): create RFC-\d{4} /, '')).sort()).toEqual([...titles].sort());
    const perCommit = repo.git('log', '--format=--%s', '--name-only', `-30`).split('--').filter(Boolean);
    for (const entry of perCommit) {
      const [subject, ...paths] = entry.split('\n').filter(Boolean);
      const id = /create (RFC-\d{4})/.exec(subject!)![1];
      expect(paths, subject).toEqual([byNumber.get(Number(id!.slice(4)))]);
    }
    expect(porcelain(repo)).toEqual([]);
    expect(repo.exists('.git/archdoc-rfc.lock')).toBe(false);
  }, 180_000);

  describe('without a title and without a terminal', () => {
    const check = (repo: Repo, r: { code: number; stderr: string; stdout: string }) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('Missing title');
      expect(r.stderr).toContain('archdoc create-rfc "Adopt PostgreSQL"');
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(repo.files('rfcs')).toEqual([]);
      expect(porcelain(repo)).toEqual([]);
    };

    it('stdin an empty, ended pipe: exit 2 at once', async () => {
      const repo = makeRepo();
      const count = repo.commitCount();
      check(repo, await repo.run(['create-rfc']));
      const r = await repo.spawn(['create-rfc']);
      expect(r.ms).toBeLessThan(5000);
      check(repo, r);
      expect(repo.commitCount()).toBe(count);
    });

    it('stdin an open pipe that sends nothing: exit 2 at once, no prompt hangs', async () => {
      const repo = makeRepo();
      const r = await repo.spawn(['create-rfc'], { keepStdinOpen: true });
      expect(r.ms).toBeLessThan(5000);
      check(repo, r);
      // An empty title is as missing as no title.
      const empty = await repo.spawn(['create-rfc', '   '], { keepStdinOpen: true });
      expect(empty.ms).toBeLessThan(5000);
      check(repo, empty);
    });
  });
});
