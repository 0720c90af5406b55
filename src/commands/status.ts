/**
 * `archdoc status <id>` and its aliases (`rfc-status`, `tech-spec-status`, `adr-status`): without
 * a change it shows the document; `--set`, `--reviewer`, `--link-rfc` change it in one commit.
 */
import { applyChange, editIn } from './shared/apply.js';
import {
  changeRepository,
  commitChange,
  createContext,
  kindByName,
  loadIndex,
  oneLine,
  readAll,
  resolveDoc,
  type Context,
  type GlobalOptions,
} from './shared/context.js';
import { parseDoc, type DocRecord } from '../core/document.js';
import { referencedId } from '../core/links.js';
import { isSplit, splitFrontmatter, type FrontmatterEdit } from '../core/frontmatter.js';
import { allowedNext } from '../core/kinds.js';
import { planReviewer, planTransition } from '../core/workflow.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { readText } from '../adapters/store.js';
import type { Transaction } from '../adapters/transaction.js';
import { approvedStatuses } from '../core/check/statuses.js';
import { renderNext, renderView } from './shared/view.js';
import { judgeChange } from './shared/gate.js';

export interface StatusOptions extends GlobalOptions {
  /** Narrows bare numbers to a kind (set by the named aliases). */
  kind?: string;
  id: string;
  set?: string;
  reviewer?: string[];
  by?: string;
  comment?: string;
  linkRfc?: string;
}

export async function run(opts: StatusOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext(opts, services);
  const kind = opts.kind ? kindByName(ctx.config, opts.kind) : undefined;
  const changing = opts.set !== undefined || (opts.reviewer?.length ?? 0) > 0 || opts.linkRfc !== undefined;
  if (opts.set === undefined && (opts.by !== undefined || opts.comment !== undefined)) throw new UsageError('--by and --comment go with --set STATUS');
  if (!changing) {
    const docs = readAll(ctx);
    renderView(ctx, resolveDoc(ctx, docs, opts.id, kind), docs, { full: false });
    return;
  }
  // Read, decide, write and commit under one lock: a concurrent change is seen, never lost.
  const command = `${kind?.commands?.status ?? 'status'} ${opts.id}`;
  await changeRepository(ctx, command, async (tx) => {
    const docs = readAll(ctx);
    // By name again: the configuration may have changed while the lock was awaited.
    const doc = resolveDoc(ctx, docs, opts.id, opts.kind ? kindByName(ctx.config, opts.kind) : undefined);
    if (!doc.parsed) throw new RefusedError(`${doc.path}: ${doc.problems[0]?.message ?? 'frontmatter does not parse'}; fix it by hand first.`);
    await change(ctx, tx, opts, doc, docs);
  });
}

