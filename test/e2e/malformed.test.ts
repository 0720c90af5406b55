/**
 * `check` on pathological bodies, as a process: a stall must end in a kill and a failed test, not
 * in a test run that never ends. The malformed corpus itself is tested in the test process
 * (test/behaviour/malformed.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, type SpawnResult } from '../helpers.js';

/** "A few seconds": the most any one command may take. */
const MAX_MS = 5_000;

const fm = (lines: string[]) => ['---', ...lines, '---', ''].join('\n');
const draft = (id: string, title: string, extra: string[] = []) =>
  `${fm([`rfc_id: ${id}`, `title: ${title}`, 'status: DRAFT', ...extra])}\n# ${id}: ${title}\n`;

describe('pathological bodies', () => {
  // Bodies no one writes on purpose, but a hostile or corrupted file in a pull request can hold;
  // `check` is the CI gate and must not stall on them.
  // A process, killed after 20 s (code -1): a stall in the test's own process could not be stopped.
  function checkOne(rel: string, text: string): Promise<SpawnResult> {
    const repo = makeRepo({ init: false });
    repo.write(rel, text);
    return repo.spawn(['check'], { timeoutMs: 20_000 });
  }

  it('a heading line padded with thousands of spaces', async () => {
    const r = await checkOne(
      'docs/adr/ADR-0001-long-heading.md',
      `${fm(['adr_id: ADR-0001', 'title: Long heading', 'status: PROPOSED'])}\n## Status${' '.repeat(3000)}x\n\nPROPOSED\n`,
    );
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.ms).toBeLessThan(MAX_MS);
  });

  it('a body of 60 000 unterminated "](" link openers', async () => {
    const r = await checkOne('rfcs/draft/RFC-0001-link-openers.md', `${draft('RFC-0001', 'Link openers')}\n${']('.repeat(60_000)}\n`);
    expect(r.code).toBe(0);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.ms).toBeLessThan(MAX_MS);
  });
});
