/**
 * What a document needs before each status it may move to next: the workflow's own answer
 * (planTransition, the code a status change runs), asked for every next status without changing
 * anything. `show --json` reports it, and so does the MCP tool `next_steps`.
 */
import type { DocRecord } from './document.js';
import { allowedNext } from './kinds.js';
import { planTransition } from './workflow.js';

export interface NextStep {
  status: string;
  /** Whether the move would pass the workflow's guards now. */
  ready: boolean;
  /** What is missing when it would not: one entry per unmet guard. */
  missing: string[];
  /** What the move would warn about. */
  warnings: string[];
  /** The command that makes the move. */
  command: string;
}

export function nextSteps(doc: DocRecord, opts: { today: string; lookup: (ref: string) => DocRecord | undefined }): NextStep[] {
  if (!doc.status || !doc.statusKnown) return [];
  const id = doc.id ?? doc.path;
  const cmd = doc.kind.commands?.status ?? 'status';
  return allowedNext(doc.kind, doc.status).map((status) => {
    const needsBy = doc.kind.guards?.[status]?.some((g) => g.type === 'by' && g.required !== false) ?? false;
    const command = `archdoc ${cmd} ${id} --set ${status}${needsBy ? ' --by <id>' : ''}`;
    const plan = planTransition({ doc, target: status, today: opts.today, lookup: opts.lookup });
    if (plan.ok) return { status, ready: true, missing: [], warnings: plan.warnings, command };
    return { status, ready: false, missing: plan.reason === 'guard' && plan.details.length ? plan.details : [plan.message], warnings: [], command };
  });
}
