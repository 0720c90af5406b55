import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, porcelain, tempDir } from '../helpers.js';

describe('repository states', () => {
  it('in the middle of a merge, a change is refused (exit 1, named), nothing changes, and reads still work', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    fs.writeFileSync(path.join(repo.dir, '.git', 'MERGE_HEAD'), `${repo.git('rev-parse', 'HEAD')}\n`);
    const before = porcelain(repo);
    const count = repo.commitCount();
    for (const args of [
      ['rfc-status', '1', '--set', 'REVIEW'],
      ['create-rfc', 'Adopt Redis', '--yes'],
    ]) {
      const r = await repo.run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^error: The repository is in the middle of a merge; nothing was changed\./);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    expect(porcelain(repo)).toEqual(before);
    expect(repo.commitCount()).toBe(count);
    expect((await repo.run(['list'])).code).toBe(0);
    expect((await repo.run(['check'])).code).toBe(0);
  });

  it.each([
    ['rebase', 'rebase-merge'],
    ['cherry-pick', 'CHERRY_PICK_HEAD'],
    ['revert', 'REVERT_HEAD'],
    ['bisect', 'BISECT_LOG'],
  ])('during a %s, changes are refused too', async (what, marker) => {
    const repo = makeRepo();
    const file = path.join(repo.dir, '.git', marker);
    if (marker === 'rebase-merge') fs.mkdirSync(file);
    else fs.writeFileSync(file, '\n');
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`in the middle of a ${what}`);
    expect(repo.files('rfcs')).toEqual([]);
  });

  it('a bare repository has no work tree: exit 2, nothing written into it', async () => {
    const repo = makeRepo({ init: false });
    const bare = tempDir('archdoc-bare-');
    repo.git('init', '-q', '--bare', bare);
    const before = fs.readdirSync(bare).sort();
    for (const args of [['init'], ['create-rfc', 'Adopt PostgreSQL', '--yes'], ['list']]) {
      const r = await repo.run(args, { cwd: bare });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^error: archdoc needs a work tree: .* is a bare repository or a git directory\./);
    }
    expect(fs.readdirSync(bare).sort()).toEqual(before);
  });

  it('GIT_DIR and GIT_WORK_TREE are honoured as git honours them', async () => {
    const repo = makeRepo();
    const elsewhere = makeRepo();
    const tip = elsewhere.git('rev-parse', 'HEAD');
    const env = { GIT_DIR: path.join(repo.dir, '.git'), GIT_WORK_TREE: repo.dir };
    // From inside the work tree they name, documents and commit go there.
    const inside = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'], { env, cwd: path.join(repo.dir, 'rfcs') });
    expect(inside.code, inside.stderr).toBe(0);
    expect(repo.git('log', '-1', '--format=%s')).toBe('docs(rfc): create RFC-0001 Adopt PostgreSQL');
    expect(repo.exists('rfcs/draft/RFC-0001-adopt-postgresql.md')).toBe(true);
    // From a folder outside it, git refuses to work, and so does archdoc: nothing anywhere.
    const outside = await elsewhere.run(['create-rfc', 'Adopt Redis', '--yes'], { env });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^error: .* is outside the work tree /);
    expect(elsewhere.git('rev-parse', 'HEAD')).toBe(tip);
    expect(elsewhere.files('rfcs')).toEqual([]);
    expect(repo.commitCount()).toBe(2);
  });
});
