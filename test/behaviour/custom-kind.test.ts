/**
 * A document kind defined only in `.archdoc.yml` (a PRD), with its own template: created, moved
 * through its workflow, listed, shown and linked from an RFC exactly like a built-in kind. A
 * mistake in its definition stops every command with one line naming the setting.
 */
import { describe, expect, it } from 'vitest';
import { DATE, hasStackTrace, makeRepo, type Repo, frontmatter, porcelain, SLOW, step } from '../helpers.js';
import { validate, type JsonSchema } from '../../src/core/schema.js';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const FM = /^---\r?\n([\s\S]*?\r?\n)?---\r?\n/;

const LIST_SCHEMA = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../docs/schemas/list.schema.json', import.meta.url)), 'utf8')) as JsonSchema;

const PRD_KIND = `  prd:
    label: PRD
    prefix: PRD
    folder: product/prds
    statuses:
      DRAFT: { folder: draft }
      SHIPPED: { folder: shipped }
      DROPPED: { folder: dropped, archived: true }
    initial: DRAFT
    transitions:
      DRAFT: [SHIPPED, DROPPED]
`;

const TEMPLATE =
  '# <%= it.id %>: <%= it.title %>\n\n## Problem\n\nWhat hurts today, and for whom.\n\n## Success Metrics\n\nWritten by <%= it.author %> on <%= it.date %>.\n';

const DRAFT_PATH = 'product/prds/draft/PRD-0001-checkout-revamp.md';
const SHIPPED_PATH = 'product/prds/shipped/PRD-0001-checkout-revamp.md';

/** A repository whose configuration adds the PRD kind under `kinds:`, with its template, committed. */
function prdRepo(): Repo {
  const repo = makeRepo();
  const config = repo.read('.archdoc.yml');
  // `archdoc init` ends the file inside the `kinds:` map (only comments follow the last kind).
  expect(config).toMatch(/^kinds:\n {2}rfc:\n/m);
  expect(
    config
      .slice(config.indexOf('\nkinds:\n') + 8)
      .split('\n')
      .filter((l) => l && !l.startsWith('#') && !l.startsWith(' ')),
  ).toEqual([]);
  repo.write('.archdoc.yml', config + PRD_KIND);
  repo.write('.archdoc/templates/prd.md.eta', TEMPLATE);
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'test: add the PRD kind');
  return repo;
}

