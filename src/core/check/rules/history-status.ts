import { asText } from '../../document.js';
import { canonicalStatus } from '../../kinds.js';
import { documentRule, keyAt, type DocumentRule, type RawFinding } from '../types.js';

/** A history, when there is one, is a list of entries with a known status and a date. */
export const historyStatus: DocumentRule<'history-status'> = documentRule({
  id: 'history-status',
  severity: 'error',
  description: 'a history (when present) is a list of entries, each with a known status and a date',
  judge: () => (d) => {
    if (!d.parsed || !d.statusKnown || d.data.history === undefined || d.data.history === null) return [];
    const line = keyAt(d, 'history');
    const h = d.data.history;
    if (!Array.isArray(h)) return [{ path: d.path, line, col: 1, message: 'history is not a list of {status, date} entries' }];
    if (h.length === 0) return [];
    const out: RawFinding[] = [];
    h.forEach((e, i) => {
      const entry = (e && typeof e === 'object' ? e : {}) as Record<string, unknown>;
      const s = asText(entry.status);
      if (!s || !canonicalStatus(d.kind, s))
        out.push({ path: d.path, line, col: 1, message: `history entry ${i + 1} has ${s ? `unknown status "${s}"` : 'no status'}` });
      if (!asText(entry.date)) out.push({ path: d.path, line, col: 1, message: `history entry ${i + 1} has no date` });
    });
    return out;
  },
});
