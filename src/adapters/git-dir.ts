/** The git directory of a work tree and its HEAD, read from files: no git process is started. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where archdoc keeps its lock and its journal: the git directory, which git never tracks; outside
 * git, a folder in the OS temp folder named after the root.
 */
export function stateDir(root: string, gitDir: string | undefined): string {
  return gitDir ?? path.join(fs.realpathSync(os.tmpdir()), `archdoc-${hash(root)}`);
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

/** `<root>/.git` when it is a folder; the folder a `.git` file names (worktrees, submodules); undefined outside git. */
export function gitDirOf(gitRoot: string | undefined): string | undefined {
  if (!gitRoot) return undefined;
  const dotGit = path.join(gitRoot, '.git');
  try {
    if (fs.statSync(dotGit).isDirectory()) return dotGit;
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
    return m ? path.resolve(gitRoot, m[1]!) : undefined;
  } catch {
    return undefined;
  }
}

/** The commit HEAD points at, or null before the first commit. */
export function readHead(gitDir: string): string | null {
  let head: string;
  try {
    head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
  } catch {
    return null;
  }
  const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
  if (!ref) return head || null;
  // A worktree keeps its own HEAD but shares refs with the main git directory.
  const common = commonDir(gitDir);
  for (const dir of [gitDir, common]) {
    try {
      return fs.readFileSync(path.join(dir, ref), 'utf8').trim() || null;
    } catch {
      // not a loose ref here
    }
  }
  try {
    const packed = fs.readFileSync(path.join(common, 'packed-refs'), 'utf8');
    for (const line of packed.split('\n')) if (line.endsWith(` ${ref}`)) return line.slice(0, line.indexOf(' '));
  } catch {
    // no packed refs
  }
  return null;
}

function commonDir(gitDir: string): string {
  try {
    return path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    return gitDir;
  }
}

export interface Repository {
  /** Top of the work tree. */
  workTree: string;
  gitDir: string;
}

/** Whether `dir` is itself a git directory: a bare repository, or the inside of `.git`. */
function isGitDir(dir: string): boolean {
  return fs.existsSync(path.join(dir, 'HEAD')) && fs.existsSync(path.join(dir, 'objects')) && fs.existsSync(path.join(dir, 'refs'));
}

/**
 * The repository `cwd` is in, found the way git finds it: `GIT_DIR` (with `GIT_WORK_TREE`, or the
 * current folder as the top of the work tree, as git takes it) when set, else the nearest folder
 * up with a `.git`. A bare repository, or a folder inside a git directory, has no work tree:
 * `bare` names it. Undefined outside git.
 */
export function findRepository(cwd: string, env: NodeJS.ProcessEnv): Repository | { bare: string } | undefined {
  if (env.GIT_DIR) {
    const gitDir = path.resolve(cwd, env.GIT_DIR);
    if (
      !env.GIT_WORK_TREE &&
      fs.existsSync(path.join(gitDir, 'config')) &&
      /^\s*bare\s*=\s*true\s*$/im.test(fs.readFileSync(path.join(gitDir, 'config'), 'utf8'))
    )
      return { bare: gitDir };
    return { workTree: path.resolve(cwd, env.GIT_WORK_TREE ?? '.'), gitDir };
  }
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) {
      const gitDir = gitDirOf(dir);
      if (gitDir) return { workTree: dir, gitDir };
    }
    if (isGitDir(dir)) return { bare: dir };
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The operation a repository is in the middle of, if any: archdoc changes nothing then. */
export function operationInProgress(gitDir: string): string | undefined {
  const states: Array<[string, string]> = [
    ['rebase-merge', 'rebase'],
    ['rebase-apply', 'rebase (or git am)'],
    ['MERGE_HEAD', 'merge'],
    ['CHERRY_PICK_HEAD', 'cherry-pick'],
    ['REVERT_HEAD', 'revert'],
    ['BISECT_LOG', 'bisect'],
  ];
  return states.find(([file]) => fs.existsSync(path.join(gitDir, file)))?.[1];
}

/**
 * Whether the repository may have a ref besides the branch HEAD is on: another branch, a
 * remote-tracking branch, a number reservation. Read from files, so a repository with one branch
 * pays no git process for the question; anything it cannot read says "maybe".
 */
export function mayHaveOtherRefs(gitDir: string): boolean {
  let common = gitDir;
  try {
    common = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
  } catch {
    // Not a linked worktree: the git directory holds the refs.
  }
  if (fs.existsSync(path.join(common, 'reftable'))) return true;
  let own: string | undefined;
  try {
    own = /^ref:\s*(\S+)/.exec(fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8'))?.[1];
  } catch {
    return true;
  }
  const names = new Set<string>();
  try {
    for (const line of fs.readFileSync(path.join(common, 'packed-refs'), 'utf8').split('\n')) {
      const m = /^[0-9a-f]+ (refs\/(?:heads|remotes|archdoc)\/\S+)$/.exec(line);
      if (m) names.add(m[1]!);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return true;
  }
  const walk = (rel: string): boolean => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(common, rel), { withFileTypes: true });
    } catch (e) {
      return (e as NodeJS.ErrnoException).code !== 'ENOENT';
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (walk(`${rel}/${e.name}`)) return true;
      } else names.add(`${rel}/${e.name}`);
    }
    return false;
  };
  if (walk('refs/heads') || walk('refs/remotes') || walk('refs/archdoc')) return true;
  names.delete(own ?? '');
  return names.size > 0;
}

/** The short name of the branch HEAD is on (`feature/x`), or undefined when detached or unreadable. */
export function readHeadBranch(gitDir: string): string | undefined {
  try {
    return /^ref:\s*refs\/heads\/(\S+)/.exec(fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}
