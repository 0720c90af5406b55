/**
 * `archdoc new`: the method's questions answered by options (in-process, through the whole CLI)
 * and at a scripted terminal (a Prompter answering by message), each recommendation path creating
 * its kind through create's code and printing its reason; `--explain` creating nothing; answers
 * that do not decide refused with the options to give. (test/e2e/interactive.test.ts answers the
 * same questions with keys in a real terminal.)
 */
import { describe, expect, it } from 'vitest';
import { run as newDocument } from '../../src/commands/new.js';
import type { Prompter } from '../../src/terminal/prompts.js';
import { testSystem } from '../env.js';
import { DATE, frontmatter, hasStackTrace, headFiles, makeRepo, porcelain, SLOW, step, testEnv, type Repo } from '../helpers.js';
import { capture, scripted } from '../prompter.js';
import { writeIt } from './rfc-fixtures.js';

const WHOLE = "Is it a whole system's shape?";
const DECIDED = 'Is the approach already decided, and only the how is missing?';
const SEVERAL = 'Are there several viable options?';
const CROSS = 'Does it cross team boundaries?';
const COSTLY = 'Is it costly to reverse?';
const REVIEW = 'Does it need stakeholder review?';
const CREATE = 'Create:';
const REVIEWERS = 'Reviewers (comma-separated, Enter for none):';

const REASON = {
  sd: "It is a whole system's shape, so a system design draws its components, data model, security, scalability and deployment.",
  ts: 'The approach is decided and only the how is missing, so a tech spec sets out how it will be built.',
  adrOne: 'Only one option is viable, so an ADR records the decision, its context and the alternatives ruled out.',
  adrNoStakes:
    'Several options are viable, but the choice stays within one team, is cheap to reverse and needs no stakeholder review, so an ADR records the decision and the alternatives considered.',
};

/** Runs `archdoc new` (options only, no terminal) and expects one commit creating `file`. */
async function created(repo: Repo, args: string[], subject: string, file: string) {
  const r = await step(repo, ['new', ...args], subject);
  expect(headFiles(repo)).toEqual([file]);
  return { ...r, data: frontmatter(repo.read(file)) };
}

