import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, testEnv } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('README quick start', () => {
  it('shows exactly the two commands: install + demo, and test', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const quick = /## Quick start[^\n]*\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(quick?.trim().split('\n')).toEqual(['npm install && npm run demo', 'npm test']);
  });

  it('npm run demo walks an RFC to APPROVED in a throwaway repository', () => {
    const home = tempDir('archdoc-home-');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs')], { cwd: ROOT, env: testEnv(home), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('$ archdoc init');
    expect(r.stdout).toContain('Created RFC-0001 Adopt PostgreSQL for orders');
    expect(r.stdout).toMatch(/error: RFC-0001 cannot go from DRAFT to APPROVED/);
    expect(r.stdout).toContain('DRAFT → REVIEW');
    expect(r.stdout).toContain('REVIEW → APPROVED');
    expect(r.stdout).toMatch(/RFC-0001\s+APPROVED\s+Adopt PostgreSQL for orders/);
    expect(r.stdout).toContain('docs(rfc): RFC-0001 REVIEW → APPROVED');
    const repoDir = /Demo repository: (\S+)/.exec(r.stdout)?.[1];
    expect(repoDir && fs.existsSync(repoDir)).toBe(false); // cleaned up
  });
});

describe("this repository's own decision records", () => {
  it('pass archdoc check', () => {
    const home = tempDir('archdoc-home-');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'archdoc.js'), '-C', ROOT, 'check'], { env: testEnv(home), encoding: 'utf8' });
    expect(r.stdout).toMatch(/^No problems in \d+ documents\.$/m);
    expect(r.status).toBe(0);
  });
});
