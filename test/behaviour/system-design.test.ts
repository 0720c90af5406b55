/**
 * The built-in system design kind: created from its template, taken through its workflow (the
 * reviewer guard, the approval and section guards refusing, then allowing; back to DRAFT; archived
 * into archive/{year}), listed, linked to the RFCs and tech specs it draws on and checked. And a
 * repository set up before the kind existed: no system-designs folder, nothing to complain about.
 */
import { describe, expect, it } from 'vitest';
import { frontmatter, makeRepo, SLOW, step, type Repo, refused } from '../helpers.js';

const DRAFT = 'system-designs/draft/SD-0001-checkout-platform.md';
const REVIEW = 'system-designs/review/SD-0001-checkout-platform.md';
const APPROVED = 'system-designs/approved/SD-0001-checkout-platform.md';
const ARCHIVED = 'system-designs/archive/2026/SD-0001-checkout-platform.md';

/** Writes a section's content in place of its template placeholder, and commits it. */
function writeSection(repo: Repo, rel: string, heading: string, content: string): void {
  const text = repo.read(rel);
  const at = text.indexOf(`## ${heading}\n`);
  expect(at, heading).toBeGreaterThan(-1);
  const end = text.indexOf('\n## ', at + 1);
  const rest = end === -1 ? '' : text.slice(end);
  repo.write(rel, `${text.slice(0, at)}## ${heading}\n\n${content}\n${rest}`);
  repo.git('commit', '-qam', `test: write ${heading}`);
}

