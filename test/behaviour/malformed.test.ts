/**
 * A malformed corpus, written by hand into one temp repository: files that do not parse, files
 * that parse but break a rule, and the hand-written variations archdoc must read as people meant
 * them (references with titles, slugs, paths or an accidental mapping; reviewers as plain
 * strings; a lowercase status). `list` and `list --json` show everything and exit 0; `check`
 * reports each broken file by path and rule and exits 1; nothing crashes or takes long.
 *
 * The commands run once in beforeAll and their output is kept (the helpers remove temp
 * repositories after each test); each assertion is its own test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, type Repo, type RunResult } from '../helpers.js';

/** "A few seconds": the most any one command may take, even with the 5 MB file. */
const MAX_MS = 5_000;

const fm = (lines: string[]) => ['---', ...lines, '---', ''].join('\n');
const draft = (id: string, title: string, extra: string[] = []) =>
  `${fm([`rfc_id: ${id}`, `title: ${title}`, 'status: DRAFT', ...extra])}\n# ${id}: ${title}\n`;

/** Deterministic "random" bytes (a fixed LCG), with NULs in them. */
function binaryBytes(n: number): Buffer {
  const b = Buffer.alloc(n);
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  b[7] = 0;
  b[n - 3] = 0;
  return b;
}

/** A 5 MB body: ordinary prose with headings, links, brackets, tables and code. */
function hugeBody(): string {
  const para =
    'Lorem ipsum dolor sit amet, see [the spec](https://example.com/spec.md) and [Not A Placeholder](#anchor), `code [Inline]`, a | table | row |, and **bold** words.\n';
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 5 * 1024 * 1024; i++) {
    const chunk = (i % 40 === 0 ? `\n## Section ${i}\n\n` : '') + para;
    parts.push(chunk);
    size += chunk.length;
  }
  return parts.join('');
}

/** A REVIEW RFC that meets every check rule, with the status written as given. */
function reviewRfc(id: string, title: string, status: string): string {
  return (
    fm([
      `rfc_id: ${id}`,
      `title: ${title}`,
      `status: ${status}`,
      'author: Dana Lee',
      'reviewers: [Alice Chen]',
      'created: 2026-11-10',
      'last_updated: 2026-11-20',
    ]) +
    [
      '',
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
      'Advantages: fast.',
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
    ].join('\n')
  );
}

interface Case {
  path: string;
  content: string | Buffer;
  /** What check must report for this file (rule and line); empty: nothing at all. */
  findings: Array<{ rule: string; line?: number; says?: string }>;
  /** Unreadable or with a read problem: `list` warns about it on stderr (at this line). */
  listWarning?: number;
}

