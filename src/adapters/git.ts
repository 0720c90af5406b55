/**
 * Git: a handful of small functions over argument arrays (never shell strings), run with
 * spawnSync. Commits use `git commit -- <paths>` so only the paths archdoc touched are committed;
 * whatever else the user staged or modified stays exactly as it was. (simple-git cost about 60 ms
 * a call here; see docs/adr, "Run git with execFile".)
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError, EXIT_REFUSED } from '../core/errors.js';
import { configuredUserName, UNKNOWN } from './git-config.js';
import { HOLDER_ENV } from './repo-lock.js';

export interface Git {
  userName(): Promise<string | undefined>;
  /** Whether git tracks the path (so a move should be `git mv`). */
  isTracked(path: string): Promise<boolean>;
  /** Paths whose work-tree or staged content differs from HEAD (`git status`), each with whether something of it is staged, and untracked files (`untracked`). */
  uncommitted(): Promise<Map<string, { staged: boolean; untracked?: boolean }>>;
  /** A file's text as HEAD has it. */
  headText(path: string): Promise<string>;
  mv(from: string, to: string): Promise<void>;
  /** Stages new paths and commits exactly `paths` with `message`. */
  commitPaths(paths: string[], message: string, newPaths: string[]): Promise<string>;
  /** Paths whose staged content differs from HEAD (added, copied, modified, renamed), and those staged to go (deleted, or the old side of a rename), relative to the root. */
  stagedPaths(): Promise<{ changed: string[]; gone: string[] }>;
  /** Every path in git's index under the root, and the staged text of those `wanted` keeps: one ls-files, one cat-file. */
  indexFiles(wanted: (rel: string) => boolean): Promise<{ paths: string[]; texts: Map<string, string> }>;
  /** The commit where `ref` and HEAD meet; undefined when `ref` names nothing. */
  mergeBase(ref: string): Promise<string | undefined>;
  /** The commit `ref` names; undefined when it names none. */
  commitOf(ref: string): Promise<string | undefined>;
  /** The text, at `commit`, of the files under the root that `wanted` keeps. */
  filesAt(commit: string, wanted: (rel: string) => boolean): Promise<Map<string, string>>;
  /** What became of the files under the root since `commit`, in the work tree: renamed (old → new) and deleted. */
  changesSince(commit: string): Promise<{ renamed: Map<string, string>; deleted: Set<string>; touched: Set<string> }>;
  /** The Markdown files in the work tree (tracked, or untracked and not ignored) that contain `text`, relative to the root. */
  markdownContaining(text: string): Promise<string[]>;
}

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly stderr: string,
    readonly code: number | string | null,
  ) {
    super(stderr.trim() || `git ${args[0]} exited with ${code}`);
    this.name = 'GitError';
  }
}

/** The environment of a git archdoc runs: its hooks learn which process runs them (repo-lock.ts, runByHolder). */
export function holderEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, [HOLDER_ENV]: String(process.pid) };
}

