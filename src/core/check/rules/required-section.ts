import { hasContent, sectionOf } from '../../sections.js';
import { pastInitial } from '../statuses.js';
import type { Rule } from '../types.js';

/** Past its first draft, a document has its kind's required sections, written. */
export const requiredSection: Rule<'required-section'> = {
  id: 'required-section',
  severity: 'error',
  description: "past the initial status, the kind's required sections exist and have content",
  run: ({ docs }) =>
    docs.flatMap((d) => {
      if (!d.parsed || !d.status || !pastInitial(d.kind).has(d.status)) return [];
      return (d.kind.requiredSections ?? []).flatMap((name) => {
        const s = sectionOf(d, name);
        if (!s) return [{ path: d.path, line: d.bodyLine, col: 1, message: `section "## ${name}" is missing` }];
        if (!hasContent(s)) return [{ path: d.path, line: d.bodyLine + s.line - 1, col: 1, message: `section "## ${name}" is empty; write it` }];
        return [];
      });
    }),
};
