/**
 * The questions `create` asks at a terminal, driven by a scripted Prompter: reviewers, the RFC a
 * tech spec implements, the ADR an ADR supersedes, related documents. What an option gave is not
 * asked; every question can be skipped; the answers land in the one commit, as the options would
 * write them. `--relates-to` does the same without a terminal. (test/e2e/interactive.test.ts
 * drives the same questions through a real terminal.)
 */
import { describe, expect, it } from 'vitest';
import { run as create } from '../../src/commands/create.js';
import { testSystem } from '../env.js';
import { DATE, frontmatter, headFiles, makeRepo, porcelain, SLOW, step, testEnv, type Repo } from '../helpers.js';
import { FOLDER, rfcText, writeIt } from './rfc-fixtures.js';
import type { Prompter } from '../../src/terminal/prompts.js';
import { capture, scripted } from '../prompter.js';

const REVIEWERS = 'Reviewers (comma-separated, Enter for none):';
const RELATED = 'Related documents (relates to):';
const RFC_OF_SPEC = 'The RFC it implements:';
const SUPERSEDES = 'Supersedes an ADR?';

const ADR1 = 'docs/adr/ADR-0001-use-uuids-for-order-ids.md';

/**
 * RFC-0001 DRAFT, RFC-0002 APPROVED, RFC-0003 REJECTED, RFC-0004 IN_PROGRESS; ADR-0001 ACCEPTED,
 * ADR-0002 PROPOSED; TS-0001 DRAFT.
 */
async function repository(): Promise<Repo> {
  const repo = makeRepo();
  await step(repo, ['create-rfc', 'Adopt PostgreSQL', '--yes'], 'docs(rfc): create RFC-0001 Adopt PostgreSQL');
  const hand = (status: keyof typeof FOLDER, n: number, title: string, slug: string) =>
    repo.write(`${FOLDER[status]}/RFC-000${n}-${slug}.md`, rfcText({ id: `RFC-000${n}`, title, status, extra: { created: DATE, last_updated: DATE } }));
  hand('APPROVED', 2, 'Event bus on Kafka', 'event-bus-on-kafka');
  hand('REJECTED', 3, 'Rewrite in Rust', 'rewrite-in-rust');
  hand('IN_PROGRESS', 4, 'Split the monolith', 'split-the-monolith');
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'test: RFCs written by hand');
  await step(repo, ['create-adr', 'Use UUIDs for order ids', '--yes'], 'docs(adr): create ADR-0001 Use UUIDs for order ids');
  writeIt(repo, ADR1, 'adr');
  repo.git('commit', '-qam', 'test: write ADR-0001');
  await step(repo, ['adr-status', 'ADR-0001', '--set', 'ACCEPTED'], 'docs(adr): ADR-0001 PROPOSED → ACCEPTED');
  await step(repo, ['create-adr', 'Log in JSON lines', '--yes'], 'docs(adr): create ADR-0002 Log in JSON lines');
  await step(repo, ['create-tech-spec', 'Orders service API', '--yes'], 'docs(tech-spec): create TS-0001 Orders service API');
  return repo;
}

/** `create` at a (scripted) terminal in `repo`. */
async function createAt(repo: Repo, opts: Parameters<typeof create>[0], prompt: Prompter) {
  const before = repo.commitCount();
  const out = capture();
  const r = await create({ ...opts, cwd: repo.dir }, { system: testSystem(repo.dir, testEnv(repo.home)), prompt, out, today: DATE });
  expect(repo.commitCount()).toBe(before + 1);
  expect(headFiles(repo)).toContain(r.path);
  expect(porcelain(repo)).toEqual([]);
  return { ...r, out: out.lines, data: frontmatter(repo.read(r.path)) };
}

