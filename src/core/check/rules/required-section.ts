import { hasContent, sectionOf } from '../../sections.js';
import { holdsIn } from '../statuses.js';
import { documentRule, type DocumentRule } from '../types.js';

/** In the statuses that name this rule (by default: past the first draft), the kind's required sections are written. */
export const requiredSection: DocumentRule<'required-section'> = documentRule({
  id: 'required-section',
  severity: 'error',
  description: "in a status that asks for it (by default: past the initial status), the kind's required sections exist and have content",
  judge: () => (d) => {
    if (!d.parsed || !holdsIn(d.kind, d.status, 'required-section')) return [];
    return (d.kind.requiredSections ?? []).flatMap((name) => {
      const s = sectionOf(d, name);
      if (!s) return [{ path: d.path, line: d.bodyLine, col: 1, message: `section "## ${name}" is missing` }];
      if (!hasContent(s)) return [{ path: d.path, line: d.bodyLine + s.line - 1, col: 1, message: `section "## ${name}" is empty; write it` }];
      return [];
    });
  },
});
