import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BIN, makeRepo, tempDir, testEnv, type Repo } from '../helpers.js';
import { writeIt } from '../behaviour/rfc-fixtures.js';

const DOCS = path.resolve(import.meta.dirname, '..', '..', 'docs');
const workflowFile = path.join(DOCS, 'ci', 'github-actions.yml');
const hookFile = path.join(DOCS, 'ci', 'pre-commit');

/** A stand-in `npx` that runs the built archdoc instead of fetching it. */
function npxShim(): string {
  const dir = tempDir('archdoc-shim-');
  fs.writeFileSync(
    path.join(dir, 'npx'),
    `#!/bin/sh\nwhile [ "\${1#-}" != "$1" ]; do shift; done\n[ "$1" = archdoc ] || { echo "unexpected npx $*" >&2; exit 99; }\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`,
    { mode: 0o755 },
  );
  return dir;
}

async function seed(repo: Repo, broken: boolean): Promise<void> {
  const r = await repo.run(['create-adr', 'Use PostgreSQL for orders', '--yes']);
  expect(r.code).toBe(0);
  if (broken) {
    const file = repo.find('ADR-0001');
    repo.write(file, repo.read(file).replace('status: PROPOSED', 'status: MAYBE'));
  }
}

describe('CI recipes in docs/ci.md', () => {
  it('docs/ci.md shows the recipe files verbatim, and docs/workflows.md the GitHub Actions job', () => {
    expect(fs.readFileSync(path.join(DOCS, 'workflows.md'), 'utf8')).toContain(`\`\`\`yaml\n${fs.readFileSync(workflowFile, 'utf8')}\`\`\``);
    const md = fs.readFileSync(path.join(DOCS, 'ci.md'), 'utf8');
    expect(md).toContain(`\`\`\`yaml\n${fs.readFileSync(workflowFile, 'utf8')}\`\`\``);
    expect(md).toContain(`\`\`\`sh\n${fs.readFileSync(hookFile, 'utf8')}\`\`\``);
  });

  it('the GitHub Actions step passes on a sound repository and annotates a broken one', async () => {
    const workflow = parse(fs.readFileSync(workflowFile, 'utf8'));
    const runs: string[] = workflow.jobs.check.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run);
    expect(runs).toEqual([
      'npm ci',
      'npx --no-install archdoc check --format github',
      'npx --no-install archdoc check --base "origin/$GITHUB_BASE_REF" --format github',
    ]);
    const shim = npxShim();
    for (const broken of [false, true]) {
      const repo = makeRepo();
      await seed(repo, broken);
      const env = { ...testEnv(repo.home), PATH: `${shim}:${process.env.PATH}` };
      const r = spawnSync('sh', ['-c', runs[1]!], { cwd: repo.dir, env, encoding: 'utf8' });
      if (broken) {
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/^::error file=docs\/adr\/ADR-0001-use-postgresql-for-orders\.md,line=4,col=1,title=archdoc status-unknown::status "MAYBE"/m);
      } else {
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
      }
    }
  });

  it('the pull-request step judges what the branch changes since origin/<base>', async () => {
    const workflow = parse(fs.readFileSync(workflowFile, 'utf8'));
    const step = workflow.jobs.check.steps.find((s: { run?: string }) => s.run?.includes('--base'));
    const shim = npxShim();
    for (const broken of [false, true]) {
      const repo = makeRepo();
      repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
      await seed(repo, broken);
      const env = { ...testEnv(repo.home), PATH: `${shim}:${process.env.PATH}`, GITHUB_BASE_REF: 'main' };
      const r = spawnSync('sh', ['-c', step.run], { cwd: repo.dir, env, encoding: 'utf8' });
      if (broken) {
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/^::error file=docs\/adr\/ADR-0001-use-postgresql-for-orders\.md,line=4,col=1,title=archdoc status-unknown::/m);
      } else {
        expect(r.stdout).toBe('No problems in 1 document.\n');
        expect(r.status).toBe(0);
      }
    }
  });

  it('the pre-commit hook refuses a commit while check finds errors', async () => {
    const repo = makeRepo();
    await seed(repo, true);
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    fs.copyFileSync(hookFile, hook);
    fs.chmodSync(hook, 0o755);
    const env = { ...testEnv(repo.home), PATH: `${npxShim()}:${process.env.PATH}` };
    const commit = () => spawnSync('git', ['commit', '-qam', 'edit'], { cwd: repo.dir, env, encoding: 'utf8' });
    const refused = commit();
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('status-unknown');
    const file = repo.find('ADR-0001');
    repo.write(file, `${repo.read(file).replace('status: MAYBE', 'status: PROPOSED')}\nMore context.\n`);
    const ok = commit();
    expect(ok.stderr).toContain('No problems in 1 document.');
    expect(ok.status).toBe(0);
  });

  it("the pre-commit hook judges only what a commit changes, so archdoc's own commits pass beside older debt", async () => {
    const repo = makeRepo();
    // An old broken ADR, committed before the hook existed.
    await seed(repo, true);
    repo.git('commit', '-qam', 'old debt');
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    fs.copyFileSync(hookFile, hook);
    fs.chmodSync(hook, 0o755);
    const env = { ...testEnv(repo.home), PATH: `${npxShim()}:${process.env.PATH}` };
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env, encoding: 'utf8' });
    const created = run('create-rfc', 'Adopt PostgreSQL', '--yes');
    expect(created.status, created.stderr).toBe(0);
    const reviewer = run('rfc-status', '1', '--reviewer', 'Alice Chen');
    expect(reviewer.status, reviewer.stderr).toBe(0);
    expect(repo.log()[0]).toBe('docs(rfc): RFC-0001 added reviewer Alice Chen (pending)');
  });

  it('with the hook installed, archdoc refuses an unwritten RFC before the commit, and every step of a written one passes the hook', async () => {
    const repo = makeRepo();
    const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
    fs.copyFileSync(hookFile, hook);
    fs.chmodSync(hook, 0o755);
    const env = { ...testEnv(repo.home), PATH: `${npxShim()}:${process.env.PATH}` };
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(run('create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice Chen').status).toBe(0);
    expect(run('create-adr', 'Use PostgreSQL for orders').status).toBe(0);
    // Untouched templates: refused by archdoc itself (not by the hook), nothing changed.
    for (const args of [
      ['rfc-status', '1', '--set', 'REVIEW'],
      ['adr-status', '1', '--set', 'ACCEPTED'],
    ]) {
      const r = run(...args);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('`archdoc check` would reject the result');
      expect(r.stderr).not.toContain('hook');
      expect(repo.git('status', '--porcelain')).toBe('');
    }
    writeIt(repo, repo.find('RFC-0001'), 'rfc');
    writeIt(repo, repo.find('ADR-0001'), 'adr');
    const written = spawnSync('git', ['commit', '-qam', 'write them'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(written.status, written.stderr).toBe(0);
    for (const args of [
      ['rfc-status', '1', '--set', 'REVIEW'],
      ['rfc-status', '1', '--reviewer', 'Alice Chen:approved'],
      ['rfc-status', '1', '--set', 'APPROVED'],
      ['rfc-status', '1', '--set', 'IN_PROGRESS'],
      ['rfc-status', '1', '--set', 'COMPLETED'],
      ['adr-status', '1', '--set', 'ACCEPTED'],
    ]) {
      const r = run(...args);
      expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(repo.git('status', '--porcelain')).toBe('');
    expect(run('check', '--strict').status).toBe(0);
  });

  it('check --strict rejects an APPROVED RFC written by hand with no reviewers and no history', async () => {
    const repo = makeRepo();
    expect(run(repo, 'create-rfc', 'Adopt PostgreSQL').status).toBe(0);
    const draft = repo.find('RFC-0001');
    writeIt(repo, draft, 'rfc');
    const approved = draft.replace('/draft/', '/approved/');
    repo.write(
      approved,
      repo
        .read(draft)
        .replace('status: DRAFT', 'status: APPROVED')
        .replace(/^history:\n( {2}.*\n)*/m, ''),
    );
    fs.rmSync(path.join(repo.dir, draft));
    expect(repo.read(approved)).toMatch(/^reviewers: \[\]$/m);
    expect(repo.read(approved)).not.toContain('history:');
    const r = run(repo, 'check', '--strict');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${approved}:`);
    expect(r.stdout).toMatch(/error workflow-guard: .*review/);
  });
});

function run(repo: Repo, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env: testEnv(repo.home), encoding: 'utf8' });
}
