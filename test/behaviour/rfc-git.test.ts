/** How archdoc commits: only its own paths, never the user's staged or modified work; clean failures. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, type Repo } from '../helpers.js';
import { frontmatter, headChanges, headSubject, porcelain, writeIt } from './rfc-fixtures.js';

/** A repository with a committed other.txt, then notes.txt staged and other.txt modified. */
function dirtyRepo(): Repo {
  const repo = makeRepo();
  repo.write('other.txt', 'original\n');
  repo.git('add', 'other.txt');
  repo.git('commit', '-q', '-m', 'test: other.txt');
  repo.write('notes.txt', 'my staged notes\n');
  repo.git('add', 'notes.txt');
  repo.write('other.txt', 'original\nmodified, not staged\n');
  return repo;
}

const DIRTY = ['A  notes.txt', ' M other.txt'];

/** RFC-0001 written by hand and committed alone (the user's other work stays as it is), as check's rules want it from REVIEW on. */
function writeRfc(repo: Repo): void {
  const rel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
  writeIt(repo, rel, 'rfc');
  repo.git('commit', '-q', '-m', 'test: write RFC-0001', '--', rel);
}

describe('git: archdoc commits only what it wrote', () => {
  it('create-rfc leaves staged and modified files alone', async () => {
    const repo = dirtyRepo();
    expect(porcelain(repo)).toEqual(DIRTY);
    const count = repo.commitCount();
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice Chen', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(repo.commitCount()).toBe(count + 1);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(['rfcs/draft/RFC-0001-adopt-postgresql.md']);
    expect(porcelain(repo)).toEqual(DIRTY);
    // The staged content is still the staged content, and the work-tree change is still there.
    expect(repo.git('show', ':notes.txt')).toBe('my staged notes');
    expect(repo.git('show', ':other.txt')).toBe('original');
    expect(repo.read('other.txt')).toBe('original\nmodified, not staged\n');
  });

  it('rfc-status --reviewer and --set REVIEW leave them alone too; the transition commit is only the rename', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'])).code).toBe(0);
    writeRfc(repo);
    repo.write('other.txt', 'original\n');
    repo.git('add', 'other.txt');
    repo.git('commit', '-q', '-m', 'test: other.txt');
    repo.write('notes.txt', 'my staged notes\n');
    repo.git('add', 'notes.txt');
    repo.write('other.txt', 'original\nmodified, not staged\n');
    const count = repo.commitCount();

    const rev = await repo.run(['rfc-status', 'RFC-0001', '--reviewer', 'Alice Chen']);
    expect(rev.code, rev.stderr).toBe(0);
    expect(repo.commitCount()).toBe(count + 1);
    expect(headChanges(repo)).toEqual(['M\trfcs/draft/RFC-0001-adopt-postgresql.md']);
    expect(porcelain(repo)).toEqual(DIRTY);

    const set = await repo.run(['rfc-status', 'RFC-0001', '--set', 'REVIEW']);
    expect(set.code, set.stderr).toBe(0);
    expect(repo.commitCount()).toBe(count + 2);
    expect(headSubject(repo)).toBe('docs(rfc): RFC-0001 DRAFT → REVIEW');
    const changes = headChanges(repo);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^R\d+\trfcs\/draft\/RFC-0001-adopt-postgresql\.md\trfcs\/review\/RFC-0001-adopt-postgresql\.md$/);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(['rfcs/review/RFC-0001-adopt-postgresql.md']);
    expect(porcelain(repo)).toEqual(DIRTY);
    expect(repo.git('show', ':notes.txt')).toBe('my staged notes');
    expect(repo.read('other.txt')).toBe('original\nmodified, not staged\n');
  });

  it("a status change of an RFC with uncommitted edits commits archdoc's change alone; your edits stay in the work tree, uncommitted", async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    writeRfc(repo);
    const rel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    const moved = 'rfcs/review/RFC-0001-adopt-postgresql.md';
    repo.write(rel, repo.read(rel).replace('This RFC proposes adopt postgresql.', 'We adopt PostgreSQL for orders.'));
    expect(porcelain(repo)).toEqual([` M ${rel}`]);
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code, r.stderr).toBe(0);
    // The commit: the move and the status, on the committed text.
    const committed = repo.git('show', `HEAD:${moved}`);
    expect(committed).not.toContain('We adopt PostgreSQL for orders.');
    expect(frontmatter(committed).status).toBe('REVIEW');
    // The work tree: your paragraph, with the new status on top, not committed.
    expect(repo.read(moved)).toContain('We adopt PostgreSQL for orders.');
    expect(frontmatter(repo.read(moved)).status).toBe('REVIEW');
    expect(porcelain(repo)).toEqual([` M ${moved}`]);
    expect(repo.exists(rel)).toBe(false);
  });
});

