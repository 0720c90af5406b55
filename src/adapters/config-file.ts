/**
 * Finds and loads the configuration file. It is discovered from the working directory upward,
 * stopping at the git root; its folder is the root all document paths are relative to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fastConfig } from '../core/fast-config.js';
import { fastFrontmatter } from '../core/fast-yaml.js';
import { resolveConfig, type Config, DEFAULT_CONFIG } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import { findRepository, type Repository } from './git-dir.js';
import { readSmallFile } from './store.js';

export const CONFIG_FILE = '.archdoc.yml';

export interface Workspace {
  /** Folder all document paths are relative to: the config file's folder, else the git root, else cwd. */
  root: string;
  /** Top of the git work tree, when inside one. */
  gitRoot?: string;
  /** Its git directory. */
  gitDir?: string;
  configPath?: string;
  /** The configuration file's text as read: a change that waited for the lock compares it with the file's text then. */
  configText?: string;
  config: Config;
  warnings: string[];
}

export function findConfig(start: string, gitRoot: string | undefined): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    if (dir === gitRoot || path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The repository archdoc works in from `cwd` (see findRepository), or undefined outside git. A
 * bare repository, or a folder outside the work tree GIT_WORK_TREE names, is a usage error:
 * archdoc needs a work tree, and git would refuse too.
 */
export function workTreeRepository(cwd: string, env: NodeJS.ProcessEnv): Repository | undefined {
  const repo = findRepository(cwd, env);
  if (!repo) return undefined;
  if ('bare' in repo)
    throw new UsageError(`archdoc needs a work tree: ${repo.bare} is a bare repository or a git directory.`, ['Run archdoc in a clone with a work tree.']);
  const at = path.resolve(cwd);
  if (at !== repo.workTree && !at.startsWith(repo.workTree + path.sep)) {
    throw new UsageError(`${at} is outside the work tree ${repo.workTree} (GIT_DIR and GIT_WORK_TREE say so); git would refuse too.`, [
      'Run archdoc inside the work tree, or unset GIT_DIR and GIT_WORK_TREE.',
    ]);
  }
  return repo;
}

export async function loadWorkspace(cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Workspace> {
  if (!fs.existsSync(cwd) || !fs.statSync(cwd).isDirectory()) throw new UsageError(`--cwd ${cwd}: no such directory`);
  const repo = workTreeRepository(cwd, env);
  const gitRoot = repo?.workTree;
  const git = repo ? { gitRoot: repo.workTree, gitDir: repo.gitDir } : {};
  const configPath = findConfig(cwd, gitRoot);
  if (!configPath) {
    return { root: gitRoot ?? path.resolve(cwd), ...git, config: DEFAULT_CONFIG, warnings: [] };
  }
  const rel = path.relative(cwd, configPath) || CONFIG_FILE;
  let raw: unknown;
  const text = readSmallFile(configPath, rel, gitRoot ?? path.dirname(configPath));
  try {
    // The fast exact readers take the usual shapes (nested maps of scalars, as init writes them;
    // flat keys with lists of maps); anything else goes to yaml, loaded only then.
    raw = fastConfig(text) ?? fastFrontmatter(text)?.data ?? parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    throw new UsageError(`${rel}${line ? `:${line}` : ''}: cannot read the configuration: ${msg}`, [
      'Fix the file, or run `archdoc init --force` to write a fresh one.',
    ]);
  }
  const { config, errors, warnings } = resolveConfig(raw);
  if (errors.length) {
    throw new UsageError(
      `${rel}: ${errors[0]}`,
      errors.slice(1).map((e) => `${rel}: ${e}`),
    );
  }
  return { root: path.dirname(configPath), ...git, configPath, configText: text, config, warnings };
}

/** Whether the configuration file no longer holds the text `ws` was read from (another run changed it, or removed it). */
export function configChanged(ws: Workspace): boolean {
  if (!ws.configPath || ws.configText === undefined) return false;
  try {
    return fs.readFileSync(ws.configPath, 'utf8') !== ws.configText;
  } catch {
    return true;
  }
}
