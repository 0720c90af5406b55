/**
 * `user.name` read from git's configuration files, without starting git (a process start costs
 * 10-30 ms of the parent's time). Only the plain cases are read here: anything this reader is
 * not sure about (includes, quoting, environment overrides, other platforms) returns `unknown`
 * and the caller asks git itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const UNKNOWN = Symbol('unknown');

/** The value of `[user] name` in one file's text: a string, null when absent, or UNKNOWN. */
export function userNameIn(text: string): string | null | typeof UNKNOWN {
  let inUser = false;
  let found: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line[0] === '#' || line[0] === ';') continue;
    if (line[0] === '[') {
      const header = /^\[\s*([A-Za-z0-9.-]+)\s*\]$/.exec(line);
      if (!header) {
        if (/^\[\s*(include|includeIf)\b/i.test(line)) return UNKNOWN;
        inUser = false; // a subsection like [user "x"] or [remote "origin"]
        continue;
      }
      const name = header[1]!.toLowerCase();
      if (name === 'include' || name === 'includeif') return UNKNOWN;
      inUser = name === 'user';
      continue;
    }
    if (!inUser) continue;
    const kv = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!kv) return UNKNOWN;
    if (kv[1]!.toLowerCase() !== 'name') continue;
    const value = kv[2];
    if (value === undefined || /["\\]/.test(value) || raw.trimEnd().endsWith('\\')) return UNKNOWN;
    found = value
      .replace(/\s+[#;].*$/, '')
      .trim()
      .replace(/\s+/g, ' '); // git folds inner whitespace
    if (found === '') return UNKNOWN;
  }
  return found;
}

/** user.name as git would answer `git config --get user.name` in `gitDir`'s repository. */
export function configuredUserName(gitDir: string, env: NodeJS.ProcessEnv): string | undefined | typeof UNKNOWN {
  if (process.platform !== 'linux') return UNKNOWN; // the system file lives elsewhere on other platforms
  if (env.GIT_CONFIG_PARAMETERS || env.GIT_CONFIG_COUNT || env.GIT_CONFIG || env.GIT_DIR) return UNKNOWN;
  const home = env.HOME ?? os.homedir();
  const files: string[] = [];
  if (!env.GIT_CONFIG_NOSYSTEM) files.push(env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig');
  if (env.GIT_CONFIG_GLOBAL !== undefined) files.push(env.GIT_CONFIG_GLOBAL);
  else files.push(path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'config'), path.join(home, '.gitconfig'));
  files.push(path.join(gitDir, 'config'));
  let name: string | undefined;
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') continue;
      return UNKNOWN;
    }
    if (/worktreeConfig/i.test(text)) return UNKNOWN;
    const v = userNameIn(text);
    if (v === UNKNOWN) return UNKNOWN;
    if (v !== null) name = v; // later files win, as in git
  }
  return name;
}
