/** `archdoc create <kind> [title]` and its aliases (`create-rfc`, `create-tech-spec`, `create-adr`). */
import { loadCompiledWhole } from './shared/compile-whole.js';
import os from 'node:os';
import { stringify as stringifyYaml } from 'yaml';
import { changeRepository, commitChange, createContext, kindByName, oneLine, resolveDoc, type Context, type GlobalOptions } from './shared/context.js';
import type { DocRecord } from '../core/document.js';
import { stringifySimple } from '../core/fast-yaml.js';
import { formatId } from '../core/ids.js';
import { newFileName, numberless, numberOfName } from '../core/file-names.js';
import { statusWord } from '../core/write-back.js';
import { statusInBody } from '../core/body-fields.js';
import { article, statusFolder, type KindDef } from '../core/kinds.js';
import { mayBeSimilarTo, similarTo } from '../core/similar.js';
import { slugify } from '../core/slug.js';
import { countWords } from '../core/words.js';
import { parseReviewerSpec, planTransition } from '../core/workflow.js';
import { approvedStatuses, statusRules } from '../core/check/statuses.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { folderNames, readDocuments, scanKind } from '../adapters/store.js';
import type { Transaction } from '../adapters/transaction.js';
import { applyChange, type Touched } from './shared/apply.js';
import { knownElsewhere, takeNumber } from './shared/numbering.js';
import { highestElsewhere } from '../core/elsewhere.js';
import { renderBody } from '../adapters/templates.js';
import { relationOfField, relationsOf } from '../core/relations.js';
import { printable } from '../terminal/output.js';
import { atTerminal, type Choice } from '../terminal/prompts.js';

export interface CreateOptions extends GlobalOptions {
  kind: string;
  title?: string;
  author?: string;
  reviewer?: string[];
  force?: boolean;
  /** Link options by name (`rfc` for `--rfc`), as the kind's `createLinks` declares. */
  links?: Record<string, string | undefined>;
  supersedes?: string;
  /** Documents it relates to (`--relates-to`), ids or paths: the kind's `relates-to` field (core/relations.ts). */
  relatesTo?: string[];
  /** At a terminal, opens the new document in the editor once it is committed, then checks it (`--open`). */
  open?: boolean;
  /** With `numbering.reserve`: number from what this clone knows, without reserving. */
  offline?: boolean;
}

export interface CreateResult {
  id: string;
  path: string;
  status: string;
  warnings: string[];
}

