import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configuredUserName, UNKNOWN, userNameIn } from '../../src/adapters/git-config.js';
import { tempDir } from '../helpers.js';

describe('userNameIn', () => {
  it.each([
    ['[user]\n\tname = Jane Doe\n\temail = j@x\n', 'Jane Doe'],
    ['[core]\n\tbare = false\n[user]\n  name=Jane   # the boss\n', 'Jane'],
    ['[User]\nName = Case Insensitive\n', 'Case Insensitive'],
    ['[user "work"]\n\tname = Not This\n', null],
    ['[core]\n\tname = Not a user\n', null],
    ['[user]\n\tname = First\n[user]\n\tname = Second\n', 'Second'],
    ['[include]\n\tpath = other\n[user]\n\tname = X\n', UNKNOWN],
    ['[includeIf "gitdir:~/w/"]\n\tpath = w\n', UNKNOWN],
    ['[user]\n\tname = "Quoted"\n', UNKNOWN],
    ['[user]\n\tname\n', UNKNOWN],
  ])('%j -> %s', (text, want) => expect(userNameIn(text)).toBe(want));
});

describe('configuredUserName agrees with git', () => {
  const cases: Array<{ global?: string; local?: string }> = [
    { global: '[user]\n\tname = Global Name\n' },
    { global: '[user]\n\tname = Global Name\n', local: '[user]\n\tname = Local Name\n' },
    { local: '[core]\n\tfilemode = true\n' },
    { global: '[alias]\n\tco = checkout\n[user]\n\temail = x@y\n\tname = Tab\tName\n' },
  ];
  it.each(cases.map((c, i) => [i, c] as const))('case %i', (_i, c) => {
    const home = tempDir('archdoc-home-');
    const repo = tempDir();
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, GIT_CONFIG_NOSYSTEM: '1', XDG_CONFIG_HOME: path.join(home, '.config') };
    delete env.GIT_CONFIG_GLOBAL;
    execFileSync('git', ['init', '-q'], { cwd: repo, env });
    if (c.global) fs.writeFileSync(path.join(home, '.gitconfig'), c.global);
    if (c.local) fs.appendFileSync(path.join(repo, '.git', 'config'), c.local);
    let fromGit: string | undefined;
    try {
      fromGit = execFileSync('git', ['config', '--get', 'user.name'], { cwd: repo, env, encoding: 'utf8' }).trim();
    } catch {
      fromGit = undefined;
    }
    const ours = configuredUserName(path.join(repo, '.git'), env);
    expect(ours).not.toBe(UNKNOWN); // plain files: read without git
    expect(ours).toBe(fromGit);
  });
});
