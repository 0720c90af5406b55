/**
 * Each status names the check rules that hold in it (a kind's `status_rules`): a status change
 * applies the list of the status it enters, `check` the list of the status a document is in,
 * `create` the list of the initial status; the configuration is validated with hints.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, type Repo } from '../helpers.js';
import { FOLDER, porcelain, rfcText } from './rfc-fixtures.js';

const DRAFT = `${FOLDER.DRAFT}/RFC-0001-orders.md`;
const LEFTOVER = '\n[Measured Latency Figures]\n';

/** RFC-0001 in DRAFT, written but for one placeholder, a reviewer named; committed with `config`. */
function draftWithPlaceholder(config?: string): Repo {
  const repo = makeRepo();
  if (config) repo.write('.archdoc.yml', config);
  repo.write(DRAFT, rfcText({ id: 'RFC-0001', title: 'Orders', status: 'DRAFT', reviewers: [{ name: 'Alice Chen', status: 'pending' }] }) + LEFTOVER);
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'seed');
  return repo;
}

const PLACEHOLDERS_BEFORE_REVIEW = 'kinds:\n  rfc:\n    status_rules:\n      REVIEW: [required-section, placeholder, decision-discipline, loaded-word]\n';

describe('status_rules: what each status asks', () => {
  it('by default a placeholder may stay in REVIEW (it is asked from APPROVED on)', async () => {
    const repo = draftWithPlaceholder();
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code, r.stderr).toBe(0);
    expect((await repo.run(['check'])).code).toBe(0);
  });

  it('a status that names `placeholder` refuses the change, every finding as path:line, nothing changed', async () => {
    const repo = draftWithPlaceholder(PLACEHOLDERS_BEFORE_REVIEW);
    const before = repo.git('rev-parse', 'HEAD');
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code, r.stderr).toBe(1);
    const line = repo.read(DRAFT).split('\n').indexOf('[Measured Latency Figures]') + 1;
    expect(r.stderr).toContain(`${DRAFT}:${line}: placeholder: template placeholder [Measured Latency Figures] left in this REVIEW document`);
    expect(repo.git('rev-parse', 'HEAD')).toBe(before);
    expect(porcelain(repo)).toEqual([]);
  });

  it('check holds a document in that status to the same list, and the change goes ahead once it is met', async () => {
    const repo = draftWithPlaceholder(PLACEHOLDERS_BEFORE_REVIEW);
    // By hand: the same change the command refused.
    repo.write(`${FOLDER.REVIEW}/RFC-0001-orders.md`, repo.read(DRAFT).replace('status: DRAFT', 'status: REVIEW'));
    fs.rmSync(path.join(repo.dir, DRAFT));
    const check = await repo.run(['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/error placeholder: template placeholder \[Measured Latency Figures\] left in this REVIEW document/);
    repo.git('reset', '-q', '--hard');
    repo.git('clean', '-qfd');
    repo.write(DRAFT, repo.read(DRAFT).replace(LEFTOVER, '\n'));
    repo.git('commit', '-qam', 'write it');
    const r = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(r.code, r.stderr).toBe(0);
    expect((await repo.run(['check'])).code).toBe(0);
  });

  it('a status can ask less: an empty list lets a sketch into REVIEW, and check agrees', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  tech-spec:\n    status_rules:\n      REVIEW: []\n');
    repo.git('commit', '-qam', 'config');
    expect((await repo.run(['create-tech-spec', 'Orders service'])).code).toBe(0);
    const r = await repo.run(['tech-spec-status', '1', '--set', 'REVIEW']);
    expect(r.code, r.stderr).toBe(0);
    expect((await repo.run(['check'])).code).toBe(0);
    // APPROVED keeps its default: the sections must be written first.
    const approve = await repo.run(['tech-spec-status', '1', '--set', 'APPROVED']);
    expect(approve.code).toBe(1);
    expect(approve.stderr).toMatch(/required-section|section/);
  });

  it("a guard the status's rules leave out is still reported, once, as workflow-guard", async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  tech-spec:\n    status_rules:\n      APPROVED: []\n');
    repo.git('commit', '-qam', 'config');
    expect((await repo.run(['create-tech-spec', 'Orders service'])).code).toBe(0);
    // The guards of APPROVED (sections written, no placeholder) still refuse the command...
    const r = await repo.run(['tech-spec-status', '1', '--set', 'APPROVED']);
    expect(r.code).toBe(1);
    // ...and check still holds a spec approved by hand to them, under workflow-guard alone.
    const draft = repo.find('TS-0001-');
    repo.write(draft.replace('/draft/', '/approved/'), repo.read(draft).replace('status: DRAFT', 'status: APPROVED'));
    fs.rmSync(path.join(repo.dir, draft));
    const check = await repo.run(['check', '--format', 'json']);
    const { findings } = JSON.parse(check.stdout) as { findings: Array<{ rule: string; severity: string; message: string }> };
    const errors = findings.filter((f) => f.severity === 'error');
    expect(new Set(errors.map((f) => f.rule))).toEqual(new Set(['workflow-guard']));
    expect(errors.some((f) => /section/.test(f.message))).toBe(true);
    expect(errors.some((f) => /placeholder/.test(f.message))).toBe(true);
  });

  it('an ADR whose ACCEPTED asks nothing can be accepted as a sketch, and check agrees', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  adr:\n    status_rules:\n      ACCEPTED: []\n');
    repo.git('commit', '-qam', 'config');
    expect((await repo.run(['create-adr', 'Use Kafka for events'])).code).toBe(0);
    const r = await repo.run(['adr-status', '1', '--set', 'ACCEPTED']);
    expect(r.code, r.stderr).toBe(0);
    expect((await repo.run(['check'])).code).toBe(0);
  });
});

