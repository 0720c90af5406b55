/**
 * One rule set: a change archdoc makes is judged by the same rules as `check`, on the repository
 * as the change leaves it (the files are written, not yet committed, inside the transaction).
 * What check would then reject refuses the change, and the transaction puts every byte back.
 */
import type { Context } from './context.js';
import { loadIndex } from './context.js';
import type { DocRecord } from '../../core/document.js';
import { runChecks, type Finding } from '../../core/check/index.js';
import { RULE_IDS, STATUS_RULE_IDS } from '../../core/check/rule-ids.js';
import type { RuleSetting } from '../../core/config.js';
import type { KindDef } from '../../core/kinds.js';
import { RefusedError } from '../../core/errors.js';
import { exists, kindOfPath, readDocument, readDocumentIfOne } from '../../adapters/store.js';
import { fieldLinks, type IdIndex } from '../../core/links.js';

/**
 * What the rules find in the documents of `all` that `judged` keeps: ids and links resolve against
 * all of them. A change can alter the findings of the documents it wrote and of those that link
 * to them, so only those are judged: a repository's other documents cost nothing.
 */
function findingsIn(ctx: Context, all: DocRecord[], judged: (d: DocRecord) => boolean): Finding[] {
  const known = new Set(all.map((d) => d.path));
  return runChecks({
    docs: all.filter(judged),
    index: loadIndex(ctx, all),
    config: ctx.config,
    today: ctx.today,
    exists: (p) => known.has(p) || (!p.startsWith('..') && exists(ctx.root, p)),
  });
}

/** Whether `d` was written by the change or may link to what it wrote (by id or by file name). */
function nearChange(written: Set<string>, ids: Set<string>, names: string[], index: Pick<IdIndex, 'prefixes' | 'padding'>): (d: DocRecord) => boolean {
  // Link fields are read as the rules read them, so `rfc-1` or `RFC 1` names RFC-0001 here too.
  return (d) =>
    written.has(d.path) || names.some((n) => d.body.includes(n)) || (ids.size > 0 && fieldLinks(d, index).some((l) => !!l.target && ids.has(l.target)));
}

export interface GateInput {
  /** Every document as read before the change. */
  before: DocRecord[];
  /** The document the command changes: where it was, and where it is now. */
  doc: DocRecord;
  path: string;
  /** Every path the change wrote, moved or rewrote. */
  written: string[];
  /** True for a status change: every error in the document refuses it, not only new ones. */
  entering: boolean;
  /** The document has uncommitted edits, which the commit (and so the judgement) leaves out. */
  uncommittedEdits?: boolean;
}

/**
 * Refuses the change when the rules find an error after it that they did not find before, or, for
 * a status change, any error in the document itself. Returns the warnings that are new, to print.
 */
export function judgeChange(ctx: Context, input: GateInput): string[] {
  const { doc } = input;
  const written = new Set([...input.written, input.path]);
  const gone = new Set([doc.path, ...written]);
  const after = input.before.filter((d) => !gone.has(d.path));
  for (const rel of written) {
    const kind = kindOfPath(ctx.config, rel);
    // The change may rewrite links in files that are no document (a kind folder's README.md index).
    const rec = kind && readDocumentIfOne(ctx.root, rel, kind, ctx.config.idPadding);
    if (rec) after.push(rec);
  }
  // A finding is the same before and after when only the document's path changed, or only the
  // details it quotes (line numbers, the reviewers in parentheses).
  const key = (f: Finding, moved: boolean) =>
    `${f.rule}\u0000${moved && f.path === doc.path ? input.path : f.path}\u0000${f.message.replace(/\([^)]*\)/g, '()').replace(/\d+/g, '#')}`;
  const changed = [...input.before, ...after].filter((d) => gone.has(d.path));
  const near = nearChange(
    gone,
    new Set(changed.map((d) => d.id).filter((id): id is string => !!id)),
    [...new Set([...gone].map((p) => p.slice(p.lastIndexOf('/') + 1)))],
    loadIndex(ctx, input.before),
  );
  const before = new Set(findingsIn(ctx, input.before, near).map((f) => key(f, true)));
  const found = findingsIn(ctx, after, near);
  const isNew = (f: Finding) => !before.has(key(f, false));
  const blocking = found.filter((f) => f.severity === 'error' && ((input.entering && f.path === input.path) || isNew(f)));
  if (blocking.length) {
    const self = after.find((d) => d.path === input.path);
    // The refused change is undone: a body line is given in the file as it stays; a line of the
    // frontmatter, which the change itself rewrote, is not given at all.
    const shift = self ? self.bodyLine - doc.bodyLine : 0;
    const shown = (f: Finding) => {
      if (f.path !== input.path) return `  ${f.path}:${f.line}: ${f.rule}: ${f.message}`;
      return self && f.line >= self.bodyLine ? `  ${doc.path}:${f.line - shift}: ${f.rule}: ${f.message}` : `  ${doc.path}: ${f.rule}: ${f.message}`;
    };
    throw new RefusedError(`${doc.id ?? doc.path} was not changed: \`archdoc check\` would reject the result.`, [
      ...blocking.map(shown),
      ...(input.uncommittedEdits
        ? [
            `${doc.path} has edits you have not committed: archdoc commits its change on the committed text, and that is what was judged. Commit your edits first.`,
          ]
        : []),
      'Fix these (or change what you asked for), then run the command again.',
    ]);
  }
  return found.filter((f) => f.severity === 'warning' && written.has(f.path) && isNew(f)).map((f) => `${f.path}:${f.line}: ${f.rule}: ${f.message}`);
}

/**
 * A new document meets what its kind's initial status asks (its `status_rules`; by default none):
 * the rules that judge a document alone are run on it as written, errors refuse the create.
 * Returns the warnings, to print.
 */
export function judgeNew(ctx: Context, rel: string, kind: KindDef): string[] {
  const doc = readDocument(ctx.root, rel, kind, ctx.config.idPadding);
  if (!doc) return [];
  // Only the status rules, at their configured severity: the others need the whole repository.
  const statusRule = new Set<string>(STATUS_RULE_IDS);
  const settings: Record<string, RuleSetting> = {};
  for (const id of RULE_IDS) {
    const setting = statusRule.has(id) ? ctx.config.rules[id] : 'off';
    if (setting) settings[id] = setting;
  }
  const found = runChecks({ docs: [doc], index: loadIndex(ctx, [doc]), config: ctx.config, today: ctx.today, exists: (p) => exists(ctx.root, p) }, settings);
  const errors = found.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new RefusedError(`${doc.id ?? rel} was not created: \`archdoc check\` would reject it.`, [
      ...errors.map((f) => `  ${f.path}:${f.line}: ${f.rule}: ${f.message}`),
      `The status ${kind.initial} asks for ${[...new Set(errors.map((f) => f.rule))].join(', ')} (the kind's status_rules in the configuration); a new document is written from the template, so the template must meet them.`,
    ]);
  }
  return found.filter((f) => f.severity === 'warning').map((f) => `${f.path}:${f.line}: ${f.rule}: ${f.message}`);
}
