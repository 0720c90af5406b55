/**
 * Typed links: `archdoc link` / `unlink` write one relation into the first document's frontmatter
 * in one commit, refuse what a kind does not allow, and `show` reads every link from both ends,
 * with the documents that only mention one another as "mentioned by".
 */
import { describe, expect, it } from 'vitest';
import { frontmatter, makeRepo, porcelain, step, type Repo } from '../helpers.js';

async function repoWithDocs(): Promise<Repo> {
  const repo = makeRepo();
  for (const args of [
    ['create-rfc', 'Adopt PostgreSQL', '--yes'],
    ['create-rfc', 'Orders storage', '--yes'],
    ['create-tech-spec', 'Orders service', '--yes'],
    ['create-adr', 'Use Postgres for orders', '--yes'],
  ]) {
    const r = await repo.run(args);
    expect(r.code, r.stderr).toBe(0);
  }
  return repo;
}

/** Runs a command that must be refused with `code`, leaving every file and the history as they were. */
async function refused(repo: Repo, args: string[], code: number, message: RegExp): Promise<void> {
  const count = repo.commitCount();
  const files = repo.files().map((f) => `${f}\n${repo.read(f)}`);
  const r = await repo.run(args);
  expect(r.code, r.stdout + r.stderr).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(repo.commitCount()).toBe(count);
  expect(repo.files().map((f) => `${f}\n${repo.read(f)}`)).toEqual(files);
}

