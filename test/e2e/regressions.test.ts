import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers.js';

const fm = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;

describe('regressions', () => {
  it("a document's link to itself follows it when it moves", () => {
    const repo = makeRepo();
    expect(repo.run(['create-rfc', 'Alpha thing here', '--reviewer', 'A']).code).toBe(0);
    const file = 'rfcs/draft/RFC-0001-alpha-thing-here.md';
    repo.write(file, repo.read(file) + '\nSee [self](./RFC-0001-alpha-thing-here.md#overview).\n');
    repo.git('commit', '-qam', 'link');
    expect(repo.run(['rfc-status', '1', '--set', 'REVIEW']).code).toBe(0);
    expect(repo.read('rfcs/review/RFC-0001-alpha-thing-here.md')).toContain('See [self](./RFC-0001-alpha-thing-here.md#overview).');
    expect(repo.run(['check']).stdout).not.toContain('broken-link');
  });

  it('one successor can supersede two documents; check stays clean', () => {
    const repo = makeRepo();
    for (const t of ['Alpha decision one', 'Beta decision two', 'Gamma decision three']) expect(repo.run(['create-adr', t]).code).toBe(0);
    for (const id of ['1', '2']) expect(repo.run(['adr-status', id, '--set', 'ACCEPTED']).code).toBe(0);
    expect(repo.run(['adr-status', '1', '--set', 'SUPERSEDED', '--by', '3']).code).toBe(0);
    expect(repo.run(['adr-status', '2', '--set', 'SUPERSEDED', '--by', '3']).code).toBe(0);
    expect(fm(repo.read(repo.find('ADR-0003'))).supersedes).toEqual(['ADR-0001', 'ADR-0002']);
    const check = repo.run(['check']);
    expect(check.stdout).not.toContain('supersede-symmetry');
  });
});

describe('a status change that cannot move its file', () => {
  it('is refused before any byte changes when the target path is taken', () => {
    const repo = makeRepo();
    expect(repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes']).code).toBe(0);
    expect(repo.run(['rfc-status', '1', '--set', 'REVIEW']).code).toBe(0);
    repo.write('rfcs/approved/RFC-0001-adopt-postgresql.md', 'stray\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'stray');
    const before = repo.read('rfcs/review/RFC-0001-adopt-postgresql.md');
    const commits = repo.commitCount();
    const r = repo.run(['rfc-status', '1', '--reviewer', 'Alice:approved', '--set', 'APPROVED']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot move to rfcs/approved/RFC-0001-adopt-postgresql.md: a file is already there');
    expect(repo.read('rfcs/review/RFC-0001-adopt-postgresql.md')).toBe(before);
    expect(repo.commitCount()).toBe(commits);
  });
});
