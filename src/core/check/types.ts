/** Types shared by the check rules. A rule is pure: documents in, findings out. */
import type { Config, Severity } from '../config.js';
import type { DocRecord } from '../document.js';
import type { ElsewhereDoc } from '../elsewhere.js';
import type { IdIndex } from '../links.js';
import type { RuleId } from './rule-ids.js';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Repository-relative path. */
  path: string;
  line: number;
  col: number;
  message: string;
}

export interface CheckContext {
  docs: DocRecord[];
  index: IdIndex;
  config: Config;
  /** `YYYY-MM-DD`. */
  today: string;
  /** Whether a repository-relative path exists (links to files that are not documents). */
  exists(path: string): boolean;
  /** `check --base`: the documents at the merge base, and what became of their files since. */
  base?: BaseState;
  /** Documents on the repository's other branches and in number reservations, titles read where they collide. */
  elsewhere?: readonly ElsewhereDoc[];
}

export interface BaseState {
  /** The ref given, for messages. */
  ref: string;
  docs: DocRecord[];
  /** Old path → new path, for the files renamed since the base. */
  renamed: Map<string, string>;
  /** Paths of the files deleted since the base. */
  deleted: Set<string>;
  /** The documents at the tip of the ref, when it moved on since the merge base (what the merge will meet). */
  tip?: DocRecord[];
}

/** What a rule reports; the runner adds the rule id and the configured severity. */
export type RawFinding = Omit<Finding, 'rule' | 'severity'>;

export interface Rule<Id extends RuleId = RuleId> {
  id: Id;
  severity: Severity;
  /** One line, shown in docs/configuration.md (a test keeps the two equal). */
  description: string;
  run(ctx: CheckContext): RawFinding[];
}

/**
 * A rule that judges each document on its own, looking others up through the context. `check`
 * judges every document with all such rules in one pass, while the document is at hand, instead of
 * going through every document once per rule (docs/adr, "Judge each document with every document
 * rule in one pass").
 */
export interface DocumentRule<Id extends RuleId = RuleId> extends Rule<Id> {
  /** The judge of one document, made once per run: what every document shares is worked out here. */
  judge(ctx: CheckContext): (doc: DocRecord) => readonly RawFinding[];
}

/** A DocumentRule from its judge; its `run` judges the context's documents in turn. */
export function documentRule<Id extends RuleId>(rule: Omit<DocumentRule<Id>, 'run'>): DocumentRule<Id> {
  return {
    ...rule,
    run(ctx) {
      const judge = rule.judge(ctx);
      const out: RawFinding[] = [];
      for (const d of ctx.docs) for (const f of judge(d)) out.push(f);
      return out;
    },
  };
}

export function isDocumentRule(rule: Rule): rule is DocumentRule {
  return typeof (rule as Partial<DocumentRule>).judge === 'function';
}

export function at(doc: DocRecord, line: number, message: string, col = 1): RawFinding {
  return { path: doc.path, line, col, message };
}

/** 1-based file line of a frontmatter key, or 1 when it has none. */
export function keyAt(doc: DocRecord, key: string): number {
  return doc.keyLines[key] ?? 1;
}
