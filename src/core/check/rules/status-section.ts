import { statusAsWritten } from '../../kinds.js';
import { sectionOf } from '../../sections.js';
import { documentRule, type DocumentRule, type RawFinding } from '../types.js';
import { statusStatements } from '../../body-fields.js';
import type { DocRecord } from '../../document.js';

/**
 * A kind with a status section (ADRs: "## Status") keeps it in agreement with the frontmatter; a
 * kind that reads other tools' records, every place a record states its status.
 */
export const statusSection: DocumentRule<'status-section'> = documentRule({
  id: 'status-section',
  severity: 'warning',
  description: 'the body\'s "## Status" section (ADRs), and every other place a record of another tool states its status, agree with its status',
  judge: () => (d) => {
    if (!d.parsed || !d.statusKnown || !d.status) return [];
    if (d.kind.frontmatter === 'optional') return disagreeing(d);
    if (!d.kind.statusSection) return [];
    const s = sectionOf(d, d.kind.statusSection);
    if (!s) return [];
    const first = s.lines.find((l) => l.trim() !== '')?.trim() ?? '';
    // In the repository's words too: `Accepted`, `Superceded by [9. X](0009-x.md)`, an alias.
    if (
      first
        .toUpperCase()
        .replace(/[-\s]+/g, '_')
        .startsWith(d.status) ||
      statusAsWritten(d.kind, first) === d.status
    )
      return [];
    return [
      {
        path: d.path,
        line: d.bodyLine + s.line - 1,
        col: 1,
        message: `"## ${d.kind.statusSection}" says "${first.slice(0, 40)}" but the status is ${d.status}`,
      },
    ];
  },
});

/** The places a record of another tool states a status other than the one it is read as. */
function disagreeing(d: DocRecord): RawFinding[] {
  return statusStatements(d.body, d.kind.statusSection ?? 'Status')
    .filter((v) => {
      const said = statusAsWritten(d.kind, v.raw);
      return said !== undefined && said !== d.status;
    })
    .map((v) => ({
      path: d.path,
      line: d.bodyLine + v.line - 1,
      col: 1,
      message: `this line says "${v.raw.slice(0, 40)}" but the record's status is ${d.status}; make them agree`,
    }));
}
