/** Runs every check rule over the documents and returns the findings, sorted. Pure. */
import type { RuleSetting, Severity } from '../config.js';
import type { DocRecord } from '../document.js';
import { approvalStale } from './rules/approval-stale.js';
import { rangeEdited, rangeIdentity, rangeWorkflow } from './rules/range.js';
import { brokenLink } from './rules/broken-link.js';
import { dateFormat } from './rules/date-format.js';
import { decisionDiscipline } from './rules/decision-discipline.js';
import { duplicateId } from './rules/duplicate-id.js';
import { branchCollision } from './rules/branch-collision.js';
import { frontmatterParse } from './rules/frontmatter-parse.js';
import { historyMismatch } from './rules/history-mismatch.js';
import { historyStatus } from './rules/history-status.js';
import { idMismatch } from './rules/id-mismatch.js';
import { idMissing } from './rules/id-missing.js';
import { loadedWord } from './rules/loaded-word.js';
import { placeholder } from './rules/placeholder.js';
import { requiredSection } from './rules/required-section.js';
import { specRfcNotApproved } from './rules/spec-rfc-not-approved.js';
import { staleReview } from './rules/stale-review.js';
import { statusFolderRule } from './rules/status-folder.js';
import { statusSection } from './rules/status-section.js';
import { statusUnknown } from './rules/status-unknown.js';
import { supersedeSymmetry } from './rules/supersede-symmetry.js';
import { workflowGuard } from './rules/workflow-guard.js';
import { isDocumentRule, type CheckContext, type Finding, type RawFinding, type Rule } from './types.js';
import { RULE_IDS, type RuleId } from './rule-ids.js';

/** Each rule under its id: the type requires exactly the ids of RULE_IDS, no more, no fewer. */
const BY_ID: { readonly [id in RuleId]: Rule<id> } = {
  'frontmatter-parse': frontmatterParse,
  'id-missing': idMissing,
  'id-mismatch': idMismatch,
  'status-unknown': statusUnknown,
  'status-folder': statusFolderRule,
  'duplicate-id': duplicateId,
  'branch-collision': branchCollision,
  'broken-link': brokenLink,
  'supersede-symmetry': supersedeSymmetry,
  'spec-rfc-not-approved': specRfcNotApproved,
  'workflow-guard': workflowGuard,
  placeholder,
  'required-section': requiredSection,
  'decision-discipline': decisionDiscipline,
  'loaded-word': loadedWord,
  'stale-review': staleReview,
  'history-status': historyStatus,
  'history-mismatch': historyMismatch,
  'approval-stale': approvalStale,
  'range-workflow': rangeWorkflow,
  'range-identity': rangeIdentity,
  'range-edited': rangeEdited,
  'date-format': dateFormat,
  'status-section': statusSection,
};

/** Every rule, in the order of RULE_IDS. */
export const RULES: readonly Rule[] = RULE_IDS.map((id) => BY_ID[id]);

export function runChecks(ctx: CheckContext, settings: Record<string, RuleSetting> = ctx.config.rules): Finding[] {
  return runRules(RULES, ctx, settings);
}

/** runChecks with the rules given: every rule not turned off, its findings with its id and configured severity, sorted. */
export function runRules(rules: readonly Rule[], ctx: CheckContext, settings: Record<string, RuleSetting>): Finding[] {
  const findings: Finding[] = [];
  const failed = (rule: Rule, e: unknown): Finding => ({
    rule: rule.id,
    severity: 'error',
    path: '.',
    line: 1,
    col: 1,
    message: `rule failed: ${(e as Error).message}; please report this`,
  });
  // The rules that judge each document on their own judge it together, while it is at hand: one
  // pass over the documents instead of one per rule, each bringing every document back into the
  // caches (on 10 000 documents a tenth of check's time; about 1 ms more at 100, in cold code).
  const judged = new Map<Rule, { judge: (d: DocRecord) => readonly RawFinding[]; severity: Severity; found: Finding[]; error?: Finding }>();
  for (const rule of rules) {
    const setting = settings[rule.id];
    if (setting === 'off' || !isDocumentRule(rule)) continue;
    const severity = setting ?? rule.severity;
    try {
      judged.set(rule, { judge: rule.judge(ctx), severity, found: [] });
    } catch (e) {
      judged.set(rule, { judge: () => [], severity, found: [], error: failed(rule, e) });
    }
  }
  // Plain arrays and counted loops: this runs once per document and rule, mostly in cold code.
  const live = [...judged.entries()].filter(([, j]) => !j.error);
  const judging = live.map(([rule]) => rule);
  const states = live.map(([, j]) => j);
  const docs = ctx.docs;
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    for (let r = 0; r < states.length; r++) {
      const j = states[r]!;
      if (j.error) continue;
      try {
        const raw = j.judge(doc);
        for (let f = 0; f < raw.length; f++) j.found.push({ ...raw[f]!, rule: judging[r]!.id, severity: j.severity });
      } catch (e) {
        // A rule must never take the whole check down: its findings become one finding instead.
        j.error = failed(judging[r]!, e);
      }
    }
  }
  for (const rule of rules) {
    const setting = settings[rule.id];
    if (setting === 'off') continue;
    const j = judged.get(rule);
    if (j) {
      if (j.error) findings.push(j.error);
      // One by one: a spread of every finding of a rule overflows the stack past some 100 000.
      else for (const f of j.found) findings.push(f);
      continue;
    }
    const severity = setting ?? rule.severity;
    let raw: RawFinding[];
    try {
      raw = rule.run(ctx);
    } catch (e) {
      findings.push(failed(rule, e));
      continue;
    }
    for (const f of raw) findings.push({ ...f, rule: rule.id, severity });
  }
  return findings.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule));
}

export interface CheckSummary {
  errors: number;
  warnings: number;
  files: number;
  documents: number;
}

export function summariseFindings(findings: Finding[], documents: number): CheckSummary {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    files: new Set(findings.map((f) => f.path)).size,
    documents,
  };
}

export type { Finding } from './types.js';
