/** Which statuses count as "approved or later", "in review or later" for a kind, and which status rules hold in each. Pure. */
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
const onwardCache = new WeakMap<KindDef, Map<string, Set<string>>>();

export function fromOnward(kind: KindDef, start: string): Set<string> {
  let byStart = onwardCache.get(kind);
  if (!byStart) {
    byStart = new Map();
    onwardCache.set(kind, byStart);
  }
  const cached = byStart.get(start);
  if (cached) return cached;
  const out = new Set<string>();
  byStart.set(start, out);
  for (const s of reachable(kind, start)) {
    if (kind.statuses[s]?.archived) continue;
    if (s !== start && reachable(kind, s).has(start)) continue;
    out.add(s);
  }
  return out;
}

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

const dominatorCache = new WeakMap<KindDef, Map<string, boolean>>();

/**
 * Whether every way from the kind's initial status to `target` goes through `via`: only then has
 * a document in `target` met the guards of entering `via` (a tech spec may go DRAFT → APPROVED
 * without passing REVIEW, so REVIEW's guards are not APPROVED's).
 */
export function alwaysThrough(kind: KindDef, via: string, target: string): boolean {
  if (via === target) return true;
  let cache = dominatorCache.get(kind);
  if (!cache) {
    cache = new Map();
    dominatorCache.set(kind, cache);
  }
  const key = `${via}\u0000${target}`;
  let result = cache.get(key);
  if (result === undefined) {
    // Reachable from the initial status without entering `via`?
    const seen = new Set<string>();
    const queue = kind.initial === via ? [] : [kind.initial];
    while (queue.length) {
      const s = queue.shift()!;
      if (seen.has(s)) continue;
      seen.add(s);
      for (const t of kind.transitions[s] ?? []) if (t !== via) queue.push(t);
    }
    result = !seen.has(target);
    cache.set(key, result);
  }
  return result;
}

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

const statusRulesCache = new WeakMap<KindDef, Map<string, ReadonlySet<StatusRuleId>>>();

/** The status rules that hold for a document of `kind` in `status`: the kind's `status_rules`, else the defaults. */
export function statusRules(kind: KindDef, status: string): ReadonlySet<StatusRuleId> {
  let byStatus = statusRulesCache.get(kind);
  if (!byStatus) {
    byStatus = new Map();
    statusRulesCache.set(kind, byStatus);
  }
  let set = byStatus.get(status);
  if (!set) {
    set = new Set(kind.statusRules?.[status] ?? defaultStatusRules(kind, status));
    byStatus.set(status, set);
  }
  return set;
}

/** Whether `rule` judges a document of `kind` in `status`: the status is known and names it. */
export function holdsIn(kind: KindDef, status: string | undefined, rule: StatusRuleId): boolean {
  return status !== undefined && Object.hasOwn(kind.statuses, status) && statusRules(kind, status).has(rule);
}
