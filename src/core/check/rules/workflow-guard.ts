import { asText, type DocRecord } from '../../document.js';
import { normaliseHeading } from '../../sections.js';
import { referencedId } from '../../links.js';
import type { GuardSpec } from '../../kinds.js';
import { guardResults } from '../../workflow.js';
import { approvedStatuses, fromOnward, pastInitial } from '../statuses.js';
import { keyAt, type RawFinding, type Rule } from '../types.js';

/**
 * A document meets the guards of its status and of the statuses it went through on the way there
 * (an IN_PROGRESS RFC still has its approval): the same guards a status change checks, so editing
 * the status by hand does not get round them. What another rule already reports is left to it:
 * required sections past the first draft (required-section), placeholders in an approved document
 * (placeholder), an approved spec's decision_ref (spec-rfc-not-approved), links that do not
 * resolve (broken-link) and the successor of a SUPERSEDED document (supersede-symmetry).
 */
export const workflowGuard: Rule<'workflow-guard'> = {
  id: 'workflow-guard',
  severity: 'error',
  description: 'a document meets the guards of its status and of the statuses before it (reviewers named, an approval, sections written, ...)',
  run: ({ docs, index }) => {
    const out: RawFinding[] = [];
    const lookup = (ref: string) => {
      const id = referencedId(ref, index);
      return id ? index.byId.get(id)?.[0] : undefined;
    };
    for (const d of docs) {
      const status = d.status;
      const guards = d.kind.guards;
      if (!d.parsed || !d.statusKnown || !status || !guards) continue;
      const kind = d.kind;
      const passed = Object.keys(guards).filter((s) => s === status || (!kind.statuses[s]?.archived && fromOnward(kind, s).has(status)));
      for (const s of passed) {
        const own = (guards[s] ?? []).filter((g) => !reportedElsewhere(g, d, status, lookup));
        if (own.length === 0) continue;
        const { located } = guardResults(d, s, lookup, undefined, own);
        for (const f of located) {
          const line = f.line ?? (f.message.includes('reviewer') ? keyAt(d, 'reviewers') : keyAt(d, 'status'));
          out.push({ path: d.path, line, col: 1, message: s === status ? f.message : `${f.message} (required from ${s} on)` });
        }
      }
    }
    return out;
  },
};

/** Whether another rule already reports this guard for a document in `status`. */
function reportedElsewhere(g: GuardSpec, d: DocRecord, status: string, lookup: (ref: string) => unknown): boolean {
  switch (g.type) {
    case 'sections': {
      if (!pastInitial(d.kind).has(status)) return false;
      const required = new Set((d.kind.requiredSections ?? []).map(normaliseHeading));
      return g.sections.every((s) => required.has(normaliseHeading(s)));
    }
    case 'no-placeholders':
      return approvedStatuses(d.kind).has(status);
    case 'linked-status': {
      const ref = asText(d.data[g.field]);
      return !ref || !lookup(ref) || (g.field === 'decision_ref' && approvedStatuses(d.kind).has(status));
    }
    default:
      return false;
  }
}
