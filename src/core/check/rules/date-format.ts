import { asText } from '../../document.js';
import { documentRule, keyAt, type DocumentRule, type RawFinding } from '../types.js';

const DATE_FIELDS = ['created', 'last_updated', 'decision_date', 'archive_date'];

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY-MM-DD` naming a real day of the proleptic Gregorian calendar (2024-02-29 yes, 2025-02-29 no). */
export function isIsoDate(v: string): boolean {
  // Documents share their dates: each distinct one is judged once per run.
  let ok = judged.get(v);
  if (ok === undefined) {
    ok = judge(v);
    if (judged.size < 100_000) judged.set(v, ok);
  }
  return ok;
}

const judged = new Map<string, boolean>();

function judge(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return false;
  return month !== 2 || day < 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

/** Dates are ISO `YYYY-MM-DD`, and real days. */
export const dateFormat: DocumentRule<'date-format'> = documentRule({
  id: 'date-format',
  severity: 'warning',
  description: 'created, last_updated, decision_date and archive_date are ISO dates (YYYY-MM-DD)',
  judge: () => (d) => {
    if (!d.parsed) return [];
    const out: RawFinding[] = [];
    for (const f of DATE_FIELDS) {
      const v = asText(d.data[f]);
      if (v === undefined) continue;
      const ok = isIsoDate(v);
      if (!ok) out.push({ path: d.path, line: keyAt(d, f), col: 1, message: `${f} "${v}" is not a date like 2026-01-31` });
    }
    return out;
  },
});
