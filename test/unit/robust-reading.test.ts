import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/check/index.js';
import { formatGithub, formatJson, formatText } from '../../src/terminal/findings.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';
import { parseDoc, type DocRecord } from '../../src/core/document.js';
import { DEFAULT_KINDS } from '../../src/core/kinds.js';
import { indexDocs } from '../../src/core/links.js';
import { docJson, filterDocs, sortDocs, summarise } from '../../src/core/list.js';
import { summariseFindings } from '../../src/core/check/index.js';

const kinds = Object.values(DEFAULT_KINDS);
const prefixes = kinds.map((k) => k.prefix);
const paths = ['rfcs/draft/RFC-0001-a.md', 'rfcs/review/RFC-0002-b.md', 'tech-specs/approved/TS-0001-c.md', 'docs/adr/ADR-0001-d.md', 'rfcs/misc/x.md'];

/** Everything list and check do with a set of documents, in process. Must never throw. */
function listAndCheck(docs: DocRecord[]): void {
  const index = indexDocs(docs, prefixes, 4);
  const shown = sortDocs(
    filterDocs(docs, { all: true }, index),
    kinds.map((k) => k.name),
  );
  shown.map((d) => docJson(d, index));
  kinds.map((k) => summarise(k, docs));
  filterDocs(docs, { status: ['review'], author: 'a', rfc: 'RFC-0001' }, index);
  const findings = runChecks({ docs, index, config: DEFAULT_CONFIG, today: '2026-11-25', exists: () => false });
  for (const f of findings) {
    expect(f.rule).not.toBe('.');
    expect(f.message).not.toMatch(/rule failed/);
    expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
  }
  const summary = summariseFindings(findings, docs.length);
  formatText(findings, summary);
  JSON.parse(formatJson(findings, summary));
  formatGithub(findings, summary);
}

const yamlish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'rfc_id: RFC-0001',
        'status: REVIEW',
        'status: [x',
        'title: "unclosed',
        'reviewers: [a, "b:approved", {name: c}]',
        'history:',
        '  - status: DRAFT',
        '  - {status: 7}',
        'history: 5',
        'decision_ref: {RFC-0001: t}',
        'related_rfcs: [RFC-0002 (t), ../x/RFC-0003-y.md, null, 7]',
        'supersedes: [ADR-0001]',
        'superseded_by: ADR-9',
        'created: 2024-99-99 later',
        'a: &x [*x]',
        '? complex',
        '- item',
        '\tkey: tab',
        'key: key: key',
        '!!binary abc',
        '%YAML 1.1',
        '---',
        '...',
        'last_updated: 2020-01-01',
      ),
      fc.string({ maxLength: 40 }),
    ),
    { maxLength: 14 },
  )
  .map((lines) => lines.join('\n'));

const bodyish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '## Overview',
        '## Options Analysis',
        '### Option 1: X',
        '**Advantages**',
        'obviously the best',
        '| a | b |',
        '[Placeholder Text]',
        '[link](../missing.md)',
        '```',
        '## Status',
        'ACCEPTED',
      ),
      fc.string({ maxLength: 30 }),
    ),
    { maxLength: 12 },
  )
  .map((lines) => lines.join('\n'));

describe('property: the reader, list and check never throw', () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...paths), fc.constantFrom(...kinds)), { maxLength: 6 }), (files) => {
        const docs = files.map(([bytes, p, k]) => parseDoc(Buffer.from(bytes).toString('utf8'), p, k));
        listAndCheck(docs);
      }),
      { numRuns: 300 },
    );
  });

  it('on YAML-like documents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(yamlish, bodyish, fc.constantFrom(...paths), fc.constantFrom(...kinds), fc.constantFrom('\n', '\r\n'), fc.boolean()), {
          maxLength: 6,
        }),
        (files) => {
          const docs = files.map(([fm, body, p, k, eol, bom]) =>
            parseDoc(`${bom ? '\uFEFF' : ''}---${eol}${fm.replace(/\n/g, eol)}${eol}---${eol}${body.replace(/\n/g, eol)}`, p, k),
          );
          listAndCheck(docs);
        },
      ),
      { numRuns: 400 },
    );
  });
});
