import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/core/check/index.js';
import { resolveConfig } from '../../src/core/config.js';
import { indexDocs } from '../../src/core/links.js';
import { documentsFromTexts } from '../../src/adapters/store.js';

const config = resolveConfig({}).config;

/** The decision-discipline findings of an RFC in REVIEW whose Options Analysis is `analysis`. */
function findings(analysis: string): string[] {
  const text = `---\nrfc_id: RFC-0001\ntitle: Queue\nstatus: REVIEW\n---\n\n# RFC-0001: Queue\n\n## Evaluation Criteria\n\n| Criterion | Weight |\n|---|---|\n| Cost | High |\n\n## Options Analysis\n\n${analysis}\n`;
  const docs = documentsFromTexts(config, new Map([['rfcs/review/RFC-0001-queue.md', text]]));
  const index = indexDocs(docs, ['RFC', 'TS', 'ADR'], 4);
  return runChecks({ docs, index, config, today: '2026-11-30', exists: () => true })
    .filter((f) => f.rule === 'decision-discipline')
    .map((f) => f.message);
}

const option = (name: string) => `### ${name}\n\nAdvantages: cheap.\n\nDisadvantages: slow.\n`;

describe('decision-discipline reads the options a document names', () => {
  it('a comparison or summary under the Options Analysis is not an option', () => {
    expect(findings(`${option('Option 1: Kafka')}\n${option('Option 2: RabbitMQ')}\n### Options Comparison Summary\n\n| | Kafka | RabbitMQ |\n`)).toEqual([]);
    expect(findings(`${option('Kafka')}\n### Scoring matrix\n\n| x |\n`)).toEqual([
      'Options Analysis has 1 option; compare at least two (### Option 1, ### Option 2)',
    ]);
  });

  it('a heading that starts "Option" is an option, whatever else it says', () => {
    expect(findings(`${option('Option 1: Score-based routing')}\n### Option 2: A summary table\n\nNothing weighed.\n`)).toEqual([
      'option "Option 2: A summary table" lists no advantages',
      'option "Option 2: A summary table" lists no disadvantages',
    ]);
  });

  it('a heading inside a fenced block opened with an info string is no option', () => {
    expect(findings(`${option('Option 1: Kafka')}\n\`\`\`markdown\n### Option 3: in an example\n\`\`\`\n\n${option('Option 2: RabbitMQ')}`)).toEqual([]);
  });
});
