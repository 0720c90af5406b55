/**
 * One writer at a time, all or nothing, under real concurrent processes and kills: the guarantees
 * of src/adapters/transaction.ts, held by the built program.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { testEnv } from '../env.js';
import { BIN, frontmatter, makeRepo, porcelain, type Repo } from '../helpers.js';
import { writeIt } from '../behaviour/rfc-fixtures.js';

const SLOW = { timeout: 300_000 };

/** Where RFC-0001 is, in HEAD and on disk. */
function places(repo: Repo): { head: string[]; disk: string[] } {
  const head = repo
    .git('ls-tree', '-r', '--name-only', 'HEAD')
    .split('\n')
    .filter((f) => /\/RFC-0001-/.test(f));
  return { head, disk: repo.files('rfcs').filter((f) => /\/RFC-0001-/.test(f)) };
}

describe('concurrent changes of one document', () => {
  it('10 processes changing one RFC at once, 20 rounds: every change that exited 0 is in the file and in git log, the file in one place', SLOW, async () => {
    for (let round = 0; round < 20; round++) {
      const repo = makeRepo();
      expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes']).code).toBe(0);
      // Written, so that REVIEW is open to it (check's rules ask for the sections from REVIEW on).
      writeIt(repo, 'rfcs/draft/RFC-0001-adopt-postgresql.md', 'rfc');
      repo.git('commit', '-qam', 'write RFC-0001');
      const reviewers = Array.from({ length: 8 }, (_, i) => `Reviewer ${round}-${i}`);
      const runs = await Promise.all([
        repo.spawn(['rfc-status', '1', '--set', 'REVIEW']),
        ...reviewers.map((r) => repo.spawn(['rfc-status', '1', '--reviewer', r])),
        repo.spawn(['rfc-status', '1', '--set', 'ABANDONED', '--comment', 'race']),
      ]);
      for (const r of runs) expect([0, 1], r.stderr).toContain(r.code);
      const { head, disk } = places(repo);
      expect(head).toHaveLength(1);
      expect(disk).toEqual(head);
      expect(porcelain(repo)).toEqual([]);
      const fm = frontmatter(repo.read(disk[0]!));
      const names = (fm.reviewers as Array<{ name: string }>).map((r) => r.name);
      const log = repo.log();
      reviewers.forEach((r, i) => {
        if (runs[i + 1]!.code === 0) {
          expect(names, `round ${round}: ${r}`).toContain(r);
          expect(log.some((l) => l.includes(r))).toBe(true);
        }
      });
      // The two status changes: each one that succeeded is in the history and the log.
      const statuses = (fm.history as Array<{ status: string }>).map((h) => h.status);
      if (runs[0]!.code === 0) expect(statuses).toContain('REVIEW');
      if (runs[9]!.code === 0) expect(statuses).toContain('ABANDONED');
    }
  });
});