describe('system designs', SLOW, () => {
  it('create-system-design writes SD-0001 from its template, with the links it draws on as empty lists', async () => {
    const repo = makeRepo();
    const r = await step(
      repo,
      ['create-system-design', 'Checkout platform', '--reviewer', 'Alice Chen'],
      'docs(system-design): create SD-0001 Checkout platform',
    );
    expect(r.stdout).toContain('Created SD-0001 Checkout platform');
    expect(r.stdout).toContain(`file    ${DRAFT}`);
    expect(r.stdout).toContain('Open it for review: archdoc system-design-status SD-0001 --set REVIEW');
    const text = repo.read(DRAFT);
    const data = frontmatter(text);
    expect(data).toMatchObject({
      system_design_id: 'SD-0001',
      title: 'Checkout platform',
      status: 'DRAFT',
      reviewers: [{ name: 'Alice Chen', status: 'pending' }],
      related_rfcs: [],
      related_tech_specs: [],
    });
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(['Overview', 'Architecture Diagram', 'Components', 'Data Model', 'Security', 'Scalability', 'Deployment']);
    expect(text).toContain('```mermaid\n```');
    // `create system-design` is the same command.
    const same = await repo.run(['create', 'system-design', 'Search platform', '--yes']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('Created SD-0002 Search platform');
  });

  it('goes DRAFT → REVIEW → APPROVED → ARCHIVED, its guards refusing until a reviewer is named, one approves and the sections are written', async () => {
    const repo = makeRepo();
    await step(repo, ['create-system-design', 'Checkout platform', '--yes'], 'docs(system-design): create SD-0001 Checkout platform');

    const noReviewer = await refused(repo, ['system-design-status', '1', '--set', 'REVIEW'], DRAFT);
    expect(noReviewer.stderr).toContain('SD-0001 cannot go from DRAFT to REVIEW');
    expect(noReviewer.stderr).toMatch(/reviewer/);

    // A design goes to review as it stands: its sections are not asked for yet.
    await step(repo, ['system-design-status', '1', '--reviewer', 'Alice Chen'], 'docs(system-design): SD-0001 added reviewer Alice Chen (pending)');
    const review = await step(repo, ['system-design-status', 'SD-0001', '--set', 'review'], 'docs(system-design): SD-0001 DRAFT → REVIEW');
    expect(review.stdout).toContain(`moved   ${DRAFT} → ${REVIEW}`);
    expect(review.stderr).toContain('warning: only 1 reviewer named; 2 or more is recommended');

    const notApproved = await refused(repo, ['system-design-status', '1', '--set', 'APPROVED'], REVIEW);
    expect(notApproved.stderr).toContain('no reviewer has approved yet');

    // Approved, but the sections are placeholders and an empty Mermaid block: refused on each.
    await step(
      repo,
      ['system-design-status', '1', '--reviewer', 'Alice Chen:approved'],
      'docs(system-design): SD-0001 reviewer Alice Chen: pending → approved',
    );
    const unwritten = await refused(repo, ['system-design-status', '1', '--set', 'APPROVED'], REVIEW);
    expect(unwritten.stderr).toContain('SD-0001 cannot go from REVIEW to APPROVED');
    for (const s of ['Overview', 'Architecture Diagram', 'Components']) expect(unwritten.stderr).toContain(`section "## ${s}" has no content yet`);

    writeSection(repo, REVIEW, 'Overview', 'Checkout takes a basket to a paid order for the web and mobile shops.');
    writeSection(repo, REVIEW, 'Components', '- Basket service: holds baskets.\n- Payment service: talks to the payment provider.');
    const noDiagram = await refused(repo, ['system-design-status', '1', '--set', 'APPROVED'], REVIEW);
    expect(noDiagram.stderr).toContain('section "## Architecture Diagram" has no content yet');
    expect(noDiagram.stderr).not.toContain('"## Overview"');
    writeSection(repo, REVIEW, 'Architecture Diagram', '```mermaid\nflowchart LR\n  Basket --> Payment\n```');
    // The other sections still hold the template's placeholders: an approved design has none.
    for (const s of ['Data Model', 'Security', 'Scalability', 'Deployment']) writeSection(repo, REVIEW, s, `The ${s.toLowerCase()} is described here.`);

    // The approval was given to an earlier text: it is given again.
    const stale = await refused(repo, ['system-design-status', '1', '--set', 'APPROVED'], REVIEW);
    expect(stale.stderr).toContain('Alice Chen approved an earlier text');
    const approved = await step(
      repo,
      ['system-design-status', '1', '--reviewer', 'Alice Chen:approved', '--set', 'APPROVED'],
      'docs(system-design): SD-0001 REVIEW → APPROVED (reviewer Alice Chen: approved again, of the text as it is now)',
    );
    expect(approved.stdout).toContain(`moved   ${REVIEW} → ${APPROVED}`);
    expect((await repo.run(['check'])).stdout).toMatch(/^No problems in 1 document\.$/m);

    const archived = await step(
      repo,
      ['system-design-status', '1', '--set', 'ARCHIVED', '--comment', 'Replaced by the platform rewrite'],
      'docs(system-design): SD-0001 APPROVED → ARCHIVED',
    );
    expect(archived.stdout).toContain(`moved   ${APPROVED} → ${ARCHIVED}`);
    expect(frontmatter(repo.read(ARCHIVED))).toMatchObject({
      status: 'ARCHIVED',
      archive_date: '2026-11-25',
      archive_reason: 'Replaced by the platform rewrite',
    });
    const final = await repo.run(['system-design-status', '1', '--set', 'DRAFT']);
    expect(final.code).toBe(1);
    expect(final.stderr).toContain('ARCHIVED is final');
  });

  it('goes back from REVIEW to DRAFT for rework (reviews set back to pending), and a draft can be archived', async () => {
    const repo = makeRepo();
    await step(
      repo,
      ['create-system-design', 'Checkout platform', '--reviewer', 'Alice Chen:approved', '--reviewer', 'Bob Li', '--yes'],
      'docs(system-design): create SD-0001 Checkout platform',
    );
    await step(repo, ['system-design-status', '1', '--set', 'REVIEW'], 'docs(system-design): SD-0001 DRAFT → REVIEW');
    await step(repo, ['system-design-status', '1', '--set', 'DRAFT', '--comment', 'Back for rework'], 'docs(system-design): SD-0001 REVIEW → DRAFT');
    const data = frontmatter(repo.read(DRAFT));
    expect((data.reviewers as Array<{ status: string }>).map((r) => r.status)).toEqual(['pending', 'pending']);
    await step(repo, ['system-design-status', '1', '--set', 'ARCHIVED', '--comment', 'Abandoned'], 'docs(system-design): SD-0001 DRAFT → ARCHIVED');
    expect(repo.exists(ARCHIVED)).toBe(true);
    const refusedNext = await repo.run(['system-design-status', '1']);
    expect(refusedNext.stdout).toContain('ARCHIVED is final');
  });

  it('list-system-designs lists them, REVIEW first, archived ones with --all', async () => {
    const repo = makeRepo();
    const empty = await repo.run(['list-system-designs']);
    expect(empty.stdout).toContain('No system designs yet in system-designs/.');
    expect(empty.stdout).toContain('Start one with: archdoc create-system-design "Your title"');
    await step(
      repo,
      ['create-system-design', 'Checkout platform', '--reviewer', 'Alice Chen', '--yes'],
      'docs(system-design): create SD-0001 Checkout platform',
    );
    await step(repo, ['create-system-design', 'Search platform', '--reviewer', 'Bob Li', '--yes'], 'docs(system-design): create SD-0002 Search platform');
    await step(repo, ['create-system-design', 'Old billing', '--yes'], 'docs(system-design): create SD-0003 Old billing');
    await step(repo, ['system-design-status', '2', '--set', 'REVIEW'], 'docs(system-design): SD-0002 DRAFT → REVIEW');
    await step(repo, ['system-design-status', '3', '--set', 'ARCHIVED'], 'docs(system-design): SD-0003 DRAFT → ARCHIVED');
    const r = await repo.run(['list-system-designs']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('System designs (2): REVIEW 1 · DRAFT 1');
    expect(
      r.stdout
        .split('\n')
        .filter((l) => /^SD-/.test(l))
        .map((l) => l.split(/\s+/).slice(0, 2).join(' ')),
    ).toEqual(['SD-0002 REVIEW', 'SD-0001 DRAFT']);
    expect(r.stdout).toContain('1 archived not shown; add --all to include them.');
    const all = await repo.run(['list-system-designs', '--all', '--json']);
    const payload = JSON.parse(all.stdout) as { summary: unknown[]; documents: Array<{ id: string; status: string }> };
    expect(payload.summary).toEqual([{ kind: 'system-design', label: 'System design', total: 3, counts: { REVIEW: 1, DRAFT: 1, ARCHIVED: 1 }, broken: 0 }]);
    expect(payload.documents.map((d) => `${d.id} ${d.status}`)).toEqual(['SD-0002 REVIEW', 'SD-0001 DRAFT', 'SD-0003 ARCHIVED']);
  });

  it('links to an RFC with relates-to, lists the RFCs and specs it draws on, and check holds those ids to existing documents', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Adopt PostgreSQL', '--yes'], 'docs(rfc): create RFC-0001 Adopt PostgreSQL');
    await step(repo, ['create-tech-spec', 'Orders service API', '--yes'], 'docs(tech-spec): create TS-0001 Orders service API');
    await step(repo, ['create-system-design', 'Checkout platform', '--yes'], 'docs(system-design): create SD-0001 Checkout platform');
    const link = await step(repo, ['link', 'SD-0001', 'relates-to', 'RFC-0001'], 'docs(system-design): SD-0001 relates to RFC-0001');
    expect(link.stdout).toContain('SD-0001 relates to RFC-0001 (Adopt PostgreSQL)');
    expect(frontmatter(repo.read(DRAFT)).relates_to).toEqual(['RFC-0001']);
    const clean = await repo.run(['check']);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(/^No problems in 3 documents\.$/m);
    const shown = await repo.run(['show', 'RFC-0001']);
    expect(shown.stdout).toMatch(/related from\s+SD-0001\s+Checkout platform/);

    // related_rfcs and related_tech_specs, written by hand: ids that exist pass, others do not.
    const text = repo.read(DRAFT);
    repo.write(DRAFT, text.replace('related_rfcs: []', 'related_rfcs:\n  - RFC-0001').replace('related_tech_specs: []', 'related_tech_specs:\n  - TS-0001'));
    repo.git('commit', '-qam', 'test: what it draws on');
    expect((await repo.run(['check'])).code).toBe(0);
    const graph = await repo.run(['graph']);
    expect(graph.stdout).toContain('SD_0001 -.->|relates to| TS_0001');
    repo.write(DRAFT, repo.read(DRAFT).replace('  - TS-0001', '  - TS-0009').replace('  - RFC-0001\n', '  - RFC-0007\n'));
    const broken = await repo.run(['check']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('error broken-link: related_rfcs names RFC-0007, which does not exist');
    expect(broken.stdout).toContain('error broken-link: related_tech_specs names TS-0009, which does not exist');
  });
});

describe('a repository set up before system designs existed', SLOW, () => {
  const OLD_CONFIG = 'kinds:\n  rfc:\n    folder: rfcs\n  tech-spec:\n    folder: tech-specs\n  adr:\n    folder: docs/adr\n';

  /** A repository whose configuration names the three older kinds and has no system-designs folder. */
  function oldRepo(): Repo {
    const repo = makeRepo({ init: false });
    repo.write('.archdoc.yml', OLD_CONFIG);
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'test: configured before system designs');
    return repo;
  }

  it('gets the built-in kind in system-designs/, and list, check and index --check find nothing to say about it', async () => {
    const repo = oldRepo();
    await step(repo, ['create-adr', 'Use UUIDs for order ids', '--yes'], 'docs(adr): create ADR-0001 Use UUIDs for order ids');
    await step(repo, ['index'], 'docs: update the index');
    expect(repo.exists('system-designs')).toBe(false);
    const list = await repo.run(['list']);
    expect(list.stdout).not.toContain('System design');
    expect(list.stderr).toBe('');
    const check = await repo.run(['check', '--strict']);
    expect(check.code, check.stdout).toBe(0);
    const index = await repo.run(['index', '--check']);
    expect(index.code, index.stdout).toBe(0);
    expect(index.stdout).toBe('Index up to date.\n');
    // Named, it is indexed all the same.
    expect((await repo.run(['index', '--check', '--kind', 'system-design'])).stdout).toContain('system-designs/README.md: no index yet');
    // --detect finds nothing new: the configuration is left as it is.
    const detect = await repo.run(['init', '--detect']);
    expect(detect.code, detect.stderr).toBe(0);
    expect(repo.read('.archdoc.yml')).toBe(OLD_CONFIG);

    // The first design creates the folder; from then on it is indexed like the others.
    await step(repo, ['create-system-design', 'Checkout platform', '--yes'], 'docs(system-design): create SD-0001 Checkout platform');
    expect(repo.exists(DRAFT)).toBe(true);
    expect((await repo.run(['index', '--check'])).stdout).toContain('system-designs/README.md: no index yet');
    // archdoc's own designs are no records of another tool to adopt.
    const again = await repo.run(['init', '--detect']);
    expect(again.code, again.stderr).toBe(0);
    expect(repo.read('.archdoc.yml')).toBe(OLD_CONFIG);
  });

  it('a kind of its own with the prefix SD or the folder system-designs keeps them: the built-in kind gives way', async () => {
    const repo = makeRepo({ init: false });
    const own = (key: string, value: string) =>
      `kinds:\n  design:\n    prefix: ${key === 'prefix' ? value : 'DES'}\n    folder: ${key === 'folder' ? value : 'designs'}\n    statuses:\n      DRAFT: { folder: draft }\n    initial: DRAFT\n    transitions:\n      DRAFT: []\n`;
    for (const [key, value] of [
      ['prefix', 'SD'],
      ['folder', 'system-designs'],
    ] as const) {
      repo.write('.archdoc.yml', own(key, value));
      const r = await repo.run(['create', 'design', 'Checkout platform', '--no-commit']);
      expect(r.code, r.stderr).toBe(0);
      const kinds = JSON.parse((await repo.run(['list', '--json'])).stdout).summary.map((s: { kind: string }) => s.kind);
      expect(kinds).toEqual(['rfc', 'tech-spec', 'adr', 'design']);
      expect((await repo.run(['create-system-design', 'Search', '--yes'])).stderr).toContain('unknown document kind "system-design"');
      expect((await repo.run(['check'])).code).toBe(0);
    }
    // Named in the file, with a folder and prefix of its own, the built-in kind is there too.
    repo.write('.archdoc.yml', `${own('prefix', 'SD').replace('folder: designs', 'folder: designs')}  system-design:\n    prefix: SYS\n    folder: sys\n`);
    const both = JSON.parse((await repo.run(['list', '--json'])).stdout).summary.map((s: { kind: string }) => s.kind);
    expect(both).toEqual(['rfc', 'tech-spec', 'adr', 'system-design', 'design']);
  });

  it('init --dir docs puts system designs in docs/system-designs', async () => {
    const repo = makeRepo({ init: false });
    const r = await repo.run(['init', '--dir', 'docs']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('folder  docs/system-designs/draft/');
    expect(repo.read('.archdoc.yml')).toContain('  system-design:\n    folder: docs/system-designs\n');
    await step(repo, ['create-system-design', 'Checkout platform', '--yes'], 'docs(system-design): create SD-0001 Checkout platform');
    expect(repo.exists(`docs/${DRAFT}`)).toBe(true);
  });
});
