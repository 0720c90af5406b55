/**
 * One rule set: for every transition of every built-in kind, on written and unwritten documents
 * (and, for RFCs, with no reviewer, a pending one or an approving one), the status command and
 * `check` agree. When the command makes the change, `check` finds no error in the document
 * afterwards; when the command refuses it, the same change made by hand is an error for `check`.
 *
 * One repository per kind and variant holds one document per (from, to) pair; after each pair
 * the repository is reset to its seed commit.
 */
import path from 'node:path/posix';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KINDS, statusFolder, type KindDef } from '../../src/core/kinds.js';
import { DATE, makeRepo, SLOW, type Repo } from '../helpers.js';
import { writtenBody } from './rfc-fixtures.js';

type KindName = 'rfc' | 'tech-spec' | 'adr';

interface Variant {
  written: boolean;
  reviewers?: Array<{ name: string; status: string }>;
  /** A template placeholder left in a written body. */
  leftover?: boolean;
  /** The kind's `status_rules` in the configuration, when not the defaults. */
  statusRules?: 'strict' | 'none';
}

const STATUS_RULES = ['required-section', 'placeholder', 'decision-discipline', 'loaded-word'];

/** `strict`: every status past the first asks every status rule; `none`: no status asks any. */
function statusRulesConfig(kind: KindDef, which: 'strict' | 'none'): string {
  const rules = Object.fromEntries(
    Object.entries(kind.statuses).map(([s, def]) => [s, which === 'strict' && s !== kind.initial && !def.archived ? STATUS_RULES : []]),
  );
  return stringify({ kinds: { [kind.name]: { status_rules: rules } } });
}

const approving = [{ name: 'Alice Chen', status: 'approved' }];

const VARIANTS: Record<KindName, Variant[]> = {
  rfc: [
    ...[false, true].flatMap((written) => [
      { written, reviewers: [] },
      { written, reviewers: [{ name: 'Alice Chen', status: 'pending' }] },
      { written, reviewers: approving },
    ]),
    { written: true, reviewers: approving, leftover: true },
    { written: true, reviewers: approving, leftover: true, statusRules: 'strict' },
    { written: false, reviewers: approving, statusRules: 'none' },
  ],
  'tech-spec': [{ written: false }, { written: true }, { written: true, leftover: true, statusRules: 'strict' }, { written: false, statusRules: 'none' }],
  adr: [{ written: false }, { written: true }, { written: true, leftover: true, statusRules: 'strict' }, { written: false, statusRules: 'none' }],
};

const FM = /^---\n([\s\S]*?\n)?---\n/;
const folderOf = (kind: KindDef, status: string) => statusFolder(kind, status, kind.layout ?? 'by-status', Number(DATE.slice(0, 4)));
const idOf = (kind: KindDef, n: number) => `${kind.prefix}-${String(n).padStart(4, '0')}`;

/** A document of `kind` in `status`, written or straight from a template-like body. */
function documentText(kind: KindDef, id: string, status: string, v: Variant): string {
  const data: Record<string, unknown> = {
    [kind.idKey]: id,
    title: `Case ${id}`,
    status,
    author: 'Hand Writer',
    created: '2026-11-01',
    last_updated: '2026-11-02',
  };
  if (v.reviewers) data.reviewers = v.reviewers;
  data.history = [{ status, date: '2026-11-02' }];
  const body = v.written
    ? writtenBody(kind.name as KindName, id, `Case ${id}`).replace('\nPROPOSED\n', `\n${status}\n`) + (v.leftover ? '\n[Measured Latency Figures]\n' : '')
    : `# ${id}: Case ${id}\n\n${kind.statusSection ? `## Status\n\n${status}\n\n` : ''}## Notes\n\n[Describe the proposal]\n`;
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}

