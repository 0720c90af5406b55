import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { fileNameParts } from '../../src/core/document.js';
import { readDocumentFronts, readDocumentHeads, readDocuments, scanKind } from '../../src/adapters/store.js';

// readDocumentHeads reads only the first kilobytes of a file when its frontmatter ends there; every
// other document must still come out as the full reader sees it.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-heads-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
const filler = (bytes: number) => `${'Words of the body that fill the file. '.repeat(Math.ceil(bytes / 38))}\n`;
const head = (id: string, title: string, status: string, extra = '') => `---\nrfc_id: ${id}\ntitle: ${title}\nstatus: ${status}\n${extra}---\n\n`;

write('rfcs/draft/RFC-0001-small.md', `${head('RFC-0001', 'Small one', 'DRAFT')}# RFC-0001: Small one\n`);
write('rfcs/review/RFC-0002-long-body.md', head('RFC-0002', 'Long body', 'REVIEW') + filler(30_000));
// Frontmatter longer than the part read first: the whole file must be read.
const history = Array.from({ length: 300 }, (_, i) => `  - status: REVIEW\n    date: 2026-01-${String((i % 28) + 1).padStart(2, '0')}\n`).join('');
write('rfcs/approved/RFC-0003-long-head.md', `${head('RFC-0003', 'Long head', 'APPROVED', `history:\n${history}`)}Body.\n`);
// No frontmatter (adr-tools): the title in a heading, the status in a section far down.
write('rfcs/draft/0004-no-frontmatter.md', `# 4. Without frontmatter\n\n${filler(12_000)}\n`);
write('docs/adr/0007-adr-tools-record.md', `# 7. Record architecture decisions\n\nDate: 2026-01-02\n\n${filler(12_000)}\n## Status\n\nAccepted\n`);
// Frontmatter without a title (MADR): the title is the first heading.
write('docs/adr/0011-madr.md', `---\nstatus: accepted\ndate: 2026-01-02\n---\n\n# Use Kafka for events\n\n${filler(9000)}`);
// A rule (`---`) early in a document without frontmatter is no closing line.
write('docs/adr/0010-rule-first.md', `# 10. Rule first\n\n---\n\n${filler(500)}\n## Status\n\nProposed\n`);
// A non-ASCII character straddling the first read's end.
write('rfcs/draft/RFC-0005-unicode.md', `${head('RFC-0005', 'Ünïcödé title', 'DRAFT') + 'é'.repeat(5000)}\n${'ß'.repeat(3000)}\n`);
// A line that starts like the closing `---` exactly where the first read ends, but is longer.
const opening = '---\nrfc_id: RFC-0008\nstatus: DRAFT\nnote: >\n';
const padding = `  ${'x'.repeat(8189 - opening.length - 3)}\n`;
write('rfcs/draft/RFC-0008-straddle.md', `${opening}${padding}---x: a key, not the end\ntitle: Straddling line\n---\n\nBody.\n`);
// The id under `id:` rather than `rfc_id:`, and none in the filename.
write('rfcs/draft/legacy-id.md', '---\nid: RFC-0009\ntitle: Legacy id key\nstatus: DRAFT\n---\n');
// A NUL byte after the frontmatter: binary, which only the whole file shows.
write('rfcs/draft/RFC-0010-binary.md', `${head('RFC-0010', 'Binary after all', 'DRAFT')}\u0000\u0001`);
// Frontmatter that is not simple: the full reader decides.
write('rfcs/draft/RFC-0006-quoted.md', `---\nrfc_id: RFC-0006\ntitle: "Quoted: with a colon"\nstatus: draft # lower case\n---\n${filler(10_000)}`);

