/**
 * `archdoc index --check` as CI runs it: the built program in a process of its own, whose exit
 * status is the gate (1 while an index is missing or stale, 0 once current), with nothing written;
 * and what it judges after a run was killed in the middle of writing an index.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEnv } from '../env.js';
import { BIN, hasStackTrace, makeRepo, porcelain, type Repo } from '../helpers.js';
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

describe('index --check of a file written with options', () => {
  it('--file --one-table, then --check with the file alone: up to date, and plain --check judges it too', () => {
    const repo = makeRepo();
    seed(repo, FIXTURE);
    expect(repo.cli(['index', '--file', 'docs/all.md', '--one-table']).code).toBe(0);
    expect(repo.cli(['index']).code).toBe(0);
    for (const args of [
      ['index', '--check', '--file', 'docs/all.md'],
      ['index', '--check'],
    ]) {
      const r = repo.cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toBe('Index up to date.\n');
    }
    const rel = 'docs/adr/ADR-0003-keep-money-in-cents.md';
    repo.write(rel, repo.read(rel).replace('title: Keep money in cents', 'title: Keep money in integer cents'));
    repo.git('commit', '-q', '-am', 'test: retitle ADR-0003');
    const stale = repo.cli(['index', '--check', '--file', 'docs/all.md']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('docs/all.md: the index is out of date\nRun archdoc index --file docs/all.md to update it.\n');
    // What the hint says keeps the one table.
    expect(repo.cli(['index', '--file', 'docs/all.md']).code).toBe(0);
    expect(repo.read('docs/all.md')).toContain('| Kind | ID | Title | Status | Date | Links |');
    expect(repo.cli(['index', '--check', '--file', 'docs/all.md']).code).toBe(0);
    expect(porcelain(repo)).toEqual([]);
  });
});

/**
 * What a killed `archdoc index` leaves: the index files written but not committed, its journal
 * (they were new: nothing to put back but their absence) and its lock, naming `pid`.
 */
function killedIndex(repo: Repo, pid: number): string[] {
  const wrote = repo.cli(['index', '--no-commit']);
  expect(wrote.code, wrote.stderr).toBe(0);
  const files = ['rfcs/README.md', 'tech-specs/README.md', 'docs/adr/README.md', 'system-designs/README.md'];
  const journal = path.join(repo.dir, '.git', 'archdoc-journal');
  fs.mkdirSync(journal);
  fs.copyFileSync(path.join(repo.dir, '.git', 'index'), path.join(journal, 'index'));
  const head = repo.git('rev-parse', 'HEAD');
  const entries = files.map((rel) => ({ rel, saved: null }));
  fs.writeFileSync(path.join(journal, 'journal.json'), JSON.stringify({ pid, command: 'index', head, index: true, entries }));
  const lock = { pid, host: os.hostname(), command: 'index', started: new Date().toISOString() };
  fs.writeFileSync(path.join(repo.dir, '.git', 'archdoc.lock'), JSON.stringify(lock));
  return files;
}

/** What `index --check` says once the killed run is rolled back: no index yet, nothing left of it. */
function seesRecovered(repo: Repo, r: { code: number; stdout: string; stderr: string }, pid: number, files: string[]): void {
  expect(r.stderr).toContain(`archdoc: an interrupted index (pid ${pid}) was rolled back`);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe(`${files.map((f) => `${f}: no index yet\n`).join('')}Run archdoc index to update them.\n`);
  for (const f of files) expect(repo.exists(f), f).toBe(false);
  expect(repo.exists('.git/archdoc-journal')).toBe(false);
  expect(porcelain(repo)).toEqual([]);
}

describe('index --check after a killed run', () => {
  it('a dead run left its journal: --check rolls it back first and judges the recovered files', () => {
    const repo = makeRepo();
    seed(repo, FIXTURE);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const files = killedIndex(repo, dead);
    seesRecovered(repo, repo.cli(['index', '--check']), dead, files);
  });

  it.skipIf(process.platform !== 'linux')('a killed run not yet reaped (a zombie, as under an init that reaps nothing) is dead too', async () => {
    const repo = makeRepo();
    seed(repo, FIXTURE);
    // The child outlives the shell's exec by a second, then ends; its parent is `sleep 60` by then,
    // which never reaps it. (A child that ended at once could be reaped by the shell before exec.)
    const parent = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 60'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(await new Promise<string>((r) => parent.stdout.once('data', (d) => r(String(d)))));
      const deadline = Date.now() + 10_000;
      while (!/\) Z /.test(fs.readFileSync(`/proc/${zombie}/stat`, 'utf8')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const files = killedIndex(repo, zombie);
      seesRecovered(repo, repo.cli(['index', '--check']), zombie, files);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('a change under way (a live holder): --check waits for it instead of judging its half-written files', async () => {
    const repo = makeRepo();
    seed(repo, FIXTURE);
    const holder = spawn('sleep', ['60'], { stdio: 'ignore' });
    const gone = new Promise((r) => holder.on('close', r));
    const files = killedIndex(repo, holder.pid!);
    const check = spawn(process.execPath, [BIN, 'index', '--check'], { cwd: repo.dir, env: testEnv(repo.home), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    check.stdout.on('data', (d) => {
      stdout += d;
    });
    check.stderr.on('data', (d) => {
      stderr += d;
    });
    let ended = false;
    const closed = new Promise<number | null>((r) =>
      check.on('close', (code) => {
        ended = true;
        r(code);
      }),
    );
    const deadline = Date.now() + 20_000;
    while (!stderr.includes('waiting for') && !ended && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(stderr).toBe(`waiting for index (pid ${holder.pid})…\n`);
    expect(stdout).toBe('');
    // The holder dies without finishing: the waiting check takes its lock over and rolls it back.
    holder.kill('SIGKILL');
    await gone;
    seesRecovered(repo, { code: (await closed) ?? -1, stdout, stderr }, holder.pid!, files);
  });
});
