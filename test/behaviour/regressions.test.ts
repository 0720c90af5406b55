import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

const fm = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;

describe('regressions', () => {
  it("a document's link to itself follows it when it moves", async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Alpha thing here', '--reviewer', 'A'])).code).toBe(0);
    const file = 'rfcs/draft/RFC-0001-alpha-thing-here.md';
    writeIt(repo, file, 'rfc');
    repo.write(file, `${repo.read(file)}\nSee [self](./RFC-0001-alpha-thing-here.md#overview).\n`);
    repo.git('commit', '-qam', 'link');
    expect((await repo.run(['rfc-status', '1', '--set', 'REVIEW'])).code).toBe(0);
    expect(repo.read('rfcs/review/RFC-0001-alpha-thing-here.md')).toContain('See [self](./RFC-0001-alpha-thing-here.md#overview).');
    expect((await repo.run(['check'])).stdout).not.toContain('broken-link');
  });

  it('one successor can supersede two documents; check stays clean', async () => {
    const repo = makeRepo();
    for (const t of ['Alpha decision one', 'Beta decision two', 'Gamma decision three']) expect((await repo.run(['create-adr', t])).code).toBe(0);
    for (const id of ['ADR-0001', 'ADR-0002', 'ADR-0003']) writeIt(repo, repo.find(id), 'adr');
    repo.git('commit', '-qam', 'write the ADRs');
    for (const id of ['1', '2']) expect((await repo.run(['adr-status', id, '--set', 'ACCEPTED'])).code).toBe(0);
    expect((await repo.run(['adr-status', '1', '--set', 'SUPERSEDED', '--by', '3'])).code).toBe(0);
    expect((await repo.run(['adr-status', '2', '--set', 'SUPERSEDED', '--by', '3'])).code).toBe(0);
    expect(fm(repo.read(repo.find('ADR-0003'))).supersedes).toEqual(['ADR-0001', 'ADR-0002']);
    const check = await repo.run(['check']);
    expect(check.stdout).not.toContain('supersede-symmetry');
  });
});

describe('a status change that cannot move its file', () => {
  it('is refused before any byte changes when the target path is taken', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--yes'])).code).toBe(0);
    writeIt(repo, 'rfcs/draft/RFC-0001-adopt-postgresql.md', 'rfc');
    repo.git('commit', '-qam', 'write RFC-0001');
    expect((await repo.run(['rfc-status', '1', '--set', 'REVIEW'])).code).toBe(0);
    repo.write('rfcs/approved/RFC-0001-adopt-postgresql.md', 'stray\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'stray');
    const before = repo.read('rfcs/review/RFC-0001-adopt-postgresql.md');
    const commits = repo.commitCount();
    const r = await repo.run(['rfc-status', '1', '--reviewer', 'Alice:approved', '--set', 'APPROVED']);
    expect(r.code).toBe(1);
    // Refused either as a taken target or as a second file claiming RFC-0001; both name the path.
    expect(r.stderr).toContain('rfcs/approved/RFC-0001-adopt-postgresql.md');
    expect(repo.read('rfcs/review/RFC-0001-adopt-postgresql.md')).toBe(before);
    expect(repo.commitCount()).toBe(commits);
  });
});

