/**
 * Every change archdoc makes to a repository is one transaction: all of it happens, or none.
 *
 * - One writer at a time: the repository lock (src/adapters/repo-lock.ts) is held from before the
 *   documents are read until the commit is made.
 * - Before a path is first changed, its bytes (or its absence) are saved in a journal inside the
 *   git directory, and so is git's index, once. A failure (a refused hook, no identity, a full
 *   disk, SIGINT, SIGTERM) puts every saved path and the index back, byte for byte.
 * - A run that was killed outright leaves its journal behind: the next archdoc run puts the
 *   repository back as it was before that run (or, when its commit had landed, keeps it) and says so.
 *
 * Commands write only through a transaction (`write`, `create`, `move`, `remove`); an
 * architecture test keeps it so.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Git } from './git.js';
import { operationInProgress, readHead, stateDir } from './git-dir.js';
import { acquireRepoLock, type RepoLock } from './repo-lock.js';
import { createExclusive, isTempFileOf, moveFile, writeAtomic } from './store.js';
import { RefusedError, UserError } from '../core/errors.js';
import { gitSegment } from '../core/file-names.js';

interface JournalEntry {
  rel: string;
  /** File name of the saved bytes in the journal folder; null when the path did not exist. */
  saved: string | null;
}

interface JournalFile {
  pid: number;
  command: string;
  /** HEAD when the transaction began: a different HEAD at recovery means its commit landed. */
  head: string | null;
  /** Whether git's index was saved (it exists only once something was staged). */
  index: boolean;
  entries: JournalEntry[];
  /** Texts to write once the change is made (journal file names): the user's edits with archdoc's change on top. */
  after?: Array<{ rel: string; saved: string }>;
  /** Folders the change makes (the outermost of each new chain), journalled first: undoing it removes them when empty. */
  folders?: string[];
}

export interface Transaction {
  /**
   * Replaces or creates a file. A file with uncommitted changes of the user's is refused (exit 1,
   * nothing changed), unless the caller asked `uncommitted` about it and handles them.
   */
  write(rel: string, text: string): Promise<void>;
  /** Creates a file that must not exist yet; false when it does (nothing is written then). */
  create(rel: string, text: string): Promise<boolean>;
  /**
   * Whether the user has uncommitted changes in `rel`: none, only in the work tree, or staged.
   * A path asked about is the caller's to handle: writing it is no longer refused.
   */
  uncommitted(rel: string): Promise<'none' | 'work-tree' | 'staged' | 'untracked'>;
  /**
   * Writes `text` to `rel` once the change is made (after its commit), kept in the journal first
   * so that a run killed after its commit still puts it back: the user's uncommitted edits with
   * archdoc's change applied on top.
   */
  afterwards(rel: string, text: string): Promise<void>;
  /** Moves a file: `git mv` when git tracks it, a rename otherwise. Says which new paths git does not know. */
  move(from: string, to: string): Promise<{ newPaths: string[] }>;
  /** Makes a folder (and those above it) that is not there yet; false when it is. Undoing the change removes it, when empty. */
  folder(rel: string): Promise<boolean>;
}

export interface TransactionOptions {
  root: string;
  /** The git directory, or undefined outside git (the journal and lock then live in the OS temp folder). */
  gitDir: string | undefined;
  git: Git | undefined;
  /** Whether the change ends in a commit: only then can the user's uncommitted work be swept into one. */
  commits: boolean;
  /** What runs, for the lock and for messages: `rfc-status RFC-0001`. */
  command: string;
  /** Where to tell the user about waiting and recovery. */
  notice(line: string): void;
}

const JOURNAL = 'archdoc-journal';

/**
 * The one check every written path passes: relative, no `..`, no control character, not a symbolic
 * link, and, after resolving the links of its nearest existing folder, inside the work tree and
 * outside the git directory. A committed `rfcs/draft -> /elsewhere` is refused, not followed.
 */
export function checkedPath(root: string, gitDir: string | undefined, rel: string): string {
  const why = pathProblem(root, gitDir, rel);
  if (why !== undefined) throw new RefusedError(`Refusing to write ${JSON.stringify(rel)}: ${why}; nothing was changed.`);
  return path.join(root, rel);
}

