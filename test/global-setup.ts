/**
 * Builds the template repositories once per test run; `makeRepo()` (test/helpers.ts) copies one
 * instead of running `git init`, four `git config` and `archdoc init` for every test.
 *
 * - `git`: `git init -b main` with a fixed identity, no signing, no gc;
 * - `git-init`: the same, then `archdoc init` (committed);
 * - `init`: `archdoc init` in a folder that is not a repository.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { runArchdoc, testEnv } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder holding the template repositories (`git`, `git-init`, `init`). */
    repoTemplates: string;
  }
}

function gitInit(dir: string, env: NodeJS.ProcessEnv): void {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Test Author');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'gc.auto', '0');
}

async function archdocInit(dir: string, env: NodeJS.ProcessEnv): Promise<void> {
  const r = await runArchdoc(['init'], dir, env);
  if (r.code !== 0) throw new Error(`archdoc init failed in the template ${dir}: ${r.stderr}`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-templates-')));
  const home = path.join(root, 'home');
  const env = testEnv(home);
  for (const name of ['home', 'git', 'git-init', 'init']) fs.mkdirSync(path.join(root, name));
  gitInit(path.join(root, 'git'), env);
  gitInit(path.join(root, 'git-init'), env);
  await archdocInit(path.join(root, 'git-init'), env);
  await archdocInit(path.join(root, 'init'), env);
  project.provide('repoTemplates', root);
  return () => fs.rmSync(root, { recursive: true, force: true });
}
