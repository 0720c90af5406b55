/**
 * `archdoc check` over test/fixtures/check-repo: a small repository with one deliberate instance
 * of every rule (and a few clean documents that must stay quiet). Every expected finding below is
 * written by hand — path, line and column counted in the fixture files, not computed by archdoc.
 *
 * The fixture is copied into a fresh temp git repository per test (the helpers remove temp
 * repositories after each test), so runs shared by several tests happen in beforeAll and only
 * their output is kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, type Repo, type RunResult } from '../helpers.js';
import { BRANCH_RULE_IDS, RANGE_RULE_IDS, RULE_IDS } from '../../src/core/check/rule-ids.js';

const FIXTURE = path.resolve(import.meta.dirname, '..', 'fixtures', 'check-repo');

type Sev = 'error' | 'warning';
interface Expected {
  path: string;
  line: number;
  col: number;
  severity: Sev;
  rule: string;
  /** A fragment of the message, to be sure it is the intended finding. */
  says: string;
}

const e = (path: string, line: number, col: number, severity: Sev, rule: string, says: string): Expected => ({ path, line, col, severity, rule, says });

/** Every finding the fixture is built to produce, and nothing else. */
const EXPECTED: Expected[] = [
  e('docs/adr/ADR-0001-status-mismatch.md', 10, 1, 'warning', 'status-section', 'ACCEPTED'),
  e('docs/adr/ADR-0002-old-logging.md', 6, 1, 'error', 'supersede-symmetry', 'ADR-0003'),
  e('rfcs/draft/RFC-0003-bad-yaml.md', 4, 1, 'error', 'frontmatter-parse', 'title'),
  e('rfcs/draft/RFC-0004-bad-id.md', 2, 1, 'error', 'id-missing', 'RFC-XYZ'),
  e('rfcs/draft/RFC-0005-mismatch.md', 2, 1, 'error', 'id-mismatch', 'RFC-0005'),
  e('rfcs/draft/RFC-0007-unknown-status.md', 4, 1, 'error', 'status-unknown', 'PENDING'),
  e('rfcs/draft/RFC-0009-dup-a.md', 2, 1, 'error', 'duplicate-id', 'rfcs/draft/RFC-0009-dup-b.md'),
  e('rfcs/draft/RFC-0009-dup-b.md', 2, 1, 'error', 'duplicate-id', 'rfcs/draft/RFC-0009-dup-a.md'),
  e('rfcs/draft/RFC-0010-broken-links.md', 5, 1, 'error', 'broken-link', 'RFC-0099'),
  e('rfcs/draft/RFC-0010-broken-links.md', 11, 1, 'error', 'broken-link', 'RFC-0098-nowhere.md'),
  e('rfcs/draft/RFC-0014-history.md', 4, 1, 'warning', 'history-mismatch', 'REVIEW'),
  e('rfcs/draft/RFC-0015-bad-dates.md', 5, 1, 'warning', 'date-format', '2024-13-45'),
  e('rfcs/draft/RFC-0018-history-typo.md', 5, 1, 'error', 'history-status', 'DRAFTED'),
  e('rfcs/draft/RFC-0015-bad-dates.md', 6, 1, 'warning', 'date-format', '(approx)'),
  e('rfcs/approved/RFC-0017-approved-by-hand.md', 6, 1, 'error', 'workflow-guard', 'no reviewer has approved yet (Bob Kim: pending)'),
  e('rfcs/review/RFC-0008-misfiled.md', 4, 1, 'error', 'status-folder', 'rfcs/draft/'),
  e('rfcs/review/RFC-0011-one-option.md', 27, 1, 'warning', 'decision-discipline', '1 option'),
  e('rfcs/review/RFC-0019-edited-after-approval.md', 6, 1, 'warning', 'approval-stale', 'changed since Alice Chen approved on 2026-11-20'),
  e('rfcs/review/RFC-0012-loaded.md', 31, 19, 'warning', 'loaded-word', 'obviously'),
  e('tech-specs/approved/TS-0001-premature.md', 5, 1, 'error', 'spec-rfc-not-approved', 'RFC-0001'),
  e('tech-specs/approved/TS-0002-placeholder.md', 24, 8, 'error', 'placeholder', '[Team Name]'),
  e('tech-specs/review/TS-0003-missing-section.md', 8, 1, 'error', 'required-section', 'Design Overview'),
  e('tech-specs/review/TS-0003-missing-section.md', 15, 1, 'error', 'required-section', 'Detailed Specifications'),
  e('tech-specs/review/TS-0004-stale.md', 4, 1, 'warning', 'stale-review', '85 days'),
];
const ERRORS = 16;
const WARNINGS = 8;
const FILES = 21;
const DOCUMENTS = 24;
const SUMMARY = '16 errors, 8 warnings in 21 files (24 documents checked).';