/** pathProblem's answer for a path that is itself a symbolic link. */
export const SYMBOLIC_LINK = 'it is a symbolic link';

/** Why archdoc may not write `rel` (see checkedPath), or undefined when it may. */
export function pathProblem(root: string, gitDir: string | undefined, rel: string): string | undefined {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (path.isAbsolute(rel) || rel.split(/[\\/]/).includes('..') || /[\u0000-\u001f\u007f]/.test(rel)) return 'it is not a plain path inside the repository';
  if (gitSegment(rel) !== undefined) return 'it is inside a .git folder, which git keeps for itself';
  const abs = path.join(root, rel);
  let existing = path.dirname(abs);
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = fs.realpathSync(existing);
  const inside = (dir: string, parent: string) => dir === parent || dir.startsWith(parent + path.sep);
  if (!inside(real, fs.realpathSync(root))) return `${path.relative(root, existing) || '.'} leads outside the work tree (a symbolic link?)`;
  if (gitDir && fs.existsSync(gitDir) && inside(real, fs.realpathSync(gitDir))) return 'it is inside the git directory';
  let link = false;
  try {
    link = fs.lstatSync(abs).isSymbolicLink();
  } catch {
    // does not exist yet
  }
  return link ? SYMBOLIC_LINK : undefined;
}

/** The folder of the journal: in the git directory, or a temp folder named after the root outside git. */
export function journalDir(root: string, gitDir: string | undefined): string {
  return path.join(stateDir(root, gitDir), JOURNAL);
}

function readJournal(dir: string): JournalFile | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'journal.json'), 'utf8')) as JournalFile;
  } catch {
    return undefined;
  }
}

function writeJournal(dir: string, journal: JournalFile): void {
  const file = path.join(dir, 'journal.json');
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(journal));
  fs.renameSync(`${file}.tmp`, file);
}

/** Removes the temp files an atomic write of `rel` may have left when it was killed (store.writeAtomic names them). */
function removeTempFiles(root: string, rel: string): void {
  const abs = path.join(root, rel);
  const base = path.basename(abs);
  let names: string[];
  try {
    names = fs.readdirSync(path.dirname(abs));
  } catch {
    return;
  }
  for (const name of names) if (isTempFileOf(name, base)) fs.rmSync(path.join(path.dirname(abs), name), { force: true });
}

/**
 * Removes the journal folder: its files one by one, then the folder (the recursive rm loads a
 * module of its own, which every change would pay for).
 */
function removeJournal(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) fs.unlinkSync(path.join(dir, name));
  fs.rmdirSync(dir);
}

/** Writes the texts kept for after the change (see Transaction.afterwards). */
function writeAfterwards(root: string, dir: string, journal: JournalFile): void {
  for (const { rel, saved } of journal.after ?? []) writeAtomic(root, rel, fs.readFileSync(path.join(dir, saved), 'utf8'));
}

/** Puts every journalled path and the index back as they were, then removes the journal. */
function rollBack(root: string, gitDir: string | undefined, dir: string, journal: JournalFile): void {
  for (const entry of journal.entries) removeTempFiles(root, entry.rel);
  for (const entry of [...journal.entries].reverse()) {
    const abs = path.join(root, entry.rel);
    if (entry.saved === null) fs.rmSync(abs, { force: true });
    else {
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.copyFileSync(path.join(dir, entry.saved), abs);
    }
  }
  if (gitDir) {
    const index = path.join(gitDir, 'index');
    if (journal.index) fs.copyFileSync(path.join(dir, 'index'), index);
    else fs.rmSync(index, { force: true });
  }
  for (const folder of [...(Array.isArray(journal.folders) ? journal.folders : [])].reverse()) {
    // Only a folder inside the work tree, as this module journals them: a damaged journal removes nothing else.
    if (typeof folder === 'string' && folder !== '' && folder !== '.' && !path.isAbsolute(folder) && !folder.split(/[\\/]/).includes('..')) {
      removeEmptyFolders(path.join(root, folder));
    }
  }
  removeJournal(dir);
}

