/**
 * Tech specs end to end: an approved RFC, a spec created against it (`--rfc`), written, approved,
 * and the RFC moved on to IN_PROGRESS; every archdoc step is exactly one commit. Also the refusals
 * around the link to the RFC and the placeholder guard, `--link-rfc`, and `list-tech-specs --rfc`.
 */
import { describe, expect, it } from 'vitest';
import { DATE, hasStackTrace, makeRepo, type Repo, type RunResult, frontmatter, porcelain, SLOW, refused } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

const FM = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/;

/** Keeps the frontmatter of `text` and replaces everything after it with `body`. */
function withBody(text: string, body: string): string {
  return text.slice(0, FM.exec(text)![0].length) + body;
}

function headSubject(repo: Repo): string {
  return repo.git('log', '-1', '--format=%s');
}

/** A spec body with every section written in sentences and no bracketed placeholder. */
function specBody(id: string, title: string, designOverview = 'An HTTP API in front of a PostgreSQL database, with a queue for outgoing events.'): string {
  return [
    `# ${id}: ${title}`,
    '',
    '## Executive Summary',
    '',
    'This document specifies how the orders service stores and serves customer orders.',
    '',
    '## Design Overview',
    '',
    designOverview,
    '',
    '## Detailed Specifications',
    '',
    'Orders are created through POST /orders and read through GET /orders/{id}; writes are idempotent per request key.',
    '',
    '## Testing Strategy',
    '',
    'Unit tests cover validation; an integration suite runs against a disposable database.',
    '',
  ].join('\n');
}

