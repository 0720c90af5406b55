/**
 * Every check rule id, in the order rules run: the one list that configuration validation,
 * the rule registry (index.ts), the docs and the tests derive from. Kept apart from the rules so
 * that validating a configuration does not load them.
 */
export const RULE_IDS = [
  'frontmatter-parse',
  'id-missing',
  'id-mismatch',
  'status-unknown',
  'status-folder',
  'duplicate-id',
  'branch-collision',
  'broken-link',
  'supersede-symmetry',
  'spec-rfc-not-approved',
  'workflow-guard',
  'placeholder',
  'required-section',
  'decision-discipline',
  'loaded-word',
  'stale-review',
  'history-status',
  'history-mismatch',
  'approval-stale',
  'range-workflow',
  'range-identity',
  'range-edited',
  'date-format',
  'status-section',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** The rules that judge a range (`check --base`): without a base they find nothing. */
export const RANGE_RULE_IDS: readonly RuleId[] = ['range-workflow', 'range-identity', 'range-edited'];

/** The rules that judge the work tree against other branches: a repository of files alone has none. */
export const BRANCH_RULE_IDS: readonly RuleId[] = ['branch-collision'];

/**
 * The rules that judge a document by what its status asks, so each status names which of them
 * hold in it (a kind's `status_rules`; the defaults are `defaultStatusRules` in statuses.ts).
 */
export const STATUS_RULE_IDS = ['required-section', 'placeholder', 'decision-discipline', 'loaded-word'] as const satisfies readonly RuleId[];

export type StatusRuleId = (typeof STATUS_RULE_IDS)[number];

export function isRuleId(id: string): id is RuleId {
  return (RULE_IDS as readonly string[]).includes(id);
}