/** Removes `abs` and the folders in it when nothing but empty folders is left in them: files another process wrote there meanwhile stay (its empty folders do not). */
function removeEmptyFolders(abs: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch {
    return; // gone already
  }
  for (const e of entries) if (e.isDirectory()) removeEmptyFolders(path.join(abs, e.name));
  try {
    fs.rmdirSync(abs);
  } catch {
    // not empty: someone else's file is in it
  }
}

/** The outermost folder that writing `rel` would make (relative to the root), or undefined when its folder exists. */
function firstMissingFolder(root: string, rel: string): string | undefined {
  let missing: string | undefined;
  for (let dir = path.posix.dirname(rel); dir !== '.' && dir !== '' && !fs.existsSync(path.join(root, dir)); dir = path.posix.dirname(dir)) missing = dir;
  return missing;
}

/**
 * Finishes what a killed run left: when its commit landed (HEAD moved), its changes stay; otherwise
 * everything it changed is put back. Called with the repository lock held. Returns a line to show.
 */
export function recoverInterrupted(root: string, gitDir: string | undefined): string | undefined {
  const dir = journalDir(root, gitDir);
  if (!fs.existsSync(dir)) return undefined;
  const journal = readJournal(dir);
  if (!journal) {
    // Killed before its journal was written: nothing was changed yet.
    removeJournal(dir);
    return undefined;
  }
  if (gitDir && journal.head !== readHead(gitDir)) {
    for (const entry of journal.entries) removeTempFiles(root, entry.rel);
    writeAfterwards(root, dir, journal);
    removeJournal(dir);
    return `archdoc: an interrupted ${journal.command} (pid ${journal.pid}) had committed; its change is kept.`;
  }
  rollBack(root, gitDir, dir, journal);
  return `archdoc: an interrupted ${journal.command} (pid ${journal.pid}) was rolled back; the repository is as it was before it.`;
}

/** Transactions under way in this process: their journals are no killed run's. */
let running = 0;

/** Whether a killed run left a journal (one stat: every command asks). */
export function hasJournal(root: string, gitDir: string | undefined): boolean {
  return running === 0 && fs.existsSync(journalDir(root, gitDir));
}

/** Takes the repository lock just long enough to finish what a killed run left (see recoverInterrupted). */
export async function recoverNow(root: string, gitDir: string | undefined, notice: (line: string) => void): Promise<void> {
  const lock = await acquireRepoLock(root, gitDir, 'recovery', notice);
  try {
    const line = recoverInterrupted(root, gitDir);
    if (line) notice(line);
  } finally {
    lock.release();
  }
}

/**
 * Runs `fn` as one transaction under the repository lock. When `fn` throws, or the process gets
 * SIGINT or SIGTERM, every change it made is put back; then the error is thrown again.
 */
