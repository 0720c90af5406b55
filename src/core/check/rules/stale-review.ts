import { readDate } from '../../document.js';
import { documentRule, keyAt, type DocumentRule } from '../types.js';

const DAY = 86_400_000;

/** When the document entered REVIEW: the last history entry for REVIEW, else last_updated. */
function reviewSince(data: Record<string, unknown>, fallback: string | undefined): string | undefined {
  const history = Array.isArray(data.history) ? data.history : [];
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i] as Record<string, unknown> | null;
    if (e && typeof e === 'object' && String(e.status ?? '').toUpperCase() === 'REVIEW') return readDate(e.date);
  }
  return fallback;
}

/** Reviews that drag on get noticed. */
export const staleReview: DocumentRule<'stale-review'> = documentRule({
  id: 'stale-review',
  severity: 'warning',
  description: 'a document is not in REVIEW for longer than review_stale_days (default 14)',
  judge:
    ({ config, today }) =>
    (d) => {
      if (d.status !== 'REVIEW') return [];
      const since = reviewSince(d.data, d.lastUpdated);
      if (!since) return [];
      const days = Math.floor((Date.parse(today) - Date.parse(since)) / DAY);
      if (!(days > config.reviewStaleDays)) return [];
      return [{ path: d.path, line: keyAt(d, 'status'), col: 1, message: `in REVIEW for ${days} days (since ${since}); decide, or move it back to DRAFT` }];
    },
});
