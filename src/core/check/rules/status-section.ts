import { statusAsWritten } from '../../kinds.js';
import { sectionOf } from '../../sections.js';
import type { Rule } from '../types.js';

/** A kind with a status section (ADRs: "## Status") keeps it in agreement with the frontmatter. */
export const statusSection: Rule<'status-section'> = {
  id: 'status-section',
  severity: 'warning',
  description: 'the body\'s "## Status" section (ADRs) agrees with the frontmatter status',
  run: ({ docs }) =>
    docs.flatMap((d) => {
      if (!d.parsed || !d.statusKnown || !d.status || !d.kind.statusSection) return [];
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
    }),
};
