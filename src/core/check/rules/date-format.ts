import { asText } from '../../document.js';
import { keyAt, type RawFinding, type Rule } from '../types.js';

const DATE_FIELDS = ['created', 'last_updated', 'decision_date', 'archive_date'];

/** Dates are ISO `YYYY-MM-DD`, and real days. */
export const dateFormat: Rule<'date-format'> = {
  id: 'date-format',
  severity: 'warning',
  description: 'created, last_updated, decision_date and archive_date are ISO dates (YYYY-MM-DD)',
  run: ({ docs }) =>
    docs.flatMap((d) => {
      if (!d.parsed) return [];
      const out: RawFinding[] = [];
      for (const f of DATE_FIELDS) {
        const v = asText(d.data[f]);
        if (v === undefined) continue;
        const ok = /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().startsWith(v);
        if (!ok) out.push({ path: d.path, line: keyAt(d, f), col: 1, message: `${f} "${v}" is not a date like 2026-01-31` });
      }
      return out;
    }),
};