async function change(ctx: Context, tx: Transaction, opts: StatusOptions, doc: DocRecord, docs: DocRecord[]): Promise<void> {
  const { out } = ctx;
  const c = out.c;
  const index = loadIndex(ctx, docs);
  const lookup = (ref: string) => {
    const id = referencedId(ref, index);
    return id ? index.byId.get(id)?.[0] : undefined;
  };
  const notes: string[] = [];
  const warnings: string[] = [];
  const extra: FrontmatterEdit[] = [];
  let current = doc;
  const original = readText(ctx.root, doc.path);
  let text = original;
  // Reviewer and link edits come first, so the transition's guards see them.
  if (opts.reviewer?.length && !isSplit(splitFrontmatter(text))) {
    throw new RefusedError(`${doc.path} has no frontmatter, where archdoc records reviewers; nothing was changed.`, [
      'Records written the way this repository writes them carry no reviewers; leave --reviewer out.',
    ]);
  }
  for (const spec of opts.reviewer ?? []) {
    const plan = planReviewer(current, spec, ctx.today);
    if (!plan.ok) throw plan.reason === 'document' ? new RefusedError(plan.message) : new UsageError(plan.message);
    if (plan.edits.length) {
      extra.push(...plan.edits);
      text = editIn(doc.path, text, plan.edits);
      current = { ...parseDoc(text, doc.path, doc.kind, ctx.config.idPadding), path: doc.path };
    }
    notes.push(plan.summary);
  }
  if (opts.linkRfc !== undefined) {
    const field = Object.entries(doc.kind.createLinks ?? {}).find(([opt]) => opt === 'rfc')?.[1];
    if (!field) throw new UsageError(`--link-rfc does not apply to ${doc.kind.plural}`);
    const rfc = resolveDoc(ctx, docs, opts.linkRfc, ctx.config.kinds.rfc);
    if (!rfc.status || !approvedStatuses(rfc.kind).has(rfc.status)) {
      warnings.push(`${rfc.id} is ${rfc.status ?? 'without status'}, not approved yet; ${doc.id} cannot be approved until it is`);
    }
    const edits: FrontmatterEdit[] = [
      { op: 'set', path: [field], value: rfc.id },
      { op: 'set', path: ['last_updated'], value: ctx.today },
    ];
    extra.push(...edits);
    text = editIn(doc.path, text, edits);
    current = { ...parseDoc(text, doc.path, doc.kind, ctx.config.idPadding), path: doc.path };
    notes.push(`linked to ${rfc.id}`);
  }

  let by: DocRecord | undefined;
  let byMissing: string | undefined;
  if (opts.by !== undefined) {
    try {
      by = resolveDoc(ctx, docs, opts.by, doc.kind);
    } catch (e) {
      if (e instanceof RefusedError) byMissing = opts.by;
      else throw e;
    }
  }
  let transition: { from: string; to: string; edits: FrontmatterEdit[]; successorEdits: FrontmatterEdit[] } | undefined;
  if (opts.set !== undefined) {
    const actor = await ctx.git?.userName();
    const plan = planTransition({
      doc: current,
      target: opts.set,
      today: ctx.today,
      ...(actor ? { actor } : {}),
      ...(opts.comment ? { comment: opts.comment } : {}),
      ...(by ? { by } : {}),
      ...(byMissing ? { byMissing } : {}),
      lookup,
    });
    if (!plan.ok) {
      if (plan.reason === 'unknown-status' || plan.reason === 'usage') throw new UsageError(plan.message, plan.details);
      const next = doc.status ? allowedNext(doc.kind, doc.status) : [];
      const details = plan.reason === 'guard' ? plan.details.map((d) => `  - ${d}`) : plan.details;
      if (plan.reason === 'guard' && next.length) details.push(`Allowed next from ${doc.status}: ${next.join(', ')}`);
      throw new RefusedError(plan.message, details);
    }
    warnings.push(...plan.warnings);
    transition = plan;
  }

  if (!transition && text === original) {
    for (const n of notes) out.out(`${doc.id ?? doc.path}: ${n}`);
    out.out('Nothing to change.');
    return;
  }
  const touched = await applyChange(ctx, tx, doc, transition, extra, docs, by);
  // The result is judged by check's rules before it is committed; a refusal undoes the writes.
  // Leaving for the initial status or an archived one (a retreat, a withdrawal) refuses only what
  // the change itself breaks: a document is not held in a status by problems it already had.
  const retreat = !transition || transition.to === doc.kind.initial || !!doc.kind.statuses[transition.to]?.archived;
  const uncommittedEdits = ctx.commit && (await tx.uncommitted(doc.path)) === 'work-tree';
  warnings.push(
    ...judgeChange(ctx, { before: docs, doc, path: touched.path, written: [...touched.paths, ...touched.rewritten], entering: !retreat, uncommittedEdits }),
  );
  const kindName = doc.kind.name;
  const what = transition ? `${transition.from} → ${transition.to}` : notes.join(', ');
  const message = `docs(${kindName}): ${doc.id ?? doc.path.slice(doc.path.lastIndexOf('/') + 1).replace(/\.md$/, '')} ${what}${transition && notes.length ? ` (${notes.join(', ')})` : ''}`;
  const note = await commitChange(ctx, { paths: touched.paths, newPaths: touched.newPaths, message, adopted: touched.adopted }, opts);

  out.out(`${c.bold(doc.id ?? doc.path)} ${oneLine(doc.title ?? '')}`);
  for (const n of notes) out.out(`  ${n}`);
  if (transition) out.out(`  ${c.dim('status')}  ${transition.from} → ${c.green(transition.to)}`);
  if (touched.path !== doc.path) out.out(`  ${c.dim('moved')}   ${doc.path} → ${touched.path}`);
  else out.out(`  ${c.dim('file')}    ${touched.path}`);
  for (const r of touched.rewritten) out.out(`  ${c.dim('links')}   updated in ${r}`);
  if (by && transition?.to === doc.kind.supersededStatus) out.out(`  ${c.dim('by')}      ${by.id ?? by.path} (supersedes ${doc.id ?? doc.path})`);
  for (const w of warnings) out.err(`${c.yellow('warning:')} ${w}`);
  if (note) out.err(note);
  const status = transition?.to ?? doc.status;
  if (status && allowedNext(doc.kind, status).length) {
    out.out('');
    renderNext(ctx, doc.kind, doc.id ?? doc.path, status);
  }
}
