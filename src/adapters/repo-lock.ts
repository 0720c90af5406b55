/**
 * One writer at a time: a lock file inside the git directory (never a path git could track) naming
 * the process that holds it. A lock whose holder is dead on this host is taken over at once; a
 * live holder is waited for, and after a second the wait is said on stderr.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RefusedError } from '../core/errors.js';
import { stateDir } from './git-dir.js';

export interface RepoLock {
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  command: string;
  started: string;
}

/** Where the lock lives: beside the journal. */
export function lockPath(root: string, gitDir: string | undefined): string {
  return path.join(stateDir(root, gitDir), 'archdoc.lock');
}

/**
 * Whether a process of this host is alive. A killed process its parent has not reaped yet (a
 * zombie: in a container whose init reaps nothing, for good) still answers a signal, but it runs
 * no more: Linux says so in /proc.
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // `pid (name) state …`: the name may hold spaces and parentheses, so the state follows the last `)`.
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return true; // no /proc (macOS): the signal's answer stands
  }
}

function readHolder(file: string): Holder | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
  } catch {
    return undefined;
  }
}

/** Set by archdoc on every git it runs (src/adapters/git.ts) to its process id: a git hook of its own commit inherits it. */
export const HOLDER_ENV = 'ARCHDOC_LOCK_HOLDER';

/**
 * Whether this process runs inside the change of the lock's live holder: a git hook of archdoc's
 * own commit (`archdoc check --staged` in pre-commit), which reads the change as it stands instead
 * of waiting for its own parent. Any other process waits for the holder, then finishes what it
 * left when it died (src/commands/shared/context.ts).
 */
export function runByHolder(root: string, gitDir: string | undefined, env: NodeJS.ProcessEnv): boolean {
  const holder = readHolder(lockPath(root, gitDir));
  return !!holder && holder.host === os.hostname() && env[HOLDER_ENV] === String(holder.pid) && alive(holder.pid);
}

/**
 * Takes the lock, waiting for a live holder up to `waitMs`. A dead holder's lock is taken over:
 * renamed aside first, so that of two processes taking it over only one succeeds.
 */
export async function acquireRepoLock(
  root: string,
  gitDir: string | undefined,
  command: string,
  notice: (line: string) => void,
  waitMs = 120_000,
): Promise<RepoLock> {
  const file = lockPath(root, gitDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me: Holder = { pid: process.pid, host: os.hostname(), command, started: new Date().toISOString() };
  const started = Date.now();
  let told = false;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(file);
    // A holder that died on this host (or a lock file left empty by a kill) is gone for good.
    const stale = holder ? holder.host === me.host && !alive(holder.pid) : Date.now() - mtime(file) > 2_000;
    if (stale) {
      removeStale(file, holder);
      continue;
    }
    if (!told && Date.now() - started > 1_000) {
      notice(`waiting for ${holder?.command ?? 'another archdoc'} (pid ${holder?.pid ?? '?'})…`);
      told = true;
    }
    if (Date.now() - started > waitMs) {
      throw new RefusedError(
        `Another archdoc (${holder?.command ?? 'unknown'}, pid ${holder?.pid ?? '?'} on ${holder?.host ?? '?'}) has held ${file} for over ${Math.round(waitMs / 1000)} s; nothing was changed.`,
        ['If that process is gone, remove the lock file and run the command again.'],
      );
    }
    await new Promise((r) => setTimeout(r, Math.min(100, 5 + attempt * 5) * (0.5 + Math.random())));
  }
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      const holder = readHolder(file);
      if (holder?.pid === me.pid && holder.started === me.started) fs.rmSync(file, { force: true });
    },
  };
}

/**
 * Removes a dead holder's lock. Taking over is itself locked (`<lock>.takeover`, created
 * exclusively), and the lock is read again under it: the lock removed is the dead one judged,
 * never one a live process took meanwhile (nothing else removes a lock but its holder, who is
 * dead). A takeover file left by a process killed inside these few lines is old after a few
 * seconds and removed.
 */
function removeStale(file: string, judged: Holder | undefined): void {
  const takeover = `${file}.takeover`;
  try {
    fs.closeSync(fs.openSync(takeover, 'wx'));
  } catch {
    if (Date.now() - mtime(takeover) > 5_000) fs.rmSync(takeover, { force: true });
    return; // another process is taking over: wait and look again
  }
  try {
    const now = readHolder(file);
    const same = judged ? now?.pid === judged.pid && now.started === judged.started : now === undefined && Date.now() - mtime(file) > 2_000;
    if (same) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return Date.now();
  }
}