const CASES: Case[] = [
  // Frontmatter that does not parse.
  {
    path: 'rfcs/draft/RFC-0101-bad-indent.md',
    content: `${fm(['rfc_id: RFC-0101', 'title: Bad indentation', 'status: DRAFT', 'reviewers:', '  - name: Alice', '   status: pending'])}\n# Bad indentation\n`,
    findings: [{ rule: 'frontmatter-parse' }],
    listWarning: 0,
  },
  {
    path: 'rfcs/draft/RFC-0102-unclosed-quote.md',
    content: `${fm(['rfc_id: RFC-0102', 'title: "Unclosed quote', 'status: DRAFT'])}\n# Unclosed quote\n`,
    findings: [{ rule: 'frontmatter-parse', says: 'quote' }],
    listWarning: 0,
  },
  {
    path: 'rfcs/draft/RFC-0103-duplicate-key.md',
    content: `${fm(['rfc_id: RFC-0103', 'title: Duplicate key', 'status: DRAFT', 'status: REVIEW'])}\n# Duplicate key\n`,
    findings: [{ rule: 'frontmatter-parse', line: 5, says: 'status' }],
    listWarning: 5,
  },
  {
    path: 'rfcs/draft/RFC-0104-tabs.md',
    content: `${fm(['rfc_id: RFC-0104', 'title: Tab indentation', 'status: DRAFT', 'reviewers:', '\t- Alice'])}\n# Tabs\n`,
    findings: [{ rule: 'frontmatter-parse', says: 'Tab' }],
    listWarning: 0,
  },
  {
    path: 'rfcs/draft/RFC-0105-no-frontmatter.md',
    content: '# RFC-0105: No frontmatter\n\nJust text, no `---` block.\n',
    findings: [{ rule: 'frontmatter-parse', line: 1, says: 'no frontmatter' }],
    listWarning: 1,
  },
  {
    path: 'rfcs/draft/RFC-0106-unclosed-frontmatter.md',
    content: '---\nrfc_id: RFC-0106\ntitle: Never closed\nstatus: DRAFT\n\n# RFC-0106: Never closed\n',
    findings: [{ rule: 'frontmatter-parse', line: 1, says: 'not closed' }],
    listWarning: 1,
  },
  {
    path: 'rfcs/draft/RFC-0109-empty.md',
    content: '',
    findings: [{ rule: 'frontmatter-parse', line: 1 }],
    listWarning: 1,
  },
  {
    path: 'rfcs/draft/RFC-0110-binary.md',
    content: binaryBytes(4096),
    findings: [{ rule: 'frontmatter-parse', line: 1, says: 'binary' }],
    listWarning: 1,
  },
  {
    path: 'rfcs/draft/RFC-0112-scalar.md',
    content: '---\njust a sentence\n---\n\n# Scalar frontmatter\n',
    findings: [{ rule: 'frontmatter-parse', line: 2, says: 'single value' }],
    listWarning: 2,
  },
  {
    path: 'rfcs/draft/RFC-0113-list.md',
    content: '---\n- one\n- two\n---\n\n# List frontmatter\n',
    findings: [{ rule: 'frontmatter-parse', line: 2, says: 'a list' }],
    listWarning: 2,
  },
  {
    path: 'rfcs/draft/RFC-0119-title-above.md',
    content: '# RFC-0119: Title above\n\n---\nrfc_id: RFC-0119\ntitle: Title above\nstatus: DRAFT\n---\n\nBody.\n',
    findings: [{ rule: 'frontmatter-parse', line: 3, says: 'line 3' }],
    listWarning: 3,
  },
  {
    path: 'tech-specs/draft/TS-0103-unclosed-quote.md',
    content: `${fm(['tech_spec_id: TS-0103', "title: 'Unclosed single quote", 'status: DRAFT'])}\n# Unclosed\n`,
    findings: [{ rule: 'frontmatter-parse' }],
    listWarning: 0,
  },
  {
    path: 'docs/adr/ADR-0007-unclosed.md',
    content: '---\nadr_id: ADR-0007\ntitle: Never closed\nstatus: PROPOSED\n\n# ADR-0007\n\n## Status\n\nPROPOSED\n',
    findings: [{ rule: 'frontmatter-parse', line: 1, says: 'not closed' }],
    listWarning: 1,
  },

  // Frontmatter that parses, but breaks a rule.
  {
    path: 'rfcs/draft/RFC-0114-id-mismatch.md',
    content: draft('RFC-0214', 'Id and filename disagree'),
    findings: [{ rule: 'id-mismatch', line: 2, says: 'RFC-0114' }],
  },
  {
    path: 'rfcs/draft/RFC-0116-first.md',
    content: draft('RFC-0116', 'First of two'),
    findings: [{ rule: 'duplicate-id', line: 2, says: 'rfcs/draft/RFC-0116-second.md' }],
  },
  {
    path: 'rfcs/draft/RFC-0116-second.md',
    content: draft('RFC-0116', 'Second of two'),
    findings: [{ rule: 'duplicate-id', line: 2, says: 'rfcs/draft/RFC-0116-first.md' }],
  },
  {
    path: 'rfcs/draft/RFC-0117-adr-status.md',
    content: `${fm(['rfc_id: RFC-0117', 'title: An ADR status on an RFC', 'status: ACCEPTED'])}\n# RFC-0117\n`,
    findings: [{ rule: 'status-unknown', line: 4, says: 'ACCEPTED' }],
    listWarning: 4,
  },
  {
    path: 'rfcs/approved/RFC-0118-draft-in-approved.md',
    content: draft('RFC-0118', 'A draft among the approved'),
    findings: [{ rule: 'status-folder', line: 4, says: 'rfcs/draft/' }],
  },
  {
    path: 'rfcs/misc/old/RFC-0050-nested.md',
    content: draft('RFC-0050', 'In a folder of its own'),
    findings: [{ rule: 'status-folder', line: 4, says: 'rfcs/misc/old/' }],
  },
  {
    path: 'rfcs/draft/RFC-0205-date-trailing.md',
    content: draft('RFC-0205', 'Date with a remark', ['created: 2026-11-01 (approx)']),
    findings: [{ rule: 'date-format', line: 5, says: '(approx)' }],
  },

  // Valid, or written by hand the way people do: read as meant, nothing reported.
  {
    path: 'rfcs/draft/RFC-0107-bom.md',
    content: `\uFEFF${draft('RFC-0107', 'Byte order mark')}`,
    findings: [],
  },
  {
    path: 'rfcs/draft/RFC-0108-crlf.md',
    content: draft('RFC-0108', 'Windows line endings', ['created: 2026-11-01']).replace(/\n/g, '\r\n'),
    findings: [],
  },
  { path: 'rfcs/draft/RFC-0111-huge.md', content: draft('RFC-0111', 'Five megabytes') + hugeBody(), findings: [] },
  {
    path: 'rfcs/draft/RFC-0201-related-with-title.md',
    content: draft('RFC-0201', 'Related with a title', ['related_rfcs: ["RFC-0029 (Some title)"]']),
    findings: [],
  },
  {
    path: 'rfcs/draft/RFC-0202-related-mapping.md',
    content: draft('RFC-0202', 'Related as a mapping', ['related_rfcs: [{RFC-0010: Some title}]']),
    findings: [],
  },
  { path: 'rfcs/draft/RFC-0203-plain-reviewers.md', content: draft('RFC-0203', 'Plain reviewers', ['reviewers: [Alice, "Bob:approved"]']), findings: [] },
  { path: 'rfcs/review/RFC-0204-lowercase-status.md', content: reviewRfc('RFC-0204', 'Lowercase status', 'review'), findings: [] },
  {
    path: 'tech-specs/draft/TS-0101-slug-ref.md',
    content: `${fm(['tech_spec_id: TS-0101', 'title: Decision as a file name', 'status: DRAFT', 'decision_ref: RFC-0013-some-slug.md'])}\n# TS-0101\n`,
    findings: [],
  },
  {
    path: 'tech-specs/draft/TS-0102-path-ref.md',
    content: `${fm(['tech_spec_id: TS-0102', 'title: Decision as a path', 'status: DRAFT', 'decision_ref: ../../rfcs/draft/RFC-0001-x.md'])}\n# TS-0102\n`,
    findings: [],
  },
  // The documents those references name.
  { path: 'rfcs/draft/RFC-0001-x.md', content: draft('RFC-0001', 'Target one'), findings: [] },
  { path: 'rfcs/draft/RFC-0010-target.md', content: draft('RFC-0010', 'Target ten'), findings: [] },
  { path: 'rfcs/draft/RFC-0013-some-slug.md', content: draft('RFC-0013', 'Target thirteen'), findings: [] },
  { path: 'rfcs/draft/RFC-0029-target.md', content: draft('RFC-0029', 'Target twenty-nine'), findings: [] },
];

