/**
 * `archdoc index`: the index of each kind in its folder's README.md (or one file, `--file`),
 * written in one commit between its markers, the rest of the file kept byte for byte; idempotent;
 * `--check` for CI; paths outside the work tree refused; titles rendered as text; and links that
 * stay true when a status change moves a document.
 */
import fs from 'node:fs';
import path from 'node:path/posix';
import { HtmlRenderer, Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { hasStackTrace, headChanges, headFiles, makeRepo, porcelain, type Repo, SLOW, step, tempDir } from '../helpers.js';
import { FIXTURE, HOSTILE, hostileFiles, seed } from './graph-fixtures.js';
import { writeIt } from './rfc-fixtures.js';

const SUBJECT = 'docs: update the index';

const RFC_INDEX = `# RFCs

<!-- archdoc:index:start -->
<!-- Written by \`archdoc index\`: what is between these markers is replaced when it runs. -->

| ID | Title | Status | Date | Links |
| --- | --- | --- | --- | --- |
| [RFC-0002](approved/RFC-0002-adopt-postgresql-for-orders.md) | Adopt PostgreSQL for orders | APPROVED | 2026-01-12 | supersedes [RFC-0001](archive/2026/superseded/RFC-0001-use-mysql-for-orders.md); needed by [RFC-0003](draft/RFC-0003-event-sourced-orders.md); amended by [RFC-0004](review/RFC-0004-order-audit-log.md); implemented by [TS-0001](../tech-specs/draft/TS-0001-orders-service.md) |
| [RFC-0003](draft/RFC-0003-event-sourced-orders.md) | Event-sourced orders | DRAFT | 2026-01-12 | depends on [RFC-0002](approved/RFC-0002-adopt-postgresql-for-orders.md); relates to [RFC-0004](review/RFC-0004-order-audit-log.md) |
| [RFC-0004](review/RFC-0004-order-audit-log.md) | Order audit log | REVIEW | 2026-01-12 | relates to [RFC-0003](draft/RFC-0003-event-sourced-orders.md); amends [RFC-0002](approved/RFC-0002-adopt-postgresql-for-orders.md); implemented by [TS-0002](../tech-specs/reference/TS-0002-audit-pipeline.md) |
| [RFC-0001](archive/2026/superseded/RFC-0001-use-mysql-for-orders.md) | Use MySQL for orders | SUPERSEDED | 2026-01-12 | superseded by [RFC-0002](approved/RFC-0002-adopt-postgresql-for-orders.md) |

<!-- archdoc:index:end -->
`;

/** The relative `.md` link targets in `text`. */
function links(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+\.md)\)/g)].map((m) => decodeURI(m[1]!));
}

/** Asserts that every relative link in the file `rel` leads to a file that exists. */
function linksResolve(repo: Repo, rel: string): string[] {
  const targets = links(repo.read(rel));
  for (const t of targets) expect(repo.exists(path.join(path.dirname(rel), t)), `${rel} → ${t}`).toBe(true);
  return targets;
}

/** The rows of the first table in `text` (after its header and divider). */
function rows(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| ID |') || l.startsWith('| Kind |'));
  const out: string[] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.startsWith('|'); i++) out.push(lines[i]!);
  return out;
}

/** A row's cells, split at the pipes GFM splits at (archdoc writes ` | ` between cells, `\|` inside one), as GFM hands them to the inline parser. */
function cells(row: string): string[] {
  return row
    .slice(2, -2)
    .split(' | ')
    .map((c) => c.replace(/\\\|/g, '|'));
}

function indexed(): Repo {
  const repo = makeRepo();
  seed(repo, FIXTURE);
  return repo;
}

