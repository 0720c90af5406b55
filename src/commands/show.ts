/** `archdoc show <id> [--json]`: one document of any kind, with its links both ways, its history and what its next statuses need. */
import { createContext, loadIndex, readAll, resolveDoc, type Context, type GlobalOptions } from './shared/context.js';
import { linksOf, renderView } from './shared/view.js';
import { docJson } from '../core/list.js';
import { nextSteps } from '../core/next-steps.js';
import { referencedId, type IdIndex } from '../core/links.js';
import { runChecks } from '../core/check/index.js';
import { STATUS_RULE_IDS, type StatusRuleId } from '../core/check/rule-ids.js';
import { statusRules } from '../core/check/statuses.js';
import type { DocRecord } from '../core/document.js';
import type { NextStep } from '../core/next-steps.js';
import { exists } from '../adapters/store.js';

export interface ShowOptions extends GlobalOptions {
  id: string;
  json?: boolean;
}

export async function run(opts: ShowOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const docs = readAll(ctx);
  const doc = resolveDoc(ctx, docs, opts.id);
  if (!opts.json) {
    renderView(ctx, doc, docs, { full: true });
    return;
  }
  const index = loadIndex(ctx, docs);
  const lookup = (ref: string) => {
    const id = referencedId(ref, index);
    return id ? index.byId.get(id)?.[0] : undefined;
  };
  const history = Array.isArray(doc.data.history) ? doc.data.history : [];
  const out = {
    document: docJson(doc, index),
    links: linksOf(ctx, doc, docs),
    history,
    next: withStatusRules(ctx, doc, index, nextSteps(doc, { today: ctx.today, lookup })),
  };
  ctx.out.raw(JSON.stringify(out, null, 2));
}

/**
 * Each next status's check rules (the ones a status change is judged by: required sections, no
 * placeholders, the decision discipline), run on the document as if it were there: what they
 * would refuse is missing too.
 */
function withStatusRules(ctx: Context, doc: DocRecord, index: IdIndex, steps: NextStep[]): NextStep[] {
  const ids = new Set<string>(STATUS_RULE_IDS);
  return steps.map((step) => {
    const rules = statusRules(doc.kind, step.status);
    if (rules.size === 0) return step;
    const there: DocRecord = { ...doc, status: step.status };
    const errors = runChecks({ docs: [there], index, config: ctx.config, today: ctx.today, exists: (p) => exists(ctx.root, p) }).filter(
      (f) => f.severity === 'error' && ids.has(f.rule) && rules.has(f.rule as StatusRuleId),
    );
    if (errors.length === 0) return step;
    return { ...step, ready: false, missing: [...step.missing, ...errors.map((f) => `${f.rule}: ${f.message}`)] };
  });
}
