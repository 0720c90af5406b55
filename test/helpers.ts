/**
 * Test helpers: a fresh temp git repository with a fixed identity and date, copied from a template
 * built once per run (test/global-setup.ts), and three ways to run archdoc in it:
 *
 * - `repo.run(args)`: in this process, through `main(argv, system)` with captured output (behaviour
 *   tests: fast, no process start);
 * - `repo.cli(args)`: the built program as a child process, stdin an empty pipe (end-to-end tests
 *   of what needs a process: exit status, stdio, the package);
 * - `repo.spawn(args)`: the same, asynchronously (concurrency, stdin left open).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, inject } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { DATE, runArchdoc, testEnv, type RunResult } from './env.js';

export { DATE, testEnv, type RunResult };

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'archdoc.js');

const cleanups: Array<() => void> = [];

/** Removes every temp folder made since the last call: after each test (test/setup.ts). */
export function cleanUp(): void {
  while (cleanups.length) cleanups.pop()!();
}

export function tempDir(prefix = 'archdoc-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface RunOptions {
  /** Added to (or overriding) the test environment. */
  env?: NodeJS.ProcessEnv;
  /** The working folder (default: the repository). */
  cwd?: string;
}

export interface SpawnResult extends RunResult {
  /** How long the process ran, start-up included. */
  ms: number;
  /** Whether it was killed for running too long. */
  killed: boolean;
}

export class Repo {
  constructor(
    readonly dir: string,
    readonly home: string,
  ) {}

  /** Runs archdoc in this process, in the repository, with the test environment; stdin is not a terminal. */
  run(args: string[], opts: RunOptions = {}): Promise<RunResult> {
    return runArchdoc(args, opts.cwd ?? this.dir, testEnv(this.home, opts.env));
  }

  /** Runs the built CLI as a child process with stdin closed (`</dev/null`-like: an empty pipe that ends). */
  cli(args: string[], opts: RunOptions & { input?: string } = {}): RunResult {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? this.dir,
      env: testEnv(this.home, opts.env),
      input: opts.input ?? '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  /**
   * Runs the built CLI as a child process, asynchronously (for concurrency and open-pipe tests).
   * The child is killed after `timeoutMs` (`killed` says so): generous by default, since many node
   * start-ups on two busy cores can take a while, and a kill there would be the machine's fault.
   */
  spawn(args: string[], opts: { env?: NodeJS.ProcessEnv; keepStdinOpen?: boolean; timeoutMs?: number } = {}): Promise<SpawnResult> {
    const started = Date.now();
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: this.dir, env: testEnv(this.home, opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      let killed = false;
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      if (!opts.keepStdinOpen) child.stdin.end();
      const timer = setTimeout(() => {
        killed = true;
        child.kill('SIGKILL');
      }, opts.timeoutMs ?? 120_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        child.stdin.destroy();
        resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started, killed });
      });
    });
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: testEnv(this.home), encoding: 'utf8' }).trimEnd();
  }

  read(rel: string): string {
    return fs.readFileSync(path.join(this.dir, rel), 'utf8');
  }

  write(rel: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, rel), text);
  }

  exists(rel: string): boolean {
    return fs.existsSync(path.join(this.dir, rel));
  }

  /** Every file under `rel` (recursive, posix paths relative to the repo). */
  files(rel = '.'): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(path.join(this.dir, d), { withFileTypes: true })) {
        if (e.name === '.git') continue;
        const p = d === '.' ? e.name : `${d}/${e.name}`;
        if (e.isDirectory()) walk(p);
        else out.push(p);
      }
    };
    if (this.exists(rel)) walk(rel);
    return out.sort();
  }

  /** Every folder of the work tree but .git, empty ones too: a change undone leaves none it made. */
  folders(): string[] {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(path.join(this.dir, d), { withFileTypes: true })) {
        if (e.name === '.git' || !e.isDirectory()) continue;
        const p = d === '.' ? e.name : `${d}/${e.name}`;
        out.push(p);
        walk(p);
      }
    };
    walk('.');
    return out.sort();
  }

  log(): string[] {
    const out = this.git('log', '--format=%s');
    return out ? out.split('\n') : [];
  }

  commitCount(): number {
    try {
      return Number(this.git('rev-list', '--count', 'HEAD'));
    } catch {
      return 0;
    }
  }

  /** Finds the one file whose name starts with `prefix` anywhere in the repo. */
  find(prefix: string): string {
    const hits = this.files().filter((f) => f.slice(f.lastIndexOf('/') + 1).startsWith(prefix));
    if (hits.length !== 1) throw new Error(`expected one file starting ${prefix}, found ${hits.join(', ') || 'none'}`);
    return hits[0]!;
  }
}

