/**
 * End-to-end test helpers: a fresh temp git repository with a fixed identity and date, and a
 * runner for the built CLI as a child process.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { parse as parseYaml } from 'yaml';

export const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'archdoc.js');
export const DATE = '2026-11-25';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

export function tempDir(prefix = 'archdoc-test-'): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Environment for child processes: fixed date and identity, no colour, no user or system git config. */
export function testEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'NODE_EXTRA_CA_CERTS', 'SYSTEMROOT', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k];
  return {
    ...env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_DATE: `${DATE}T12:00:00Z`,
    GIT_COMMITTER_DATE: `${DATE}T12:00:00Z`,
    ARCHDOC_DATE: DATE,
    NO_COLOR: '1',
    ...extra,
  };
}

export class Repo {
  constructor(
    readonly dir: string,
    readonly home: string,
  ) {}

  /** Runs the built CLI with stdin closed (`</dev/null`-like: an empty pipe that ends). */
  run(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): RunResult {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? this.dir,
      env: testEnv(this.home, opts.env),
      input: opts.input ?? '',
      encoding: 'utf8',
      timeout: 30_000,
    });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  }

  /** Runs the CLI asynchronously (for concurrency and open-pipe tests). */
  spawn(args: string[], opts: { env?: NodeJS.ProcessEnv; keepStdinOpen?: boolean } = {}): Promise<RunResult & { ms: number }> {
    const started = Date.now();
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [BIN, ...args], { cwd: this.dir, env: testEnv(this.home, opts.env), stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      if (!opts.keepStdinOpen) child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        child.stdin.destroy();
        resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started });
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

/** A fresh git repository with a fixed identity, `main` branch, no signing, no gc. */
export function makeRepo(opts: { init?: boolean; git?: boolean } = {}): Repo {
  const dir = tempDir();
  const home = tempDir('archdoc-home-');
  const repo = new Repo(dir, home);
  if (opts.git !== false) {
    repo.git('init', '-q', '-b', 'main');
    repo.git('config', 'user.name', 'Test Author');
    repo.git('config', 'user.email', 'test@example.com');
    repo.git('config', 'commit.gpgsign', 'false');
    repo.git('config', 'gc.auto', '0');
  }
  if (opts.init !== false) {
    const r = repo.run(['init']);
    if (r.code !== 0) throw new Error(`init failed: ${r.stderr}`);
  }
  return repo;
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

/** Runs archdoc and asserts one clean commit with this subject: exit 0, no stack trace, a clean tree. */
export function step(repo: Repo, args: string[], subject: string): RunResult {
  const before = repo.commitCount();
  const r = repo.run(args);
  expect(r.code, `${args.join(' ')}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(repo.commitCount()).toBe(before + 1);
  expect(repo.git('log', '-1', '--format=%s')).toBe(subject);
  expect(porcelain(repo)).toEqual([]);
  return r;
}
