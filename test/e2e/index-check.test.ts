/**
 * `archdoc index --check` as CI runs it: the built program in a process of its own, whose exit
 * status is the gate (1 while an index is missing or stale, 0 once current), with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, porcelain } from '../helpers.js';
import { FIXTURE, seed } from '../behaviour/graph-fixtures.js';

describe('archdoc index --check, the built program', () => {
  it('exits 1 while an index is missing or stale and 0 once it is current, writing nothing', () => {
    const repo = makeRepo();
    seed(repo, FIXTURE);
    const missing = repo.cli(['index', '--check']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('rfcs/README.md: no index yet\n');
    expect(missing.stdout).toMatch(/Run archdoc index to update them\.\n$/);
    expect(hasStackTrace(missing.stderr)).toBe(false);
    expect(porcelain(repo)).toEqual([]);

    const write = repo.cli(['index']);
    expect(write.code, write.stderr).toBe(0);
    expect(repo.log()[0]).toBe('docs: update the index');
    const fresh = repo.cli(['index', '--check']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toBe('Index up to date.\n');
    expect(fresh.stderr).toBe('');

    const rel = 'docs/adr/ADR-0003-keep-money-in-cents.md';
    repo.write(rel, repo.read(rel).replace('title: Keep money in cents', 'title: Keep money in integer cents'));
    repo.git('commit', '-q', '-am', 'test: retitle ADR-0003');
    const stale = repo.cli(['index', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('docs/adr/README.md: the index is out of date\nRun archdoc index to update it.\n');
    expect(porcelain(repo)).toEqual([]);
  });
});