describe('archdoc link and unlink', () => {
  it('writes each relation in its field, one commit each, and shows it from both ends', async () => {
    const repo = await repoWithDocs();
    const spec = repo.find('TS-0001');
    await step(repo, ['link', 'TS-0001', 'implements', 'RFC-0001'], 'docs(tech-spec): TS-0001 implements RFC-0001');
    expect(frontmatter(repo.read(spec)).decision_ref).toBe('RFC-0001');
    await step(repo, ['link', 'rfc-2', 'depends-on', 'rfc-1'], 'docs(rfc): RFC-0002 depends on RFC-0001');
    await step(repo, ['link', 'ADR-0001', 'relates_to', 'TS-0001'], 'docs(adr): ADR-0001 relates to TS-0001');
    await step(repo, ['link', 'ADR-0001', 'Amends', 'RFC-0002'], 'docs(adr): ADR-0001 amends RFC-0002');
    const adr = frontmatter(repo.read(repo.find('ADR-0001')));
    expect(adr.relates_to).toEqual(['TS-0001']);
    expect(adr.amends).toEqual(['RFC-0002']);
    expect(frontmatter(repo.read(repo.find('RFC-0002'))).depends_on).toEqual(['RFC-0001']);

    const rfc1 = await repo.run(['show', 'RFC-0001']);
    expect(rfc1.stdout).toMatch(/implemented by\s+TS-0001 {2}Orders service \(DRAFT\)/);
    expect(rfc1.stdout).toMatch(/needed by\s+RFC-0002 {2}Orders storage \(DRAFT\)/);
    const rfc2 = await repo.run(['show', 'RFC-0002']);
    expect(rfc2.stdout).toMatch(/depends on\s+RFC-0001/);
    expect(rfc2.stdout).toMatch(/amended by\s+ADR-0001/);
    const ts = await repo.run(['show', 'TS-0001']);
    expect(ts.stdout).toMatch(/implements\s+RFC-0001/);
    expect(ts.stdout).toMatch(/related from\s+ADR-0001/);

    // The same link again changes nothing and says so.
    const again = await repo.run(['link', 'ADR-0001', 'relates-to', 'TS-0001']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already relates to TS-0001: nothing to change/);

    // check sees the links and finds nothing wrong; list --json carries them.
    expect((await repo.run(['check'])).code).toBe(0);
    const json = JSON.parse((await repo.run(['list', '--json'])).stdout) as { documents: Array<{ id: string; links: Record<string, string[]> }> };
    expect(json.documents.find((d) => d.id === 'ADR-0001')?.links).toEqual({ relates_to: ['TS-0001'], amends: ['RFC-0002'] });
  });

  it('unlink removes exactly the link: the frontmatter is byte for byte as before linking, but for last_updated', async () => {
    const repo = await repoWithDocs();
    const adr = repo.find('ADR-0001');
    const before = repo.read(adr);
    await step(repo, ['link', 'ADR-0001', 'relates-to', 'TS-0001'], 'docs(adr): ADR-0001 relates to TS-0001');
    await step(repo, ['link', 'ADR-0001', 'relates-to', 'RFC-0001'], 'docs(adr): ADR-0001 relates to RFC-0001');
    await step(repo, ['unlink', 'ADR-0001', 'relates-to', 'TS-0001'], 'docs(adr): ADR-0001 no longer relates to TS-0001');
    expect(frontmatter(repo.read(adr)).relates_to).toEqual(['RFC-0001']);
    await step(repo, ['unlink', 'ADR-0001', 'relates-to', 'RFC-0001'], 'docs(adr): ADR-0001 no longer relates to RFC-0001');
    expect(repo.read(adr)).toBe(before);
    const none = await repo.run(['unlink', 'ADR-0001', 'relates-to', 'RFC-0001']);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/does not relate to RFC-0001: nothing to change/);

    // implements is one value: unlink empties decision_ref, as the template writes it.
    await step(repo, ['link', 'TS-0001', 'implements', 'RFC-0001'], 'docs(tech-spec): TS-0001 implements RFC-0001');
    await step(repo, ['unlink', 'TS-0001', 'implements', 'RFC-0001'], 'docs(tech-spec): TS-0001 no longer implements RFC-0001');
    expect(frontmatter(repo.read(repo.find('TS-0001'))).decision_ref).toBeNull();
  });

  it('unlink relates-to also takes the id out of a related_* list kept by hand', async () => {
    const repo = await repoWithDocs();
    const rfc = repo.find('RFC-0002');
    repo.write(rfc, repo.read(rfc).replace('related_rfcs: []', 'related_rfcs:\n  - RFC-0001 # the first one\n  - ADR-0001'));
    repo.git('commit', '-qam', 'by hand');
    await step(repo, ['unlink', 'RFC-0002', 'relates-to', 'RFC-0001'], 'docs(rfc): RFC-0002 no longer relates to RFC-0001');
    expect(repo.read(rfc)).toContain('related_rfcs:\n  - ADR-0001\n');
  });

  it.each([
    [['link', 'RFC-0001', 'implements', 'TS-0001'], 2, /RFCs have no "implements" relation; theirs: relates-to, depends-on, amends/],
    [['link', 'RFC-0001', 'blocks', 'RFC-0002'], 2, /unknown relation "blocks"/],
    [['link', 'ADR-0001', 'supersedes', 'ADR-0001'], 2, /supersedes is a status change.*\n.*adr-status <older> --set SUPERSEDED --by <newer>/],
    [['link', 'RFC-0001', 'relates-to', 'RFC-0001'], 2, /RFC-0001 cannot relate to itself/],
    [['link', 'TS-0001', 'implements', 'ADR-0001'], 2, /implements links tech specs to RFCs only; ADR-0001 is an ADR/],
    [['link', 'RFC-0001', 'relates-to', 'RFC-0009'], 1, /No RFC RFC-0009 found/],
  ] as const)('refuses %j and changes nothing', async (args, code, message) => {
    const repo = await repoWithDocs();
    await refused(repo, [...args], code, message);
  });

  it('refuses a second implements and says how to change it', async () => {
    const repo = await repoWithDocs();
    await step(repo, ['link', 'TS-0001', 'implements', 'RFC-0001'], 'docs(tech-spec): TS-0001 implements RFC-0001');
    await refused(repo, ['link', 'TS-0001', 'implements', 'RFC-0002'], 1, /already implements RFC-0001[\s\S]*archdoc unlink TS-0001 implements RFC-0001/);
  });

  it('warns when depends-on closes a cycle, and when the implemented RFC is not approved', async () => {
    const repo = await repoWithDocs();
    await step(repo, ['link', 'RFC-0001', 'depends-on', 'RFC-0002'], 'docs(rfc): RFC-0001 depends on RFC-0002');
    const cycle = await repo.run(['link', 'RFC-0002', 'depends-on', 'RFC-0001']);
    expect(cycle.stderr).toMatch(/RFC-0001 already depends on RFC-0002.*depend on each other/);
    const spec = await repo.run(['link', 'TS-0001', 'implements', 'RFC-0001']);
    expect(spec.stderr).toMatch(/RFC-0001 is DRAFT, not approved yet/);
  });

  it("keeps the user's uncommitted edits out of its commit", async () => {
    const repo = await repoWithDocs();
    const adr = repo.find('ADR-0001');
    repo.write(adr, `${repo.read(adr)}\nA thought not yet committed.\n`);
    await repo.run(['link', 'ADR-0001', 'relates-to', 'RFC-0001']);
    expect(repo.git('show', `HEAD:${adr}`)).not.toContain('A thought not yet committed.');
    expect(repo.git('show', `HEAD:${adr}`)).toContain('relates_to:\n  - RFC-0001');
    expect(repo.read(adr)).toContain('A thought not yet committed.');
    expect(repo.read(adr)).toContain('relates_to:\n  - RFC-0001');
    expect(porcelain(repo)).toEqual([` M ${adr}`]);
  });

  it('check reports a typed link to a document that does not exist', async () => {
    const repo = await repoWithDocs();
    const adr = repo.find('ADR-0001');
    repo.write(adr, repo.read(adr).replace('superseded_by:\n', 'superseded_by:\ndepends_on:\n  - ADR-0042\n'));
    const r = await repo.run(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`${adr}:\\d+:1: error broken-link: depends_on names ADR-0042, which does not exist`));
  });

  it('renumber rewrites typed links to the renumbered document', async () => {
    const repo = await repoWithDocs();
    await step(repo, ['link', 'ADR-0001', 'depends-on', 'RFC-0002'], 'docs(adr): ADR-0001 depends on RFC-0002');
    const r = await repo.run(['renumber', 'RFC-0002', '--to', 'RFC-0007']);
    expect(r.code, r.stderr).toBe(0);
    expect(frontmatter(repo.read(repo.find('ADR-0001'))).depends_on).toEqual(['RFC-0007']);
  });
});