describe('readDocumentHeads', () => {
  const { config } = resolveConfig(null);
  const kinds = [config.kinds.rfc!, config.kinds.adr!];
  const pick = (d: { id?: string; title?: string; status?: string; num?: number; path: string }) => ({
    path: d.path,
    id: d.id,
    title: d.title,
    status: d.status,
    num: d.num,
  });
  const sorted = <T extends { path: string }>(xs: T[]) => [...xs].sort((a, b) => a.path.localeCompare(b.path));

  it('gives every document the id, title and status the full reader gives', () => {
    const heads = sorted(readDocumentHeads(root, config, kinds)).map(pick);
    const full = sorted(readDocuments(root, config, kinds)).map(pick);
    expect(heads).toEqual(full);
    expect(heads.map((d) => [d.id, d.title, d.status])).toEqual([
      ['ADR-0007', 'Record architecture decisions', 'ACCEPTED'],
      ['ADR-0010', 'Rule first', 'PROPOSED'],
      ['ADR-0011', 'Use Kafka for events', 'ACCEPTED'],
      ['RFC-0003', 'Long head', 'APPROVED'],
      ['RFC-0004', 'Without frontmatter', undefined],
      ['RFC-0009', 'Legacy id key', 'DRAFT'],
      ['RFC-0001', 'Small one', 'DRAFT'],
      ['RFC-0005', 'Ünïcödé title', 'DRAFT'],
      ['RFC-0006', 'Quoted: with a colon', 'DRAFT'],
      ['RFC-0008', 'Straddling line', 'DRAFT'],
      ['RFC-0010', undefined, undefined],
      ['RFC-0002', 'Long body', 'REVIEW'],
    ]);
  });
});

describe('scanKind', () => {
  const { config } = resolveConfig(null);
  const rfc = config.kinds.rfc!;
  const paths = (docs: Array<{ path: string }>) => docs.map((d) => d.path).sort();

  it('reads what readDocumentHeads reads, and counts the rest by the numbers in their names', () => {
    for (const needed of [() => true, () => false, (slug: string) => slug.includes('long')]) {
      const all = readDocuments(root, config, [rfc]);
      const byName = (d: { path: string }) => fileNameParts(path.basename(d.path), rfc.prefix);
      const counted = all.filter((d) => byName(d) && !needed(byName(d)!.slug));
      const { docs, highest } = scanKind(root, config, rfc, needed);
      expect(paths(docs)).toEqual(paths(all.filter((d) => !counted.includes(d))));
      expect(highest).toBe(Math.max(0, ...counted.map((d) => byName(d)!.num)));
      expect(sortedHeads(docs)).toEqual(sortedHeads(readDocumentHeads(root, config, [rfc]).filter((d) => docs.some((x) => x.path === d.path))));
    }
    expect(scanKind(root, config, rfc, () => false).highest).toBe(10);
    expect(paths(scanKind(root, config, rfc, () => false).docs)).toEqual(['rfcs/draft/legacy-id.md']);
  });
});

const sortedHeads = (docs: Array<{ path: string; id?: string; title?: string; status?: string }>) =>
  docs.map((d) => [d.path, d.id, d.title, d.status]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));

describe('readDocumentFronts', () => {
  const { config } = resolveConfig(null);
  const kinds = [config.kinds.rfc!, config.kinds.adr!];
  const sorted = <T extends { path: string }>(xs: T[]) => [...xs].sort((a, b) => a.path.localeCompare(b.path));

  it('gives every document exactly what the full reader gives, but the body', () => {
    const fronts = sorted(readDocumentFronts(root, config, kinds));
    const full = sorted(readDocuments(root, config, kinds));
    expect(fronts.map((d) => ({ ...d, body: '' }))).toEqual(full.map((d) => ({ ...d, body: '' })));
    // The documents whose frontmatter says it all were read only to its end.
    expect(fronts.filter((d) => d.body === '').map((d) => d.path)).toContain('rfcs/review/RFC-0002-long-body.md');
    // The binary one was read whole, and is reported as the full reader reports it.
    expect(fronts.find((d) => d.path.endsWith('RFC-0010-binary.md'))?.problems.map((p) => p.rule)).toEqual(['frontmatter-parse']);
  });
});
