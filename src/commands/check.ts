/** `archdoc check`: the CI gate. Never prompts; exit 0 clean, 1 errors (or warnings with --strict), 2 usage. */
import path from 'node:path';
import { CONFIG_FILE } from '../adapters/config-file.js';
import { createContext, loadIndex, type Context, type GlobalOptions } from './shared/context.js';
import { formatGithub, formatJson, formatText } from '../terminal/findings.js';
import { runChecks, summariseFindings } from '../core/check/index.js';
import { UsageError } from '../core/errors.js';
import { documentsFromTexts, exists, isDocumentPath } from '../adapters/store.js';
import type { DocRecord } from '../core/document.js';
import type { BaseState } from '../core/check/types.js';
import { knownElsewhereWithTitles } from './shared/numbering.js';
import { fromWorkTree, type Judged } from './shared/judge-file.js';

export const CHECK_FORMATS = ['text', 'json', 'github'] as const;

export interface CheckOptions extends GlobalOptions {
  format?: string;
  strict?: boolean;
  /** Only the documents in these files or folders, relative to where archdoc runs. */
  paths?: string[];
  /** Judge the documents as git's index holds them, only those with staged changes (pre-commit). */
  staged?: boolean;
  /** Judge what changed since the merge base with this ref (a pull request): see the range rules. */
  base?: string;
}

export async function run(opts: CheckOptions, services: Partial<Context> = {}): Promise<number> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const format = opts.format ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: use one of ${CHECK_FORMATS.join(', ')}`);
  ctx.system.readWholeRepository?.();
  // What the configuration dropped or guessed is said where the configuration is judged.
  for (const w of ctx.ws.warnings) ctx.out.err(`warning: ${CONFIG_FILE}: ${w}`);
  if (opts.staged && opts.base !== undefined) throw new UsageError('--staged and --base judge different things: give one of them');
  const { docs, exists: present, staged } = opts.staged ? await fromIndex(ctx) : fromWorkTree(ctx);
  const index = loadIndex(ctx, docs);
  let named = opts.paths?.length ? narrowTo(ctx, opts, docs) : undefined;
  if (staged) named = new Set([...staged].filter((p) => !named || named.has(p)));
  const base = opts.base !== undefined ? await baseState(ctx, opts.base) : undefined;
  // Since the base: only the documents the range touched are judged, so older debt does not block it.
  if (base) named = new Set([...touchedSince(base, docs)].filter((p) => !named || named.has(p)));
  // Ids other branches and reservations give to other documents: collisions seen before the merge.
  const elsewhere = await knownElsewhereWithTitles(ctx, docs);
  const findings = runChecks({
    ...(base ? { base: base.state } : {}),
    ...(elsewhere.length ? { elsewhere } : {}),
    // Named paths: their documents are judged, against every document's ids and links.
    docs: named ? docs.filter((d) => named!.has(d.path)) : docs,
    index,
    config: ctx.config,
    today: ctx.today,
    exists: present,
  }).filter((f) => !named || named.has(f.path) || !!base?.state.deleted.has(f.path));
  const summary = summariseFindings(findings, named ? named.size : docs.length);
  if (format === 'json') ctx.out.raw(formatJson(findings, summary));
  else if (format === 'github') for (const l of formatGithub(findings, summary)) ctx.out.out(l);
  else for (const l of formatText(findings, summary, ctx.out.c)) ctx.out.out(l);
  return summary.errors > 0 || (opts.strict && summary.warnings > 0) ? 1 : 0;
}

/**
 * The documents in the files and folders given on the command line, by repository path. A path
 * that does not exist, or lies outside the repository, is a usage error; a file that is not a
 * document (a README a hook passes along) is skipped, and said so on stderr.
 */
function narrowTo(ctx: Context, opts: CheckOptions, docs: DocRecord[]): Set<string> {
  const out = new Set<string>();
  for (const given of opts.paths ?? []) {
    const abs = path.resolve(ctx.cwd, given);
    const rel = path.relative(ctx.root, abs).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${given}: outside the repository (${ctx.root})`);
    if (rel !== '' && !exists(ctx.root, rel)) throw new UsageError(`${given}: no such file or folder`);
    // Compared in NFC, as archdoc writes names (a macOS shell or hook may pass NFD).
    const want = rel.normalize('NFC');
    const hits = docs.filter((d) => {
      const at = d.path.normalize('NFC');
      return rel === '' || at === want || at.startsWith(`${want}/`);
    });
    if (hits.length === 0) ctx.out.err(`note: ${given} holds no document archdoc manages; skipped`);
    for (const d of hits) out.add(d.path);
  }
  return out;
}

/**
 * The repository as the next commit would hold it: every document read from git's index, links
 * resolved against the files in it; judged are the documents with staged changes. What the work
 * tree holds beside the index (edits not staged, untracked files) does not count.
 */
async function fromIndex(ctx: Context): Promise<Judged> {
  if (!ctx.git) throw new UsageError('--staged needs a git repository: it checks what git has staged for the next commit');
  const { paths, texts } = await ctx.git.indexFiles((rel) => !!isDocumentPath(ctx.config, rel));
  const docs = documentsFromTexts(ctx.config, texts);
  const known = new Set(paths);
  const isDoc = new Set(docs.map((d) => d.path));
  const { changed, gone } = await ctx.git.stagedPaths();
  // A document deleted or renamed may break the links of any other: then every document is judged.
  const staged = gone.some((p) => isDocumentPath(ctx.config, p)) ? isDoc : new Set(changed.filter((p) => isDoc.has(p)));
  // A folder named in a link exists when a file of the index lies under it.
  const exists = (p: string) => known.has(p) || [...known].some((k) => k.startsWith(`${p}/`));
  return { docs, exists, staged };
}

/** The documents at the merge base of `ref` and HEAD, and what became of their files since. */
async function baseState(ctx: Context, ref: string): Promise<{ state: BaseState; touched: Set<string> }> {
  if (!ctx.git) throw new UsageError('--base needs a git repository');
  const commit = await ctx.git.mergeBase(ref);
  if (!commit) throw new UsageError(`--base ${ref}: no such branch, tag or commit shares history with HEAD`);
  const isDoc = (rel: string) => !!isDocumentPath(ctx.config, rel);
  const texts = await ctx.git.filesAt(commit, isDoc);
  const { renamed, deleted, touched } = await ctx.git.changesSince(commit);
  // The ref may have moved on since the branch left it: the merge meets its tip, so new ids are judged against that too.
  const tipCommit = await ctx.git.commitOf(ref);
  const tip = tipCommit && tipCommit !== commit ? documentsFromTexts(ctx.config, await ctx.git.filesAt(tipCommit, isDoc)) : undefined;
  return { state: { ref, docs: documentsFromTexts(ctx.config, texts), renamed, deleted, ...(tip ? { tip } : {}) }, touched };
}

/** The documents changed since the base, and those it did not have (new, not yet added to git). */
function touchedSince(base: { state: BaseState; touched: Set<string> }, docs: DocRecord[]): Set<string> {
  const was = new Set([...base.state.docs.map((d) => d.path), ...base.state.renamed.values()]);
  return new Set(docs.filter((d) => base.touched.has(d.path) || !was.has(d.path)).map((d) => d.path));
}
