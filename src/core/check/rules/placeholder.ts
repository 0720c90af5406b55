import { placeholders } from '../../sections.js';
import { approvedStatuses } from '../statuses.js';
import type { Rule } from '../types.js';

/** An approved document has no `[Template placeholder]` left. */
export const placeholder: Rule<'placeholder'> = {
  id: 'placeholder',
  severity: 'error',
  description: 'no template placeholder ([Component/Feature Name]-style brackets) is left in an approved document',
  run: ({ docs }) =>
    docs.flatMap((d) => {
      if (!d.parsed || !d.status || !approvedStatuses(d.kind).has(d.status)) return [];
      return placeholders(d.body).map((p) => ({
        path: d.path,
        line: d.bodyLine + p.line - 1,
        col: p.col,
        message: `template placeholder ${p.text.length > 60 ? `${p.text.slice(0, 57)}…]` : p.text} left in this ${d.status} document; replace it with real text`,
      }));
    }),
};
