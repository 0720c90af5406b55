import { describe, expect, it } from 'vitest';
import { makeCorpus } from '../../bench/make-corpus.mjs';
import { makeRepo } from '../helpers.js';

describe('a generated, well-formed 1 000-document repository', () => {
  it('check reports no error; list --json lists every document', async () => {
    const repo = makeRepo({ init: false, git: false });
    const { counts } = makeCorpus(1000, repo.dir);
    const check = await repo.run(['check', '--format', 'json']);
    const report = JSON.parse(check.stdout);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(report.summary.documents).toBe(1000);
    expect(check.code).toBe(0);
    const list = JSON.parse((await repo.run(['list', '--json', '--all'])).stdout);
    expect(list.documents).toHaveLength(1000);
    // The corpus holds no system design: the built-in kind is listed, empty.
    expect(list.summary.map((s: { total: number }) => s.total)).toEqual([counts.rfc, counts['tech-spec'], counts.adr, 0]);
  });

  it('is deterministic', () => {
    const a = makeRepo({ init: false, git: false });
    const b = makeRepo({ init: false, git: false });
    const ra: { files: string[] } = makeCorpus(50, a.dir);
    const rb: { files: string[] } = makeCorpus(50, b.dir);
    expect(ra.files).toEqual(rb.files);
    for (const f of ra.files) expect(a.read(f)).toBe(b.read(f));
  });
});
