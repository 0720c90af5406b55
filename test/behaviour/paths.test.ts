import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, porcelain } from '../helpers.js';

describe('every path stays inside the work tree', () => {
  it('a committed symbolic link to a folder outside is refused, not followed: exit 1, nothing written anywhere', async () => {
    const repo = makeRepo();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-outside-'));
    try {
      fs.rmSync(path.join(repo.dir, 'rfcs', 'draft'), { recursive: true, force: true });
      fs.symlinkSync(outside, path.join(repo.dir, 'rfcs', 'draft'));
      repo.git('add', '-A');
      repo.git('commit', '-qm', 'a link out');
      const before = porcelain(repo);
      const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: Refusing to write "rfcs\/draft\/RFC-0001-adopt-postgresql\.md": rfcs\/draft leads outside the work tree/);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(fs.readdirSync(outside)).toEqual([]);
      expect(porcelain(repo)).toEqual(before);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a kind folder that links out of the repository is not read: list shows none of what lies there', async () => {
    const repo = makeRepo();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-outside-'));
    try {
      fs.writeFileSync(path.join(outside, 'RFC-0009-secret.md'), '---\nrfc_id: RFC-0009\ntitle: Secret elsewhere\nstatus: DRAFT\n---\n');
      fs.rmSync(path.join(repo.dir, 'rfcs'), { recursive: true, force: true });
      fs.symlinkSync(outside, path.join(repo.dir, 'rfcs'));
      const r = await repo.run(['list', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('Secret elsewhere');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  const bad: Array<[string, string]> = [
    ['a newline and ..', '"x\\n/../../OUT"'],
    ['the git directory', '.git'],
    ['inside the git directory', '.git/hooks'],
    ['a parent', '../elsewhere'],
    ['an absolute path', '/tmp/archdoc'],
    ['a control character', '"docs\\tadr"'],
  ];
  it.each(bad)('a kind folder with %s is a configuration error: exit 2, one message, nothing written', async (_what, value) => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', `kinds:\n  rfc:\n    folder: ${value}\n`);
    const before = porcelain(repo);
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: \.archdoc\.yml: kinds\.rfc\.folder: .* is not allowed: /);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(porcelain(repo)).toEqual(before);
  });
});