describe('concurrent links', () => {
  it('8 processes linking one document at once, while it moves to REVIEW: every link is kept, one commit each', SLOW, async () => {
    const repo = makeRepo();
    expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes']).code).toBe(0);
    writeIt(repo, 'rfcs/draft/RFC-0001-adopt-postgresql.md', 'rfc');
    repo.git('commit', '-qam', 'write RFC-0001');
    const targets = Array.from({ length: 8 }, (_, i) => `ADR-000${i + 1}`);
    for (const t of targets) expect(repo.cli(['create-adr', `Decision number ${t}`, '--yes']).code).toBe(0);
    const before = repo.commitCount();
    const runs = await Promise.all([
      ...targets.map((t) => repo.spawn(['link', 'RFC-0001', 'relates-to', t])),
      repo.spawn(['rfc-status', '1', '--set', 'REVIEW']),
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(repo.commitCount()).toBe(before + targets.length + 1);
    const rfc = repo.find('RFC-0001');
    expect(rfc).toMatch(/^rfcs\/review\//);
    expect([...(frontmatter(repo.read(rfc)).relates_to as string[])].sort()).toEqual(targets);
    expect(porcelain(repo)).toEqual([]);
  });
});

describe('killed at any moment', () => {
  it('kill -9 during 100 status changes: the next command leaves the repository as before or after each change, never between', SLOW, async () => {
    const repo = makeRepo();
    expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--yes']).code).toBe(0);
    writeIt(repo, 'rfcs/draft/RFC-0001-adopt-postgresql.md', 'rfc');
    repo.git('commit', '-qam', 'write RFC-0001');
    for (let i = 0; i < 100; i++) {
      const commits = repo.commitCount();
      const set = i % 2 === 0 ? 'REVIEW' : 'DRAFT';
      const args = i % 4 < 2 ? ['rfc-status', '1', '--reviewer', `R${i}`] : ['rfc-status', '1', '--set', set];
      const child = spawn(process.execPath, [BIN, ...args], { cwd: repo.dir, env: testEnv(repo.home), stdio: 'ignore' });
      const closed = new Promise((r) => child.on('close', r));
      await new Promise((r) => setTimeout(r, Math.random() * 120));
      child.kill('SIGKILL');
      await closed;
      // The next command, even a read, finishes what the killed one left; then a change goes ahead.
      const read = repo.cli(['list']);
      expect(read.code, read.stderr).toBe(0);
      expect(porcelain(repo), `after kill ${i}`).toEqual([]);
      const next = repo.cli(['rfc-status', '1', '--reviewer', `After ${i}`]);
      expect(next.code, next.stderr).toBe(0);
      expect(porcelain(repo), `after kill ${i}`).toEqual([]);
      const { head, disk } = places(repo);
      expect(head).toHaveLength(1);
      expect(disk).toEqual(head);
      // The killed change landed whole (one commit) or not at all; then ours.
      expect([commits + 1, commits + 2]).toContain(repo.commitCount());
    }
  });
});

describe('a dead holder', () => {
  it('its lock is taken over once: 10 processes starting on it, 10 rounds, every change kept', SLOW, async () => {
    for (let round = 0; round < 10; round++) {
      const repo = makeRepo();
      expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--yes']).code).toBe(0);
      // A process that is gone, named as the holder of the lock.
      const dead = spawn(process.execPath, ['-e', '0']);
      await new Promise((r) => dead.on('close', r));
      const host = (await import('node:os')).hostname();
      fs.writeFileSync(
        path.join(repo.dir, '.git', 'archdoc.lock'),
        JSON.stringify({ pid: dead.pid, host, command: 'rfc-status 1', started: new Date().toISOString() }),
      );
      const reviewers = Array.from({ length: 10 }, (_, i) => `Reviewer ${round}-${i}`);
      const runs = await Promise.all(reviewers.map((r) => repo.spawn(['rfc-status', '1', '--reviewer', r])));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const names = (frontmatter(repo.read(places(repo).disk[0]!)).reviewers as Array<{ name: string }>).map((r) => r.name);
      expect(names.sort()).toEqual([...reviewers].sort());
      expect(porcelain(repo)).toEqual([]);
    }
  });
});

describe('interrupted', () => {
  it('waiting for a live holder says so after a second; SIGTERM then ends it with nothing changed', SLOW, async () => {
    const repo = makeRepo();
    expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--yes']).code).toBe(0);
    const host = (await import('node:os')).hostname();
    const lock = path.join(repo.dir, '.git', 'archdoc.lock');
    const holder = JSON.stringify({ pid: process.pid, host, command: 'create-rfc "Other"', started: new Date().toISOString() });
    fs.writeFileSync(lock, holder);
    const child = spawn(process.execPath, [BIN, 'rfc-status', '1', '--reviewer', 'Bob'], {
      cwd: repo.dir,
      env: testEnv(repo.home),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const closed = new Promise<[number | null, string | null]>((r) => child.on('close', (code, signal) => r([code, signal])));
    const deadline = Date.now() + 20_000;
    while (!stderr.includes('waiting for') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toBe(`waiting for create-rfc "Other" (pid ${process.pid})…\n`);
    child.kill('SIGTERM');
    const [code, signal] = await closed;
    expect(code === 143 || signal === 'SIGTERM').toBe(true);
    expect(porcelain(repo)).toEqual([]);
    expect(fs.readFileSync(lock, 'utf8')).toBe(holder);
  });

  it('Ctrl-C while a pre-commit hook runs: the commit fails, everything is put back, exit 130', SLOW, async () => {
    const repo = makeRepo();
    expect(repo.cli(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes']).code).toBe(0);
    writeIt(repo, 'rfcs/draft/RFC-0001-adopt-postgresql.md', 'rfc');
    repo.git('commit', '-qam', 'write RFC-0001');
    const marker = path.join(repo.dir, '.git', 'hook-started');
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    fs.mkdirSync(path.dirname(hook), { recursive: true });
    fs.writeFileSync(hook, `#!/bin/sh\ntouch "${marker}"\nsleep 20\n`);
    fs.chmodSync(hook, 0o755);
    const files = () => repo.files().map((f) => `${f}\n${repo.read(f)}`);
    const before = { files: files(), index: repo.git('ls-files', '-s'), head: repo.git('rev-parse', 'HEAD') };
    // Its own process group, as a terminal would make it: Ctrl-C reaches archdoc, git and the hook.
    const child = spawn(process.execPath, [BIN, 'rfc-status', '1', '--set', 'REVIEW'], {
      cwd: repo.dir,
      env: testEnv(repo.home),
      stdio: 'ignore',
      detached: true,
    });
    const closed = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
    const deadline = Date.now() + 20_000;
    while (!fs.existsSync(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    process.kill(-child.pid!, 'SIGINT');
    expect(await closed).toBe(130);
    expect({ files: files(), index: repo.git('ls-files', '-s'), head: repo.git('rev-parse', 'HEAD') }).toEqual(before);
  });
});