describe('create at a terminal', SLOW, () => {
  it('create-rfc asks the title, reviewers and related documents, and writes the answers in its one commit', async () => {
    const repo = await repository();
    const prompt = scripted({
      'RFC title:': ['Adopt Kafka for events'],
      [REVIEWERS]: ['Alice:maybe', ' Alice Chen ,Bob Li:approved, '],
      [RELATED]: [['ADR-0001', 'RFC-0002']],
    });
    const r = await createAt(repo, { kind: 'rfc' }, prompt);
    expect(r.id).toBe('RFC-0005');
    expect(prompt.asked).toEqual([
      { message: 'RFC title:' },
      { message: REVIEWERS },
      // Its own kind first, newest first, then the other kinds; every status.
      { message: RELATED, choices: ['RFC-0004', 'RFC-0003', 'RFC-0002', 'RFC-0001', 'TS-0001', 'ADR-0002', 'ADR-0001'] },
    ]);
    expect(prompt.refused).toEqual(['"maybe" is not a reviewer status; use pending, in-progress, approved, declined']);
    expect(r.data.reviewers).toEqual([
      { name: 'Alice Chen', status: 'pending' },
      { name: 'Bob Li', status: 'approved' },
    ]);
    expect(r.data.relates_to).toEqual(['ADR-0001', 'RFC-0002']);
    expect(r.out).toContain('  relates to ADR-0001, RFC-0002');
    // Two reviewers named: the next step is the review itself.
    expect(r.out).toContain('  2. Open it for review: archdoc rfc-status RFC-0005 --set REVIEW');
  });

  it('every question can be skipped: the document is what a plain create writes', async () => {
    const repo = await repository();
    const prompt = scripted({ [REVIEWERS]: [''], [RFC_OF_SPEC]: [''], [RELATED]: [[]] });
    const r = await createAt(repo, { kind: 'tech-spec', title: 'Payments service API' }, prompt);
    expect(prompt.asked.map((q) => q.message)).toEqual([REVIEWERS, RFC_OF_SPEC, RELATED]);
    const plain = await createAt(repo, { kind: 'tech-spec', title: 'Billing service API', yes: true }, { ...scripted({}), interactive: false });
    const fields = (d: Record<string, unknown>) => Object.keys(d).filter((k) => k !== 'tech_spec_id' && k !== 'title');
    expect(fields(r.data)).toEqual(fields(plain.data));
    expect(r.data.decision_ref).toBeNull();
    expect(r.data.relates_to).toBeUndefined();
  });

  it('a tech spec is offered the RFCs it may implement: approved ones first, none archived, "none" first', async () => {
    const repo = await repository();
    const prompt = scripted({ [REVIEWERS]: ['Alice Chen'], [RFC_OF_SPEC]: ['RFC-0002'], [RELATED]: [['TS-0001']] });
    const r = await createAt(repo, { kind: 'tech-spec', title: 'Events gateway design' }, prompt);
    expect(prompt.asked[1]).toEqual({ message: RFC_OF_SPEC, choices: ['', 'RFC-0004', 'RFC-0002', 'RFC-0001'] });
    // The RFC it implements is not offered again as related.
    expect(prompt.asked[2]!.choices).not.toContain('RFC-0002');
    expect(r.data.decision_ref).toBe('RFC-0002');
    expect(r.data.relates_to).toEqual(['TS-0001']);
    // Approved: no warning about the RFC's status.
    expect(r.warnings).toEqual([]);
  });

  it('an ADR is offered the accepted ADRs to supersede; the chosen one is superseded in the same commit', async () => {
    const repo = await repository();
    const prompt = scripted({ 'ADR title:': ['Use ULIDs for order ids'], [SUPERSEDES]: ['ADR-0001'], [REVIEWERS]: [''], [RELATED]: [[]] });
    const r = await createAt(repo, { kind: 'adr' }, prompt);
    // Asked right after the title: the ADR it replaces is no similar title to confirm.
    expect(prompt.asked.map((q) => q.message)).toEqual(['ADR title:', SUPERSEDES, REVIEWERS, RELATED]);
    expect(prompt.asked[1]!.choices).toEqual(['', 'ADR-0001']);
    expect(prompt.asked[3]!.choices).not.toContain('ADR-0001');
    expect(r.data.supersedes).toBe('ADR-0001');
    expect(frontmatter(repo.read(ADR1)).status).toBe('SUPERSEDED');
    expect(headFiles(repo)).toEqual([ADR1, r.path].sort());
    expect(repo.log()[0]).toBe('docs(adr): create ADR-0003 Use ULIDs for order ids, superseding ADR-0001');
  });

  it('asks nothing an option gave', async () => {
    const repo = await repository();
    const spec = scripted({});
    const r = await createAt(
      repo,
      { kind: 'tech-spec', title: 'Events gateway design', reviewer: ['Alice Chen'], links: { rfc: '4' }, relatesTo: ['adr-2'] },
      spec,
    );
    expect(spec.asked).toEqual([]);
    expect(r.data.decision_ref).toBe('RFC-0004');
    expect(r.data.relates_to).toEqual(['ADR-0002']);
    const adr = scripted({ [REVIEWERS]: [''], [RELATED]: [[]] });
    await createAt(repo, { kind: 'adr', title: 'Use ULIDs for order ids', supersedes: 'ADR-0001' }, adr);
    expect(adr.asked.map((q) => q.message)).toEqual([REVIEWERS, RELATED]);
  });

  it('an RFC is not asked what it supersedes, and nothing is asked of an empty repository but reviewers', async () => {
    const repo = makeRepo();
    const prompt = scripted({ [REVIEWERS]: [''] });
    await createAt(repo, { kind: 'adr', title: 'Use UUIDs for order ids' }, prompt);
    expect(prompt.asked.map((q) => q.message)).toEqual([REVIEWERS]);
    const rfc = scripted({ [REVIEWERS]: [''], [RELATED]: [[]] });
    await createAt(repo, { kind: 'rfc', title: 'Adopt PostgreSQL' }, rfc);
    expect(rfc.asked.map((q) => q.message)).toEqual([REVIEWERS, RELATED]);
  });
});