describe('archdoc index', SLOW, () => {
  it("writes each kind's index into its folder's README.md, in one commit, with links that resolve", async () => {
    const repo = indexed();
    const r = await step(repo, ['index'], SUBJECT);
    // Every kind with a folder (init made system-designs/, which holds no design yet) gets its index.
    expect(r.stdout).toBe('Wrote rfcs/README.md\nWrote tech-specs/README.md\nWrote docs/adr/README.md\nWrote system-designs/README.md\n');
    expect(r.stderr).toBe('');
    expect(headFiles(repo)).toEqual(['docs/adr/README.md', 'rfcs/README.md', 'system-designs/README.md', 'tech-specs/README.md']);
    expect(repo.read('system-designs/README.md')).toContain('No system designs yet.');
    expect(repo.read('rfcs/README.md')).toBe(RFC_INDEX);
    for (const f of ['rfcs/README.md', 'tech-specs/README.md', 'docs/adr/README.md']) expect(linksResolve(repo, f).length).toBeGreaterThan(0);
    // The README.md files are no documents: list and check see the nine documents only.
    const check = await repo.run(['check']);
    expect(check.stdout).not.toContain('README');
  });

  it('changes nothing the second time: no commit, not a byte', async () => {
    const repo = indexed();
    await step(repo, ['index', '--graph'], SUBJECT);
    const before = repo.files().map((f) => [f, repo.read(f)]);
    const commits = repo.commitCount();
    for (const args of [['index'], ['index', '--graph']]) {
      const r = await repo.run(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('Index up to date.\n');
      expect(r.stderr).toBe('');
    }
    expect(repo.commitCount()).toBe(commits);
    expect(repo.files().map((f) => [f, repo.read(f)])).toEqual(before);
    expect(porcelain(repo)).toEqual([]);
  });

  it('keeps the text outside the markers byte for byte, CRLF line endings and a missing last newline included', async () => {
    const repo = indexed();
    const before = '# Our RFCs\r\n\r\nHow we decide:  *read this first*.\r\n\r\n<!-- archdoc:index:start -->\r\n';
    const after = '\r\n<!-- archdoc:index:end -->\r\n\r\n## Notes\r\n\r\nTrailing   spaces   and no newline at the end';
    repo.write('rfcs/README.md', `${before}stale rows\r\n| a | b |${after}`);
    // A README with no markers gets the index added at its end.
    const adr = 'ADRs of the orders team.\n\nSee also [the wiki](https://example.com/wiki).\n';
    repo.write('docs/adr/README.md', adr);
    repo.git('add', '-A');
    repo.git('commit', '-q', '-m', 'test: READMEs of our own');
    await step(repo, ['index'], SUBJECT);
    const rfcs = repo.read('rfcs/README.md');
    expect(rfcs.startsWith(before.replace(/\r\n$/, ''))).toBe(true);
    expect(rfcs.endsWith(after.replace(/^\r\n/, ''))).toBe(true);
    expect(rfcs).not.toContain('stale rows');
    expect(rfcs.replace(/\r\n/g, '')).not.toContain('\n');
    expect(rows(rfcs.replace(/\r\n/g, '\n'))).toEqual(rows(RFC_INDEX));
    const adrs = repo.read('docs/adr/README.md');
    expect(adrs.startsWith(`${adr}\n<!-- archdoc:index:start -->\n`)).toBe(true);
    expect(adrs.endsWith('<!-- archdoc:index:end -->\n')).toBe(true);
    // And the next run finds both up to date.
    expect((await repo.run(['index'])).stdout).toBe('Index up to date.\n');
  });

  it('--check writes nothing and exits 1 while an index is missing or stale (a status changed), 0 once current', async () => {
    const repo = makeRepo();
    await step(repo, ['create-adr', 'Use UUIDs'], 'docs(adr): create ADR-0001 Use UUIDs');
    writeIt(repo, 'docs/adr/ADR-0001-use-uuids.md', 'adr');
    repo.git('commit', '-q', '-am', 'test: write ADR-0001');
    const commits = repo.commitCount();
    const missing = await repo.run(['index', '--check']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe(
      'rfcs/README.md: no index yet\ntech-specs/README.md: no index yet\ndocs/adr/README.md: no index yet\nsystem-designs/README.md: no index yet\nRun archdoc index to update them.\n',
    );
    expect(repo.commitCount()).toBe(commits);
    expect(porcelain(repo)).toEqual([]);

    await step(repo, ['index'], SUBJECT);
    const fresh = await repo.run(['index', '--check']);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toBe('Index up to date.\n');

    await step(repo, ['adr-status', 'ADR-0001', '--set', 'ACCEPTED'], 'docs(adr): ADR-0001 PROPOSED → ACCEPTED');
    const stale = await repo.run(['index', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('docs/adr/README.md: the index is out of date\nRun archdoc index to update it.\n');
    expect(porcelain(repo)).toEqual([]);
    await step(repo, ['index'], SUBJECT);
    expect(headFiles(repo)).toEqual(['docs/adr/README.md']);
    expect(repo.read('docs/adr/README.md')).toContain('| [ADR-0001](ADR-0001-use-uuids.md) | Use UUIDs | ACCEPTED | 2026-11-25 | |');
    expect((await repo.run(['index', '--check'])).code).toBe(0);
  });

  it('a file that only names the start marker (a note on where the index goes) is no index: it blocks nothing and is left alone', async () => {
    const repo = makeRepo();
    await step(repo, ['create-adr', 'Use UUIDs'], 'docs(adr): create ADR-0001 Use UUIDs');
    const note = 'The index lives between these lines in each README:\n<!-- archdoc:index:start -->\n';
    repo.write('docs/notes.md', note);
    repo.git('add', 'docs/notes.md');
    repo.git('commit', '-qm', 'test: a note naming the marker');
    await step(repo, ['index', '--kind', 'adr'], SUBJECT);
    await step(repo, ['index'], SUBJECT);
    const check = await repo.run(['index', '--check']);
    expect(check.stdout).toBe('Index up to date.\n');
    expect(check.code).toBe(0);
    expect(repo.read('docs/notes.md')).toBe(note);
  });

  it('--check prints a command that can be pasted: a file name with spaces is quoted', async () => {
    const repo = makeRepo();
    await step(repo, ['create-adr', 'Use UUIDs'], 'docs(adr): create ADR-0001 Use UUIDs');
    const r = await repo.run(['index', '--check', '--file', "my team's index.md"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("my team's index.md: no index yet\nRun archdoc index --file 'my team'\\''s index.md' to update it.\n");
  });

  it('--file writes one index of every kind there, relative to where archdoc runs; --one-table makes it one table', async () => {
    const repo = indexed();
    const r = await step(repo, ['-C', 'docs', 'index', '--file', 'decisions.md'], SUBJECT);
    expect(r.stdout).toBe('Wrote docs/decisions.md\n');
    expect(headFiles(repo)).toEqual(['docs/decisions.md']);
    const text = repo.read('docs/decisions.md');
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# Decision records', '## RFCs', '## Tech specs', '## ADRs', '## System designs']);
    expect(linksResolve(repo, 'docs/decisions.md')).toContain('../rfcs/approved/RFC-0002-adopt-postgresql-for-orders.md');
    expect((await repo.run(['index', '--check', '--file', 'docs/decisions.md'])).code).toBe(0);
    // The default files are another index: not written by --file.
    expect(repo.exists('rfcs/README.md')).toBe(false);

    await step(repo, ['index', '--file', 'docs/decisions.md', '--one-table'], SUBJECT);
    const one = repo.read('docs/decisions.md');
    expect(one.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# Decision records']);
    const table = rows(one);
    expect(table).toHaveLength(9);
    expect(table.map((row) => cells(row)[1])).toEqual([
      '[RFC-0002](../rfcs/approved/RFC-0002-adopt-postgresql-for-orders.md)',
      '[RFC-0003](../rfcs/draft/RFC-0003-event-sourced-orders.md)',
      '[RFC-0004](../rfcs/review/RFC-0004-order-audit-log.md)',
      '[TS-0001](../tech-specs/draft/TS-0001-orders-service.md)',
      '[TS-0002](../tech-specs/reference/TS-0002-audit-pipeline.md)',
      '[ADR-0002](adr/ADR-0002-use-ulids.md)',
      '[ADR-0003](adr/ADR-0003-keep-money-in-cents.md)',
      // Archived documents come after the others.
      '[RFC-0001](../rfcs/archive/2026/superseded/RFC-0001-use-mysql-for-orders.md)',
      '[ADR-0001](adr/ADR-0001-use-uuids.md)',
    ]);
    expect(cells(table[0]!)[0]).toBe('RFC');
    linksResolve(repo, 'docs/decisions.md');

    // --kind picks kinds, for the default files too.
    await step(repo, ['index', '--kind', 'adr'], SUBJECT);
    expect(headFiles(repo)).toEqual(['docs/adr/README.md']);
    const usage = await repo.run(['index', '--one-table']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^error: --one-table goes with --file <path>/);
  });

  it('an index file remembers how it was written: --check and later runs without the options keep it so; options given win', async () => {
    const repo = indexed();
    await step(repo, ['index', '--file', 'docs/all.md', '--one-table'], SUBJECT);
    const one = repo.read('docs/all.md');
    expect(one).toContain('<!-- archdoc:index:start one-table -->\n');
    expect(rows(one)).toHaveLength(9);
    for (const args of [
      ['index', '--check', '--file', 'docs/all.md'],
      ['index', '--file', 'docs/all.md'],
    ]) {
      const r = await repo.run(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toBe('Index up to date.\n');
    }
    expect(repo.read('docs/all.md')).toBe(one);

    // Plain index writes the kinds' README.md files and keeps docs/all.md as it is; --check judges them all.
    await step(repo, ['index'], SUBJECT);
    expect(headFiles(repo)).toEqual(['docs/adr/README.md', 'rfcs/README.md', 'system-designs/README.md', 'tech-specs/README.md']);
    expect((await repo.run(['index', '--check'])).stdout).toBe('Index up to date.\n');
    const adr = 'docs/adr/ADR-0003-keep-money-in-cents.md';
    repo.write(adr, repo.read(adr).replace('title: Keep money in cents', 'title: Keep money in integer cents'));
    repo.git('commit', '-q', '-am', 'test: retitle ADR-0003');
    const stale = await repo.run(['index', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('docs/adr/README.md: the index is out of date\ndocs/all.md: the index is out of date\nRun archdoc index to update them.\n');
    // --kind narrows the files to those indexing the kind: docs/all.md indexes every kind.
    expect((await repo.run(['index', '--check', '--kind', 'rfc'])).stdout).toBe(
      'docs/all.md: the index is out of date\nRun archdoc index --kind rfc to update it.\n',
    );
    await step(repo, ['index'], SUBJECT);
    expect(headFiles(repo)).toEqual(['docs/adr/README.md', 'docs/all.md']);
    expect(repo.read('docs/all.md')).toContain('<!-- archdoc:index:start one-table -->\n');
    expect(rows(repo.read('docs/all.md'))).toHaveLength(9);
    expect(repo.read('docs/all.md')).toContain('| Keep money in integer cents |');

    // Options given win, and are remembered in their turn: --kind, --no-one-table.
    await step(repo, ['index', '--file', 'docs/all.md', '--kind', 'adr,rfc'], SUBJECT);
    const two = repo.read('docs/all.md');
    expect(two).toContain('<!-- archdoc:index:start one-table kinds=adr,rfc -->\n');
    expect(rows(two)).toHaveLength(7);
    await step(repo, ['index', '--file', 'docs/all.md', '--no-one-table'], SUBJECT);
    const sections = repo.read('docs/all.md');
    expect(sections).toContain('<!-- archdoc:index:start kinds=adr,rfc -->\n');
    expect(sections.split('\n').filter((l) => l.startsWith('## '))).toEqual(['## ADRs', '## RFCs']);
    expect((await repo.run(['index', '--check'])).stdout).toBe('Index up to date.\n');
    // A file of other kinds is left out of --kind tech-spec. A kind's README.md stays its kind's
    // index with --file too; one --file writes anew indexes every kind, and remembers it.
    expect((await repo.run(['index', '--check', '--kind', 'tech-spec'])).stdout).toBe('Index up to date.\n');
    expect((await repo.run(['index', '--file', 'tech-specs/README.md'])).stdout).toBe('Index up to date.\n');
    repo.git('rm', '-q', 'tech-specs/README.md');
    repo.git('commit', '-q', '-m', 'test: no tech spec index');
    await step(repo, ['index', '--file', 'tech-specs/README.md'], SUBJECT);
    expect(repo.read('tech-specs/README.md')).toContain('<!-- archdoc:index:start kinds=all -->\n');
    expect(
      repo
        .read('tech-specs/README.md')
        .split('\n')
        .filter((l) => l.startsWith('## ')),
    ).toEqual(['## RFCs', '## Tech specs', '## ADRs', '## System designs']);
    expect((await repo.run(['index', '--check'])).stdout).toBe('Index up to date.\n');
    const usage = await repo.run(['index', '--no-one-table']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^error: --no-one-table goes with --file <path>/);

    // A marker word this archdoc does not know is refused, not guessed at.
    repo.write('docs/all.md', sections.replace('kinds=adr,rfc -->', 'kinds=adr,rfc colour=blue -->'));
    repo.git('commit', '-q', '-am', 'test: a newer option');
    for (const args of [['index'], ['index', '--check']]) {
      const r = await repo.run(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^error: docs\/all\.md: its index marker says "colour=blue", which this archdoc does not know; nothing was changed\./);
    }
    expect(porcelain(repo)).toEqual([]);
  });

  it('refuses an index file outside the work tree, in .git, through a link that leads out, or on a document', async () => {
    const repo = indexed();
    const outside = tempDir('archdoc-outside-');
    fs.symlinkSync(outside, path.join(repo.dir, 'out'));
    repo.git('add', 'out');
    repo.git('commit', '-q', '-m', 'test: a link that leads out');
    const commits = repo.commitCount();
    const refused: Array<[string, RegExp]> = [
      ['../elsewhere.md', /^error: --file \.\.\/elsewhere\.md: it is outside the work tree/],
      [path.join(outside, 'abs.md'), /it is outside the work tree/],
      ['out/index.md', /it is outside the work tree/],
      ['rfcs/draft/RFC-0003-event-sourced-orders.md', /it is RFC-0003; give the index a file of its own/],
    ];
    for (const [file, message] of refused) {
      for (const check of [[], ['--check']]) {
        const r = await repo.run(['index', '--file', file, ...check]);
        expect(r.code, file).toBe(1);
        expect(r.stderr, file).toMatch(message);
        expect(r.stdout).toBe('');
      }
    }
    // A .git segment in any letter case (git refuses to track it, as it does `.git.` and `git~1`),
    // and through a `.git` that is a file (a submodule's): a usage error before anything is written.
    repo.write('sub/.git', 'gitdir: ../.git/modules/sub\n');
    for (const file of ['.git/index.md', '.GIT/x.md', 'docs/.Git/x.md', '.git./x.md', 'git~1/x.md', 'sub/.git/x.md']) {
      for (const check of [[], ['--check']]) {
        const r = await repo.run(['index', '--file', file, ...check]);
        expect(r.code, file).toBe(2);
        expect(r.stderr, file).toMatch(/^error: --file .*: it is inside a \.git folder \(.*\), which git keeps for itself/);
        expect(r.stderr, file).not.toMatch(/invalid path|pre-commit/);
        expect(r.stdout).toBe('');
      }
    }
    fs.rmSync(path.join(repo.dir, 'sub'), { recursive: true });
    const notMarkdown = await repo.run(['index', '--file', 'index.html']);
    expect(notMarkdown.code).toBe(2);
    expect(notMarkdown.stderr).toMatch(/^error: --file index\.html: give a Markdown file \(\.md\)/);
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(repo.exists('../elsewhere.md')).toBe(false);
    expect(repo.commitCount()).toBe(commits);
    expect(porcelain(repo)).toEqual([]);
  });

  it("a kind's README that is a symbolic link is neither read nor written: index refuses and names a way on, --check says so", async () => {
    const repo = indexed();
    await step(repo, ['index'], SUBJECT);
    const outside = tempDir('archdoc-outside-');
    const secret = path.join(outside, 'README.md');
    // An index elsewhere, linking to a name this repository has: a move must not follow the link to it.
    const elsewhere = '<!-- archdoc:index:start -->\n[RFC-0003](draft/RFC-0003-event-sourced-orders.md)\n<!-- archdoc:index:end -->\n';
    fs.writeFileSync(secret, elsewhere);
    fs.rmSync(path.join(repo.dir, 'rfcs/README.md'));
    fs.symlinkSync(secret, path.join(repo.dir, 'rfcs/README.md'));
    repo.git('add', 'rfcs/README.md');
    repo.git('commit', '-q', '-m', 'test: the RFC index is a link that leads out');
    repo.write('docs/adr/ADR-0003-keep-money-in-cents.md', repo.read('docs/adr/ADR-0003-keep-money-in-cents.md').replace('PROPOSED', 'ACCEPTED'));
    repo.git('commit', '-q', '-am', 'test: accept ADR-0003 by hand');
    const commits = repo.commitCount();

    const checked = await repo.run(['index', '--check']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toBe(
      [
        'rfcs/README.md: it is a symbolic link; archdoc neither reads nor writes an index there',
        'docs/adr/README.md: the index is out of date',
        'Replace rfcs/README.md with a file of its own, or remove it.',
        'Run archdoc index --kind tech-spec,adr,system-design to update the others.',
        '',
      ].join('\n'),
    );
    const refused = await repo.run(['index']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      [
        'error: rfcs/README.md: it is a symbolic link; archdoc writes no index through it, so nothing was changed.',
        'Replace rfcs/README.md with a file of its own, or remove it.',
        'Or index the other kinds now: archdoc index --kind tech-spec,adr,system-design',
        '',
      ].join('\n'),
    );
    expect(repo.commitCount()).toBe(commits);
    expect(porcelain(repo)).toEqual([]);
    // The way on it names works, and leaves the link and what it leads to alone.
    await step(repo, ['index', '--kind', 'tech-spec,adr,system-design'], SUBJECT);
    expect(headFiles(repo)).toEqual(['docs/adr/README.md']);
    expect(fs.readFileSync(secret, 'utf8')).toBe(elsewhere);
    expect(fs.lstatSync(path.join(repo.dir, 'rfcs/README.md')).isSymbolicLink()).toBe(true);

    // A status move keeps the pages it may keep, and neither reads nor refuses on the linked one.
    await step(repo, ['rfc-status', 'RFC-0003', '--set', 'ABANDONED'], 'docs(rfc): RFC-0003 DRAFT → ABANDONED');
    expect(fs.readFileSync(secret, 'utf8')).toBe(elsewhere);

    // One file of every kind (it indexes RFCs too) is updated by the command --check names.
    await step(repo, ['index', '--file', 'docs/all.md', '--kind', 'tech-spec,adr'], SUBJECT);
    await step(repo, ['adr-status', 'ADR-0003', '--set', 'DEPRECATED'], 'docs(adr): ADR-0003 ACCEPTED → DEPRECATED');
    const stale = await repo.run(['index', '--check']);
    expect(stale.stdout).toMatch(/\nRun archdoc index --kind tech-spec,adr,system-design to update the others\.\n$/);
    await step(repo, ['index', '--kind', 'tech-spec,adr,system-design'], SUBJECT);
    expect((await repo.run(['index', '--check'])).stdout).toBe(
      'rfcs/README.md: it is a symbolic link; archdoc neither reads nor writes an index there\nReplace rfcs/README.md with a file of its own, or remove it.\n',
    );
  });

  it('a kind whose folder leads out of the work tree is named as such, not as a file to replace', async () => {
    const repo = makeRepo();
    await step(repo, ['create-adr', 'Use UUIDs'], 'docs(adr): create ADR-0001 Use UUIDs');
    const outside = tempDir('archdoc-outside-');
    fs.rmSync(path.join(repo.dir, 'rfcs'), { recursive: true, force: true });
    fs.symlinkSync(outside, path.join(repo.dir, 'rfcs'));
    const checked = await repo.run(['index', '--check']);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(
      'rfcs/README.md lies in a folder that leads outside the work tree: make that folder part of the repository again, or leave its kind out.\n',
    );
    const refused = await repo.run(['index']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /^error: rfcs\/README\.md: rfcs leads outside the work tree \(a symbolic link\?\); archdoc writes no index through it, so nothing was changed\.\n/,
    );
    expect(refused.stderr).toContain('Or index the other kinds now: archdoc index --kind tech-spec,adr,system-design\n');
    expect(fs.readdirSync(outside)).toEqual([]);

    // A README.md that is a folder is named too, where it crashed with EISDIR.
    fs.mkdirSync(path.join(repo.dir, 'docs/adr/README.md'));
    const folder = await repo.run(['index', '--check']);
    expect(folder.code).toBe(1);
    expect(folder.stdout).toContain('docs/adr/README.md: it is a folder; archdoc neither reads nor writes an index there\n');
    expect(folder.stdout).toContain('Rename the folder docs/adr/README.md, or leave its kind out.\n');
    expect(hasStackTrace(folder.stderr)).toBe(false);
    // A file named with --file that is a link: refused, in words that fit --check too.
    fs.writeFileSync(path.join(outside, 'elsewhere.md'), '# Elsewhere\n');
    fs.symlinkSync(path.join(outside, 'elsewhere.md'), path.join(repo.dir, 'linked.md'));
    const linked = await repo.run(['index', '--check', '--file', 'linked.md']);
    expect(linked.code).toBe(1);
    expect(linked.stderr).toBe('error: --file linked.md: it is a symbolic link; archdoc neither reads nor writes an index there.\n');
  });

  it('refuses to write over uncommitted edits to an index file: nothing is changed', async () => {
    const repo = indexed();
    await step(repo, ['index'], SUBJECT);
    repo.write('docs/adr/ADR-0003-keep-money-in-cents.md', repo.read('docs/adr/ADR-0003-keep-money-in-cents.md').replace('PROPOSED', 'ACCEPTED'));
    repo.git('commit', '-q', '-am', 'test: accept ADR-0003 by hand');
    const edited = `${repo.read('docs/adr/README.md')}\nMy own note, not committed yet.\n`;
    repo.write('docs/adr/README.md', edited);
    const r = await repo.run(['index']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: docs\/adr\/README\.md has changes of yours that are not committed/);
    expect(repo.read('docs/adr/README.md')).toBe(edited);
    expect(porcelain(repo)).toEqual([' M docs/adr/README.md']);
  });

  it('renders hostile titles as their text: one row each, no HTML, no extra cell', async () => {
    const repo = makeRepo();
    seed(repo, hostileFiles());
    await step(repo, ['index'], SUBJECT);
    const text = repo.read('rfcs/README.md');
    expect(text).not.toMatch(/<script|<b>/);
    const table = rows(text);
    expect(table).toHaveLength(HOSTILE.length);
    const parser = new Parser();
    const html = new HtmlRenderer();
    const decode = (s: string) =>
      s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const order = HOSTILE.map((_, i) => i).filter((i) => i !== 2);
    order.push(2); // the REJECTED one comes last
    table.forEach((row, n) => {
      const i = order[n]!;
      const c = cells(row);
      expect(c, row).toHaveLength(5);
      // The title cell as GitHub would render it: a paragraph of text, no element of its own.
      const rendered = html.render(parser.parse(c[1]!)).trim();
      expect(rendered, row).toMatch(/^<p>[^<]*<\/p>$/);
      expect(decode(rendered.slice(3, -4))).toBe(HOSTILE[i]!.replace(/\s+/g, ' ').trim());
    });
    linksResolve(repo, 'rfcs/README.md');
  });

  it('--graph adds the link graph; later runs keep it current, and --check sees it stale', async () => {
    const repo = indexed();
    await step(repo, ['index', '--graph'], SUBJECT);
    const adrs = repo.read('docs/adr/README.md');
    const graph = adrs.slice(adrs.indexOf('<!-- archdoc:graph:start -->'));
    expect(graph).toBe(
      [
        '<!-- archdoc:graph:start -->',
        '<!-- Written by `archdoc index --graph`: what is between these markers is replaced when it runs. -->',
        '',
        '```mermaid',
        'flowchart LR',
        '  ADR_0001["ADR-0001: Use UUIDs<br/>SUPERSEDED"]:::archived',
        '  ADR_0002["ADR-0002: Use ULIDs<br/>ACCEPTED"]:::approved',
        '  ADR_0002 ==>|supersedes| ADR_0001',
        '  classDef approved fill:#dafbe1,stroke:#1a7f37,color:#24292f',
        '  classDef archived fill:#eaeef2,stroke:#8c959f,color:#57606a,stroke-dasharray:4 3',
        '```',
        '',
        '<!-- archdoc:graph:end -->',
        '',
      ].join('\n'),
    );
    // A kind's graph shows what its documents link to in other kinds.
    expect(repo.read('tech-specs/README.md')).toContain('  TS_0001 -->|implements| RFC_0002\n');
    // ADR-0003 comes to supersede nothing but to relate to ADR-0002: only the ADR index changes.
    const rel = 'docs/adr/ADR-0003-keep-money-in-cents.md';
    repo.write(rel, repo.read(rel).replace('status: PROPOSED\n', 'status: PROPOSED\nrelates_to: [ADR-0002]\n'));
    repo.git('commit', '-q', '-am', 'test: relate ADR-0003');
    const stale = await repo.run(['index', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('docs/adr/README.md: the index is out of date\nRun archdoc index to update it.\n');
    await step(repo, ['index'], SUBJECT);
    expect(repo.read('docs/adr/README.md')).toContain('  ADR_0003 -.->|relates to| ADR_0002\n');
  });

  it('links to a file named in any script follow a status move, however they are written: encoded or not, NFC or NFD', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', '認証方式の選定 RFC'], 'docs(rfc): create RFC-0001 認証方式の選定 RFC');
    await step(repo, ['create-rfc', 'データベースの選定'], 'docs(rfc): create RFC-0002 データベースの選定');
    await step(repo, ['create-adr', 'Store sessions'], 'docs(adr): create ADR-0001 Store sessions');
    const one = 'rfcs/draft/RFC-0001-認証方式の選定-rfc.md';
    const two = 'rfcs/draft/RFC-0002-データベースの選定.md';
    expect(repo.files('rfcs')).toEqual([one, two]);
    await step(repo, ['index'], SUBJECT);
    await step(repo, ['index', '--file', 'docs/decisions.md'], SUBJECT);
    expect(repo.read('rfcs/README.md')).toContain(`(${encodeURI('draft/RFC-0001-認証方式の選定-rfc.md')})`);
    // Links by hand in every form: as typed, decomposed as macOS pastes it, encoded in lower case.
    const adr = 'docs/adr/ADR-0001-store-sessions.md';
    const name = 'RFC-0002-データベースの選定.md';
    const changes = () => repo.git('-c', 'core.quotepath=off', 'show', '--name-status', '-M', '--format=', 'HEAD').split('\n');
    const forms = [`../../${two}`, `../../${two.normalize('NFD')}`, encodeURI(`../../${two}`).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())];
    expect(forms[1]).not.toBe(forms[0]);
    repo.write(adr, `${repo.read(adr)}\n${forms.map((f, i) => `See [RFC ${i}](${f}).`).join('\n')}\n`);
    repo.git('commit', '-q', '-am', 'test: link the RFC');

    for (const [id, file] of [
      ['RFC-0001', one],
      ['RFC-0002', two],
    ] as const) {
      const r = await step(repo, ['rfc-status', id, '--set', 'ABANDONED'], `docs(rfc): ${id} DRAFT → ABANDONED`);
      expect(r.stdout).toContain('links   updated in rfcs/README.md');
      expect(r.stdout).toContain('links   updated in docs/decisions.md');
      const moved = file.replace('rfcs/draft/', 'rfcs/archive/2026/abandoned/');
      expect(changes()).toEqual(
        expect.arrayContaining(['M\tdocs/decisions.md', 'M\trfcs/README.md', expect.stringMatching(new RegExp(`^R\\d+\t${file}\t${moved}$`))]),
      );
    }
    expect(linksResolve(repo, 'rfcs/README.md')).toEqual(['archive/2026/abandoned/RFC-0001-認証方式の選定-rfc.md', `archive/2026/abandoned/${name}`]);
    expect(linksResolve(repo, 'docs/decisions.md')).toHaveLength(3);
    expect(changes()).toContain(`M\t${adr}`);
    expect(links(repo.read(adr))).toEqual(forms.map(() => `../../rfcs/archive/2026/abandoned/${name}`));
    expect((await repo.run(['check'])).code).toBe(0);
    expect(porcelain(repo)).toEqual([]);
  });

  it("links stay true when a status change moves a document: the index files are rewritten in the change's commit", async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Event-sourced orders', '--reviewer', 'Alice'], 'docs(rfc): create RFC-0001 Event-sourced orders');
    const draft = 'rfcs/draft/RFC-0001-event-sourced-orders.md';
    writeIt(repo, draft, 'rfc');
    repo.git('commit', '-q', '-am', 'test: write RFC-0001');
    await step(repo, ['index'], SUBJECT);
    await step(repo, ['index', '--file', 'docs/decisions.md', '--graph'], SUBJECT);
    expect(linksResolve(repo, 'rfcs/README.md')).toEqual(['draft/RFC-0001-event-sourced-orders.md']);

    const r = await step(repo, ['rfc-status', 'RFC-0001', '--set', 'REVIEW'], 'docs(rfc): RFC-0001 DRAFT → REVIEW');
    expect(r.stdout).toContain('links   updated in rfcs/README.md');
    expect(r.stdout).toContain('links   updated in docs/decisions.md');
    const changes = headChanges(repo).sort();
    expect(changes.slice(0, 2)).toEqual(['M\tdocs/decisions.md', 'M\trfcs/README.md']);
    expect(changes[2]).toMatch(new RegExp(`^R\\d+\t${draft}\trfcs/review/RFC-0001-event-sourced-orders\\.md$`));
    expect(changes).toHaveLength(3);
    expect(linksResolve(repo, 'rfcs/README.md')).toEqual(['review/RFC-0001-event-sourced-orders.md']);
    expect(linksResolve(repo, 'docs/decisions.md')).toEqual(['../rfcs/review/RFC-0001-event-sourced-orders.md']);
    // The status shown is the old one until the index runs again, which --check says: of every
    // index file, the one written with --file too; and index brings them all up to date.
    const stale = await repo.run(['index', '--check']);
    expect(stale.code).toBe(1);
    expect(stale.stdout).toBe('rfcs/README.md: the index is out of date\ndocs/decisions.md: the index is out of date\nRun archdoc index to update them.\n');
    await step(repo, ['index'], SUBJECT);
    expect(headFiles(repo)).toEqual(['docs/decisions.md', 'rfcs/README.md']);
    expect(rows(repo.read('docs/decisions.md'))[0]).toContain('| REVIEW |');
    expect(repo.read('docs/decisions.md')).toContain('<!-- archdoc:graph:start -->');
  });
});
