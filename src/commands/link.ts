/**
 * `archdoc link <from> <relation> <to>` and `archdoc unlink <from> <relation> <to>`: one typed
 * link added to or removed from the first document's frontmatter, judged by check's rules and
 * committed, all under the repository lock.
 */
import { applyChange } from './shared/apply.js';
import { changeRepository, commitChange, createContext, loadIndex, oneLine, readAll, resolveDoc, type Context, type GlobalOptions } from './shared/context.js';
import { judgeChange } from './shared/gate.js';
import { approvedStatuses } from '../core/check/statuses.js';
import { isSplit, splitFrontmatter } from '../core/frontmatter.js';
import { planLink, planUnlink } from '../core/linking.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { readText } from '../adapters/store.js';
import type { DocRecord } from '../core/document.js';
import { referencedId, type IdIndex } from '../core/links.js';

export interface LinkOptions extends GlobalOptions {
  from: string;
  relation: string;
  to: string;
  /** `unlink`: remove the link instead. */
  remove?: boolean;
}

export async function run(opts: LinkOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const verb = opts.remove ? 'unlink' : 'link';
  await changeRepository(ctx, `${verb} ${opts.from} ${opts.relation} ${opts.to}`, async (tx) => {
    const docs = readAll(ctx);
    const from = resolveDoc(ctx, docs, opts.from);
    const index = loadIndex(ctx, docs);
    const to = opts.remove ? targetOfUnlink(ctx, docs, index, opts.to) : resolveDoc(ctx, docs, opts.to);
    const plural = (k: string) => ctx.config.kinds[k]?.plural ?? k;
    const plan = opts.remove ? planUnlink(from, opts.relation, to, index, ctx.today) : planLink(from, opts.relation, to as DocRecord, index, ctx.today, plural);
    if (!plan.ok) throw plan.usage ? new UsageError(plan.message, plan.details) : new RefusedError(plan.message, plan.details);
    const { relation } = plan;
    const fromName = from.id ?? from.path;
    const toName = typeof to === 'string' ? to : (to.id ?? to.path);
    const c = ctx.out.c;
    if (!plan.edits.length) {
      ctx.out.out(
        opts.remove
          ? `${fromName} does not ${relation.base} ${toName}: nothing to change.`
          : `${fromName} already ${relation.forward} ${toName}: nothing to change.`,
      );
      return;
    }
    if (!from.parsed || !isSplit(splitFrontmatter(readText(ctx.root, from.path)))) {
      throw new RefusedError(`${from.path} has no frontmatter that parses, where archdoc records links; nothing was changed.`, [
        'Add the link as text in the document, or give it frontmatter (archdoc import converts records of other tools).',
      ]);
    }
    const warnings = [...plan.warnings];
    if (typeof to !== 'string' && !opts.remove && relation.name === 'implements' && (!to.status || !approvedStatuses(to.kind).has(to.status))) {
      warnings.push(`${toName} is ${to.status ?? 'without status'}, not approved yet; ${fromName} cannot be approved until it is`);
    }
    const touched = await applyChange(ctx, tx, from, undefined, plan.edits, docs);
    const uncommittedEdits = ctx.commit && (await tx.uncommitted(from.path)) === 'work-tree';
    warnings.push(
      ...judgeChange(ctx, {
        before: docs,
        doc: from,
        path: touched.path,
        written: [...touched.paths, ...touched.rewritten],
        entering: false,
        uncommittedEdits,
      }),
    );
    const what = opts.remove ? `no longer ${relation.forward} ${toName}` : `${relation.forward} ${toName}`;
    const message = `docs(${from.kind.name}): ${fromName} ${what}`;
    const note = await commitChange(ctx, { paths: touched.paths, newPaths: touched.newPaths, message, adopted: touched.adopted }, opts);
    const title = typeof to === 'string' ? undefined : to.title;
    ctx.out.out(`${c.bold(fromName)} ${what}${title ? c.dim(` (${oneLine(title)})`) : ''}`);
    ctx.out.out(`  ${c.dim('field')}   ${relation.field}`);
    ctx.out.out(`  ${c.dim('file')}    ${touched.path}`);
    for (const w of warnings) ctx.out.err(`${c.yellow('warning:')} ${w}`);
    if (note) ctx.out.err(note);
    ctx.out.out('');
    ctx.out.out(`Both ends: archdoc show ${toName}`);
  });
}

/**
 * What `unlink` removes the link to: the document, or, when none carries the id any more (a link
 * check reports as broken), the id itself, so the broken link can be taken out.
 */
function targetOfUnlink(ctx: Context, docs: DocRecord[], index: IdIndex, input: string): DocRecord | string {
  try {
    return resolveDoc(ctx, docs, input);
  } catch (e) {
    const id = e instanceof RefusedError ? referencedId(input, index) : undefined;
    if (id) return id;
    throw e;
  }
}
