import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, tempDir } from '../helpers.js';

// Node 22.8 and later say where their compile cache is; older Node has none to keep consistent.
const hasCache = typeof (createRequire(import.meta.url)('node:module') as { getCompileCacheDir?: unknown }).getCompileCacheDir === 'function';

describe.skipIf(!hasCache)("Node's compile cache", () => {
  it('keeps each bundle loaded one way: create-rfc, new (which creates with create.cjs), show and create-rfc again never refuse a cache', () => {
    const repo = makeRepo();
    const cache = path.join(tempDir(), 'compile-cache');
    const env = { NODE_COMPILE_CACHE: cache, NODE_DEBUG_NATIVE: 'COMPILE_CACHE' };
    const newRfc = ['--several-options', '--cross-team', '--no-whole-system', '--no-approach-decided', '--yes'];
    const runs = [
      ['create-rfc', 'Adopt PostgreSQL', '--yes'],
      ['new', 'Split the orders service', ...newRfc],
      ['show', 'RFC-0001'],
      ['create-rfc', 'Adopt Redis', '--yes'],
      ['new', 'Pick a message queue', ...newRfc],
    ];
    const said: string[] = [];
    for (const args of runs) {
      const r = repo.cli(args, { env });
      expect(r.code, r.stderr).toBe(0);
      said.push(...r.stderr.split('\n').filter((l) => /dist\/.*\.cjs was /.test(l)));
    }
    expect(fs.existsSync(cache)).toBe(true);
    // The first runs fill the cache; every later load of a bundle takes what an earlier one left.
    expect(said.filter((l) => / was accepted/.test(l)).length).toBeGreaterThan(4);
    expect(said.filter((l) => / was rejected/.test(l))).toEqual([]);
  });
});