export async function run(opts: CreateOptions, services: Partial<Context> = {}): Promise<CreateResult> {
  const ctx = await createContext(opts, services);
  const kind = kindByName(ctx.config, opts.kind);
  const { out } = ctx;
  const c = out.c;
  const warnings: string[] = [];

  // Options that do not apply to this kind are refused rather than silently dropped, before any question.
  for (const [option, value] of Object.entries(opts.links ?? {})) {
    if (value !== undefined && !kind.createLinks?.[option]) throw new UsageError(`--${option} does not apply to ${kind.plural}`);
  }
  const relatesTo = relationsOf(kind).find((r) => r.name === 'relates-to');
  if (opts.relatesTo?.length && !relatesTo) throw new UsageError(`--relates-to does not apply to ${kind.plural}: their relations setting has no relates-to`);

  let title = opts.title;
  if (title === undefined || title.trim() === '') {
    if (title === undefined && ctx.prompt.interactive) title = await ctx.prompt.input(`${kind.label} title:`);
    if (!title || title.trim() === '') {
      throw new UsageError(`Missing title: give it as the argument, e.g. archdoc ${kind.commands?.create ?? `create ${kind.name}`} "Adopt PostgreSQL"`);
    }
  }
  title = title.trim();
  // Words between spaces, and in Chinese, Japanese or Thai the words ICU finds (core/words.ts).
  const wordCount = countWords(oneLine(title));
  if (wordCount < 2 || wordCount > 6) warnings.push(`the title has ${wordCount} word${wordCount === 1 ? '' : 's'}; 2 to 6 words make the clearest titles`);

  // Asked at a terminal, for what no option gave: reviewers, related documents, links (`--rfc`)
  // and what an ADR supersedes. Every question can be skipped.
  const asking = ctx.prompt.interactive;

  // The author, from git's configuration unless given.
  const gitAuthor = opts.author?.trim() ? undefined : ctx.git?.userName();
  // Only the kinds this create can refer to: its own (numbers, similar titles, --supersedes) and
  // the kinds its link options point at (--rfc).
  const linkKinds = Object.keys(kind.createLinks ?? {})
    .map((o) => ctx.config.kinds[kind.links?.[kind.createLinks![o]!] ?? o])
    .filter((k): k is KindDef => !!k);
  const kinds = [kind, ...linkKinds.filter((k) => k !== kind)];
  // A plain create needs only numbers and titles; superseding or linking needs whole documents.
  // Superseding moves a document, so links to it anywhere must be seen, and a relation or a
  // question may name a document of any kind: every kind is read then.
  const everyKind = asking || opts.supersedes !== undefined || !!opts.relatesTo?.length;
  const needWhole = everyKind || Object.values(opts.links ?? {}).some((v) => v !== undefined);
  // Otherwise only the titles that may be similar are read; the rest are known by file name.
  // Files ruled out by their names are only counted, for the highest number in use.
  const mayBeSimilar = mayBeSimilarTo(title) ?? (() => true);
  const scanned = needWhole ? undefined : scanKind(ctx.root, ctx.config, kind, mayBeSimilar);
  const docs = scanned?.docs ?? readDocuments(ctx.root, ctx.config, everyKind ? Object.values(ctx.config.kinds) : kinds);
  // What it supersedes is asked first: the similar-title question leaves that document out.
  const supersedes = opts.supersedes ?? (asking ? await askSupersedes(ctx, kind, docs) : undefined);
  // Said before the id is read: an id of another kind would otherwise be the only complaint.
  if (supersedes && !kind.supersededStatus) throw new UsageError(`${kind.plural} cannot supersede one another (the kind has no superseded status)`);
  // Replacing a document often reuses its words: the one named by --supersedes is no duplicate.
  const replaced = supersedes ? resolveDoc(ctx, docs, supersedes, kind) : undefined;
  const isSimilar = similarTo(title);
  const similar = docs.find((d) => d.kind === kind && d !== replaced && d.title && isSimilar(d.title));
  if (similar && !opts.force) {
    const what = `${similar.id ? `${similar.id} ` : ''}"${oneLine(similar.title!)}" (${similar.path})`;
    if (ctx.prompt.interactive) {
      if (!(await ctx.prompt.confirm(`A similar ${kind.label} exists: ${what}. Create anyway?`))) throw new RefusedError('Nothing created.');
    } else {
      throw new RefusedError(`A similar ${kind.label} already exists: ${what}.`, ['Use --force to create it anyway.']);
    }
  }

  // Reviewers live in frontmatter: a kind whose template writes none has no place for them.
  const writesFrontmatter = async () =>
    /^---\r?\n/.test(await renderDocument(ctx, kind, { id: '', title: title!, author: 'x', reviewers: [], links: {}, relations: {}, supersedes: undefined }));
  let reviewers = opts.reviewer;
  const links: Record<string, string | undefined> = { ...opts.links };
  let related = opts.relatesTo;
  if (asking) {
    if (reviewers === undefined && (await writesFrontmatter())) reviewers = await askReviewers(ctx);
    for (const [option, field] of Object.entries(kind.createLinks ?? {})) {
      if (links[option] !== undefined) continue;
      const targetKind = ctx.config.kinds[kind.links?.[field] ?? option] ?? ctx.config.kinds[option];
      if (targetKind) links[option] = await askLink(ctx, kind, field, targetKind, docs);
    }
  }

  // Links given at creation (`--rfc`), resolved now so a typo is refused before anything is written.
  const linkValues: Record<string, string> = {};
  for (const [option, field] of Object.entries(kind.createLinks ?? {})) {
    const ref = links[option];
    if (!ref) continue;
    const targetKind = ctx.config.kinds[kind.links?.[field] ?? option] ?? ctx.config.kinds[option];
    const target = resolveDoc(ctx, docs, ref, targetKind);
    linkValues[field] = target.id!;
    if (!target.status || !approvedStatuses(target.kind).has(target.status)) {
      warnings.push(`${target.id} is ${target.status ?? 'without status'}, not approved yet; the spec cannot be approved until it is`);
    }
  }
  const predecessor: DocRecord | undefined = replaced;
  if (asking && related === undefined && relatesTo) {
    // What it already names (the RFC it implements, what it supersedes) is not offered again.
    const named = new Set([replaced?.id, ...Object.values(linkValues)].filter((v): v is string => !!v));
    related = await askRelated(ctx, kind, docs, named);
  }
  // Related documents (`--relates-to`), by id: resolved now, like links.
  const relations: Record<string, string[]> = {};
  if (relatesTo && related?.length) {
    const ids = [...new Set(related.map((ref) => resolveDoc(ctx, docs, ref)).map((d) => d.id ?? d.path))];
    if (relatesTo.single && ids.length > 1) throw new UsageError(`${kind.plural} relate to one document (${relatesTo.field}); ${ids.length} were given`);
    relations[relatesTo.field] = ids;
  }

  let author = opts.author?.trim();
  if (!author) author = (await gitAuthor) ?? (ctx.system.env.USER || os.userInfo().username || 'unknown');

  // A new record in the repository's words and letter case, as its other records write the status.
  const stating = (d: DocRecord) => d.kind === kind && (d.bodyStatus !== undefined || typeof d.data.status === 'string');
  // Records of another tool: when the titles read say nothing, the kind's records are read for it.
  const like = docs.find(stating) ?? (kind.frontmatter === 'optional' && scanned ? readDocuments(ctx.root, ctx.config, [kind]).find(stating) : undefined);
  const statusLike = like?.bodyStatus?.raw ?? (like?.data.status as string | undefined) ?? '';
  const layout = kind.layout ?? ctx.config.layout;
  const year = Number(ctx.today.slice(0, 4));
  const folder = statusFolder(kind, kind.initial, layout, year);
  const slug = slugify(oneLine(title));

  // Known before any number is taken (or reserved on a remote).
  if (reviewers?.length) {
    if (!(await writesFrontmatter())) {
      throw new RefusedError(`${kind.plural} here are written without frontmatter, where archdoc records reviewers; nothing was created.`, [
        'Leave --reviewer out, or give the kind a template with frontmatter.',
      ]);
    }
  }

  // One transaction while choosing the number, creating the file and committing: concurrent
  // creates never take the same number, and a failure anywhere leaves nothing behind.
  const result = await changeRepository(ctx, `${kind.commands?.create ?? `create ${kind.name}`} "${oneLine(title)}"`, async (tx) => {
    // Free here, on every other branch and in every reservation known; reserved on the shared
    // remote first when the configuration asks for it.
    // Records named by the day (log4brains) have no number to take.
    const dated = numberless(kind);
    const elsewhere = dated ? [] : await knownElsewhere(ctx);
    const taken = dated
      ? { num: 0 }
      : await takeNumber(ctx, {
          kind,
          from: Math.max(highestNumber(ctx, kind, docs), scanned?.highest ?? 0, highestElsewhere(kind.name, elsewhere)) + 1,
          basename: (n) => newFileName(kind, { id: formatId(kind.prefix, n, ctx.config.idPadding), num: n, slug, today: ctx.today }),
          title: oneLine(title!),
          author: author!,
          ...(opts.offline ? { offline: true } : {}),
        });
    if ('warning' in taken && taken.warning) warnings.push(taken.warning);
    let num = taken.num;
    for (;;) {
      const id = dated ? undefined : formatId(kind.prefix, num, ctx.config.idPadding);
      const rel = `${folder}/${newFileName(kind, { ...(id ? { id, num } : {}), slug, today: ctx.today })}`;
      const text = await renderDocument(ctx, kind, {
        id: id ?? '',
        ...(id ? { num } : {}),
        statusLike,
        title: title!,
        author: author!,
        reviewers: reviewers ?? [],
        links: linkValues,
        relations,
        supersedes: predecessor?.id,
      });
      if (!(await tx.create(rel, text))) {
        if (dated) throw new RefusedError(`${rel} already exists; nothing was created.`, ['Give the new record another title.']);
        num++;
        continue;
      }
      // A dated record is named by its file name, as log4brains names it.
      const name = id ?? rel.slice(rel.lastIndexOf('/') + 1).replace(/\.md$/, '');
      const paths = [rel];
      const newPaths = [rel];
      let adopted: string[] = [];
      if (predecessor) {
        const touched = await supersedePredecessor(ctx, tx, predecessor, { ...(id ? { id, num } : {}), title: oneLine(title!) }, rel, docs, warnings);
        paths.push(...touched.paths);
        newPaths.push(...touched.newPaths);
        adopted = touched.adopted;
        // Superseding is a status change like any other: judged by check's rules before the commit
        // (loaded only here: a plain create needs none of them).
        const { judgeChange } = await import('./shared/gate.js');
        warnings.push(
          ...judgeChange(ctx, { before: docs, doc: predecessor, path: touched.path, written: [...touched.paths, ...touched.rewritten, rel], entering: false }),
        );
      }
      if (statusRules(kind, kind.initial).size > 0) {
        // The configuration asks something of the initial status: the new document must meet it.
        const { judgeNew } = await import('./shared/gate.js');
        warnings.push(...judgeNew(ctx, rel, kind));
      }
      const message = `docs(${kind.name}): create ${name} ${oneLine(title!)}${predecessor ? `, superseding ${predecessor.id ?? predecessor.path}` : ''}`;
      const note = await commitChange(ctx, { paths, newPaths, message, adopted }, opts);
      return { id: name, rel, note };
    }
  });

  out.out(`${c.green('Created')} ${c.bold(result.id)} ${oneLine(title)}`);
  out.out(`  ${c.dim('file')}    ${result.rel}`);
  out.out(`  ${c.dim('status')}  ${kind.initial}`);
  if (linkValues.decision_ref) out.out(`  ${c.dim('rfc')}     ${linkValues.decision_ref}`);
  if (predecessor) out.out(`  ${c.dim('supersedes')} ${predecessor.id ?? predecessor.path} (now ${kind.supersededStatus})`);
  if (relatesTo && relations[relatesTo.field]) out.out(`  ${c.dim('relates to')} ${relations[relatesTo.field]!.join(', ')}`);
  for (const w of warnings) out.err(`${c.yellow('warning:')} ${w}`);
  if (result.note) out.err(result.note);
  out.out('');
  out.out('Next steps:');
  out.out(`  1. Write it: ${result.rel}`);
  const statusCmd = kind.commands?.status ?? 'status';
  const next = kind.transitions[kind.initial] ?? [];
  const reviewerGuard = kind.guards?.[next[0] ?? '']?.find((g) => g.type === 'reviewers-named');
  if (reviewerGuard) {
    const named = reviewers?.length ?? 0;
    const wanted = reviewerGuard.type === 'reviewers-named' ? Math.max(reviewerGuard.min ?? 1, reviewerGuard.warn_below ?? 0) : 1;
    let step = 2;
    if (named < wanted) out.out(`  ${step++}. ${named ? 'Name another reviewer' : 'Name reviewers'}: archdoc ${statusCmd} ${result.id} --reviewer "Name"`);
    out.out(`  ${step}. Open it for review: archdoc ${statusCmd} ${result.id} --set ${next[0]}`);
  } else if (next[0]) {
    out.out(`  2. Move it on: archdoc ${statusCmd} ${result.id} --set ${next[0]}`);
  }
  if (opts.open) {
    // Opening an editor is no question: `--yes` does not stop it, only the lack of a terminal does.
    if (atTerminal(ctx.system)) {
      // edit's bundle, loaded as the command line loads it (src/commands/shared/compile-whole.ts).
      const { editAndCheck } = await loadCompiledWhole(() => import('./shared/editing.js'));
      // Committed exactly when there is git and commits are on (commitChange): its note may say more.
      await editAndCheck(ctx, result.rel, `${result.id} was created${ctx.commit && ctx.git ? ' and committed' : ''}, but not checked.`);
    } else out.err('note: --open: no terminal, so no editor was started.');
  }
  return { id: result.id, path: result.rel, status: kind.initial, warnings };
}

