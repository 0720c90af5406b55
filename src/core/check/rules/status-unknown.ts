import { documentRule, type DocumentRule } from '../types.js';

/** The status is one of the kind's statuses (compared case-insensitively). */
export const statusUnknown: DocumentRule<'status-unknown'> = documentRule({
  id: 'status-unknown',
  severity: 'error',
  description: "the status is one of the kind's statuses (case-insensitive)",
  judge: () => (d) =>
    d.parsed ? d.problems.filter((p) => p.rule === 'status-unknown').map((p) => ({ path: d.path, line: p.line, col: p.col, message: p.message })) : [],
});
