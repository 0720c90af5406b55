/** Which statuses count as "approved or later", "in review or later" for a kind. Pure. */
import type { KindDef } from '../kinds.js';

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
export function fromOnward(kind: KindDef, start: string): Set<string> {
  const out = new Set<string>();
  for (const s of reachable(kind, start)) {
    if (kind.statuses[s]?.archived) continue;
    if (s !== start && reachable(kind, s).has(start)) continue;
    out.add(s);
  }
  return out;
}

/** Approved or later: the kind's `approvedStatuses`, or what follows a status named APPROVED/ACCEPTED. */
export function approvedStatuses(kind: KindDef): Set<string> {
  if (kind.approvedStatuses) return new Set(kind.approvedStatuses);
  const start = ['APPROVED', 'ACCEPTED'].find((s) => kind.statuses[s]);
  return start ? fromOnward(kind, start) : new Set();
}

/** Past the first draft and not archived: where the required sections must be written. */
export function pastInitial(kind: KindDef): Set<string> {
  const out = new Set<string>();
  for (const [s, def] of Object.entries(kind.statuses)) if (s !== kind.initial && !def.archived) out.add(s);
  return out;
}