/** A document as a choice: `RFC-0003  Adopt PostgreSQL (APPROVED)`, made safe for the terminal. */
function choiceOf(d: DocRecord): Choice {
  const name = `${d.id ?? d.path}  ${oneLine(d.title ?? '')}${d.status ? ` (${d.status})` : ''}`;
  return { value: d.id ?? d.path, name: printable(name) };
}

const NONE: Choice = { value: '', name: 'none' };

/** Newest first. */
const byNumber = (a: DocRecord, b: DocRecord) => (b.num ?? 0) - (a.num ?? 0) || a.path.localeCompare(b.path);

/** Reviewers, comma-separated (`Alice Chen, Bob Li:approved`); an empty answer names none. */
async function askReviewers(ctx: Context): Promise<string[]> {
  const split = (answer: string) =>
    answer
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const answer = await ctx.prompt.input('Reviewers (comma-separated, Enter for none):', {
    required: false,
    validate: (value) => {
      for (const spec of split(value)) {
        const parsed = parseReviewerSpec(spec);
        // Said of the answer, not of an option: `"maybe" is not a reviewer status; use ...`.
        if (!parsed.ok) return parsed.message.replace(/^--reviewer "[^"]*": /, '');
      }
      return true;
    },
  });
  return split(answer);
}

/** Documents of every kind it relates to (its kind's first, newest first), but those it names already; none when there are none. */
async function askRelated(ctx: Context, kind: KindDef, docs: DocRecord[], named: Set<string>): Promise<string[]> {
  const kinds = [kind, ...Object.values(ctx.config.kinds).filter((k) => k !== kind)];
  const choices = kinds.flatMap((k) =>
    docs
      .filter((d) => d.kind === k && !named.has(d.id ?? d.path))
      .sort(byNumber)
      .map(choiceOf),
  );
  return choices.length ? ctx.prompt.checkbox('Related documents (relates to):', choices) : [];
}