describe('review findings', () => {
  it('moving a document git does not track yet commits only its new path', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Untracked doc here', '--no-commit', '--reviewer', 'Bob'])).code).toBe(0);
    writeIt(repo, 'rfcs/draft/RFC-0001-untracked-doc-here.md', 'rfc');
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('note: git did not know rfcs/review/RFC-0001-untracked-doc-here.md yet, so this commit adds the whole file');
    expect(repo.git('show', '--name-only', '--format=', 'HEAD')).toBe('rfcs/review/RFC-0001-untracked-doc-here.md');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('a move git refuses (index.lock) changes no byte and is a clear refusal', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Some real title', '--reviewer', 'Bob'])).code).toBe(0);
    const file = 'rfcs/draft/RFC-0001-some-real-title.md';
    const before = repo.read(file);
    repo.write('.git/index.lock', '');
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        `error: RFC-0001 was not changed: moving it to rfcs/review/RFC-0001-some-real-title.md failed (a git lock file is in the way: ${path.join(repo.dir, '.git/index.lock')} exists).`,
        'Another git process is using this repository, or one was stopped and left that file behind.',
        'When no git process is running, remove the file, then run the command again.',
        '',
      ].join('\n'),
    );
    expect(repo.read(file)).toBe(before);
    // A commit that meets the lock says the same, once, without git's advice repeated around it.
    const created = await repo.run(['create-rfc', 'Another real title', '--yes']);
    expect(created.code).toBe(1);
    expect(created.stderr).toBe(
      [
        `error: Nothing changed: a git lock file is in the way (${path.join(repo.dir, '.git/index.lock')} exists).`,
        'Another git process is using this repository, or one was stopped and left that file behind.',
        'When no git process is running, remove the file, then run the command again.',
        '',
      ].join('\n'),
    );
    expect(repo.files('rfcs')).toEqual([file]);
    const renumbered = await repo.run(['renumber', 'RFC-0001', '--to', '7']);
    expect(renumbered.code).toBe(1);
    expect(renumbered.stderr).toBe(
      [
        `error: RFC-0001 was not renumbered: moving ${file} to rfcs/draft/RFC-0007-some-real-title.md failed (a git lock file is in the way: ${path.join(repo.dir, '.git/index.lock')} exists); nothing was changed.`,
        'Another git process is using this repository, or one was stopped and left that file behind.',
        'When no git process is running, remove the file, then run the command again.',
        '',
      ].join('\n'),
    );
    expect(repo.read(file)).toBe(before);
  });

  it('--by only goes with a status that takes it', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'First gateway choice', '--reviewer', 'Bob'])).code).toBe(0);
    expect((await repo.run(['create-rfc', 'Second storage choice'])).code).toBe(0);
    const r = await repo.run(['rfc-status', '1', '--set', 'ABANDONED', '--by', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--by goes with --set SUPERSEDED, not with --set ABANDONED');
  });

  it('an id used by two files is refused, naming both', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'First gateway choice', '--reviewer', 'Bob'])).code).toBe(0);
    const a = 'rfcs/draft/RFC-0001-first-gateway-choice.md';
    repo.write('rfcs/draft/RFC-0001-other-branch-thing.md', repo.read(a).replace('First gateway choice', 'Other branch thing'));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'merge');
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('RFC-0001 is used by 2 files: rfcs/draft/RFC-0001-first-gateway-choice.md, rfcs/draft/RFC-0001-other-branch-thing.md');
  });

  it('create rfc --supersedes writes both sides and rewrites links from other kinds', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'Gateway selection plan'])).code).toBe(0);
    expect((await repo.run(['create-tech-spec', 'Payment thing spec', '--rfc', '1'])).code).toBe(0);
    const spec = repo.find('TS-0001');
    repo.write(spec, `${repo.read(spec)}[rfc](../../rfcs/draft/RFC-0001-gateway-selection-plan.md)\n`);
    repo.git('commit', '-qam', 'link');
    expect((await repo.run(['create', 'rfc', 'Replacement gateway decision', '--supersedes', '1'])).code).toBe(0);
    expect(fm(repo.read(repo.find('RFC-0002'))).supersedes).toBe('RFC-0001');
    expect(repo.read(spec)).toContain('(../../rfcs/archive/2026/superseded/RFC-0001-gateway-selection-plan.md)');
    const check = await repo.run(['check']);
    expect(check.stdout).not.toMatch(/supersede-symmetry|broken-link/);
  });

  it('anchored values and non-list histories are refused, not rewritten', async () => {
    const repo = makeRepo();
    repo.write('rfcs/draft/RFC-0006-anch.md', '---\nrfc_id: RFC-0006\ntitle: Anch\nstatus: DRAFT\nreviewers: &r [Bob]\nother: *r\n---\n');
    repo.write('rfcs/draft/RFC-0005-hist.md', '---\nrfc_id: RFC-0005\ntitle: Hist\nstatus: DRAFT\nreviewers: [Bob]\nhistory: imported from wiki\n---\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'hand-written');
    const a = await repo.run(['rfc-status', '6', '--reviewer', 'Carol']);
    expect([a.code, a.stderr]).toEqual([
      1,
      'error: rfcs/draft/RFC-0006-anch.md: reviewers uses a YAML anchor or tag; archdoc will not rewrite it. Change it by hand.\n',
    ]);
    const h = await repo.run(['rfc-status', '5', '--set', 'REVIEW']);
    expect(h.code).toBe(1);
    expect(h.stderr).toContain('history is not a list');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('a document the edit cannot be applied to is a refusal (exit 1) naming it, never a usage error or an internal error', async () => {
    const repo = makeRepo();
    repo.write('rfcs/draft/RFC-0007-str.md', '---\nrfc_id: RFC-0007\ntitle: Str\nstatus: DRAFT\nreviewers: "Alice, Bob"\n---\n');
    repo.write(
      'rfcs/draft/RFC-0008-flow.md',
      '---\n{rfc_id: RFC-0008, title: Flow, status: DRAFT, reviewers: [{name: A, status: pending}]}\nextra: {a: b}: c\n---\n',
    );
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'hand-written');
    const s = await repo.run(['rfc-status', '7', '--reviewer', 'Carol']);
    expect([s.code, s.stderr]).toEqual([1, 'error: reviewers in rfcs/draft/RFC-0007-str.md is not a list; fix it by hand first\n']);
    const f = await repo.run(['rfc-status', '8', '--reviewer', 'Carol']);
    expect(f.code).toBe(1);
    expect(f.stderr).not.toContain('internal error');
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('init --dir refuses a value that is not a plain folder, writing nothing', async () => {
    const repo = makeRepo({ init: false });
    const r = await repo.run(['init', '--dir', 'a: b']);
    expect(r.code).toBe(2);
    expect(repo.exists('.archdoc.yml')).toBe(false);
    expect((await repo.run(['-C', `${repo.dir}/nope`, 'list'])).code).toBe(2);
  });
});

describe('repositories written by adr-tools and MADR', () => {
  it('are listed and shown with titles and statuses from the body, numbered on from them', async () => {
    const repo = makeRepo({ init: false });
    repo.write('.archdoc.yml', 'kinds:\n  adr:\n    folder: doc/adr\n');
    repo.write(
      'doc/adr/0001-record-architecture-decisions.md',
      '# 1. Record architecture decisions\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWe need to record decisions.\n',
    );
    repo.write('doc/adr/0002-use-madr.md', '---\nstatus: accepted\ndate: 2024-02-01\n---\n\n# Use MADR\n\n## Context\n\nx\n');
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'existing records');
    const list = JSON.parse((await repo.run(['list-adrs', '--json'])).stdout);
    expect(list.documents.map((d: { id: string; title: string; status: string; created: string | null }) => [d.id, d.title, d.status, d.created])).toEqual([
      ['ADR-0002', 'Use MADR', 'ACCEPTED', '2024-02-01'],
      ['ADR-0001', 'Record architecture decisions', 'ACCEPTED', null],
    ]);
    expect((await repo.run(['show', 'ADR-1'])).stdout).toContain('ADR-0001  Record architecture decisions');
    // The missing frontmatter is still reported, and nothing edits such a file.
    expect((await repo.run(['check'])).stdout).toContain('doc/adr/0001-record-architecture-decisions.md:1:1: error frontmatter-parse: no frontmatter');
    expect((await repo.run(['adr-status', '1', '--set', 'DEPRECATED'])).code).toBe(1);
    const created = await repo.run(['create-adr', 'Third decision made']);
    expect(created.stdout).toContain('Created ADR-0003 Third decision made');
  });
});
