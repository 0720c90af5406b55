import { asText } from '../../document.js';
import { canonicalStatus } from '../../kinds.js';
import { documentRule, keyAt, type DocumentRule } from '../types.js';

/**
 * The status agrees with the last entry of the history: a status edited by hand, without archdoc,
 * leaves them apart. A warning: the rules of the status itself (workflow-guard, required-section,
 * ...) say whether the document may be in it.
 */
export const historyMismatch: DocumentRule<'history-mismatch'> = documentRule({
  id: 'history-mismatch',
  severity: 'warning',
  description: 'the status agrees with the last entry of the history, when there is one',
  judge: () => (d) => {
    const h = d.data.history;
    if (!d.parsed || !d.statusKnown || !Array.isArray(h) || h.length === 0) return [];
    const last = asText((h[h.length - 1] as Record<string, unknown> | null)?.status);
    const lastCanon = last ? canonicalStatus(d.kind, last) : undefined;
    if (!lastCanon || lastCanon === d.status) return [];
    return [
      {
        path: d.path,
        line: keyAt(d, 'status'),
        col: 1,
        message: `status is ${d.status} but the history ends with ${lastCanon}; change status with archdoc so both agree`,
      },
    ];
  },
});
