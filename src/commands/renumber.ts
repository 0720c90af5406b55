/**
 * `archdoc renumber <id|path> [--to <id>]`: gives a document a number free here, on every other
 * branch and in every reservation, and rewrites in one commit its file name, its id, its title
 * heading and every reference to it. Two documents that carry one id (branches that met) are told
 * apart by path; references by id in other documents go to the side of the merge that wrote them.
 */
import { changeRepository, commitChange, createContext, oneLine, readAll, resolveDoc, type Context, type GlobalOptions } from './shared/context.js';
import { knownElsewhere, takeNumber } from './shared/numbering.js';
import type { DocRecord } from '../core/document.js';
import { highestElsewhere, takenElsewhere, type ElsewhereDoc } from '../core/elsewhere.js';
import { gitFailure } from '../adapters/git.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { article } from '../core/kinds.js';
import { formatId, parseIdInput } from '../core/ids.js';
import { planRenumber, renumberedName, type RenumberPlan } from '../core/renumber.js';
import { exists, readText } from '../adapters/store.js';
import { indexFiles } from './shared/index-files.js';

export interface RenumberOptions extends GlobalOptions {
  target: string;
  to?: string;
  dryRun?: boolean;
  offline?: boolean;
}

const basenameOf = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The number `--to` asks for, checked: the document's own kind, and free everywhere archdoc can see. */
function wantedNumber(ctx: Context, doc: DocRecord, docs: DocRecord[], elsewhere: ElsewhereDoc[], to: string): number {
  const parsed = parseIdInput(to);
  if (!parsed) throw new UsageError(`--to ${to}: not an id; write it like ${doc.kind.prefix}-0007 or 7`);
  if (parsed.prefix && parsed.prefix !== doc.kind.prefix)
    throw new UsageError(`--to ${to}: ${doc.path} is ${article(doc.kind.label)}; its ids start with ${doc.kind.prefix}-`);
  if (parsed.num < 1) throw new UsageError(`--to ${to}: numbers start at 1`);
  const id = formatId(doc.kind.prefix, parsed.num, ctx.config.idPadding);
  if (parsed.num === doc.num) throw new RefusedError(`${doc.path} is already ${id}; nothing to change.`);
  const here = docs.find((d) => d.kind === doc.kind && d.num === parsed.num);
  if (here) throw new RefusedError(`${id} is taken by ${here.path}; nothing was changed.`, ['Leave out --to to take the next free number.']);
  const there = takenElsewhere(doc.kind.name, parsed.num, elsewhere);
  if (there) {
    const where = there.refs.includes('reserved') ? 'reserved' : `used on ${there.refs.join(', ')}`;
    throw new RefusedError(`${id} is ${where} (${there.path}); nothing was changed.`, ['Leave out --to to take the next free number.']);
  }
  return parsed.num;
}

/** The files a plan rewrites, by their paths before it. */
function rewritten(plan: RenumberPlan): string[] {
  return [plan.from, ...[...plan.texts.keys()].filter((p) => p !== plan.to)];
}

function uncommitted(rel: string): RefusedError {
  return new RefusedError(`${rel} has changes of yours that are not committed; renumbering rewrites it, so nothing was changed.`, [
    'Commit them, or put them aside with `git stash`, then run the command again.',
  ]);
}

/**
 * Refuses, before anything is written (and in a dry run alike), what the plan could not carry out
 * whole: a file with the user's uncommitted edits, a document git does not track yet (its rename
 * or rewrite could not be committed), a document whose frontmatter does not parse but names the id
 * (its links could not be rewritten). Returns the index files among `pages` git does not track
 * yet: rewritten, not committed, as a status move leaves them.
 */
async function refuseWhatCannotBeRewritten(
  ctx: Context,
  doc: DocRecord,
  docs: DocRecord[],
  texts: Map<string, string>,
  plan: RenumberPlan,
  pages: ReadonlySet<string>,
): Promise<string[]> {
  const unreadable = docs.find(
    (d) =>
      d !== doc && d.problems.some((p) => p.rule === 'frontmatter-parse' && !p.message.startsWith('no frontmatter')) && texts.get(d.path)!.includes(doc.id!),
  );
  if (unreadable) {
    throw new RefusedError(`${unreadable.path} names ${doc.id}, but its frontmatter does not parse, so its links cannot be rewritten; nothing was changed.`, [
      'Fix its frontmatter (archdoc check shows where), then run the command again.',
    ]);
  }
  if (!ctx.commit || !ctx.git) return [];
  const dirty = await ctx.git.uncommitted();
  const untracked: string[] = [];
  for (const rel of rewritten(plan)) {
    if (dirty.has(rel) && !dirty.get(rel)!.untracked) throw uncommitted(rel);
    if (dirty.get(rel)?.untracked || !(await ctx.git.isTracked(rel))) {
      if (pages.has(rel)) {
        untracked.push(rel);
        continue;
      }
      throw new RefusedError(`${rel} is not committed yet; renumbering renames and rewrites committed files, so nothing was changed.`, [
        'Commit it first (or run with --no-commit), then run the command again.',
      ]);
    }
  }
  return untracked;
}

