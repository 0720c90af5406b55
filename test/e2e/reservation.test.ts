/**
 * Eight clones creating at once, each reserving its number on one shared remote (a local bare
 * repository): eight processes race, git lets one push create each number's ref, and every clone
 * ends with a different number.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, Repo, SLOW, tempDir, testEnv } from '../helpers.js';

describe('reservation under concurrency', SLOW, () => {
  it('8 clones creating at once get 8 different numbers', async () => {
    const seed = makeRepo();
    seed.write('.archdoc.yml', `${seed.read('.archdoc.yml')}numbering:\n  reserve: origin\n`);
    seed.git('commit', '-qam', 'reserve numbers on origin');
    const remote = path.join(tempDir('archdoc-remote-'), 'shared.git');
    execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote], { env: testEnv(seed.home) });
    seed.git('push', '-q', remote, 'HEAD:main');
    const clones = Array.from({ length: 8 }, (_, i) => {
      const dir = path.join(tempDir('archdoc-clone-'), `c${i}`);
      execFileSync('git', ['clone', '-q', remote, dir], { env: testEnv(seed.home) });
      const clone = new Repo(dir, tempDir('archdoc-home-'));
      clone.git('config', 'user.name', `Engineer ${i}`);
      clone.git('config', 'user.email', `e${i}@example.com`);
      return clone;
    });
    const results = await Promise.all(clones.map((c, i) => c.spawn(['create-rfc', `Proposal number ${i} here`])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const ids = results.map((r) => /Created (RFC-\d{4})/.exec(r.stdout)?.[1]);
    expect(new Set(ids).size).toBe(8);
    expect([...ids].sort()).toEqual(['RFC-0001', 'RFC-0002', 'RFC-0003', 'RFC-0004', 'RFC-0005', 'RFC-0006', 'RFC-0007', 'RFC-0008']);
    const reserved = execFileSync('git', ['ls-remote', remote, 'refs/archdoc/ids/*'], { encoding: 'utf8' }).trim().split('\n');
    expect(reserved).toHaveLength(8);
  });
});
