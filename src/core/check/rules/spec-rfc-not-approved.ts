import { asText } from '../../document.js';
import { referencedId } from '../../links.js';
import { approvedStatuses } from '../statuses.js';
import { documentRule, keyAt, type DocumentRule } from '../types.js';

/** A document approved (or later) may not rest on a decision (decision_ref) that is not approved. */
export const specRfcNotApproved: DocumentRule<'spec-rfc-not-approved'> = documentRule({
  id: 'spec-rfc-not-approved',
  severity: 'error',
  description: 'a tech spec APPROVED or later links (decision_ref) to an RFC that is APPROVED, IN_PROGRESS or COMPLETED',
  judge:
    ({ index }) =>
    (d) => {
      if (!d.parsed || !d.status || !approvedStatuses(d.kind).has(d.status)) return [];
      const ref = asText(d.data.decision_ref);
      const id = ref ? referencedId(ref, index) : undefined;
      const rfc = id ? index.byId.get(id)?.[0] : undefined;
      if (!rfc?.status || approvedStatuses(rfc.kind).has(rfc.status)) return [];
      return [
        {
          path: d.path,
          line: keyAt(d, 'decision_ref'),
          col: 1,
          message: `${d.id} is ${d.status} but ${rfc.id} is ${rfc.status}; approve ${rfc.id} first or move the spec back`,
        },
      ];
    },
});