describe('archdoc new, answered by options', SLOW, () => {
  it("a whole system's shape: a system design, with the reason", async () => {
    const repo = makeRepo();
    const r = await created(
      repo,
      ['Checkout platform', '--whole-system', '--yes'],
      'docs(system-design): create SD-0001 Checkout platform',
      'system-designs/draft/SD-0001-checkout-platform.md',
    );
    expect(r.stdout).toMatch(new RegExp(`^Recommended: System design\\n  ${REASON.sd.replace(/[.?']/g, '\\$&')}\\n\\nCreated SD-0001 Checkout platform\\n`));
    expect(r.data.system_design_id).toBe('SD-0001');
  });

  it('the approach decided: a tech spec, with create options passed on (--reviewer, --author)', async () => {
    const repo = makeRepo();
    const r = await created(
      repo,
      ['Orders service API', '--no-whole-system', '--approach-decided', '--reviewer', 'Alice Chen', '--author', 'Priya Nair'],
      'docs(tech-spec): create TS-0001 Orders service API',
      'tech-specs/draft/TS-0001-orders-service-api.md',
    );
    expect(r.stdout).toContain(`Recommended: Tech spec\n  ${REASON.ts}\n`);
    expect(r.data).toMatchObject({ tech_spec_id: 'TS-0001', author: 'Priya Nair', reviewers: [{ name: 'Alice Chen', status: 'pending' }] });
  });

  it('several options and any one thing at stake: an RFC, the reason naming what is at stake', async () => {
    const repo = makeRepo();
    const cases: Array<[string[], string, string]> = [
      [['--cross-team'], 'crosses team boundaries', 'Split the orders service'],
      [['--no-cross-team', '--costly-to-reverse'], 'is costly to reverse', 'Move to event sourcing'],
      [['--needs-review', '--cross-team'], 'crosses team boundaries and needs stakeholder review', 'Retire the monolith'],
    ];
    for (const [[...stakes], words, title] of cases) {
      const n = cases.findIndex((c) => c[2] === title) + 1;
      const slug = title.toLowerCase().replace(/ /g, '-');
      const r = await created(
        repo,
        [title, '--several-options', ...stakes, '--yes'],
        `docs(rfc): create RFC-000${n} ${title}`,
        `rfcs/draft/RFC-000${n}-${slug}.md`,
      );
      expect(r.stdout).toContain(
        `Recommended: RFC\n  Several options are viable and the choice ${words}, so an RFC puts them to reviewers before the decision is made.\n`,
      );
    }
  });

  it('--rfc and --supersedes are passed on to create; one that does not apply to the kind recommended changes nothing (exit 2)', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Adopt event sourcing', '--yes'], 'docs(rfc): create RFC-0001 Adopt event sourcing');
    await step(repo, ['create-adr', 'Use UUIDs', '--yes'], 'docs(adr): create ADR-0001 Use UUIDs');
    writeIt(repo, 'docs/adr/ADR-0001-use-uuids.md', 'adr');
    repo.git('commit', '-q', '-am', 'test: write ADR-0001');
    await step(repo, ['adr-status', 'ADR-0001', '--set', 'ACCEPTED'], 'docs(adr): ADR-0001 PROPOSED → ACCEPTED');

    const spec = await created(
      repo,
      ['Orders service', '--approach-decided', '--rfc', 'RFC-0001', '--yes'],
      'docs(tech-spec): create TS-0001 Orders service',
      'tech-specs/draft/TS-0001-orders-service.md',
    );
    expect(spec.data.decision_ref).toBe('RFC-0001');
    const adr = await step(
      repo,
      ['new', 'Use ULIDs', '--no-several-options', '--supersedes', 'ADR-0001', '--yes'],
      'docs(adr): create ADR-0002 Use ULIDs, superseding ADR-0001',
    );
    expect(adr.stdout).toContain(`Recommended: ADR\n  ${REASON.adrOne}\n`);
    expect(frontmatter(repo.read('docs/adr/ADR-0002-use-ulids.md')).supersedes).toBe('ADR-0001');

    const commits = repo.commitCount();
    const wrong = await repo.run(['new', 'Use KSUIDs', '--no-several-options', '--rfc', 'RFC-0001', '--yes']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('error: --rfc does not apply to ADRs\n');
    // Said whatever the id names: a tech spec supersedes nothing, an ADR's id included.
    const specSupersedes = await repo.run(['new', 'Billing service', '--approach-decided', '--supersedes', 'ADR-0002', '--yes']);
    expect(specSupersedes.code).toBe(2);
    expect(specSupersedes.stderr).toBe('error: Tech specs cannot supersede one another (the kind has no superseded status)\n');
    expect(repo.commitCount()).toBe(commits);
    expect(porcelain(repo)).toEqual([]);
    const explained = await repo.run(['new', 'Billing service', '--approach-decided', '--rfc', 'RFC-0001', '--explain']);
    expect(explained.stdout).toContain('To create it: archdoc create-tech-spec "Billing service" --rfc RFC-0001\n');
    // The command --explain prints runs: what does not apply is left out and said, and an RFC
    // that supersedes another is created with `create rfc`, create-rfc having no --supersedes.
    const leftOut = await repo.run(['new', 'Use KSUIDs', '--no-several-options', '--rfc', 'RFC-0001', '--explain']);
    expect(leftOut.stdout).toContain('To create it: archdoc create-adr "Use KSUIDs"\n(--rfc does not apply to ADRs: left out.)\n');
    const rfc = await repo.run(['new', 'Split orders', '--several-options', '--cross-team', '--supersedes', 'RFC-0001', '--explain']);
    expect(rfc.stdout).toContain('To create it: archdoc create rfc "Split orders" --supersedes RFC-0001\n');
    expect(repo.commitCount()).toBe(commits);
  });

  it('one viable option, or several with nothing at stake: an ADR; --no-commit writes it without committing', async () => {
    const repo = makeRepo();
    const one = await created(
      repo,
      ['Use ULIDs for order ids', '--no-several-options', '--yes'],
      'docs(adr): create ADR-0001 Use ULIDs for order ids',
      'docs/adr/ADR-0001-use-ulids-for-order-ids.md',
    );
    expect(one.stdout).toContain(`Recommended: ADR\n  ${REASON.adrOne}\n`);
    const commits = repo.commitCount();
    const r = await repo.run([
      'new',
      'Log in JSON lines',
      '--several-options',
      '--no-cross-team',
      '--no-costly-to-reverse',
      '--no-needs-review',
      '--no-commit',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Recommended: ADR\n  ${REASON.adrNoStakes}\n`);
    expect(r.stdout).toContain('Created ADR-0002 Log in JSON lines');
    expect(repo.commitCount()).toBe(commits);
    expect(porcelain(repo)).toEqual(['?? docs/adr/ADR-0002-log-in-json-lines.md']);
  });

  it('--explain prints the recommendation and the answers that led there, and creates nothing', async () => {
    const repo = makeRepo();
    const commits = repo.commitCount();
    const files = repo.files();
    const r = await repo.run(['new', 'Split the orders service', '--several-options', '--cross-team', '--no-whole-system', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Recommended: RFC',
        '  Several options are viable and the choice crosses team boundaries, so an RFC puts them to reviewers before the decision is made.',
        '',
        'Answers that led there:',
        `  no   ${WHOLE.padEnd(DECIDED.length)}  (--no-whole-system)`,
        `  no   ${DECIDED}  (not given, taken as no)`,
        `  yes  ${SEVERAL.padEnd(DECIDED.length)}  (--several-options)`,
        `  yes  ${CROSS.padEnd(DECIDED.length)}  (--cross-team)`,
        '',
        'Nothing was created (--explain). To create it: archdoc create-rfc "Split the orders service"',
        '',
      ].join('\n'),
    );
    // Without a title too.
    const bare = await repo.run(['new', '--whole-system', '--explain']);
    expect(bare.code, bare.stderr).toBe(0);
    expect(bare.stdout).toContain('To create it: archdoc create-system-design "Your title"');
    expect(repo.commitCount()).toBe(commits);
    expect(repo.files()).toEqual(files);
    expect(porcelain(repo)).toEqual([]);
  });

  it('answers that do not decide are a usage error naming the options to give (exit 2), and nothing is created', async () => {
    const repo = makeRepo();
    const commits = repo.commitCount();
    const refusals: Array<[string[], string]> = [
      [['Cache product pages', '--yes'], 'give --several-options or --no-several-options.'],
      [
        ['Cache product pages', '--several-options', '--yes'],
        'give --cross-team, --costly-to-reverse or --needs-review, or --no-cross-team --no-costly-to-reverse --no-needs-review when none applies.',
      ],
      [
        ['Cache product pages', '--several-options', '--no-needs-review'],
        'give --cross-team or --costly-to-reverse, or --no-cross-team --no-costly-to-reverse when neither applies.',
      ],
      [
        ['Cache product pages', '--several-options', '--no-cross-team', '--no-needs-review', '--explain'],
        'give --costly-to-reverse or --no-costly-to-reverse.',
      ],
    ];
    for (const [args, wanted] of refusals) {
      const r = await repo.run(['new', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`error: Not enough answers to recommend a kind of document: ${wanted}\n`);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    // Enough answers, but no title and no terminal to ask it at.
    const untitled = await repo.run(['new', '--several-options', '--cross-team', '--yes']);
    expect(untitled.code).toBe(2);
    expect(untitled.stderr).toBe('error: Missing title: give it as the argument, e.g. archdoc new "Adopt PostgreSQL" --several-options --cross-team --yes\n');
    expect(repo.commitCount()).toBe(commits);
    expect(porcelain(repo)).toEqual([]);
  });

  it("create's refusals are new's: a similar title exits 1 without --force", async () => {
    const repo = makeRepo();
    await step(repo, ['new', 'Adopt PostgreSQL', '--several-options', '--cross-team', '--yes'], 'docs(rfc): create RFC-0001 Adopt PostgreSQL');
    const again = await repo.run(['new', 'PostgreSQL adopt', '--several-options', '--cross-team', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('A similar RFC already exists: RFC-0001');
    await step(repo, ['new', 'PostgreSQL adopt', '--several-options', '--cross-team', '--yes', '--force'], 'docs(rfc): create RFC-0002 PostgreSQL adopt');
  });
});

/** `new` at a scripted terminal in `repo`. */
async function atTerminal(repo: Repo, opts: Parameters<typeof newDocument>[0], prompt: Prompter) {
  const out = capture();
  const r = await newDocument({ ...opts, cwd: repo.dir }, { system: testSystem(repo.dir, testEnv(repo.home)), prompt, out, today: DATE });
  return { ...r, out: out.lines };
}

describe('archdoc new at a terminal (scripted)', SLOW, () => {
  it('asks only until the answer is known: a whole system is a system design; the title is asked by create', async () => {
    const repo = makeRepo();
    const prompt = scripted({
      [WHOLE]: [true],
      [CREATE]: ['system-design'],
      'System design title:': ['Checkout platform'],
      [REVIEWERS]: ['Alice Chen, Bob Li'],
    });
    const before = repo.commitCount();
    const r = await atTerminal(repo, {}, prompt);
    expect(prompt.messages()).toEqual([WHOLE, CREATE, 'System design title:', REVIEWERS]);
    // The recommended kind first, the others, then nothing.
    expect(prompt.offered(CREATE)).toEqual(['system-design', 'rfc', 'adr', 'tech-spec', '']);
    expect(r.out.slice(0, 2)).toEqual(['Recommended: System design', `  ${REASON.sd}`]);
    expect(r.created).toMatchObject({ id: 'SD-0001', path: 'system-designs/draft/SD-0001-checkout-platform.md' });
    expect(frontmatter(repo.read(r.created!.path)).reviewers).toEqual([
      { name: 'Alice Chen', status: 'pending' },
      { name: 'Bob Li', status: 'pending' },
    ]);
    expect(repo.commitCount()).toBe(before + 1);
    expect(porcelain(repo)).toEqual([]);
  });

  it('the approach decided: a tech spec after two questions', async () => {
    const repo = makeRepo();
    const prompt = scripted({ [WHOLE]: [false], [DECIDED]: [true], [CREATE]: ['tech-spec'], [REVIEWERS]: [''] });
    const r = await atTerminal(repo, { title: 'Orders service API' }, prompt);
    expect(prompt.messages()).toEqual([WHOLE, DECIDED, CREATE, REVIEWERS]);
    expect(r.recommendation).toMatchObject({ kind: 'tech-spec', reason: REASON.ts });
    expect(r.created?.id).toBe('TS-0001');
  });

  it('several options and one stake is an RFC: the stakes after it are not asked, nor what options answered', async () => {
    const repo = makeRepo();
    const prompt = scripted({
      [WHOLE]: [false],
      [DECIDED]: [false],
      [SEVERAL]: [true],
      [CROSS]: [false],
      [COSTLY]: [true],
      [CREATE]: ['rfc'],
      [REVIEWERS]: [''],
    });
    const r = await atTerminal(repo, { title: 'Split the orders service' }, prompt);
    expect(prompt.messages()).toEqual([WHOLE, DECIDED, SEVERAL, CROSS, COSTLY, CREATE, REVIEWERS]);
    expect(r.out[1]).toBe('  Several options are viable and the choice is costly to reverse, so an RFC puts them to reviewers before the decision is made.');
    expect(r.created?.id).toBe('RFC-0001');

    // Answered by options, those questions are not asked.
    const given = scripted({ [WHOLE]: [false], [DECIDED]: [false], [CREATE]: ['rfc'], [REVIEWERS]: [''], 'Related documents (relates to):': [['RFC-0001']] });
    const r2 = await atTerminal(repo, { title: 'Retire the monolith', severalOptions: true, needsReview: true }, given);
    expect(given.messages()).toEqual([WHOLE, DECIDED, CREATE, REVIEWERS, 'Related documents (relates to):']);
    expect(r2.created?.id).toBe('RFC-0002');
  });

  it('one viable option is an ADR after three questions; several with nothing at stake after all six', async () => {
    const repo = makeRepo();
    const one = scripted({ [WHOLE]: [false], [DECIDED]: [false], [SEVERAL]: [false], [CREATE]: ['adr'], [REVIEWERS]: [''] });
    const r = await atTerminal(repo, { title: 'Use ULIDs for order ids' }, one);
    expect(one.messages()).toEqual([WHOLE, DECIDED, SEVERAL, CREATE, REVIEWERS]);
    expect(r.recommendation).toMatchObject({ kind: 'adr', reason: REASON.adrOne });
    expect(r.created?.id).toBe('ADR-0001');

    const none = scripted({
      [WHOLE]: [false],
      [DECIDED]: [false],
      [SEVERAL]: [true],
      [CROSS]: [false],
      [COSTLY]: [false],
      [REVIEW]: [false],
      [CREATE]: ['adr'],
      [REVIEWERS]: [''],
      'Related documents (relates to):': [[]],
    });
    const r2 = await atTerminal(repo, { title: 'Log in JSON lines' }, none);
    expect(none.messages()).toEqual([WHOLE, DECIDED, SEVERAL, CROSS, COSTLY, REVIEW, CREATE, REVIEWERS, 'Related documents (relates to):']);
    expect(r2.recommendation).toMatchObject({ kind: 'adr', reason: REASON.adrNoStakes });
    expect(r2.created?.id).toBe('ADR-0002');
  });

  it('another kind can be chosen instead; choosing nothing creates nothing (exit 1)', async () => {
    const repo = makeRepo();
    const other = scripted({ [WHOLE]: [false], [DECIDED]: [false], [CREATE]: ['adr'], [REVIEWERS]: [''] });
    const r = await atTerminal(repo, { title: 'Split the orders service', severalOptions: true, crossTeam: true }, other);
    expect(r.recommendation.kind).toBe('rfc');
    expect(other.offered(CREATE)).toEqual(['rfc', 'adr', 'tech-spec', 'system-design', '']);
    expect(r.kind).toBe('adr');
    expect(r.created?.id).toBe('ADR-0001');

    const commits = repo.commitCount();
    const nothing = scripted({ [WHOLE]: [true], [CREATE]: [''] });
    await expect(atTerminal(repo, { title: 'Checkout platform' }, nothing)).rejects.toMatchObject({ exitCode: 1, message: 'Nothing created.' });
    expect(repo.commitCount()).toBe(commits);
    expect(porcelain(repo)).toEqual([]);
  });

  it('--explain asks what is still needed, explains, and creates nothing', async () => {
    const repo = makeRepo();
    const commits = repo.commitCount();
    const prompt = scripted({ [DECIDED]: [true] });
    const r = await atTerminal(repo, { explain: true, wholeSystem: false }, prompt);
    expect(prompt.messages()).toEqual([DECIDED]);
    expect(r.created).toBeUndefined();
    expect(r.out).toContain(`  yes  ${DECIDED}  (answered)`);
    expect(r.out.at(-1)).toBe('Nothing was created (--explain). To create it: archdoc create-tech-spec "Your title"');
    expect(repo.commitCount()).toBe(commits);
  });
});