/** Every rule: the fixture has at least one finding of each, so a new rule needs a case here. */
const ALL_RULES = RULE_IDS.filter((r) => !RANGE_RULE_IDS.includes(r) && !BRANCH_RULE_IDS.includes(r));

const prefix = (f: Pick<Expected, 'path' | 'line' | 'col' | 'severity' | 'rule'>) => `${f.path}:${f.line}:${f.col}: ${f.severity} ${f.rule}: `;

const FINDING_LINE = /^(\S+):(\d+):(\d+): (error|warning) ([a-z-]+): (.*)$/;

/** The finding lines of text output, parsed. */
function textFindings(stdout: string) {
  return stdout
    .split('\n')
    .map((l) => FINDING_LINE.exec(l))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ path: m[1]!, line: Number(m[2]), col: Number(m[3]), severity: m[4] as Sev, rule: m[5]!, message: m[6]! }));
}

const key = (f: { rule: string; path: string; line: number }) => `${f.rule} ${f.path}:${f.line}`;

function fixtureRepo(): Repo {
  const repo = makeRepo({ init: false });
  fs.cpSync(FIXTURE, repo.dir, { recursive: true });
  return repo;
}

function noTrace(r: RunResult): void {
  expect(hasStackTrace(r.stderr), r.stderr).toBe(false);
}