describe('create --relates-to', SLOW, () => {
  it('writes the related documents, by id, in the one commit', async () => {
    const repo = await repository();
    const r = await step(
      repo,
      ['create-rfc', 'Adopt Kafka for events', '--relates-to', 'adr-1', '--relates-to', 'RFC-0002', '--relates-to', 'rfc-2'],
      'docs(rfc): create RFC-0005 Adopt Kafka for events',
    );
    expect(r.stdout).toContain('  relates to ADR-0001, RFC-0002\n');
    expect(frontmatter(repo.read(repo.find('RFC-0005'))).relates_to).toEqual(['ADR-0001', 'RFC-0002']);
    // `check` reads the field as links: both resolve.
    expect((await repo.run(['check', repo.find('RFC-0005')])).stdout).not.toContain('broken-link');
  });

  it('refuses a document that does not exist, creating nothing', async () => {
    const repo = await repository();
    const before = repo.commitCount();
    const r = await repo.run(['create-adr', 'Log in plain text', '--relates-to', 'RFC-0009']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: No RFC RFC-0009 found; did you mean/);
    expect(repo.commitCount()).toBe(before);
    expect(porcelain(repo)).toEqual([]);
  });

  it('is refused for a kind whose relations have no relates-to', async () => {
    const repo = makeRepo();
    const config = repo.read('.archdoc.yml');
    expect(config).toContain('  adr:\n    folder: docs/adr\n');
    repo.write(
      '.archdoc.yml',
      config.replace('  adr:\n    folder: docs/adr\n', '  adr:\n    folder: docs/adr\n    relations:\n      depends-on: depends_on\n'),
    );
    const r = await repo.run(['create-adr', 'Use ULIDs for order ids', '--relates-to', 'ADR-0001']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe('error: --relates-to does not apply to ADRs: their relations setting has no relates-to\n');
  });
});