/** Every file of the work tree with its bytes, every folder, what git has staged (`ls-files -s`) and `status --porcelain`. */
function snapshot(repo: Repo): { files: Record<string, string>; folders: string[]; index: string; status: string[] } {
  const files: Record<string, string> = {};
  for (const f of repo.files()) files[f] = repo.read(f);
  return { files, folders: repo.folders(), index: repo.git('ls-files', '-s'), status: porcelain(repo) };
}

function failingHook(repo: Repo): string {
  const hook = path.join(repo.dir, '.git', 'hooks', 'pre-commit');
  fs.mkdirSync(path.dirname(hook), { recursive: true });
  fs.writeFileSync(hook, '#!/bin/sh\necho "hook says no" >&2\nexit 1\n');
  fs.chmodSync(hook, 0o755);
  return hook;
}

describe('your uncommitted work is never committed', () => {
  it('a spec linking to the moved RFC, with uncommitted edits: its link is rewritten in the commit and in your copy; your paragraph stays uncommitted', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    writeRfc(repo);
    expect((await repo.run(['create-tech-spec', 'Orders service', '--rfc', '1', '--yes'])).code).toBe(0);
    const spec = repo.find('TS-0001');
    repo.write(spec, `${repo.read(spec)}\nSee [the RFC](../../rfcs/draft/RFC-0001-adopt-postgresql.md).\n`);
    repo.git('add', spec);
    repo.git('commit', '-qm', 'link');
    repo.write(spec, `${repo.read(spec)}\nAn unfinished paragraph\n`);
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code, r.stderr).toBe(0);
    const committed = repo.git('show', `HEAD:${spec}`);
    expect(committed).toContain('(../../rfcs/review/RFC-0001-adopt-postgresql.md)');
    expect(committed).not.toContain('An unfinished paragraph');
    expect(repo.read(spec)).toContain('(../../rfcs/review/RFC-0001-adopt-postgresql.md)');
    expect(repo.read(spec)).toContain('An unfinished paragraph');
    expect(porcelain(repo)).toEqual([` M ${spec}`]);
  });

  it('with --no-commit nothing is committed, so a document with uncommitted edits is simply changed, your edits kept', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    writeRfc(repo);
    expect((await repo.run(['create-tech-spec', 'Orders service', '--rfc', '1', '--yes'])).code).toBe(0);
    const spec = repo.find('TS-0001');
    repo.write(spec, `${repo.read(spec)}\nSee [the RFC](../../rfcs/draft/RFC-0001-adopt-postgresql.md).\n`);
    repo.git('add', spec);
    repo.git('commit', '-qm', 'link');
    repo.write(spec, `${repo.read(spec)}\nAn unfinished paragraph\n`);
    const count = repo.commitCount();
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW', '--no-commit']);
    expect(r.code, r.stderr).toBe(0);
    expect(repo.commitCount()).toBe(count);
    expect(repo.read(spec)).toContain('(../../rfcs/review/RFC-0001-adopt-postgresql.md)');
    expect(repo.read(spec)).toContain('An unfinished paragraph');
  });

  it('a document with staged changes is refused, naming it; nothing changes', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    writeRfc(repo);
    const rel = 'rfcs/draft/RFC-0001-adopt-postgresql.md';
    repo.write(rel, `${repo.read(rel)}\nStaged words\n`);
    repo.git('add', rel);
    const before = snapshot(repo);
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: ${rel} has changes of yours staged for commit`);
    expect(snapshot(repo)).toEqual(before);
  });
});

describe('git: failures to commit change nothing', () => {
  it("a failing pre-commit hook: exit 1 with the hook's output, every file and the index byte-identical, no commit", async () => {
    const repo = makeRepo();
    // Work of the user's own, staged and not, that must come through untouched.
    repo.write('notes.txt', 'my staged notes\n');
    repo.git('add', 'notes.txt');
    repo.write('scratch.txt', 'not staged\n');
    const hook = failingHook(repo);
    const count = repo.commitCount();
    const before = snapshot(repo);

    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Nothing changed: git commit failed/);
    expect(r.stderr).toContain('hook says no');
    expect(r.stderr).not.toContain('internal error');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(snapshot(repo)).toEqual(before);
    expect(repo.commitCount()).toBe(count);

    // With the hook gone, the next create works and takes the first number: none was burned.
    fs.rmSync(hook);
    const next = await repo.run(['create-rfc', 'Adopt Redis', '--yes']);
    expect(next.code, next.stderr).toBe(0);
    expect(headSubject(repo)).toBe('docs(rfc): create RFC-0001 Adopt Redis');
    expect(repo.git('show', '--name-only', '--format=', 'HEAD').split('\n')).toEqual(['rfcs/draft/RFC-0001-adopt-redis.md']);
  });

  it('init refused by the hook leaves no folder and no configuration behind; the next init makes them', async () => {
    const repo = makeRepo({ init: false });
    const hook = failingHook(repo);
    const before = snapshot(repo);
    const r = await repo.run(['init']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('hook says no');
    expect(snapshot(repo)).toEqual(before);
    fs.rmSync(hook);
    expect((await repo.run(['init'])).code).toBe(0);
    expect(repo.folders()).toEqual(expect.arrayContaining(['rfcs', 'rfcs/draft', 'docs/adr']));
  });

  it('a status change refused by the hook leaves no rename staged, so the next change commits the document in one folder', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    writeRfc(repo);
    const hook = failingHook(repo);
    const before = snapshot(repo);
    const count = repo.commitCount();

    const st = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(st.code).toBe(1);
    expect(st.stderr).toContain('hook says no');
    expect(hasStackTrace(st.stderr)).toBe(false);
    expect(snapshot(repo)).toEqual(before);
    expect(repo.commitCount()).toBe(count);

    fs.rmSync(hook);
    const ok = await repo.run(['rfc-status', '1', '--reviewer', 'Bob']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(
      repo
        .git('ls-tree', '-r', '--name-only', 'HEAD')
        .split('\n')
        .filter((f) => f.includes('RFC-0001')),
    ).toEqual(['rfcs/draft/RFC-0001-adopt-postgresql.md']);
    expect(porcelain(repo)).toEqual([]);
  });

  it('a run killed after making a status folder: the next command puts the repository back, that folder too', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'])).code).toBe(0);
    const before = snapshot(repo);
    // What a killed create in a folder of its own leaves: its journal (the folder named before it
    // was made), the new file, and its lock, held by a process that is gone.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const journal = path.join(repo.dir, '.git', 'archdoc-journal');
    fs.mkdirSync(journal);
    fs.copyFileSync(path.join(repo.dir, '.git', 'index'), path.join(journal, 'index'));
    const rel = 'rfcs/review/2026/RFC-0002-adopt-redis.md';
    const entries = [{ rel, saved: null }];
    fs.writeFileSync(
      path.join(journal, 'journal.json'),
      JSON.stringify({ pid: dead, command: 'create-rfc', head: repo.git('rev-parse', 'HEAD'), index: true, entries, folders: ['rfcs/review'] }),
    );
    repo.write(rel, '# Adopt Redis\n');
    fs.writeFileSync(
      path.join(repo.dir, '.git', 'archdoc.lock'),
      JSON.stringify({ pid: dead, host: os.hostname(), command: 'create-rfc', started: new Date().toISOString() }),
    );

    const r = await repo.run(['list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('was rolled back');
    expect(snapshot(repo)).toEqual(before);
  });

  it('no git identity: exit 1, says identity is missing, changes nothing', async () => {
    const repo = makeRepo();
    repo.git('config', '--unset', 'user.name');
    repo.git('config', '--unset', 'user.email');
    // Never let git guess an identity from the host name or the passwd entry.
    repo.git('config', 'user.useConfigOnly', 'true');
    expect(fs.readdirSync(repo.home)).toEqual([]);
    const count = repo.commitCount();
    const before = snapshot(repo);

    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--author', 'X', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Nothing changed: git has no identity/);
    expect(r.stderr).toContain('git config user.name');
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).not.toContain('internal error');
    expect(snapshot(repo)).toEqual(before);
    expect(repo.commitCount()).toBe(count);
  });
});