/** The links each hand-written reference must resolve to, as `list --json` shows them. */
const RESOLVED: Record<string, Record<string, string[]>> = {
  'rfcs/draft/RFC-0201-related-with-title.md': { related_rfcs: ['RFC-0029'] },
  'rfcs/draft/RFC-0202-related-mapping.md': { related_rfcs: ['RFC-0010'] },
  'tech-specs/draft/TS-0101-slug-ref.md': { decision_ref: ['RFC-0013'] },
  'tech-specs/draft/TS-0102-path-ref.md': { decision_ref: ['RFC-0001'] },
};

interface Timed extends RunResult {
  ms: number;
}

async function timed(repo: Repo, args: string[]): Promise<Timed> {
  const started = Date.now();
  const r = await repo.run(args);
  return { ...r, ms: Date.now() - started };
}

interface CheckJson {
  summary: { errors: number; warnings: number; files: number; documents: number };
  findings: Array<{ rule: string; severity: string; path: string; line: number; col: number; message: string }>;
}

interface ListJson {
  schema_version: number;
  summary: Array<{ kind: string; total: number; broken: number; counts: Record<string, number> }>;
  documents: Array<{
    id: string | null;
    status: string | null;
    title: string | null;
    created: string | null;
    path: string;
    reviewers: Array<{ name: string; status: string }>;
    links: Record<string, string[]>;
    warnings: string[];
  }>;
}