/**
 * The document a link field names (a tech spec's RFC): approved ones first, then the others not
 * archived; `none` first of all. Undefined for none.
 */
async function askLink(ctx: Context, kind: KindDef, field: string, target: KindDef, docs: DocRecord[]): Promise<string | undefined> {
  const approved = approvedStatuses(target);
  const open = docs.filter((d) => d.kind === target && !!d.status && !target.statuses[d.status]?.archived).sort(byNumber);
  const choices = [...open.filter((d) => approved.has(d.status!)), ...open.filter((d) => !approved.has(d.status!))].map(choiceOf);
  if (!choices.length) return undefined;
  const verb = relationOfField(kind, field)?.forward ?? 'links to';
  return (await ctx.prompt.select(`The ${target.label} it ${verb}:`, [NONE, ...choices])) || undefined;
}

/**
 * What the new document supersedes, for a kind whose documents are superseded only once approved
 * (ADRs: an ACCEPTED one): those are offered, `none` first. Undefined for none, and for other kinds
 * (an RFC is superseded with `rfc-status --set SUPERSEDED --by`).
 */
async function askSupersedes(ctx: Context, kind: KindDef, docs: DocRecord[]): Promise<string | undefined> {
  const to = kind.supersededStatus;
  if (!to) return undefined;
  const from = Object.keys(kind.transitions).filter((s) => kind.transitions[s]!.includes(to));
  const approved = approvedStatuses(kind);
  if (!from.length || !from.every((s) => approved.has(s))) return undefined;
  const choices = docs
    .filter((d) => d.kind === kind && !!d.status && from.includes(d.status))
    .sort(byNumber)
    .map(choiceOf);
  if (!choices.length) return undefined;
  return (await ctx.prompt.select(`Supersedes ${article(kind.label)}?`, [NONE, ...choices])) || undefined;
}

