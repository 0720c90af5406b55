import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, porcelain } from '../helpers.js';

describe('hostile files are refused, not read', () => {
  it('a configuration that is a link to /dev/zero: exit 2 at once, one line', async () => {
    const repo = makeRepo({ init: false });
    fs.symlinkSync('/dev/zero', path.join(repo.dir, '.archdoc.yml'));
    const r = await repo.run(['list']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: .archdoc.yml: is not a regular file; archdoc did not read it.');
  });

  it('a configuration larger than 1 MiB: exit 2', async () => {
    const repo = makeRepo({ init: false });
    repo.write('.archdoc.yml', `# ${'x'.repeat(1024 * 1024)}\nlayout: flat\n`);
    const r = await repo.run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: \.archdoc\.yml: is larger than 1024 KiB; archdoc did not read it\./);
  });

  it('a template linked to a file outside the repository is refused (exit 2) and nothing is created', async () => {
    const repo = makeRepo();
    const secret = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-secret-')), 'secret.txt');
    fs.writeFileSync(secret, 'top secret\n');
    fs.mkdirSync(path.join(repo.dir, '.archdoc', 'templates'), { recursive: true });
    fs.symlinkSync(secret, path.join(repo.dir, '.archdoc', 'templates', 'rfc.md.eta'));
    const before = porcelain(repo);
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: \.archdoc\/templates\/rfc\.md\.eta: leads outside the repository/);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(porcelain(repo)).toEqual(before);
    expect(repo.files('rfcs')).toEqual([]);
    fs.rmSync(path.dirname(secret), { recursive: true, force: true });
  });

  it('a document with a frontmatter of a million lines is reported, not parsed, and does not stop the others', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--yes'])).code).toBe(0);
    repo.write('rfcs/draft/RFC-0002-huge.md', `---\nrfc_id: RFC-0002\n${'x: 1\n'.repeat(1_000_000)}---\n`);
    const list = await repo.run(['list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout).documents.map((d: { id: string | null }) => d.id)).toContain('RFC-0001');
    const check = await repo.run(['check']);
    expect(check.stdout).toContain('rfcs/draft/RFC-0002-huge.md:1:1: error frontmatter-parse: frontmatter is larger than 256 KiB; archdoc did not read it');
  });
});