export async function inTransaction<T>(opts: TransactionOptions, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  // In the middle of a merge, rebase and the like, git's index and HEAD are not the user's to commit on.
  const busy = opts.gitDir && operationInProgress(opts.gitDir);
  if (busy)
    throw new RefusedError(`The repository is in the middle of a ${busy}; nothing was changed.`, [
      `Finish or abort the ${busy} first (git status says how), then run the command again.`,
    ]);
  const lock: RepoLock = await acquireRepoLock(opts.root, opts.gitDir, opts.command, opts.notice);
  let dir: string | undefined;
  let journal: JournalFile | undefined;
  let finished = false;
  const undo = () => {
    if (dir && journal) rollBack(opts.root, opts.gitDir, dir, journal);
    journal = undefined;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (!finished) {
      undo();
      lock.release();
      opts.notice(`archdoc: interrupted by ${signal}; nothing was changed.`);
    }
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  running++;
  try {
    const recovered = recoverInterrupted(opts.root, opts.gitDir);
    if (recovered) opts.notice(recovered);
    const begin = () => {
      if (journal) return journal;
      dir = journalDir(opts.root, opts.gitDir);
      fs.mkdirSync(dir, { recursive: true });
      const index = opts.gitDir ? path.join(opts.gitDir, 'index') : undefined;
      const hasIndex = !!index && fs.existsSync(index);
      if (hasIndex) fs.copyFileSync(index!, path.join(dir, 'index'));
      // Written with its first entry, before the first change: a run killed before then changed nothing.
      journal = { pid: process.pid, command: opts.command, head: opts.gitDir ? readHead(opts.gitDir) : null, index: hasIndex, entries: [] };
      return journal;
    };
    // Paths with the user's own uncommitted work, asked of git once, when a file that exists is first changed.
    let uncommitted: Map<string, { staged: boolean; untracked?: boolean }> | undefined;
    const carried = new Set<string>();
    const save = async (rel: string, checked = false) => {
      if (!checked) checkedPath(opts.root, opts.gitDir, rel);
      // Already saved: archdoc changed it earlier in this transaction.
      if (journal?.entries.some((e) => e.rel === rel)) return;
      if (opts.git && opts.commits && !carried.has(rel) && fs.existsSync(path.join(opts.root, rel))) {
        uncommitted ??= await opts.git.uncommitted();
        if (uncommitted.has(rel) && !uncommitted.get(rel)!.untracked) {
          throw new RefusedError(`${rel} has changes of yours that are not committed; archdoc would commit them with its own, so nothing was changed.`, [
            'Commit them, or put them aside with `git stash`, then run the command again.',
          ]);
        }
      }
      const j = begin();
      const abs = path.join(opts.root, rel);
      let saved: string | null = null;
      if (fs.existsSync(abs)) {
        saved = String(j.entries.length);
        fs.copyFileSync(abs, path.join(dir!, saved));
      }
      j.entries.push({ rel, saved });
      // A folder the change will make (a status folder not there yet) is journalled before it is
      // made, so that undoing the change, or recovering from a kill, removes it again.
      const folder = firstMissingFolder(opts.root, rel);
      if (folder) j.folders = [...(j.folders ?? []), folder];
      writeJournal(dir!, j);
    };
    const tx: Transaction = {
      async afterwards(rel, text) {
        await save(rel);
        const j = journal!;
        j.after ??= [];
        const saved = `after-${j.after.length}`;
        fs.writeFileSync(path.join(dir!, saved), text);
        j.after.push({ rel, saved });
        writeJournal(dir!, j);
      },
      async uncommitted(rel) {
        carried.add(rel);
        if (!opts.git) return 'none';
        uncommitted ??= await opts.git.uncommitted();
        const state = uncommitted.get(rel);
        return !state ? 'none' : state.untracked ? 'untracked' : state.staged ? 'staged' : 'work-tree';
      },
      async write(rel, text) {
        await save(rel);
        writeAtomic(opts.root, rel, text);
      },
      async create(rel, text) {
        checkedPath(opts.root, opts.gitDir, rel);
        if (fs.existsSync(path.join(opts.root, rel))) return false;
        await save(rel, true);
        return createExclusive(opts.root, rel, text);
      },
      async folder(rel) {
        // A folder that is there already, through a link or not, is left as it is: nothing is made.
        if (fs.existsSync(path.join(opts.root, rel))) return false;
        checkedPath(opts.root, opts.gitDir, rel);
        // Journalled before it is made, as the folders a write makes: a kill leaves none behind.
        const j = begin();
        j.folders = [...(j.folders ?? []), firstMissingFolder(opts.root, `${rel}/-`) ?? rel];
        writeJournal(dir!, j);
        fs.mkdirSync(path.join(opts.root, rel), { recursive: true });
        return true;
      },
      async move(from, to) {
        if (carried.has(from)) carried.add(to);
        await save(from);
        await save(to);
        fs.mkdirSync(path.dirname(path.join(opts.root, to)), { recursive: true });
        if (opts.git && (await opts.git.isTracked(from))) {
          await opts.git.mv(from, to);
          return { newPaths: [] };
        }
        moveFile(opts.root, from, to);
        return { newPaths: [to] };
      },
    };
    const result = await fn(tx);
    if (dir && journal) writeAfterwards(opts.root, dir, journal);
    finished = true;
    if (dir) removeJournal(dir);
    return result;
  } catch (e) {
    finished = true;
    undo();
    // A file-system failure (a full disk, a file-size limit, a read-only file) is a failed
    // operation, not a bug: one line that says what failed and that nothing changed.
    const code = (e as NodeJS.ErrnoException)?.code;
    if (!(e instanceof UserError) && typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      throw new RefusedError(`${(e as Error).message.split('\n')[0]}; nothing was changed.`);
    }
    throw e;
  } finally {
    running--;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    lock.release();
  }
}