describe('status_rules of the initial status apply to create', () => {
  it('an error refuses the create and leaves nothing behind', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    status_rules:\n      DRAFT: [placeholder]\n');
    repo.git('commit', '-qam', 'config');
    const r = await repo.run(['create-rfc', 'Adopt a queue']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('RFC-0001 was not created: `archdoc check` would reject it.');
    expect(r.stderr).toMatch(/rfcs\/draft\/RFC-0001-adopt-a-queue\.md:\d+: placeholder: /);
    expect(r.stderr).toContain('The status DRAFT asks for placeholder');
    expect(porcelain(repo)).toEqual([]);
    expect(repo.files().filter((f) => f.startsWith('rfcs/'))).toEqual([]);
  });

  it('a warning is printed and the document is created', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    status_rules:\n      DRAFT: [decision-discipline]\n');
    repo.git('commit', '-qam', 'config');
    const r = await repo.run(['create-rfc', 'Adopt a queue']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: rfcs\/draft\/RFC-0001-adopt-a-queue\.md:\d+: decision-discipline: no Evaluation Criteria table/);
    expect(porcelain(repo)).toEqual([]);
  });
});

describe('status_rules in the configuration', () => {
  it('names known statuses, with a suggestion', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    status_rules:\n      REVEIW: [placeholder]\n');
    const r = await repo.run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('error: .archdoc.yml: kinds.rfc.status_rules names unknown status "REVEIW"; did you mean "REVIEW"?');
  });

  it('lists only rules that depend on the status, and says where the others are set', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    status_rules:\n      REVIEW: [broken-link]\n');
    const r = await repo.run(['list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kinds.rfc.status_rules.REVIEW[0]: must be one of "required-section", "placeholder", "decision-discipline", "loaded-word"');
    expect(r.stderr).toContain('"broken-link" holds in every status (turn it off or re-grade it under `rules`)');
  });

  it('keeps a status not named at its default, and goes with the statuses when a built-in kind replaces them', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  adr:\n    statuses:\n      PROPOSED: {}\n      ACCEPTED: {}\n    status_rules:\n      PROPOSED: [placeholder]\n');
    const r = await repo.run(['create-adr', 'Use Kafka for events']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The status PROPOSED asks for placeholder');
  });
});