/** Highest number used by the kind: ids in frontmatter and numbers in filenames, archive included. */
function highestNumber(ctx: Context, kind: KindDef, docs: DocRecord[]): number {
  let max = 0;
  for (const d of docs) if (d.kind === kind && d.num !== undefined) max = Math.max(max, d.num);
  // Files created since `docs` was read (by a concurrent archdoc) count too. New files only ever
  // appear in the initial status's folder, so a listing of that one folder is enough.
  const folder = statusFolder(kind, kind.initial, kind.layout ?? ctx.config.layout, Number(ctx.today.slice(0, 4)));
  for (const name of folderNames(ctx.root, folder)) {
    const n = numberOfName(kind, name);
    if (n !== undefined) max = Math.max(max, n);
  }
  return max;
}

interface NewDoc {
  id: string;
  num?: number;
  /** The status of another record of the kind, as written: the new one's is written alike. */
  statusLike?: string;
  title: string;
  author: string;
  reviewers: string[];
  links: Record<string, string>;
  /** Relation fields (core/relations.ts) and the ids they hold. */
  relations: Record<string, string[]>;
  supersedes: string | undefined;
}

/**
 * Frontmatter is built as data and serialised, never templated, so no title can break it: simple
 * values by stringifySimple (held to the yaml package's bytes by a property test), anything else
 * by the yaml package itself.
 */
