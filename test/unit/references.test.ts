import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/check/index.js';
import { resolveConfig } from '../../src/core/config.js';
import { indexDocs, referencesIn } from '../../src/core/links.js';
import { documentsFromTexts } from '../../src/adapters/store.js';

const config = resolveConfig({}).config;

describe('references as people write them', () => {
  it('N/A, none, - and empty name nothing; a comma-separated string is a list, parentheses kept whole', () => {
    expect(referencesIn('N/A')).toEqual([]);
    expect(referencesIn(['none', '', null, '-'])).toEqual([]);
    expect(referencesIn('RFC-0001, RFC-0002; TS-0003')).toEqual(['RFC-0001', 'RFC-0002', 'TS-0003']);
    expect(referencesIn('RFC-0029 (Gateway, rate limits)')).toEqual(['RFC-0029 (Gateway, rate limits)']);
    expect(referencesIn(['RFC-0001', 'N/A'])).toEqual(['RFC-0001']);
  });

  it('a path to a file that exists is no broken link; one that does not is, named as a file', () => {
    const text = (related: string) => `---\nrfc_id: RFC-0001\ntitle: Queue\nstatus: DRAFT\nrelated_documents: ${related}\n---\n\n# RFC-0001: Queue\n`;
    const broken = (related: string, files: string[]) => {
      const docs = documentsFromTexts(config, new Map([['rfcs/draft/RFC-0001-queue.md', text(related)]]));
      const known = new Set([...docs.map((d) => d.path), ...files]);
      return runChecks({ docs, index: indexDocs(docs, ['RFC', 'TS', 'ADR'], 4), config, today: '2026-11-30', exists: (p) => known.has(p) })
        .filter((f) => f.rule === 'broken-link')
        .map((f) => f.message);
    };
    expect(broken('[docs/notes/x.md]', ['docs/notes/x.md'])).toEqual([]);
    expect(broken('[../../docs/notes/x.md]', ['docs/notes/x.md'])).toEqual([]);
    expect(broken('N/A', [])).toEqual([]);
    expect(broken('"RFC-0001, N/A"', [])).toEqual([]);
    expect(broken('[docs/notes/missing.md]', [])).toEqual(['related_documents names docs/notes/missing.md, a file that does not exist']);
    expect(broken('"RFC-0001, RFC-0009"', [])).toEqual(['related_documents names RFC-0009, which does not exist']);
  });
});