/** The change the command would make, made by hand: status, dates, history, file moved, successor linked. */
function byHand(repo: Repo, kind: KindDef, rel: string, to: string, successor: string | undefined): string {
  const text = repo.read(rel);
  const m = FM.exec(text)!;
  const data = parse(m[1] ?? '') as Record<string, unknown>;
  data.status = to;
  data.last_updated = DATE;
  for (const field of kind.onEnter?.[to]?.dates ?? []) data[field] = DATE;
  if (kind.onEnter?.[to]?.archive) {
    data.archive_date = DATE;
    data.archive_reason = 'by hand';
  }
  if (successor) data.superseded_by = successor;
  data.history = [...((data.history as unknown[]) ?? []), { status: to, date: DATE }];
  let body = text.slice(m[0].length);
  if (kind.statusSection) body = body.replace(/(## Status\n\n)[^\n]*/, `$1${to}`);
  const target = `${folderOf(kind, to)}/${path.basename(rel)}`;
  if (target !== rel) repo.git('mv', rel, target);
  repo.write(target, `---\n${stringify(data, { lineWidth: 0 })}---\n${body}`);
  return target;
}

/** Errors `check` reports for `rel`. */
async function errorsFor(repo: Repo, rel: string): Promise<string[]> {
  const r = await repo.run(['check', '--format', 'json']);
  const { findings } = JSON.parse(r.stdout) as { findings: Array<{ path: string; severity: string; rule: string; message: string }> };
  return findings.filter((f) => f.path === rel && f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);
}

async function agreement(kindName: KindName, v: Variant): Promise<{ made: number; refused: number }> {
  const kind = DEFAULT_KINDS[kindName]!;
  const repo = makeRepo();
  if (v.statusRules) repo.write('.archdoc.yml', statusRulesConfig(kind, v.statusRules));
  const pairs = Object.entries(kind.transitions).flatMap(([from, tos]) => tos.map((to) => ({ from, to })));
  // A written successor, in the initial status, for the transitions that take --by.
  const successorId = idOf(kind, 99);
  repo.write(`${folderOf(kind, kind.initial)}/${successorId}-successor.md`, documentText(kind, successorId, kind.initial, { written: true, reviewers: [] }));
  const cases = pairs.map((p, i) => {
    const id = idOf(kind, i + 1);
    const rel = `${folderOf(kind, p.from)}/${id}-case.md`;
    repo.write(rel, documentText(kind, id, p.from, v));
    return { ...p, id, rel };
  });
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'seed');
  const seed = repo.git('rev-parse', 'HEAD');
  let made = 0;
  let refused = 0;
  for (const c of cases) {
    const by = (kind.guards?.[c.to] ?? []).some((g) => g.type === 'by') ? successorId : undefined;
    const r = await repo.run(['status', c.id, '--set', c.to, ...(by ? ['--by', by] : [])]);
    const what = `${kind.name} ${JSON.stringify(v)} ${c.from} → ${c.to}`;
    expect([0, 1], `${what}: ${r.stderr}`).toContain(r.code);
    if (r.code === 0) {
      made++;
      const now = `${folderOf(kind, c.to)}/${c.id}-case.md`;
      expect(await errorsFor(repo, now), `${what}: made by the command`).toEqual([]);
    } else {
      refused++;
      expect(repo.git('status', '--porcelain'), `${what}: refused, nothing changed`).toBe('');
      const now = byHand(repo, kind, c.rel, c.to, by);
      expect(
        (await errorsFor(repo, now)).length,
        `${what}: refused by the command (${r.stderr.split('\n')[0]}), so check rejects it made by hand`,
      ).toBeGreaterThan(0);
    }
    repo.git('reset', '-q', '--hard', seed);
    repo.git('clean', '-qfd');
  }
  return { made, refused };
}

describe('the status command and check agree on every transition', SLOW, () => {
  for (const kindName of ['rfc', 'tech-spec', 'adr'] as const) {
    it(`${kindName}: what the command refuses, check rejects when made by hand; what it makes, check accepts`, async () => {
      let made = 0;
      let refused = 0;
      for (const v of VARIANTS[kindName]) {
        const r = await agreement(kindName, v);
        made += r.made;
        refused += r.refused;
      }
      // Both outcomes occur for every kind: the table is not trivially one-sided.
      expect(made).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  }
});

describe('changes that break other documents', () => {
  /** RFC-0001 APPROVED, and TS-0001 APPROVED on it (decision_ref written as `rfc-1`). */
  function specOnRfc(): Repo {
    const repo = makeRepo();
    const rfc = DEFAULT_KINDS.rfc!;
    const spec = DEFAULT_KINDS['tech-spec']!;
    repo.write(
      `${folderOf(rfc, 'APPROVED')}/RFC-0001-base.md`,
      documentText(rfc, 'RFC-0001', 'APPROVED', { written: true, reviewers: [{ name: 'Alice Chen', status: 'approved' }] }),
    );
    const specText = documentText(spec, 'TS-0001', 'APPROVED', { written: true });
    repo.write(`${folderOf(spec, 'APPROVED')}/TS-0001-on-base.md`, specText.replace('status: APPROVED', 'status: APPROVED\ndecision_ref: rfc-1'));
    repo.write(`${folderOf(rfc, 'DRAFT')}/RFC-0002-successor.md`, documentText(rfc, 'RFC-0002', 'DRAFT', { written: true, reviewers: [] }));
    repo.git('add', '-A');
    repo.git('commit', '-qm', 'seed');
    return repo;
  }

  it('a status change that leaves an approved spec on an unapproved RFC is refused, however the spec names it', async () => {
    const repo = specOnRfc();
    expect((await repo.run(['check'])).code).toBe(0);
    const r = await repo.run(['rfc-status', '1', '--set', 'SUPERSEDED', '--by', '2']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('`archdoc check` would reject the result');
    expect(r.stderr).toMatch(/tech-specs\/approved\/TS-0001-on-base\.md:\d+: spec-rfc-not-approved: /);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('so is superseding it with create --supersedes', async () => {
    const repo = specOnRfc();
    const r = await repo.run(['create', 'rfc', 'New base', '--supersedes', 'RFC-0001']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('spec-rfc-not-approved');
    expect(repo.git('status', '--porcelain')).toBe('');
    expect((await repo.run(['check'])).code).toBe(0);
  });
});