describe('link and unlink: what the tester found', () => {
  it('a document git does not know yet goes into the commit whole, as a new file, as a status move already did', async () => {
    const repo = await repoWithDocs();
    expect((await repo.run(['create-adr', 'Untracked decision here', '--no-commit', '--yes'])).code).toBe(0);
    const adr = 'docs/adr/ADR-0002-untracked-decision-here.md';
    const linked = await step(repo, ['link', 'ADR-0002', 'relates-to', 'RFC-0001'], 'docs(adr): ADR-0002 relates to RFC-0001');
    // Said, not hidden: the file's whole text is in a commit named after the link.
    expect(linked.stderr).toBe(`note: git did not know ${adr} yet, so this commit adds the whole file, with what is written in it.\n`);
    expect(repo.git('show', '--name-only', '--format=', 'HEAD')).toBe(adr);
    expect(frontmatter(repo.git('show', `HEAD:${adr}`)).relates_to).toEqual(['RFC-0001']);
  });

  it('a reviewer added to a document git does not know yet commits it too', async () => {
    const repo = await repoWithDocs();
    expect((await repo.run(['create-rfc', 'Untracked proposal here', '--no-commit', '--yes'])).code).toBe(0);
    const added = await step(repo, ['rfc-status', 'RFC-0003', '--reviewer', 'Bob'], 'docs(rfc): RFC-0003 added reviewer Bob (pending)');
    expect(added.stderr).toContain('note: git did not know rfcs/draft/RFC-0003-untracked-proposal-here.md yet, so this commit adds the whole file');
    // Once git knows it, nothing more is said.
    const again = await step(repo, ['rfc-status', 'RFC-0003', '--reviewer', 'Carol'], 'docs(rfc): RFC-0003 added reviewer Carol (pending)');
    expect(again.stderr).toBe('');
  });

  it('unlink removes a link to a document that no longer exists (check reports it broken)', async () => {
    const repo = await repoWithDocs();
    const rfc = repo.find('RFC-0002');
    repo.write(rfc, repo.read(rfc).replace('related_rfcs: []', 'related_rfcs: []\nrelates_to: [ADR-0099]'));
    repo.git('commit', '-qam', 'a link to nothing');
    expect((await repo.run(['check'])).stdout).toMatch(/broken-link/);
    await step(repo, ['unlink', 'RFC-0002', 'relates-to', 'ADR-0099'], 'docs(rfc): RFC-0002 no longer relates to ADR-0099');
    expect((await repo.run(['check'])).code).toBe(0);
  });

  it('list --json reads a comma-separated link field as every other command does', async () => {
    const repo = await repoWithDocs();
    const rfc = repo.find('RFC-0002');
    repo.write(rfc, repo.read(rfc).replace('related_rfcs: []', 'related_rfcs: []\nrelates_to: RFC-0001, ADR-0001'));
    const json = JSON.parse((await repo.run(['list', '--json'])).stdout) as { documents: Array<{ id: string; links: Record<string, string[]> }> };
    expect(json.documents.find((d) => d.id === 'RFC-0002')?.links.relates_to).toEqual(['RFC-0001', 'ADR-0001']);
  });

  it('a relation stored in a field archdoc keeps itself is a configuration error', async () => {
    const repo = await repoWithDocs();
    repo.write('.archdoc.yml', `${repo.read('.archdoc.yml')}\n`.replace('  rfc:\n', '  rfc:\n    relations:\n      relates-to: reviewers\n'));
    const r = await repo.run(['list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/kinds\.rfc\.relations\.relates-to: "reviewers" is a field archdoc keeps itself/);
  });

  it('says which kinds implements links, in words', async () => {
    const repo = await repoWithDocs();
    const r = await repo.run(['link', 'TS-0001', 'implements', 'ADR-0001']);
    expect(r.stderr).toMatch(/^error: implements links tech specs to RFCs only; ADR-0001 is an ADR$/m);
  });
});

describe('show: mentioned by', () => {
  it('lists documents whose text names the id or links to the file, once each', async () => {
    const repo = await repoWithDocs();
    const spec = repo.find('TS-0001');
    const adr = repo.find('ADR-0001');
    const rfc = repo.find('RFC-0003'.replace('3', '1'));
    repo.write(spec, `${repo.read(spec)}\nThis relates to RFC-0001, not to RFC-00012.\n`);
    repo.write(adr, `${repo.read(adr)}\nSee [the RFC](../../${rfc}).\n`);
    const r = await repo.run(['show', 'RFC-0001']);
    expect(r.stdout).toMatch(/mentioned by\s+TS-0001 {2}Orders service/);
    expect(r.stdout).toMatch(/mentioned by\s+ADR-0001 {2}Use Postgres for orders/);
    expect(r.stdout).not.toMatch(/RFC-0002/);
    // A document that links by field is listed by that relation, not again as a mention.
    await repo.run(['link', 'TS-0001', 'implements', 'RFC-0001', '--no-commit']);
    const after = await repo.run(['show', 'RFC-0001']);
    expect(after.stdout.match(/TS-0001/g)).toHaveLength(1);
    expect(after.stdout).toMatch(/implemented by\s+TS-0001/);
  });
});
