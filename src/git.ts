/**
 * Git, through simple-git: a handful of small functions over argument arrays (never shell
 * strings). Commits use `git commit -- <paths>` so only the paths archdoc touched are committed;
 * whatever else the user staged or modified stays exactly as it was.
 */
import type { SimpleGit } from 'simple-git';
import { UserError, EXIT_REFUSED } from './errors.js';

export interface Git {
  userName(): Promise<string | undefined>;
  /** Whether git tracks the path (so a move should be `git mv`). */
  isTracked(path: string): Promise<boolean>;
  mv(from: string, to: string): Promise<void>;
  /** Stages new paths and commits exactly `paths` with `message`. */
  commitPaths(paths: string[], message: string, newPaths: string[]): Promise<string>;
}

async function client(root: string): Promise<SimpleGit> {
  const { simpleGit } = await import('simple-git');
  return simpleGit({ baseDir: root, maxConcurrentProcesses: 2, trimmed: true });
}

/** Runs a git call, retrying briefly while another git process holds `index.lock`. */
async function retryingLock<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt < 40 && /index\.lock/.test(String((e as Error).message))) {
        await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
        continue;
      }
      throw e;
    }
  }
}

export function openGit(root: string): Git {
  let g: Promise<SimpleGit> | undefined;
  const git = () => (g ??= client(root));
  return {
    async userName() {
      try {
        const v = await (await git()).raw(['config', '--get', 'user.name']);
        return v.trim() || undefined;
      } catch {
        return undefined;
      }
    },
    async isTracked(p) {
      try {
        await (await git()).raw(['ls-files', '--error-unmatch', '--', p]);
        return true;
      } catch {
        return false;
      }
    },
    async mv(from, to) {
      await retryingLock(async () => (await git()).raw(['mv', '--', from, to]));
    },
    async commitPaths(paths, message, newPaths) {
      const g2 = await git();
      if (newPaths.length) await retryingLock(() => g2.raw(['add', '--', ...newPaths]));
      return retryingLock(() => g2.raw(['commit', '--quiet', '-m', message, '--', ...paths]));
    },
  };
}

/** Turns a failed commit into one line that says what was written but not committed. */
export function commitFailure(e: unknown, written: string[]): UserError {
  const raw = String((e as Error)?.message ?? e);
  const lines = raw.split('\n').map((l) => l.trim()).filter(Boolean);
  let why = `git commit failed: ${lines[0] ?? 'no output'}`;
  if (/Please tell me who you are|unable to auto-detect email/i.test(raw)) {
    why = 'git has no identity; set it with `git config user.name "Your Name"` and `git config user.email you@example.com`';
  }
  return new UserError(
    `Not committed: ${written.join(', ')} ${written.length === 1 ? 'was' : 'were'} written but not committed (${why}).`,
    EXIT_REFUSED,
    [`Fix the cause, then commit it yourself: git add -- ${written.join(' ')} && git commit`],
  );
}
