/**
 * The fixture repositories of the graph and index tests: nine documents of three kinds with every
 * kind of link, and RFCs whose titles try to break out of a label, a table cell or the page.
 */
import { stringify } from 'yaml';
import type { Repo } from '../helpers.js';

function doc(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n# ${String(data.rfc_id ?? data.tech_spec_id ?? data.adr_id)}: a document\n\nWritten by hand for the graph tests.\n`;
}

export const rfc = (id: string, title: string, status: string, extra: Record<string, unknown> = {}) =>
  doc({ rfc_id: id, title, status, author: 'Alice Chen', created: '2026-01-10', last_updated: '2026-01-12', ...extra });

/** Nine documents of three kinds, with every kind of link, a link both ways, a mutual one and a dangling one. */
export const FIXTURE: Record<string, string> = {
  'rfcs/archive/2026/superseded/RFC-0001-use-mysql-for-orders.md': rfc('RFC-0001', 'Use MySQL for orders', 'SUPERSEDED', { superseded_by: 'RFC-0002' }),
  'rfcs/approved/RFC-0002-adopt-postgresql-for-orders.md': rfc('RFC-0002', 'Adopt PostgreSQL for orders', 'APPROVED', { supersedes: ['RFC-0001'] }),
  'rfcs/draft/RFC-0003-event-sourced-orders.md': rfc('RFC-0003', 'Event-sourced orders', 'DRAFT', {
    depends_on: ['RFC-0002'],
    relates_to: ['RFC-0004'],
  }),
  'rfcs/review/RFC-0004-order-audit-log.md': rfc('RFC-0004', 'Order audit log', 'REVIEW', {
    relates_to: ['RFC-0003', 'RFC-0099'],
    amends: ['RFC-0002'],
  }),
  'tech-specs/draft/TS-0001-orders-service.md': doc({
    tech_spec_id: 'TS-0001',
    title: 'Orders service',
    status: 'DRAFT',
    decision_ref: 'RFC-0002',
    created: '2026-01-11',
  }),
  'tech-specs/reference/TS-0002-audit-pipeline.md': doc({
    tech_spec_id: 'TS-0002',
    title: 'Audit pipeline',
    status: 'REFERENCE',
    decision_ref: 'RFC-0004',
    depends_on: ['TS-0001'],
  }),
  'docs/adr/ADR-0001-use-uuids.md': doc({ adr_id: 'ADR-0001', title: 'Use UUIDs', status: 'SUPERSEDED', superseded_by: 'ADR-0002' }),
  'docs/adr/ADR-0002-use-ulids.md': doc({ adr_id: 'ADR-0002', title: 'Use ULIDs', status: 'ACCEPTED', supersedes: 'ADR-0001' }),
  'docs/adr/ADR-0003-keep-money-in-cents.md': doc({ adr_id: 'ADR-0003', title: 'Keep money in cents', status: 'PROPOSED' }),
};

export function seed(repo: Repo, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) repo.write(rel, text);
  if (Object.keys(files).length === 0) return;
  repo.git('add', '-A');
  repo.git('commit', '-q', '-m', 'test: the fixture');
}

/** Titles that try to break out of a Mermaid or DOT label, a Markdown table, or the page. */
export const HOSTILE = [
  'Say "hello" [to] {the} (world)',
  'Pipes | and || more',
  '<script>alert("x")</script> & <b>bold</b> &copy;',
  'Back`ticks` and ```fences```',
  'Line one\nline two\r\nline three',
  '日本語のタイトル and العربية',
  'Emoji 🚀 and 👩‍👩‍👧 family',
  'Hash #1; style x:#fff; end %% not a comment',
  'Back\\slash \\N \\G \\n and a trailing \\',
  'classDef x fill:#f00; click RFC_0001 call alert() -->|y| Z',
  '--> ]) ;; "]:::x',
];

/** One RFC per hostile title, each relating to the next, one of them archived. */
export function hostileFiles(): Record<string, string> {
  return Object.fromEntries(
    HOSTILE.map((title, i) => {
      const id = `RFC-${String(i + 1).padStart(4, '0')}`;
      const status = i === 2 ? 'REJECTED' : 'DRAFT';
      const folder = i === 2 ? 'rfcs/archive/2026/rejected' : 'rfcs/draft';
      const next = i + 2 <= HOSTILE.length ? { relates_to: [`RFC-${String(i + 2).padStart(4, '0')}`] } : {};
      return [`${folder}/${id}-hostile-${i + 1}.md`, rfc(id, title, status, next)];
    }),
  );
}
