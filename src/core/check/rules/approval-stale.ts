import { bodyHash } from '../../document.js';
import { approvedStatuses } from '../statuses.js';
import { documentRule, keyAt, type DocumentRule, type RawFinding } from '../types.js';

/**
 * The body has changed since a reviewer approved it (archdoc records a fingerprint of the text with
 * each approval). Checked in review and in the first approved status: later ones (IN_PROGRESS)
 * are written on after approval by design.
 */
export const approvalStale: DocumentRule<'approval-stale'> = documentRule({
  id: 'approval-stale',
  severity: 'warning',
  description: 'the body has not changed since a reviewer approved it (archdoc records what was approved)',
  judge: () => (d) => {
    if (!d.parsed || !d.status || d.status === d.kind.initial || d.kind.statuses[d.status]?.archived) return [];
    // Past the first approved status (IN_PROGRESS after APPROVED), writing on is the plan.
    const approved = approvedStatuses(d.kind);
    const status = d.status;
    if (approved.has(status) && [...approved].some((s) => s !== status && (d.kind.transitions[s] ?? []).includes(status))) return [];
    const stale = d.reviewers.filter((r) => r.status === 'approved' && r.bodyHash);
    if (stale.length === 0) return [];
    const now = bodyHash(d.body);
    const out: RawFinding[] = [];
    for (const r of stale) {
      if (r.bodyHash === now) continue;
      out.push({
        path: d.path,
        line: keyAt(d, 'reviewers'),
        col: 1,
        message: `changed since ${r.name} approved${r.approvedOn ? ` on ${r.approvedOn}` : ''}; ask for a new review, or record it again with --reviewer "${r.name}:approved"`,
      });
    }
    return out;
  },
});