/** Runs an archdoc command that must succeed with exactly one new commit with this subject. */
async function step(repo: Repo, args: string[], subject: string): Promise<RunResult> {
  const before = repo.commitCount();
  const r = await repo.run(args);
  expect(r.code, `${args.join(' ')}\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  expect(hasStackTrace(r.stderr)).toBe(false);
  expect(repo.commitCount()).toBe(before + 1);
  expect(headSubject(repo)).toBe(subject);
  expect(porcelain(repo)).toEqual([]);
  return r;
}

/** RFC-000n created with a reviewer, opened for review and approved: three commits. */
async function approvedRfc(repo: Repo, n: number, title: string, slug: string): Promise<string> {
  const id = `RFC-${String(n).padStart(4, '0')}`;
  await step(repo, ['create-rfc', title, '--reviewer', 'Alice'], `docs(rfc): create ${id} ${title}`);
  // Written by hand before review: check's rules ask for it from REVIEW on.
  writeIt(repo, `rfcs/draft/${id}-${slug}.md`, 'rfc');
  repo.git('commit', '-q', '-am', `test: write ${id}`);
  await step(repo, ['rfc-status', String(n), '--set', 'REVIEW'], `docs(rfc): ${id} DRAFT → REVIEW`);
  await step(
    repo,
    ['rfc-status', String(n), '--reviewer', 'Alice:approved', '--set', 'APPROVED'],
    `docs(rfc): ${id} REVIEW → APPROVED (reviewer Alice: pending → approved)`,
  );
  const path = `rfcs/approved/${id}-${slug}.md`;
  expect(frontmatter(repo.read(path)).status).toBe('APPROVED');
  return path;
}

/** Replaces the text of `## name` (up to the next `## ` heading) with `text`. */
function fillSection(doc: string, name: string, text: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${name}`);
  if (start === -1) throw new Error(`no section ## ${name}`);
  let end = start + 1;
  while (end < lines.length && !/^#{1,2} /.test(lines[end]!)) end++;
  return [...lines.slice(0, start + 1), '', text, '', ...lines.slice(end)].join('\n');
}

describe('tech spec flow: RFC approved → spec created, written, approved → RFC in progress', SLOW, () => {
  it('each archdoc step is one commit and the link shows both ways', async () => {
    const repo = makeRepo();
    const rfcPath = await approvedRfc(repo, 1, 'Orders platform', 'orders-platform');

    const created = await step(repo, ['create-tech-spec', 'Orders service', '--rfc', 'RFC-0001'], 'docs(tech-spec): create TS-0001 Orders service');
    expect(created.stderr).not.toContain('not approved yet');
    const draft = 'tech-specs/draft/TS-0001-orders-service.md';
    expect(repo.files('tech-specs')).toEqual([draft]);
    expect(created.stdout).toContain(draft);
    expect(created.stdout).toMatch(/rfc\s+RFC-0001/);
    // The commit holds the new spec and nothing else.
    expect(repo.git('show', '--name-status', '--format=', 'HEAD')).toBe(`A\t${draft}`);
    const fm = frontmatter(repo.read(draft));
    expect(fm).toMatchObject({
      tech_spec_id: 'TS-0001',
      title: 'Orders service',
      status: 'DRAFT',
      decision_ref: 'RFC-0001',
      author: 'Test Author',
      created: DATE,
      last_updated: DATE,
    });

    // Written by hand and committed by hand (not an archdoc step).
    repo.write(draft, withBody(repo.read(draft), specBody('TS-0001', 'Orders service')));
    repo.git('commit', '-q', '-am', 'test: write TS-0001');

    const approved = await step(repo, ['tech-spec-status', 'TS-0001', '--set', 'APPROVED'], 'docs(tech-spec): TS-0001 DRAFT → APPROVED');
    const specPath = 'tech-specs/approved/TS-0001-orders-service.md';
    expect(approved.stdout).toContain(`${draft} → ${specPath}`);
    expect(repo.files('tech-specs')).toEqual([specPath]);
    const specFm = frontmatter(repo.read(specPath));
    expect(specFm.status).toBe('APPROVED');
    expect(specFm.decision_ref).toBe('RFC-0001');
    expect(specFm.history).toEqual([{ status: 'APPROVED', date: DATE, by: 'Test Author' }]);
    expect(repo.git('show', '--name-status', '-M', '--format=', 'HEAD')).toMatch(new RegExp(`^R\\d+\\t${draft}\\t${specPath}$`));

    // The RFC moves on once its design and plan are written.
    const specBefore = repo.read(specPath);
    let rfc = repo.read(rfcPath);
    rfc = fillSection(rfc, 'Technical Design', 'An orders service owns the orders table and publishes order events.');
    rfc = fillSection(rfc, 'Implementation Plan', '1. Build the service behind a flag, then move traffic over in two weeks.');
    repo.write(rfcPath, rfc);
    repo.git('commit', '-q', '-am', 'test: write the RFC design and plan');
    await step(repo, ['rfc-status', 'RFC-0001', '--set', 'IN_PROGRESS'], 'docs(rfc): RFC-0001 APPROVED → IN_PROGRESS');
    const inProgress = 'rfcs/approved/in-progress/RFC-0001-orders-platform.md';
    expect(repo.files('rfcs')).toEqual([inProgress]);
    expect(frontmatter(repo.read(inProgress)).status).toBe('IN_PROGRESS');
    // The spec still names the RFC by id: the RFC's move does not touch it.
    expect(repo.read(specPath)).toBe(specBefore);

    const show = await repo.run(['show', 'RFC-0001']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/implemented by\s+TS-0001\s+Orders service \(APPROVED\)/);
    const showSpec = await repo.run(['show', 'TS-0001']);
    expect(showSpec.code, showSpec.stderr).toBe(0);
    expect(showSpec.stdout).toMatch(/implements\s+RFC-0001\s+Orders platform \(IN_PROGRESS\)/);

    expect(repo.log()).toEqual([
      'docs(rfc): RFC-0001 APPROVED → IN_PROGRESS',
      'test: write the RFC design and plan',
      'docs(tech-spec): TS-0001 DRAFT → APPROVED',
      'test: write TS-0001',
      'docs(tech-spec): create TS-0001 Orders service',
      'docs(rfc): RFC-0001 REVIEW → APPROVED (reviewer Alice: pending → approved)',
      'docs(rfc): RFC-0001 DRAFT → REVIEW',
      'test: write RFC-0001',
      'docs(rfc): create RFC-0001 Orders platform',
      'chore(archdoc): configure archdoc',
    ]);
  });
});

describe('create-tech-spec --rfc', SLOW, () => {
  it('refuses an RFC that does not exist (exit 1): no file, no commit', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Orders platform'], 'docs(rfc): create RFC-0001 Orders platform');
    const count = repo.commitCount();
    const r = await repo.run(['create-tech-spec', 'Billing export', '--rfc', 'RFC-0099']);
    expect(r.code, r.stderr).toBe(1);
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stderr).toContain('RFC-0099');
    expect(r.stderr).toMatch(/^error: No RFC RFC-0099 found/m);
    expect(r.stdout).not.toContain('Created');
    expect(repo.files('tech-specs')).toEqual([]);
    expect(repo.commitCount()).toBe(count);
    expect(porcelain(repo)).toEqual([]);
  });

  it('accepts a DRAFT RFC with a warning; the spec cannot be approved until the RFC is; --link-rfc relinks it', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Orders platform'], 'docs(rfc): create RFC-0001 Orders platform');
    const created = await step(repo, ['create-tech-spec', 'Orders service', '--rfc', '1'], 'docs(tech-spec): create TS-0001 Orders service');
    expect(created.stderr).toContain('warning: RFC-0001 is DRAFT, not approved yet; the spec cannot be approved until it is');
    const path = 'tech-specs/draft/TS-0001-orders-service.md';
    expect(frontmatter(repo.read(path)).decision_ref).toBe('RFC-0001');

    repo.write(path, withBody(repo.read(path), specBody('TS-0001', 'Orders service')));
    repo.git('commit', '-q', '-am', 'test: write TS-0001');

    // Every other guard passes: only the RFC's status holds it back.
    const r = await refused(repo, ['tech-spec-status', 'TS-0001', '--set', 'APPROVED'], path);
    expect(r.stderr).toContain('error: TS-0001 cannot go from DRAFT to APPROVED: decision_ref RFC-0001 is DRAFT; it must be APPROVED, IN_PROGRESS, COMPLETED');
    expect(r.stderr).toContain('Allowed next from DRAFT: REVIEW, APPROVED');
    expect(repo.files('tech-specs')).toEqual([path]);

    // Link the spec to another, approved RFC: one commit, only decision_ref (and last_updated) change.
    await approvedRfc(repo, 2, 'Orders storage', 'orders-storage');
    const before = repo.read(path);
    const linked = await step(repo, ['tech-spec-status', 'TS-0001', '--link-rfc', 'RFC-0002'], 'docs(tech-spec): TS-0001 linked to RFC-0002');
    expect(linked.stderr).not.toContain('not approved yet');
    const after = repo.read(path);
    expect(frontmatter(after).decision_ref).toBe('RFC-0002');
    expect(frontmatter(after).status).toBe('DRAFT');
    expect(after.replace('decision_ref: RFC-0002', 'decision_ref: RFC-0001')).toBe(before);
    expect(repo.git('show', '--name-status', '--format=', 'HEAD')).toBe(`M\t${path}`);

    await step(repo, ['tech-spec-status', 'TS-0001', '--set', 'APPROVED'], 'docs(tech-spec): TS-0001 DRAFT → APPROVED');
    expect(frontmatter(repo.read('tech-specs/approved/TS-0001-orders-service.md')).decision_ref).toBe('RFC-0002');
  });

  it('--link-rfc to a DRAFT RFC warns but links; a missing one is refused', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Orders platform'], 'docs(rfc): create RFC-0001 Orders platform');
    await step(repo, ['create-tech-spec', 'Orders service'], 'docs(tech-spec): create TS-0001 Orders service');
    const path = 'tech-specs/draft/TS-0001-orders-service.md';
    expect(frontmatter(repo.read(path)).decision_ref).toBeNull();

    const missing = await refused(repo, ['tech-spec-status', 'TS-0001', '--link-rfc', 'RFC-0042'], path);
    expect(missing.stderr).toContain('RFC-0042');

    const linked = await step(repo, ['tech-spec-status', 'TS-1', '--link-rfc', 'rfc-1'], 'docs(tech-spec): TS-0001 linked to RFC-0001');
    expect(linked.stderr).toContain('warning: RFC-0001 is DRAFT, not approved yet; TS-0001 cannot be approved until it is');
    expect(frontmatter(repo.read(path)).decision_ref).toBe('RFC-0001');
  });
});

