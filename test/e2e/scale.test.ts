/** A reader that goes away (`archdoc list --json | head -c 1000`): a process and its pipe. */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.mjs';
import { BIN, makeRepo, testEnv } from '../helpers.js';

describe('a generated, well-formed 1 000-document repository', () => {
  it('stops quietly, exit code 0, when its reader goes away (archdoc list --json | head -c 1000)', async () => {
    const repo = makeRepo({ init: false, git: false });
    makeCorpus(1000, repo.dir); // several hundred kilobytes of JSON: more than a pipe holds
    const child = spawn(process.execPath, [BIN, 'list', '--json', '--all'], { cwd: repo.dir, env: testEnv(repo.home), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let received = 0;
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d: Buffer) => {
      received += d.length;
      if (received >= 1000) child.stdout.destroy();
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(received).toBeGreaterThanOrEqual(1000);
  });
});