export async function run(opts: RenumberOptions, services: Partial<Context> = {}): Promise<RenumberPlan> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const { out } = ctx;
  const c = out.c;
  const work = async (): Promise<{
    plan: RenumberPlan;
    doc: DocRecord;
    newId: string;
    note?: string | undefined;
    warnings: string[];
    untracked: string[];
  }> => {
    const docs = readAll(ctx);
    const doc = resolveDoc(ctx, docs, opts.target);
    if (!doc.parsed || !doc.id || doc.num === undefined) {
      throw new RefusedError(`${doc.path}: ${doc.problems[0]?.message ?? 'it has no id'}; fix it by hand first.`);
    }
    const elsewhere = await knownElsewhere(ctx);
    const warnings: string[] = [];
    let num: number;
    const basename = (n: number) => renumberedName(basenameOf(doc.path), doc.kind.prefix, doc.num!, formatId(doc.kind.prefix, n, ctx.config.idPadding)).name;
    const request = {
      kind: doc.kind,
      basename,
      title: oneLine(doc.title ?? ''),
      author: (await ctx.git?.userName()) ?? 'unknown',
      offline: !!opts.offline || !!opts.dryRun,
    };
    if (opts.to !== undefined) num = wantedNumber(ctx, doc, docs, elsewhere, opts.to);
    else num = Math.max(...docs.filter((d) => d.kind === doc.kind && d.num !== undefined).map((d) => d.num!), highestElsewhere(doc.kind.name, elsewhere)) + 1;
    if (!opts.dryRun) {
      const taken = await takeNumber(ctx, { ...request, from: num, ...(opts.to !== undefined ? { exact: true } : {}) });
      num = taken.num;
      if (taken.warning) warnings.push(taken.warning);
    }
    const newId = formatId(doc.kind.prefix, num, ctx.config.idPadding);
    const texts = new Map(docs.map((d) => [d.path, readText(ctx.root, d.path)] as const));
    // The index files follow it too: the same files a status move rewrites.
    const pages = new Set(await indexFiles(ctx, docs));
    for (const page of pages) texts.set(page, readText(ctx.root, page));
    // Others that carry the id: references by id in third documents go to the side that wrote them.
    const holders = docs.filter((d) => d !== doc && d.id === doc.id);
    let attribute: ((path: string, line: number) => 'this' | 'other' | 'unknown') | undefined;
    if (holders.length && ctx.git) {
      const { lineSides } = await import('../adapters/attribution.js');
      const mentioning = docs.filter((d) => d !== doc && !holders.includes(d) && texts.get(d.path)!.includes(doc.id!)).map((d) => d.path);
      attribute = await lineSides(
        ctx.root,
        ctx.system.env,
        basenameOf(doc.path),
        holders.map((h) => basenameOf(h.path)),
        mentioning,
      );
    } else if (holders.length) attribute = () => 'unknown';
    const plan = planRenumber({
      texts,
      docs,
      target: doc,
      newId,
      prefixes: Object.values(ctx.config.kinds).map((k) => k.prefix),
      padding: ctx.config.idPadding,
      ...(attribute ? { attribute } : {}),
    });
    if (plan.to !== plan.from && exists(ctx.root, plan.to))
      throw new RefusedError(`${doc.id} cannot be renamed to ${plan.to}: a file is already there; nothing was changed.`);
    const untracked = await refuseWhatCannotBeRewritten(ctx, doc, docs, texts, plan, pages);
    return { plan, doc, newId, warnings, untracked };
  };

  const render = (r: { plan: RenumberPlan; doc: DocRecord; newId: string; warnings: string[] }, done: boolean) => {
    const { plan, doc, newId } = r;
    out.out(`${c.bold(doc.id!)} → ${c.green(newId)} ${oneLine(doc.title ?? '')}${done ? '' : c.dim(' (dry run: nothing changed)')}`);
    if (plan.to !== plan.from) out.out(`  ${c.dim('file')}    ${plan.from} → ${plan.to}`);
    for (const ch of plan.changes) out.out(`  ${ch.path}:${ch.line}: ${ch.before.trim()} → ${ch.after.trim()}`);
    for (const a of plan.ambiguous) {
      out.err(
        `${c.yellow('warning:')} ${a.path}:${a.line}: "${a.before.trim()}" may mean either document that was ${doc.id}; left as it is (it now names the other one). Edit it if it meant this one.`,
      );
    }
    for (const s of plan.skipped) {
      out.err(`${c.yellow('warning:')} ${s.path}:${s.line}: "${s.before.trim()}" names ${doc.id} in a form archdoc does not rewrite; edit it by hand.`);
    }
    for (const w of r.warnings) out.err(`${c.yellow('warning:')} ${w}`);
  };

  if (opts.dryRun) {
    const r = await work();
    render(r, false);
    return r.plan;
  }
  const r = await changeRepository(ctx, `renumber ${opts.target}`, async (tx) => {
    const result = await work();
    const { plan, doc, newId } = result;
    const files = rewritten(plan);
    // Asked again of the transaction, which then leaves writing them to this command.
    for (const rel of files) if (ctx.commit && ['work-tree', 'staged'].includes(await tx.uncommitted(rel))) throw uncommitted(rel);
    // An index file git does not know yet (written with --no-commit) is rewritten, and left the user's to commit.
    const paths = files.filter((rel) => !result.untracked.includes(rel));
    const newPaths: string[] = [];
    if (plan.to !== plan.from) {
      try {
        newPaths.push(...(await tx.move(plan.from, plan.to)).newPaths);
      } catch (e) {
        const { why, hints } = gitFailure(e);
        throw new RefusedError(
          `${doc.id} was not renumbered: moving ${plan.from} to ${plan.to} failed (${why}); nothing was changed.`,
          hints ?? ['Fix the cause (another git running, say), then run the command again.'],
        );
      }
      paths.push(plan.to);
    }
    for (const [rel, text] of plan.texts) await tx.write(rel, text);
    const note = await commitChange(
      ctx,
      { paths, newPaths, message: `docs(${doc.kind.name}): renumber ${doc.id} to ${newId} ${oneLine(doc.title ?? '')}`.trimEnd() },
      opts,
    );
    return { ...result, note };
  });
  render(r, true);
  if (r.note) out.err(r.note);
  return r.plan;
}
