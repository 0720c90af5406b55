import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testEnv } from '../env.js';
import { BIN, hasStackTrace, makeRepo, porcelain } from '../helpers.js';

describe('standard output that cannot be written', () => {
  it.runIf(fs.existsSync('/dev/full'))('list and list --json into /dev/full: exit 1, one line on stderr, no stack trace', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'])).code).toBe(0);
    for (const args of [['list'], ['list', '--json'], ['check']]) {
      const full = fs.openSync('/dev/full', 'w');
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env: testEnv(repo.home), stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      fs.closeSync(full);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toBe('error: cannot write to standard output: no space left on device (ENOSPC)\n');
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
  });
});

describe('a file-size limit while writing', () => {
  it('create-rfc under ulimit -f: exit 1, one line saying nothing changed, no half-written document, no number burned', async () => {
    const repo = makeRepo();
    const r = spawnSync('bash', ['-c', `ulimit -f 1; exec "${process.execPath}" "${BIN}" create-rfc "Adopt PostgreSQL" --yes`], {
      cwd: repo.dir,
      env: testEnv(repo.home),
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: EFBIG: file too large.*; nothing was changed\.\n$/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(repo.files('rfcs')).toEqual([]);
    expect(porcelain(repo)).toEqual([]);
    const next = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
    expect(next.code, next.stderr).toBe(0);
    expect(repo.files('rfcs')).toEqual(['rfcs/draft/RFC-0001-adopt-postgresql.md']);
  });
});