/** Runs git in `cwd` and resolves with its stdout; rejects with a GitError carrying stderr. */
export async function runGit(cwd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  // Loaded on first use: child_process pulls in much of Node's networking, which list and check never need.
  const { spawnSync } = await import('node:child_process');
  // Synchronous: archdoc runs one git at a time, and a synchronous spawn builds no stream objects
  // for the pipes (a third of what starting git cost here). stdin is empty, so a hook that reads
  // it ends instead of waiting.
  const r = spawnSync('git', args, { cwd, env: holderEnv(env), maxBuffer: 64 * 1024 * 1024, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.error) throw new GitError(args, r.error.message, (r.error as NodeJS.ErrnoException).code ?? null);
  if (r.status !== 0) throw new GitError(args, `${r.stderr}${r.stdout && !r.stderr ? r.stdout : ''}`, r.status ?? r.signal);
  return r.stdout;
}

/** A value of git's configuration as git reads it in `cwd` (repository, global, system), or undefined when unset. */
export async function gitConfigValue(cwd: string, key: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  try {
    return (await runGit(cwd, ['config', '--get', key], env)).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Runs git with `input` on stdin and resolves with its stdout as bytes (blobs are not text until split). */
export async function runGitBytes(cwd: string, args: string[], env: NodeJS.ProcessEnv, input: string): Promise<Buffer> {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('git', args, { cwd, env: holderEnv(env), input, maxBuffer: 1024 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  if (r.error) throw new GitError(args, r.error.message, (r.error as NodeJS.ErrnoException).code ?? null);
  if (r.status !== 0) throw new GitError(args, String(r.stderr), r.status ?? r.signal);
  return r.stdout;
}

/** `-z` lines of `<mode> <a> <b>\t<path>` (ls-tree, ls-files --stage), as [a, b, path]. */
function entryLines(out: string): Array<[string, string, string]> {
  return out
    .split('\0')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      const [, a, b] = line.slice(0, tab).split(' ');
      return [a!, b!, line.slice(tab + 1)];
    });
}

/** `git diff --name-status -z -M`: the files renamed (old → new), deleted, and added or changed (renames' new side included). */
function nameStatus(out: string): { renamed: Map<string, string>; deleted: Set<string>; touched: Set<string> } {
  const fields = out.split('\0');
  const renamed = new Map<string, string>();
  const deleted = new Set<string>();
  const touched = new Set<string>();
  for (let i = 0; i < fields.length - 1; ) {
    const status = fields[i++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++]!;
      const to = fields[i++]!;
      if (status.startsWith('R')) renamed.set(from, to);
      touched.add(to);
    } else if (status === 'D') deleted.add(fields[i++]!);
    else touched.add(fields[i++]!);
  }
  return { renamed, deleted, touched };
}

/** The text of each blob, by path: one `git cat-file --batch` for them all. */
async function readBlobs(root: string, env: NodeJS.ProcessEnv, entries: Array<{ blob: string; rel: string }>): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  if (entries.length === 0) return texts;
  const out = await runGitBytes(root, ['cat-file', '--batch'], env, entries.map((e) => `${e.blob}\n`).join(''));
  let at = 0;
  for (const e of entries) {
    const eol = out.indexOf(0x0a, at);
    const size = Number(out.toString('latin1', at, eol).split(' ')[2]);
    texts.set(e.rel, out.toString('utf8', eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return texts;
}

/** Runs a git call, retrying briefly while another git process holds one of its locks (`index.lock`, `HEAD.lock`). */
async function retryingLock<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt < 40 && lockFile(String((e as Error).message)) !== undefined) {
        await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
        continue;
      }
      throw e;
    }
  }
}