/**
 * A fresh repository: a copy (with its .git) of a template made once per run by
 * test/global-setup.ts: `git init -b main` with a fixed identity, no signing and no gc, then
 * `archdoc init` (committed). `git: false` gives a folder that is not a repository, `init: false`
 * one without archdoc's configuration.
 */
export function makeRepo(opts: { init?: boolean; git?: boolean } = {}): Repo {
  const dir = tempDir();
  const home = tempDir('archdoc-home-');
  const git = opts.git !== false;
  const init = opts.init !== false;
  const template = git ? (init ? 'git-init' : 'git') : init ? 'init' : undefined;
  if (template) fs.cpSync(path.join(inject('repoTemplates'), template), dir, { recursive: true });
  return new Repo(dir, home);
}

/** No stack trace on stderr: no line starting with four spaces and "at ". */
export function hasStackTrace(stderr: string): boolean {
  return /^\s{4}at /m.test(stderr);
}

/** Generous timeouts for tests that run archdoc and git many times on a busy machine. */
export const SLOW = { timeout: 180_000 };

const FRONTMATTER = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/;

/** The parsed frontmatter, read with the `yaml` package, independent of archdoc's own reader. */
export function frontmatter(text: string): Record<string, unknown> {
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error(`no frontmatter in:\n${text.slice(0, 300)}`);
  return (parseYaml(m[1] ?? '') ?? {}) as Record<string, unknown>;
}

/** `git status --porcelain` lines, untracked files included. */
export function porcelain(repo: Repo): string[] {
  const out = repo.git('status', '--porcelain', '--untracked-files=all');
  return out ? out.split('\n') : [];
}

/** The paths in the last commit, sorted. */
export function headFiles(repo: Repo): string[] {
  return repo.git('show', '--name-only', '--format=', 'HEAD').split('\n').filter(Boolean).sort();
}

/** `git show --name-status -M HEAD`, sorted. */
export function headChanges(repo: Repo): string[] {
  return repo.git('show', '--name-status', '-M', '--format=', 'HEAD').split('\n').filter(Boolean).sort();
}

/** Runs an archdoc command that must be refused (exit 1) without touching `path` or committing. */
export async function refused(repo: Repo, args: string[], path: string): Promise<RunResult> {
  const before = repo.read(path);
  const count = repo.commitCount();
  const r = await repo.run(args);
  expect(r.code, `${args.join(' ')}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(1);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(repo.read(path)).toBe(before);
  expect(repo.commitCount()).toBe(count);
  expect(porcelain(repo)).toEqual([]);
  return r;
}

/** Runs archdoc and asserts one clean commit with this subject: exit 0, no stack trace, a clean tree. */
export async function step(repo: Repo, args: string[], subject: string): Promise<RunResult> {
  const before = repo.commitCount();
  const r = await repo.run(args);
  expect(r.code, `${args.join(' ')}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(repo.commitCount()).toBe(before + 1);
  expect(repo.git('log', '-1', '--format=%s')).toBe(subject);
  expect(porcelain(repo)).toEqual([]);
  return r;
}
