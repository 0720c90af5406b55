import { perKind } from '../../per-kind.js';
import { asText, type DocRecord } from '../../document.js';
import { normaliseHeading } from '../../sections.js';
import { referencedId } from '../../links.js';
import type { GuardSpec, KindDef } from '../../kinds.js';
import { guardResults } from '../../workflow.js';
import { alwaysThrough, approvedStatuses, holdsIn } from '../statuses.js';
import { documentRule, keyAt, type DocumentRule, type RawFinding } from '../types.js';

/**
 * A document meets the guards of its status and, unless it is archived, of the statuses every way
 * to it goes through (an IN_PROGRESS RFC still has its approval; an archived one is held to its own): the same guards a status change checks, so editing
 * the status by hand does not get round them. What another rule already reports is left to it:
 * required sections past the first draft (required-section), placeholders in an approved document
 * (placeholder), an approved spec's decision_ref (spec-rfc-not-approved), links that do not
 * resolve (broken-link) and the successor of a SUPERSEDED document (supersede-symmetry).
 */
export const workflowGuard: DocumentRule<'workflow-guard'> = documentRule({
  id: 'workflow-guard',
  severity: 'error',
  description: 'a document meets the guards of its status and of the statuses before it (reviewers named, an approval, sections written, ...)',
  judge: ({ index }) => {
    const lookup = (ref: string) => {
      const id = referencedId(ref, index);
      return id ? index.byId.get(id)?.[0] : undefined;
    };
    return (d) => {
      const out: RawFinding[] = [];
      const status = d.status;
      if (!d.parsed || !d.statusKnown || !status || !d.kind.guards) return out;
      for (const [s, guards] of guardsIn(d.kind, status)) {
        const own = guards.some((g) => g.type === 'linked-status')
          ? guards.filter((g) => g.type !== 'linked-status' || !linkReportedElsewhere(g, d, status, lookup))
          : guards;
        if (own.length === 0) continue;
        const { located } = guardResults(d, s, lookup, undefined, own);
        for (const f of located) {
          const line = f.line ?? (f.message.includes('reviewer') && 'reviewers' in d.data ? keyAt(d, 'reviewers') : keyAt(d, 'status'));
          out.push({ path: d.path, line, col: 1, message: s === status ? f.message : `${f.message} (required from ${s} on)` });
        }
      }
      return out;
    };
  },
});

/**
 * The guards a document in `status` must meet, by the status that set them: its own and those of
 * the statuses it went through, less what another rule reports whatever the document (see
 * reportedElsewhere). Worked out once per kind and status: check asks for every document.
 */
const guardsIn: (kind: KindDef, status: string) => Array<[string, GuardSpec[]]> = perKind((kind, status) => {
  const guards = kind.guards ?? {};
  return Object.keys(guards)
    .filter((s) => s === status || (!kind.statuses[status]?.archived && !kind.statuses[s]?.archived && alwaysThrough(kind, s, status)))
    .map((s): [string, GuardSpec[]] => [s, (guards[s] ?? []).filter((g) => !reportedElsewhere(g, kind, status))])
    .filter(([, gs]) => gs.length > 0);
});

/** Whether another rule reports this guard for any document of `kind` in `status`. */
function reportedElsewhere(g: GuardSpec, kind: KindDef, status: string): boolean {
  switch (g.type) {
    case 'sections': {
      if (!holdsIn(kind, status, 'required-section')) return false;
      const required = new Set((kind.requiredSections ?? []).map(normaliseHeading));
      return g.sections.every((s) => required.has(normaliseHeading(s)));
    }
    case 'no-placeholders':
      return holdsIn(kind, status, 'placeholder');
    default:
      return false;
  }
}

/** A linked-status guard is left to broken-link (nothing linked) and to spec-rfc-not-approved (an approved spec's decision_ref). */
function linkReportedElsewhere(g: Extract<GuardSpec, { type: 'linked-status' }>, d: DocRecord, status: string, lookup: (ref: string) => unknown): boolean {
  const ref = asText(d.data[g.field]);
  return !ref || !lookup(ref) || (g.field === 'decision_ref' && approvedStatuses(d.kind).has(status));
}