describe('check over the fixture repository', () => {
  let text: RunResult;
  let json: RunResult;
  let github: RunResult;

  beforeAll(async () => {
    const repo = fixtureRepo();
    text = await repo.run(['check']);
    json = await repo.run(['check', '--format', 'json']);
    github = await repo.run(['check', '--format', 'github']);
  });

  it('the expectations cover every rule id', () => {
    expect([...new Set(EXPECTED.map((f) => f.rule))].sort()).toEqual([...ALL_RULES].sort());
    expect(EXPECTED.filter((f) => f.severity === 'error')).toHaveLength(ERRORS);
    expect(EXPECTED.filter((f) => f.severity === 'warning')).toHaveLength(WARNINGS);
    expect(new Set(EXPECTED.map((f) => f.path)).size).toBe(FILES);
  });

  it('colours its findings only when FORCE_COLOR asks (output to a pipe has none by default)', async () => {
    const repo = fixtureRepo();
    const coloured = await repo.run(['check'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    const ansi = (colour: number, word: string) => `\u001b[${colour}m${word}\u001b[39m`;
    expect(coloured.stdout).toContain(ansi(31, 'error'));
    expect(coloured.stdout).toContain(ansi(33, 'warning'));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes this removes
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(text.stdout);
    expect(text.stdout).not.toContain('\u001b[');
  });

  it('exits 1 with nothing on stderr', () => {
    expect(text.code, text.stdout + text.stderr).toBe(1);
    expect(text.stderr).toBe('');
    noTrace(text);
  });

  for (const rule of ALL_RULES) {
    it(`reports ${rule} where the fixture breaks it`, () => {
      const mine = EXPECTED.filter((f) => f.rule === rule);
      const lines = text.stdout.split('\n');
      for (const f of mine) {
        const hit = lines.find((l) => l.startsWith(prefix(f)));
        expect(hit, `missing "${prefix(f)}" in:\n${text.stdout}`).toBeDefined();
        expect(hit).toContain(f.says);
      }
      // ... and nowhere else.
      const reported = textFindings(text.stdout).filter((f) => f.rule === rule);
      expect(reported.map((f) => prefix(f)).sort()).toEqual(mine.map((f) => prefix(f)).sort());
    });
  }

  it('reports exactly the intended findings, nothing in the clean documents', () => {
    const got = textFindings(text.stdout).map((f) => prefix(f));
    expect(got.sort()).toEqual(EXPECTED.map((f) => prefix(f)).sort());
    for (const clean of [
      'rfcs/draft/RFC-0001-clean-draft.md',
      'rfcs/approved/RFC-0002-order-queue.md',
      'docs/adr/ADR-0003-structured-logging.md',
      'rfcs/README.md',
    ]) {
      expect(text.stdout).not.toContain(`${clean}:`);
    }
  });

  it('sorts findings by path, then line', () => {
    const got = textFindings(text.stdout).map((f) => `${f.path}:${f.line}`);
    const sorted = EXPECTED.map((f) => ({ ...f })).sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
    expect(got).toEqual(sorted.map((f) => `${f.path}:${f.line}`));
  });

  it('ends with the summary line', () => {
    expect(text.stdout.trimEnd().split('\n').pop()).toBe(SUMMARY);
  });

  it('names the duplicate key by its line in the file', () => {
    // RFC-0003: `title:` on line 3, again on line 4. Line numbers in messages are file lines.
    const line = text.stdout.split('\n').find((l) => l.startsWith('rfcs/draft/RFC-0003-bad-yaml.md:4:1: error frontmatter-parse: '));
    expect(line).toContain('key "title" appears twice (first on line 3)');
  });

  it('--format json has the same findings and the summary counts', () => {
    expect(json.code).toBe(1);
    expect(json.stderr).toBe('');
    const data = JSON.parse(json.stdout) as {
      schema_version: number;
      summary: { errors: number; warnings: number; files: number; documents: number };
      findings: Array<{ rule: string; severity: Sev; path: string; line: number; col: number; message: string }>;
    };
    expect(data.schema_version).toBe(1);
    expect(data.summary).toEqual({ errors: ERRORS, warnings: WARNINGS, files: FILES, documents: DOCUMENTS });
    const fromText = textFindings(text.stdout);
    expect(data.findings).toHaveLength(fromText.length);
    expect(data.findings.map(key).sort()).toEqual(fromText.map(key).sort());
    expect(data.findings.map(key).sort()).toEqual(EXPECTED.map(key).sort());
    for (const f of data.findings) {
      const t = fromText.find((x) => key(x) === key(f) && x.col === f.col && x.message === f.message);
      expect(t, JSON.stringify(f)).toBeDefined();
      expect(t!.severity).toBe(f.severity);
    }
  });

  it('--format github prints one annotation per finding', () => {
    expect(github.code).toBe(1);
    expect(github.stderr).toBe('');
    const annotations = github.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(EXPECTED.length);
    for (const f of EXPECTED) {
      const start = `::${f.severity} file=${f.path},line=${f.line},col=${f.col},title=archdoc ${f.rule}::`;
      const hit = annotations.find((l) => l.startsWith(start));
      expect(hit, `missing ${start}`).toBeDefined();
      expect(hit).toContain(f.says);
    }
    expect(annotations.filter((l) => l.startsWith('::error ')).length).toBe(ERRORS);
    expect(annotations.filter((l) => l.startsWith('::warning ')).length).toBe(WARNINGS);
    expect(github.stdout.trimEnd().split('\n').pop()).toBe(SUMMARY);
  });
});

describe('check [paths...]', () => {
  it('judges only the documents named, against the whole repository', async () => {
    const repo = fixtureRepo();
    const one = 'rfcs/draft/RFC-0010-broken-links.md';
    const r = await repo.run(['check', one]);
    expect(r.code).toBe(1);
    const got = textFindings(r.stdout).map((f) => prefix(f));
    expect(got.sort()).toEqual(
      EXPECTED.filter((f) => f.path === one)
        .map((f) => prefix(f))
        .sort(),
    );
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('2 errors, 0 warnings in 1 file (1 document checked).');
    // A document that refers to others is judged with them in view: a clean one stays clean.
    const clean = await repo.run(['check', 'rfcs/approved/RFC-0002-order-queue.md']);
    expect(clean.code, clean.stdout).toBe(0);
    expect(clean.stdout).toBe('No problems in 1 document.\n');
  });

  it('takes folders, several paths and -C, and says which files hold no document', async () => {
    const repo = fixtureRepo();
    const r = await repo.run(['check', 'tech-specs/review', 'rfcs/README.md']);
    expect(r.code).toBe(1);
    const got = textFindings(r.stdout).map((f) => prefix(f));
    expect(got.sort()).toEqual(
      EXPECTED.filter((f) => f.path.startsWith('tech-specs/review/'))
        .map((f) => prefix(f))
        .sort(),
    );
    expect(r.stderr).toBe('note: rfcs/README.md holds no document archdoc manages; skipped\n');
    const inside = await repo.run(['-C', 'rfcs', 'check', 'approved']);
    expect(inside.stdout).toContain('rfcs/approved/RFC-0017-approved-by-hand.md:6:1: error workflow-guard: ');
    expect(inside.stdout).not.toContain('rfcs/draft/');
  });

  it('refuses a path that does not exist or lies outside the repository (exit 2)', async () => {
    const repo = fixtureRepo();
    const missing = await repo.run(['check', 'rfcs/draft/RFC-0999-nowhere.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('error: rfcs/draft/RFC-0999-nowhere.md: no such file or folder\n');
    const outside = await repo.run(['check', '../elsewhere.md']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('../elsewhere.md: outside the repository');
    noTrace(outside);
  });
});

describe('check options and configuration', () => {
  it('--strict fails on warnings alone; plain check passes', async () => {
    const repo = makeRepo({ init: false });
    repo.write(
      'docs/adr/ADR-0001-only-warnings.md',
      [
        '---',
        'adr_id: ADR-0001',
        'title: Only warnings',
        'status: PROPOSED',
        'created: 2026-11-01 (approx)',
        '---',
        '',
        '# ADR-0001: Only warnings',
        '',
        '## Status',
        '',
        'ACCEPTED',
        '',
      ].join('\n'),
    );
    const plain = await repo.run(['check']);
    expect(plain.code, plain.stdout).toBe(0);
    expect(plain.stdout).toContain('docs/adr/ADR-0001-only-warnings.md:5:1: warning date-format: ');
    expect(plain.stdout).toContain('docs/adr/ADR-0001-only-warnings.md:10:1: warning status-section: ');
    expect(plain.stdout.trimEnd().split('\n').pop()).toBe('0 errors, 2 warnings in 1 file (1 document checked).');
    const strict = await repo.run(['check', '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe(plain.stdout);
    const strictJson = await repo.run(['check', '--strict', '--format', 'json']);
    expect(strictJson.code).toBe(1);
    expect(JSON.parse(strictJson.stdout).summary).toEqual({ errors: 0, warnings: 2, files: 1, documents: 1 });
    noTrace(strict);
  });

  it('rules in .archdoc.yml turn a rule off and re-grade another', async () => {
    const repo = fixtureRepo();
    repo.write('.archdoc.yml', 'review_stale_days: 14\nrules:\n  loaded-word: off\n  stale-review: error\n');
    const r = await repo.run(['check']);
    expect(r.code).toBe(1);
    noTrace(r);
    const got = textFindings(r.stdout);
    expect(got.filter((f) => f.rule === 'loaded-word')).toEqual([]);
    expect(r.stdout).not.toContain('rfcs/review/RFC-0012-loaded.md');
    expect(r.stdout).toContain('tech-specs/review/TS-0004-stale.md:4:1: error stale-review: ');
    expect(r.stdout).not.toContain('warning stale-review');
    const want = EXPECTED.filter((f) => f.rule !== 'loaded-word').map((f) => prefix(f.rule === 'stale-review' ? { ...f, severity: 'error' } : f));
    expect(got.map((f) => prefix(f)).sort()).toEqual(want.sort());
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('17 errors, 6 warnings in 20 files (24 documents checked).');
  });

  it('review_stale_days moves the threshold', async () => {
    const repo = fixtureRepo();
    repo.write('.archdoc.yml', 'review_stale_days: 90\n');
    const r = await repo.run(['check']);
    expect(r.stdout).not.toContain('stale-review');
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('16 errors, 7 warnings in 20 files (24 documents checked).');
  });

  it('an unknown rule name in the configuration is a usage error (exit 2)', async () => {
    const repo = fixtureRepo();
    repo.write('.archdoc.yml', 'review_stale_days: 14\nrules:\n  loaded-words: off\n');
    const r = await repo.run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rules.loaded-words');
    expect(r.stderr).toContain('unknown rule');
    expect(r.stderr).toContain('loaded-word"');
    expect(r.stdout).not.toMatch(FINDING_LINE);
    noTrace(r);
  });

  it('an unknown severity in the configuration is a usage error (exit 2)', async () => {
    const repo = fixtureRepo();
    repo.write('.archdoc.yml', 'rules:\n  loaded-word: loud\n');
    const r = await repo.run(['check']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('loaded-word');
    noTrace(r);
  });

  it('an unknown --format is a usage error (exit 2)', async () => {
    const repo = fixtureRepo();
    const r = await repo.run(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    noTrace(r);
  });
});

// ---------------------------------------------------------------------------------------------
// The repair: every broken file rewritten, by hand, to a correct version.

const fm = (lines: string[]) => ['---', ...lines, '---', ''].join('\n');

const RFC_REVIEW_BODY = (id: string, title: string, option1: string) =>
  [
    `# ${id}: ${title}`,
    '',
    '## Overview',
    '',
    'Pick an approach.',
    '',
    '## Problem Statement',
    '',
    'Requests are slow at peak.',
    '',
    '## Evaluation Criteria',
    '',
    '| Name | Weight |',
    '|------|--------|',
    '| Latency | High |',
    '',
    '## Options Analysis',
    '',
    '### Option 1: In-process cache',
    '',
    `Advantages: ${option1}.`,
    '',
    'Disadvantages: stale data for a minute.',
    '',
    '### Option 2: Shared cache',
    '',
    'Advantages: one copy of the data.',
    '',
    'Disadvantages: one more service to run.',
    '',
    '## Recommendation',
    '',
    'Option 1, for latency.',
    '',
  ].join('\n');

const SPEC_BODY = (id: string, title: string) =>
  [
    `# ${id}: ${title}`,
    '',
    '## Executive Summary',
    '',
    'What the spec covers.',
    '',
    '## Design Overview',
    '',
    'One service.',
    '',
    '## Detailed Specifications',
    '',
    'One endpoint, owned by the orders team.',
    '',
  ].join('\n');

const draftRfc = (id: string, title: string, extra: string[] = [], body = '') =>
  `${fm([`rfc_id: ${id}`, `title: ${title}`, 'status: DRAFT', ...extra])}\n# ${id}: ${title}\n${body}`;

const REPAIRS: Record<string, string | null> = {
  'docs/adr/ADR-0001-status-mismatch.md': `${fm(['adr_id: ADR-0001', 'title: Status mismatch', 'status: PROPOSED', 'created: 2026-11-01'])}\n# ADR-0001: Status mismatch\n\n## Status\n\nPROPOSED\n`,
  'docs/adr/ADR-0003-structured-logging.md':
    fm(['adr_id: ADR-0003', 'title: Structured logging', 'status: ACCEPTED', 'created: 2026-11-01', 'supersedes: ADR-0002']) +
    '\n# ADR-0003: Structured logging\n\n## Status\n\nACCEPTED\n\n## Context\n\nPlain log files cannot be searched.\n\n## Decision\n\nWe log JSON lines to stdout.\n\n## Consequences\n\nLogs are searchable; raw files are harder to read.\n',
  'rfcs/draft/RFC-0003-bad-yaml.md': draftRfc('RFC-0003', 'Good YAML'),
  'rfcs/draft/RFC-0004-bad-id.md': draftRfc('RFC-0004', 'Good id'),
  'rfcs/draft/RFC-0005-mismatch.md': draftRfc('RFC-0005', 'Ids agree'),
  'rfcs/draft/RFC-0007-unknown-status.md': draftRfc('RFC-0007', 'Known status'),
  'rfcs/review/RFC-0008-misfiled.md': null,
  'rfcs/draft/RFC-0008-misfiled.md': draftRfc('RFC-0008', 'Filed draft'),
  'rfcs/draft/RFC-0009-dup-b.md': null,
  'rfcs/draft/RFC-0016-dup-b.md': draftRfc('RFC-0016', 'Not a duplicate'),
  'rfcs/draft/RFC-0010-broken-links.md': draftRfc(
    'RFC-0010',
    'Sound links',
    ['related_rfcs: [RFC-0001]'],
    '\nSee [the draft](RFC-0001-clean-draft.md).\nSee [the queue](../approved/RFC-0002-order-queue.md).\n',
  ),
  'rfcs/review/RFC-0011-one-option.md':
    fm([
      'rfc_id: RFC-0011',
      'title: Cache for prices',
      'status: REVIEW',
      'author: Dana Lee',
      'reviewers: [Alice Chen]',
      'created: 2026-11-10',
      'last_updated: 2026-11-20',
    ]) +
    '\n' +
    RFC_REVIEW_BODY('RFC-0011', 'Cache for prices', 'fast'),
  'rfcs/review/RFC-0012-loaded.md':
    fm([
      'rfc_id: RFC-0012',
      'title: Search engine',
      'status: REVIEW',
      'author: Dana Lee',
      'reviewers: [Alice Chen]',
      'created: 2026-11-10',
      'last_updated: 2026-11-20',
    ]) +
    '\n' +
    RFC_REVIEW_BODY('RFC-0012', 'Search engine', 'it is faster on the latency criterion'),
  'rfcs/draft/RFC-0014-history.md': draftRfc('RFC-0014', 'History in step', [
    'history:',
    '  - status: DRAFT',
    '    date: 2026-11-01',
    '  - status: REVIEW',
    '    date: 2026-11-10',
    '  - status: DRAFT',
    '    date: 2026-11-12',
  ]),
  'rfcs/draft/RFC-0015-bad-dates.md': draftRfc('RFC-0015', 'Good dates', ['created: 2024-12-15', 'last_updated: 2025-01-05']),
  'rfcs/review/RFC-0019-edited-after-approval.md': fs
    .readFileSync(path.join(FIXTURE, 'rfcs/review/RFC-0019-edited-after-approval.md'), 'utf8')
    .replace(/\n {4}approved_on: .*\n {4}body_hash: .*\n/, '\n'),
  'rfcs/draft/RFC-0018-history-typo.md': draftRfc('RFC-0018', 'History without a typo', ['history:', '  - status: DRAFT', '    date: 2026-11-01']),
  'rfcs/approved/RFC-0017-approved-by-hand.md': fs
    .readFileSync(path.join(FIXTURE, 'rfcs/approved/RFC-0017-approved-by-hand.md'), 'utf8')
    .replace('status: pending', 'status: approved'),
  'tech-specs/approved/TS-0001-premature.md':
    fm([
      'tech_spec_id: TS-0001',
      'title: Timely spec',
      'status: APPROVED',
      'decision_ref: RFC-0002',
      'author: Dana Lee',
      'created: 2026-11-01',
      'last_updated: 2026-11-20',
    ]) +
    '\n' +
    SPEC_BODY('TS-0001', 'Timely spec'),
  'tech-specs/approved/TS-0002-placeholder.md':
    fm([
      'tech_spec_id: TS-0002',
      'title: Order queue consumer',
      'status: APPROVED',
      'decision_ref: RFC-0002',
      'author: Dana Lee',
      'created: 2026-11-01',
      'last_updated: 2026-11-20',
    ]) +
    '\n' +
    SPEC_BODY('TS-0002', 'Order queue consumer'),
  'tech-specs/review/TS-0003-missing-section.md':
    fm(['tech_spec_id: TS-0003', 'title: Whole spec', 'status: REVIEW', 'created: 2026-11-01', 'last_updated: 2026-11-20']) +
    '\n' +
    SPEC_BODY('TS-0003', 'Whole spec'),
  'tech-specs/review/TS-0004-stale.md':
    fm(['tech_spec_id: TS-0004', 'title: Fresh review', 'status: REVIEW', 'created: 2026-08-01', 'last_updated: 2026-11-20']) +
    '\n' +
    SPEC_BODY('TS-0004', 'Fresh review'),
};

describe('the repaired fixture', () => {
  it('passes check with "No problems", in every format', async () => {
    const repo = fixtureRepo();
    for (const [rel, text] of Object.entries(REPAIRS)) {
      if (text === null) fs.rmSync(path.join(repo.dir, rel));
      else repo.write(rel, text);
    }
    const r = await repo.run(['check']);
    expect(r.stdout).toBe(`No problems in ${DOCUMENTS} documents.\n`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const strict = await repo.run(['check', '--strict']);
    expect(strict.code).toBe(0);
    const json = await repo.run(['check', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ schema_version: 1, summary: { errors: 0, warnings: 0, files: 0, documents: DOCUMENTS }, findings: [] });
    const github = await repo.run(['check', '--format', 'github']);
    expect(github.code).toBe(0);
    expect(github.stdout).toBe(`No problems in ${DOCUMENTS} documents.\n`);
  });

  it('each repair alone removes exactly its own findings', async () => {
    // One broken file fixed at a time: the findings left are the others, untouched.
    const groups: Array<{ files: string[]; fixes: string[] }> = [
      { files: ['rfcs/draft/RFC-0010-broken-links.md'], fixes: ['rfcs/draft/RFC-0010-broken-links.md'] },
      { files: ['docs/adr/ADR-0003-structured-logging.md'], fixes: ['docs/adr/ADR-0002-old-logging.md'] },
      { files: ['rfcs/draft/RFC-0009-dup-b.md', 'rfcs/draft/RFC-0016-dup-b.md'], fixes: ['rfcs/draft/RFC-0009-dup-a.md', 'rfcs/draft/RFC-0009-dup-b.md'] },
    ];
    for (const g of groups) {
      const repo = fixtureRepo();
      for (const rel of g.files) {
        const text = REPAIRS[rel];
        if (text === null) fs.rmSync(path.join(repo.dir, rel));
        else repo.write(rel, text!);
      }
      const r = await repo.run(['check']);
      const want = EXPECTED.filter((f) => !g.fixes.includes(f.path)).map((f) => prefix(f));
      expect(
        textFindings(r.stdout)
          .map((f) => prefix(f))
          .sort(),
      ).toEqual(want.sort());
    }
  });
});

describe('check --staged', () => {
  const RFC = 'rfcs/draft/RFC-0001-staged.md';
  const text = (status: string, title = 'Staged') => `---\nrfc_id: RFC-0001\ntitle: ${title}\nstatus: ${status}\n---\n\n# RFC-0001: ${title}\n`;

  it('judges what git has staged, not the work tree, and only the documents with staged changes', async () => {
    const repo = makeRepo();
    repo.write(RFC, text('DRAFT'));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'seed');
    // Nothing staged: nothing judged, whatever the work tree holds.
    repo.write(RFC, text('SHIPPED'));
    const none = await repo.run(['check', '--staged']);
    expect(none.stdout).toBe('No problems in 0 documents.\n');
    expect(none.code).toBe(0);
    // The bad text staged, the work tree put right: the staged text is what fails.
    repo.git('add', RFC);
    repo.write(RFC, text('DRAFT'));
    const bad = await repo.run(['check', '--staged']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`${RFC}:4:1: error status-unknown: `);
    expect(bad.stdout.trimEnd().split('\n').pop()).toBe('1 error, 0 warnings in 1 file (1 document checked).');
    // And the other way round: a sound new text staged, a broken one left in the work tree.
    repo.write(RFC, text('DRAFT', 'Staged again'));
    repo.git('add', RFC);
    repo.write(RFC, text('SHIPPED'));
    const good = await repo.run(['check', '--staged']);
    expect(good.code, good.stdout).toBe(0);
    expect(good.stdout).toBe('No problems in 1 document.\n');
    expect((await repo.run(['check'])).code).toBe(1);
  });

  it('judges every document when one is staged to go: its links elsewhere may break', async () => {
    const repo = makeRepo();
    repo.write(RFC, text('DRAFT'));
    repo.write(
      'rfcs/draft/RFC-0002-linking.md',
      `---\nrfc_id: RFC-0002\ntitle: Linking\nstatus: DRAFT\nrelated_rfcs: [RFC-0001]\n---\n\n# RFC-0002: Linking\n`,
    );
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'seed');
    repo.git('rm', '-q', RFC);
    const r = await repo.run(['check', '--staged']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rfcs/draft/RFC-0002-linking.md:5:1: error broken-link: related_rfcs names RFC-0001, which does not exist');
  });

  it('is a usage error outside git (exit 2)', async () => {
    const repo = makeRepo({ git: false });
    const r = await repo.run(['check', '--staged']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--staged needs a git repository');
  });
});
