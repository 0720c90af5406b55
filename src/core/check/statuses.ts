/** Which statuses count as "approved or later", "in review or later" for a kind, and which status rules hold in each. Pure. */
import { perKind } from '../per-kind.js';
import type { KindDef } from '../kinds.js';
import type { StatusRuleId } from './rule-ids.js';

function reachable(kind: KindDef, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = kind.statuses[start] ? [start] : [];
  while (queue.length) {
    const s = queue.shift()!;
    if (seen.has(s)) continue;
    seen.add(s);
    queue.push(...(kind.transitions[s] ?? []));
  }
  return seen;
}

/**
 * `start` and the statuses after it: reachable from it, but not able to lead back to it (a way
 * back, like REVIEW → DRAFT, does not make DRAFT come after REVIEW). Archived statuses left out.
 */
export const fromOnward: (kind: KindDef, start: string) => Set<string> = perKind((kind, start) => {
  const out = new Set<string>();
  for (const s of reachable(kind, start)) {
    if (kind.statuses[s]?.archived) continue;
    if (s !== start && reachable(kind, s).has(start)) continue;
    out.add(s);
  }
  return out;
});

const approvedCache = new WeakMap<KindDef, Set<string>>();

/** Approved or later: the kind's `approvedStatuses`, or what follows a status named APPROVED/ACCEPTED. */
export function approvedStatuses(kind: KindDef): Set<string> {
  let set = approvedCache.get(kind);
  if (!set) {
    const start = ['APPROVED', 'ACCEPTED'].find((s) => kind.statuses[s]);
    set = kind.approvedStatuses ? new Set(kind.approvedStatuses) : start ? fromOnward(kind, start) : new Set<string>();
    approvedCache.set(kind, set);
  }
  return set;
}

/** Past the first draft and not archived: where the required sections must be written. */
const pastCache = new WeakMap<KindDef, Set<string>>();

export function pastInitial(kind: KindDef): Set<string> {
  let out = pastCache.get(kind);
  if (!out) {
    out = new Set<string>();
    for (const [s, def] of Object.entries(kind.statuses)) if (s !== kind.initial && !def.archived) out.add(s);
    pastCache.set(kind, out);
  }
  return out;
}

/**
 * Whether every way from the kind's initial status to `target` goes through `via`: only then has
 * a document in `target` met the guards of entering `via` (a tech spec may go DRAFT → APPROVED
 * without passing REVIEW, so REVIEW's guards are not APPROVED's).
 */
export function alwaysThrough(kind: KindDef, via: string, target: string): boolean {
  return via === target || dominates(kind, `${via}\u0000${target}`);
}

const dominates = perKind((kind, key) => {
  const [via, target] = key.split('\u0000') as [string, string];
  // Reachable from the initial status without entering `via`?
  const seen = new Set<string>();
  const queue = kind.initial === via ? [] : [kind.initial];
  while (queue.length) {
    const s = queue.shift()!;
    if (seen.has(s)) continue;
    seen.add(s);
    for (const t of kind.transitions[s] ?? []) if (t !== via) queue.push(t);
  }
  return !seen.has(target);
});

/**
 * What each status asks by default, after the design brief: the required sections written once
 * past the first draft, the decision discipline (for kinds that follow it) from REVIEW on, and no
 * template placeholder from the approved statuses on. Archived statuses ask none of these: an
 * abandoned draft stays as it was left.
 */
export function defaultStatusRules(kind: KindDef, status: string): StatusRuleId[] {
  const out: StatusRuleId[] = [];
  if (pastInitial(kind).has(status)) out.push('required-section');
  if (approvedStatuses(kind).has(status)) out.push('placeholder');
  if (kind.decisionDiscipline && kind.statuses.REVIEW && fromOnward(kind, 'REVIEW').has(status)) out.push('decision-discipline', 'loaded-word');
  return out;
}

/** The status rules that hold for a document of `kind` in `status`: the kind's `status_rules`, else the defaults. */
export const statusRules: (kind: KindDef, status: string) => ReadonlySet<StatusRuleId> = perKind(
  (kind, status): ReadonlySet<StatusRuleId> => new Set(kind.statusRules?.[status] ?? defaultStatusRules(kind, status)),
);

/** Whether `rule` judges a document of `kind` in `status`: the status is known and names it. */
export function holdsIn(kind: KindDef, status: string | undefined, rule: StatusRuleId): boolean {
  return status !== undefined && Object.hasOwn(kind.statuses, status) && statusRules(kind, status).has(rule);
}