export async function renderDocument(ctx: Context, kind: KindDef, d: NewDoc): Promise<string> {
  const data: Record<string, unknown> = { ...(d.id ? { [kind.idKey]: d.id } : {}), title: d.title, status: kind.initial };
  for (const field of kind.fields) {
    if (field in data) continue;
    if (field === 'author') data.author = d.author;
    else if (field === 'reviewers') data.reviewers = reviewerEntries(d.reviewers);
    else if (field === 'created' || field === 'last_updated') data[field] = ctx.today;
    else if (field === 'supersedes') data.supersedes = d.supersedes ?? null;
    else if (d.links[field]) data[field] = d.links[field];
    else if (d.relations[field]) data[field] = relationValue(kind, field, d.relations[field]);
    else if (field.startsWith('related_') && field.endsWith('s')) data[field] = [];
    else data[field] = null;
  }
  // Relations named at creation, in fields the kind does not list, come after its own.
  for (const [field, ids] of Object.entries(d.relations)) if (!(field in data)) data[field] = relationValue(kind, field, ids);
  // A successor names what it replaces even when its kind's fields do not list `supersedes`.
  if (d.supersedes) data.supersedes = d.supersedes;
  // Reviewers named at creation are kept, whether or not the kind lists them among its fields.
  if (d.reviewers.length && !('reviewers' in data)) data.reviewers = reviewerEntries(d.reviewers);
  const head = stringifySimple(data) ?? stringifyYaml(data, { lineWidth: 0, nullStr: '' });
  const body = renderBody(ctx.root, kind.template, {
    id: d.id ?? '',
    title: d.title,
    author: d.author,
    date: ctx.today,
    status: kind.initial,
    kind: kind.name,
    number: d.num === undefined ? '' : String(d.num),
    status_word: statusWord(kind, kind.initial, d.statusLike ?? kind.initial),
  });
  // A template that states the status itself, in frontmatter of its own (MADR) or in the body
  // (adr-tools' `## Status`), writes the whole record, as its repository does.
  return /^---\r?\n/.test(body) || (kind.frontmatter === 'optional' && statusInBody(body, kind.statusSection ?? 'Status'))
    ? body
    : `---\n${head}---\n\n${body}`;
}

/** A relation field's value: a list of ids, or the one id of a field that holds one (`decision_ref`). */
function relationValue(kind: KindDef, field: string, ids: string[]): string | string[] {
  return relationOfField(kind, field)?.single ? ids[0]! : ids;
}

/** `--reviewer "Name"` or `"Name:status"`, checked the way `rfc-status --reviewer` checks it. */
function reviewerEntry(spec: string): { name: string; status: string } {
  const parsed = parseReviewerSpec(spec);
  if (!parsed.ok) throw new UsageError(parsed.message);
  return { name: parsed.name, status: parsed.status ?? 'pending' };
}

function reviewerEntries(specs: string[]): Array<{ name: string; status: string }> {
  const byName = new Map<string, { name: string; status: string }>();
  for (const spec of specs) {
    const r = reviewerEntry(spec);
    byName.set(r.name.toLowerCase(), r); // the last word on a name wins
  }
  return [...byName.values()];
}

/** Marks the superseded document for its new successor; a refusal rolls the whole create back. */
async function supersedePredecessor(
  ctx: Context,
  tx: Transaction,
  old: DocRecord,
  successor: { id?: string; num?: number; title: string },
  newPath: string,
  docs: DocRecord[],
  warnings: string[],
): Promise<Touched> {
  const stub = { ...old, ...successor, path: newPath } as DocRecord;
  // A dated successor has no id or number: none of the old document's may stand in for them.
  if (successor.id === undefined) delete stub.id;
  if (successor.num === undefined) delete stub.num;
  const actor = await ctx.git?.userName();
  const plan = planTransition({
    doc: old,
    target: old.kind.supersededStatus!,
    today: ctx.today,
    by: stub,
    lookup: () => undefined,
    ...(actor ? { actor } : {}),
  });
  if (!plan.ok) throw new RefusedError(plan.message, plan.details);
  warnings.push(...plan.warnings);
  // The successor already carries `supersedes`, written at creation.
  return applyChange(ctx, tx, old, { ...plan, successorEdits: [] }, [], docs, stub);
}