describe('tech-spec-status --set APPROVED: placeholder guard', SLOW, () => {
  it('is refused while a [Placeholder] remains, naming its real line; accepted once it is gone', async () => {
    const repo = makeRepo();
    await approvedRfc(repo, 1, 'Orders platform', 'orders-platform');
    await step(repo, ['create-tech-spec', 'Orders service', '--rfc', 'RFC-0001'], 'docs(tech-spec): create TS-0001 Orders service');
    const path = 'tech-specs/draft/TS-0001-orders-service.md';
    const withPlaceholder = withBody(
      repo.read(path),
      specBody('TS-0001', 'Orders service', 'The [Component/Feature Name] sits behind the gateway and owns the orders table.'),
    );
    repo.write(path, withPlaceholder);
    repo.git('commit', '-q', '-am', 'test: write TS-0001 with one placeholder left');

    const line = withPlaceholder.split('\n').findIndex((l) => l.includes('[Component/Feature Name]')) + 1;
    expect(line).toBeGreaterThan(10); // in the body, below the frontmatter
    const r = await refused(repo, ['tech-spec-status', 'TS-0001', '--set', 'APPROVED'], path);
    expect(r.stderr).toContain(`error: TS-0001 cannot go from DRAFT to APPROVED: line ${line}: template placeholder [Component/Feature Name] remains`);
    // That placeholder is the only problem reported.
    expect(r.stderr.match(/template placeholder/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('has no content yet');
    expect(r.stdout).toBe('');
    expect(repo.files('tech-specs')).toEqual([path]);

    repo.write(path, withPlaceholder.replace('[Component/Feature Name]', 'orders service'));
    repo.git('commit', '-q', '-am', 'test: remove the placeholder');
    await step(repo, ['tech-spec-status', 'TS-0001', '--set', 'APPROVED'], 'docs(tech-spec): TS-0001 DRAFT → APPROVED');
    expect(repo.files('tech-specs')).toEqual(['tech-specs/approved/TS-0001-orders-service.md']);
  });

  it('a freshly created spec (template text only) is refused with the empty sections and placeholders', async () => {
    const repo = makeRepo();
    await approvedRfc(repo, 1, 'Orders platform', 'orders-platform');
    await step(repo, ['create-tech-spec', 'Orders service', '--rfc', 'RFC-0001'], 'docs(tech-spec): create TS-0001 Orders service');
    const path = 'tech-specs/draft/TS-0001-orders-service.md';
    const text = repo.read(path);
    const r = await refused(repo, ['tech-spec-status', 'TS-0001', '--set', 'APPROVED'], path);
    const lineOf = (needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(r.stderr).toContain(`line ${lineOf('## Design Overview')}: section "## Design Overview" has no content yet`);
    expect(r.stderr).toContain(`line ${lineOf('## Detailed Specifications')}: section "## Detailed Specifications" has no content yet`);
    expect(r.stderr).toContain(`line ${lineOf('[Component/Feature Name]')}: template placeholder [Component/Feature Name] remains`);
  });
});

describe('list-tech-specs --rfc', SLOW, () => {
  it('lists only the specs linked to that RFC', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Orders platform'], 'docs(rfc): create RFC-0001 Orders platform');
    await step(repo, ['create-rfc', 'Billing ledger'], 'docs(rfc): create RFC-0002 Billing ledger');
    await step(repo, ['create-tech-spec', 'Orders service', '--rfc', 'RFC-0001'], 'docs(tech-spec): create TS-0001 Orders service');
    await step(repo, ['create-tech-spec', 'Ledger writer', '--rfc', 'RFC-0002'], 'docs(tech-spec): create TS-0002 Ledger writer');
    await step(repo, ['create-tech-spec', 'Search indexer'], 'docs(tech-spec): create TS-0003 Search indexer');
    await step(repo, ['create-tech-spec', 'Orders events feed', '--rfc', 'RFC-0001'], 'docs(tech-spec): create TS-0004 Orders events feed');

    const table = await repo.run(['list-tech-specs', '--rfc', 'RFC-0001']);
    expect(table.code, table.stderr).toBe(0);
    const rows = table.stdout.split('\n').filter((l) => /^TS-\d{4}\s/.test(l));
    expect(rows.map((l) => l.split(/\s+/)[0])).toEqual(['TS-0001', 'TS-0004']);
    expect(table.stdout).toContain('Orders service');
    expect(table.stdout).toContain('Orders events feed');
    expect(table.stdout).not.toContain('Ledger writer');
    expect(table.stdout).not.toContain('Search indexer');

    const json = await repo.run(['list-tech-specs', '--rfc', '2', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const docs = JSON.parse(json.stdout).documents as Array<{ id: string; links: Record<string, string[]> }>;
    expect(docs.map((d) => d.id)).toEqual(['TS-0002']);
    expect(docs[0]!.links).toEqual({ decision_ref: ['RFC-0002'] });

    const all = await repo.run(['list-tech-specs', '--json']);
    expect((JSON.parse(all.stdout).documents as Array<{ id: string }>).map((d) => d.id).sort()).toEqual(['TS-0001', 'TS-0002', 'TS-0003', 'TS-0004']);

    const unknown = await repo.run(['list-tech-specs', '--rfc', 'RFC-0077']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('RFC-0077');
  });
});