describe('a malformed corpus', () => {
  type RunName = 'list' | 'listAll' | 'listJson' | 'listCsv' | 'listRfcs' | 'check' | 'checkJson' | 'checkGithub' | 'status' | 'statusBom' | 'statusBroken';
  const runs = {} as Record<RunName, Timed>;
  let checkJson: CheckJson;
  let listJson: ListJson;

  beforeAll(async () => {
    const repo = makeRepo({ init: false });
    repo.write('.archdoc.yml', 'review_stale_days: 14\n');
    for (const c of CASES) repo.write(c.path, c.content as unknown as string); // a Buffer is written as is
    // A non-document beside them: skipped, not reported.
    repo.write('rfcs/README.md', '# RFCs\n\nNo frontmatter; not a document.\n');
    runs.list = await timed(repo, ['list']);
    runs.listAll = await timed(repo, ['list', '--all']);
    runs.listJson = await timed(repo, ['list', '--json']);
    runs.listCsv = await timed(repo, ['list', '--format', 'csv']);
    runs.listRfcs = await timed(repo, ['list-rfcs']);
    runs.check = await timed(repo, ['check']);
    runs.checkJson = await timed(repo, ['check', '--format', 'json']);
    runs.checkGithub = await timed(repo, ['check', '--format', 'github']);
    runs.status = await timed(repo, ['rfc-status', 'RFC-0203']);
    runs.statusBom = await timed(repo, ['rfc-status', 'RFC-0107']);
    runs.statusBroken = await timed(repo, ['rfc-status', 'RFC-0101']);
    try {
      checkJson = JSON.parse(runs.checkJson.stdout) as CheckJson;
    } catch {
      // asserted below
    }
    try {
      listJson = JSON.parse(runs.listJson.stdout) as ListJson;
    } catch {
      // asserted below
    }
  }, 120_000);

  it('no command prints a stack trace or crashes', () => {
    for (const [name, r] of Object.entries(runs)) {
      expect(hasStackTrace(r.stderr), `${name}:\n${r.stderr}`).toBe(false);
      expect(r.stderr, name).not.toMatch(/TypeError|ReferenceError|RangeError|SyntaxError|Maximum call stack|please report this/);
      // How archdoc itself reports a crash (src/entry/main.ts): the patterns above would miss it.
      expect(r.stderr, name).not.toContain('internal error');
      expect(r.stdout, name).not.toMatch(/rule failed/);
      expect([0, 1], `${name} exit ${r.code}:\n${r.stderr}`).toContain(r.code);
    }
  });

  it(`no command takes more than ${MAX_MS / 1000} s, the 5 MB file included`, () => {
    for (const [name, r] of Object.entries(runs)) expect(r.ms, name).toBeLessThan(MAX_MS);
  });

  describe('list', () => {
    it('exits 0 and shows every document', () => {
      expect(runs.list.code, runs.list.stderr).toBe(0);
      expect(runs.listAll.code).toBe(0);
      expect(runs.listRfcs.code).toBe(0);
      for (const c of CASES) {
        // The id comes from the frontmatter when it parses (RFC-0114's says RFC-0214), else from the name.
        const id = c.path.endsWith('RFC-0114-id-mismatch.md') ? 'RFC-0214' : /([A-Z]+-\d{4})/.exec(c.path.split('/').pop()!)![1]!;
        expect(runs.list.stdout, c.path).toMatch(new RegExp(`^${id} `, 'm'));
      }
      const rfcs = CASES.filter((c) => c.path.startsWith('rfcs/')).length;
      expect(runs.list.stdout).toContain(`RFCs (${rfcs}):`);
      expect(runs.list.stdout).not.toContain('README');
    });

    it('prints one warning line on stderr for each broken file, and only for those', () => {
      const warnings = runs.list.stderr.split('\n').filter((l) => l.startsWith('warning: '));
      const broken = CASES.filter((c) => c.listWarning !== undefined);
      for (const c of broken) {
        const want = c.listWarning ? `warning: ${c.path}:${c.listWarning}: ` : `warning: ${c.path}:`;
        expect(
          warnings.filter((l) => l.startsWith(want)),
          `${want} in:\n${runs.list.stderr}`,
        ).toHaveLength(1);
      }
      expect(warnings).toHaveLength(broken.length);
      expect(runs.list.stderr.split('\n').filter((l) => l.trim() && !l.startsWith('warning: '))).toEqual([]);
    });

    it('--format csv exits 0 with a row per document', () => {
      expect(runs.listCsv.code).toBe(0);
      const rows = runs.listCsv.stdout.trimEnd().split('\n');
      expect(rows[0]).toBe('id,kind,title,status,author,created,last_updated,path,reviewers,links');
      for (const c of CASES) expect(runs.listCsv.stdout, c.path).toContain(c.path);
    });
  });

  describe('list --json', () => {
    it('exits 0 with valid JSON listing every document', () => {
      expect(runs.listJson.code, runs.listJson.stderr).toBe(0);
      expect(() => JSON.parse(runs.listJson.stdout)).not.toThrow();
      expect(listJson.schema_version).toBe(2);
      expect(listJson.documents.map((d) => d.path).sort()).toEqual(CASES.map((c) => c.path).sort());
    });

    it('counts the unreadable files as broken', () => {
      const unreadable = CASES.filter((c) => c.findings.some((f) => f.rule === 'frontmatter-parse'));
      const byKind = (k: string) => listJson.summary.find((s) => s.kind === k)!;
      const count = (folder: string) => unreadable.filter((c) => c.path.startsWith(folder)).length;
      expect(byKind('rfc').broken).toBe(count('rfcs/'));
      expect(byKind('tech-spec').broken).toBe(count('tech-specs/'));
      expect(byKind('adr').broken).toBe(count('docs/adr/'));
    });

    it("carries each broken file's warning", () => {
      for (const c of CASES) {
        const d = listJson.documents.find((x) => x.path === c.path)!;
        if (c.listWarning !== undefined) expect(d.warnings, c.path).toHaveLength(1);
        else expect(d.warnings, c.path).toEqual([]);
      }
    });

    it('resolves references written with a title, a slug, a path or as a mapping', () => {
      for (const [p, links] of Object.entries(RESOLVED)) {
        expect(listJson.documents.find((d) => d.path === p)!.links, p).toEqual(links);
      }
    });

    it('reads reviewers written as plain strings as names', () => {
      const d = listJson.documents.find((x) => x.path === 'rfcs/draft/RFC-0203-plain-reviewers.md')!;
      expect(d.reviewers).toEqual([
        { name: 'Alice', status: 'pending' },
        { name: 'Bob', status: 'approved' },
      ]);
    });

    it('accepts a lowercase status, a BOM and CRLF line endings', () => {
      const get = (p: string) => listJson.documents.find((x) => x.path === p)!;
      expect(get('rfcs/review/RFC-0204-lowercase-status.md').status).toBe('REVIEW');
      expect(get('rfcs/draft/RFC-0107-bom.md')).toMatchObject({ id: 'RFC-0107', status: 'DRAFT', title: 'Byte order mark' });
      expect(get('rfcs/draft/RFC-0108-crlf.md')).toMatchObject({ id: 'RFC-0108', status: 'DRAFT', title: 'Windows line endings', created: '2026-11-01' });
      expect(get('rfcs/draft/RFC-0111-huge.md')).toMatchObject({ id: 'RFC-0111', status: 'DRAFT', title: 'Five megabytes' });
    });

    it('reads the date out of a date with trailing text', () => {
      expect(listJson.documents.find((x) => x.path === 'rfcs/draft/RFC-0205-date-trailing.md')!.created).toBe('2026-11-01');
    });
  });

  describe('rfc-status', () => {
    it('shows plain-string reviewers by name', () => {
      expect(runs.status.code, runs.status.stderr).toBe(0);
      expect(runs.status.stdout).toMatch(/reviewers\s+Alice \(pending\), Bob \(approved\)/);
      expect(runs.status.stdout).not.toContain('Bob:approved');
    });

    it('shows a file with a BOM like any other', () => {
      expect(runs.statusBom.code, runs.statusBom.stderr).toBe(0);
      expect(runs.statusBom.stdout).toContain('Byte order mark');
    });

    it('refuses or explains an unreadable file without crashing', () => {
      expect([0, 1]).toContain(runs.statusBroken.code);
      expect(runs.statusBroken.stdout + runs.statusBroken.stderr).toContain('RFC-0101');
    });
  });

  describe('check', () => {
    it('exits 1', () => {
      expect(runs.check.code, runs.check.stderr).toBe(1);
      expect(runs.check.stderr).toBe('');
      expect(runs.checkJson.code).toBe(1);
      expect(runs.checkGithub.code).toBe(1);
    });

    it('--format json is valid JSON agreeing with the text output', () => {
      expect(() => JSON.parse(runs.checkJson.stdout)).not.toThrow();
      const textLines = runs.check.stdout.split('\n').filter((l) => /^\S+:\d+:\d+: (error|warning) /.test(l));
      expect(checkJson.findings).toHaveLength(textLines.length);
      for (const f of checkJson.findings) expect(textLines).toContain(`${f.path}:${f.line}:${f.col}: ${f.severity} ${f.rule}: ${f.message}`);
      expect(checkJson.summary.documents).toBe(CASES.length);
    });

    for (const c of CASES) {
      const what = c.findings.length ? c.findings.map((f) => f.rule).join(', ') : 'nothing';
      it(`reports ${what} for ${c.path}`, () => {
        const got = checkJson.findings.filter((f) => f.path === c.path);
        expect(
          got.map((f) => f.rule),
          `${c.path}:\n${got.map((f) => `${f.line}:${f.col} ${f.rule}: ${f.message}`).join('\n')}`,
        ).toEqual(c.findings.map((f) => f.rule));
        c.findings.forEach((want, i) => {
          if (want.line !== undefined) expect(got[i]!.line, `${c.path} ${want.rule}`).toBe(want.line);
          if (want.says) expect(got[i]!.message).toContain(want.says);
          // Text and GitHub output name the same file and rule.
          expect(runs.check.stdout).toContain(`${c.path}:${got[i]!.line}:${got[i]!.col}: ${got[i]!.severity} ${want.rule}: `);
          expect(runs.checkGithub.stdout).toContain(`::${got[i]!.severity} file=${c.path},line=${got[i]!.line},`);
        });
      });
    }

    it('does not call the hand-written references broken', () => {
      expect(checkJson.findings.filter((f) => f.rule === 'broken-link')).toEqual([]);
      expect(runs.check.stdout).not.toContain('broken-link');
    });

    it('accepts a lowercase status', () => {
      expect(checkJson.findings.filter((f) => f.path === 'rfcs/review/RFC-0204-lowercase-status.md')).toEqual([]);
    });

    it('skips files that are not documents', () => {
      expect(runs.check.stdout).not.toContain('README');
    });

    it('points YAML syntax errors at the offending line', () => {
      // Hand-counted file lines: the line with the 3-space indent, the one starting with a tab,
      // and (for the unclosed quote) anywhere from the opening quote to the closing `---`.
      const line = (p: string) => checkJson.findings.find((f) => f.path === p && f.rule === 'frontmatter-parse')?.line;
      expect(line('rfcs/draft/RFC-0101-bad-indent.md')).toBe(7);
      expect(line('rfcs/draft/RFC-0104-tabs.md')).toBe(6);
      expect(line('rfcs/draft/RFC-0102-unclosed-quote.md')).toBeGreaterThanOrEqual(3);
      expect(line('rfcs/draft/RFC-0102-unclosed-quote.md')).toBeLessThanOrEqual(5);
      expect(line('tech-specs/draft/TS-0103-unclosed-quote.md')).toBeGreaterThanOrEqual(3);
      expect(line('tech-specs/draft/TS-0103-unclosed-quote.md')).toBeLessThanOrEqual(5);
    });
  });
});