export function openGit(root: string, gitDir: string, env: NodeJS.ProcessEnv): Git {
  const git = (args: string[]) => runGit(root, args, env);
  return {
    async userName() {
      const known = fs.existsSync(path.join(gitDir, 'config')) ? configuredUserName(gitDir, env) : UNKNOWN;
      if (known !== UNKNOWN) return known;
      try {
        return (await git(['config', '--get', 'user.name'])).trim() || undefined;
      } catch {
        return undefined;
      }
    },
    async uncommitted() {
      // Untracked files too: a document git does not know yet cannot go into a commit by path.
      const out = await git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames']);
      const paths = new Map<string, { staged: boolean; untracked?: boolean }>();
      for (const entry of out.split('\0')) {
        if (entry.length <= 3) continue;
        paths.set(entry.slice(3), entry.startsWith('??') ? { staged: false, untracked: true } : { staged: entry[0] !== ' ' });
      }
      return paths;
    },
    async headText(p) {
      return git(['show', `HEAD:${p}`]);
    },
    async isTracked(p) {
      try {
        await git(['ls-files', '--error-unmatch', '--', p]);
        return true;
      } catch {
        return false;
      }
    },
    async mv(from, to) {
      await retryingLock(() => git(['mv', '--', from, to]));
    },
    async commitPaths(paths, message, newPaths) {
      if (newPaths.length) await retryingLock(() => git(['add', '--', ...newPaths]));
      return retryingLock(() => git(['commit', '--quiet', '-m', message, '--', ...paths]));
    },
    async stagedPaths() {
      const { renamed, deleted, touched } = nameStatus(await git(['diff', '--cached', '--name-status', '-z', '--relative', '-M']));
      return { changed: [...touched], gone: [...deleted, ...renamed.keys()] };
    },
    async mergeBase(ref) {
      try {
        return (await git(['merge-base', ref, 'HEAD'])).trim() || undefined;
      } catch {
        return undefined;
      }
    },
    async commitOf(ref) {
      try {
        return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`])).trim() || undefined;
      } catch {
        return undefined;
      }
    },
    async filesAt(commit, wanted) {
      // `<mode> <type> <blob>\t<path>`
      const entries = entryLines(await git(['ls-tree', '-r', '-z', commit]))
        .map(([type, blob, rel]) => ({ type, blob, rel }))
        .filter((e) => e.type === 'blob' && wanted(e.rel));
      return readBlobs(root, env, entries);
    },
    async changesSince(commit) {
      return nameStatus(await git(['diff', '-M', '--name-status', '-z', '--relative', commit]));
    },
    async markdownContaining(text) {
      try {
        // `.MD` too: `index --file` takes any letter case of the extension.
        const out = await git(['grep', '-l', '-z', '-F', '--untracked', '-e', text, '--', ':(icase)*.md']);
        return out.split('\0').filter(Boolean);
      } catch (e) {
        // git grep exits 1 when nothing matches.
        if (e instanceof GitError && e.code === 1 && !e.stderr.trim()) return [];
        throw e;
      }
    },
    async indexFiles(wanted) {
      // Stage 0 only: during a merge, conflicted paths have no one staged text.
      // `<mode> <blob> <stage>\t<path>`
      const entries = entryLines(await git(['ls-files', '--stage', '-z'])).map(([blob, stage, rel]) => ({ blob, stage, rel }));
      const paths = entries.map((e) => e.rel);
      const read = entries.filter((e) => e.stage === '0' && wanted(e.rel));
      return { paths, texts: await readBlobs(root, env, read) };
    },
  };
}

/** A failed commit as one line (the transaction has put everything back), with git's or the hook's own output after it. */
export function commitFailure(e: unknown): UserError {
  // Ctrl-C reaches git and its hooks too: the commit died of the interruption, not of a refusal.
  const code = e instanceof GitError ? e.code : undefined;
  if (code === 'SIGINT' || code === 130) return new UserError('Interrupted; nothing was changed.', 130);
  if (code === 'SIGTERM' || code === 143) return new UserError('Terminated; nothing was changed.', 143);
  const raw = String((e as Error)?.message ?? e);
  const lines = raw
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  if (/Please tell me who you are|unable to auto-detect email/i.test(raw)) {
    return new UserError('Nothing changed: git has no identity to commit with.', EXIT_REFUSED, [
      'Set it with `git config user.name "Your Name"` and `git config user.email you@example.com`, then run the command again.',
    ]);
  }
  const lock = lockFile(raw);
  if (lock) return new UserError(`Nothing changed: a git lock file is in the way (${lock} exists).`, EXIT_REFUSED, LOCK_HINTS);
  const beyond = /'([^\n]+)' is beyond a symbolic link/.exec(raw)?.[1];
  if (beyond) {
    return new UserError(`Nothing changed: git does not commit ${beyond}, which lies beyond a symbolic link.`, EXIT_REFUSED, [
      "Make the linked folder a folder of its own, or set the kind's folder in .archdoc.yml to where the link leads, then run the command again.",
    ]);
  }
  // git's own line may end in a period already (a line of periods alone is kept as it is).
  const first = lines[0]?.replace(/\.+$/, '') || lines[0];
  return new UserError(`Nothing changed: git commit failed${first ? `: ${first}` : ''}.`, EXIT_REFUSED, [
    ...lines.slice(1, 20).map((l) => `  ${l}`),
    'Fix the cause (a pre-commit hook, say), then run the command again.',
  ]);
}

/**
 * The lock file git names when it cannot take one (its index, HEAD, a branch: another git process
 * holds it, or one that was killed left it behind), once archdoc's retries have given up; undefined
 * for any other failure. Only the quoted path is matched: git may say the rest in the user's
 * language, and the path may hold a quote of its own.
 */
export function lockFile(message: string): string | undefined {
  // A quote that opens a path is followed by neither a colon nor a space; one inside it neither.
  return /'(?![:\s])((?:[^'\n]|'(?![:\s]))*?\.lock)'/.exec(message)?.[1];
}

/** What to do about the lock file lockFile found. */
export const LOCK_HINTS = [
  'Another git process is using this repository, or one was stopped and left that file behind.',
  'When no git process is running, remove the file, then run the command again.',
];

/**
 * Why a git call (a move) failed, for a message that goes on "failed (...)": a lock file in the way,
 * with what to do about it, or git's first line without `fatal: ` and its last period.
 */
export function gitFailure(e: unknown): { why: string; hints?: string[] } {
  const message = String((e as Error)?.message ?? e);
  const lock = lockFile(message);
  if (lock) return { why: `a git lock file is in the way: ${lock} exists`, hints: LOCK_HINTS };
  const first = message
    .split('\n')
    .map((l) => l.replace(/^fatal: /, '').trim())
    .find(Boolean);
  return { why: first?.replace(/\.+$/, '') || first || 'git failed' };
}