describe('a kind defined only in the configuration', SLOW, () => {
  it('creates from its template, follows its workflow, lists and shows', async () => {
    const repo = prdRepo();

    const created = await step(repo, ['create', 'prd', 'Checkout revamp'], 'docs(prd): create PRD-0001 Checkout revamp');
    expect(created.stdout).toContain('Created PRD-0001 Checkout revamp');
    expect(created.stdout).toContain(DRAFT_PATH);
    expect(repo.files('product')).toEqual([DRAFT_PATH]);
    expect(repo.git('show', '--name-status', '--format=', 'HEAD')).toBe(`A\t${DRAFT_PATH}`);
    const text = repo.read(DRAFT_PATH);
    expect(frontmatter(text)).toEqual({
      prd_id: 'PRD-0001',
      title: 'Checkout revamp',
      status: 'DRAFT',
      author: 'Test Author',
      created: DATE,
      last_updated: DATE,
    });
    expect(text.slice(FM.exec(text)![0].length)).toBe(
      `\n# PRD-0001: Checkout revamp\n\n## Problem\n\nWhat hurts today, and for whom.\n\n## Success Metrics\n\nWritten by Test Author on ${DATE}.\n`,
    );

    // Status names are case-insensitive; ids take the kind's prefix in any case.
    const shipped = await step(repo, ['status', 'PRD-1', '--set', 'shipped'], 'docs(prd): PRD-0001 DRAFT → SHIPPED');
    expect(shipped.stdout).toContain(`${DRAFT_PATH} → ${SHIPPED_PATH}`);
    expect(repo.files('product')).toEqual([SHIPPED_PATH]);
    const fm = frontmatter(repo.read(SHIPPED_PATH));
    expect(fm.status).toBe('SHIPPED');
    expect(fm.history).toEqual([{ status: 'SHIPPED', date: DATE, by: 'Test Author' }]);
    expect(repo.git('show', '--name-status', '-M', '--format=', 'HEAD')).toMatch(new RegExp(`^R\\d+\\t${DRAFT_PATH}\\t${SHIPPED_PATH}$`));

    // SHIPPED has no transitions: refused, nothing changes.
    const before = repo.read(SHIPPED_PATH);
    const count = repo.commitCount();
    const back = await repo.run(['status', 'PRD-0001', '--set', 'DRAFT']);
    expect(back.code, back.stderr).toBe(1);
    expect(back.stderr).toContain('error: PRD-0001 cannot go from SHIPPED to DRAFT.');
    expect(back.stderr).toContain('SHIPPED is final: no status follows it.');
    expect(repo.read(SHIPPED_PATH)).toBe(before);
    expect(repo.commitCount()).toBe(count);
    expect(repo.exists(DRAFT_PATH)).toBe(false);

    // An unknown status of the kind is a usage error listing its statuses.
    const unknown = await repo.run(['status', 'PRD-0001', '--set', 'LAUNCHED']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"LAUNCHED" is not a PRD status.');
    expect(unknown.stderr).toContain('DRAFT, SHIPPED, DROPPED');

    const list = await repo.run(['list', '--type', 'prd']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('PRDs (1): SHIPPED 1');
    expect(list.stdout).toMatch(/^PRD-0001\s+SHIPPED\s+Checkout revamp\s+Test Author\s+2026-11-25$/m);
    expect(list.stdout).not.toContain('RFC');

    const json = await repo.run(['list', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const payload = JSON.parse(json.stdout);
    expect(validate(LIST_SCHEMA, payload)).toEqual([]);
    expect(payload.summary.map((s: { kind: string }) => s.kind)).toEqual(['rfc', 'tech-spec', 'adr', 'system-design', 'prd']);
    expect(payload.summary[4]).toEqual({ kind: 'prd', label: 'PRD', total: 1, counts: { SHIPPED: 1 }, broken: 0 });
    expect(payload.documents).toEqual([
      {
        id: 'PRD-0001',
        kind: 'prd',
        title: 'Checkout revamp',
        status: 'SHIPPED',
        author: 'Test Author',
        created: DATE,
        last_updated: DATE,
        path: SHIPPED_PATH,
        reviewers: [],
        links: {},
        warnings: [],
      },
    ]);

    const show = await repo.run(['show', 'prd-1']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout.split('\n')[0]).toMatch(/^PRD-0001\s+Checkout revamp$/);
    expect(show.stdout).toMatch(/^\s+kind\s+PRD$/m);
    expect(show.stdout).toMatch(/^\s+status\s+SHIPPED/m);
    expect(show.stdout).toMatch(new RegExp(`^\\s+file\\s+${SHIPPED_PATH}$`, 'm'));
    expect(show.stdout).toContain('SHIPPED is final: no status follows it.');
  });

  it('hides its archived status from list unless --all', async () => {
    const repo = prdRepo();
    await step(repo, ['create', 'prd', 'Checkout revamp'], 'docs(prd): create PRD-0001 Checkout revamp');
    await step(repo, ['create', 'prd', 'Loyalty points'], 'docs(prd): create PRD-0002 Loyalty points');
    await step(repo, ['status', 'PRD-0002', '--set', 'DROPPED'], 'docs(prd): PRD-0002 DRAFT → DROPPED');
    expect(repo.files('product')).toEqual([DRAFT_PATH, 'product/prds/dropped/PRD-0002-loyalty-points.md']);

    const list = await repo.run(['list', '--type', 'prd']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('PRDs (1): DRAFT 1');
    expect(list.stdout).toContain('PRD-0001');
    expect(list.stdout).not.toContain('PRD-0002');
    expect(list.stdout).toContain('1 archived not shown; add --all to include them.');

    const all = await repo.run(['list', '--type', 'prd', '--all', '--json']);
    expect((JSON.parse(all.stdout).documents as Array<{ id: string }>).map((d) => d.id).sort()).toEqual(['PRD-0001', 'PRD-0002']);
  });

  it('an RFC naming the PRD in related_prds shows up under the PRD', async () => {
    const repo = prdRepo();
    await step(repo, ['create', 'prd', 'Checkout revamp'], 'docs(prd): create PRD-0001 Checkout revamp');
    await step(repo, ['create-rfc', 'Payments provider'], 'docs(rfc): create RFC-0001 Payments provider');
    const rfcPath = 'rfcs/draft/RFC-0001-payments-provider.md';
    const rfc = repo.read(rfcPath);
    expect(rfc).toContain('related_prds: []\n');
    repo.write(rfcPath, rfc.replace('related_prds: []\n', 'related_prds: [PRD-0001]\n'));
    repo.git('commit', '-q', '-am', 'test: link the RFC to the PRD');
    expect(frontmatter(repo.read(rfcPath)).related_prds).toEqual(['PRD-0001']);

    const show = await repo.run(['show', 'PRD-0001']);
    expect(show.code, show.stderr).toBe(0);
    const links = show.stdout.slice(show.stdout.indexOf('\nLinks\n'));
    expect(links).toMatch(/^\s+\S.*\s+RFC-0001\s+Payments provider \(DRAFT\)$/m);

    const showRfc = await repo.run(['show', 'RFC-0001']);
    expect(showRfc.stdout).toMatch(/PRD-0001\s+Checkout revamp \(DRAFT\)/);

    const json = JSON.parse((await repo.run(['list', '--type', 'rfc', '--json'])).stdout);
    expect(json.documents[0].links).toEqual({ related_prds: ['PRD-0001'] });
  });
});

describe('a mistake in the kind definition', SLOW, () => {
  it('stops every command with exit 2 and one line naming the setting and the fix', async () => {
    const repo = prdRepo();
    await step(repo, ['create-rfc', 'Payments provider'], 'docs(rfc): create RFC-0001 Payments provider');
    const config = repo.read('.archdoc.yml');
    expect(config).toContain('      DRAFT: [SHIPPED, DROPPED]\n');
    repo.write('.archdoc.yml', config.replace('DRAFT: [SHIPPED, DROPPED]', 'DRAFT: [SHIPED, DROPPED]'));
    repo.git('commit', '-q', '-am', 'test: a typo in the PRD transitions');
    const count = repo.commitCount();
    const rfc = repo.read('rfcs/draft/RFC-0001-payments-provider.md');

    const commands = [
      ['list'],
      ['list-rfcs', '--json'],
      ['show', 'RFC-0001'],
      ['create-rfc', 'Another decision'],
      ['create', 'prd', 'Checkout revamp'],
      ['rfc-status', 'RFC-0001', '--reviewer', 'Alice'],
      ['status', 'PRD-0001', '--set', 'SHIPPED'],
    ];
    for (const args of commands) {
      const r = await repo.run(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(r.stdout).toBe('');
      const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0]).toContain('kinds.prd.transitions.DRAFT');
      expect(lines[0]).toContain('"SHIPED"');
      expect(lines[0]).toContain('did you mean "SHIPPED"?');
      expect(lines[0]).toMatch(/^error: \.archdoc\.yml: /);
    }
    expect(repo.commitCount()).toBe(count);
    expect(repo.read('rfcs/draft/RFC-0001-payments-provider.md')).toBe(rfc);
    expect(repo.exists('product/prds')).toBe(false);
    expect(porcelain(repo)).toEqual([]);
  });
});
