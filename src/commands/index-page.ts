/**
 * `archdoc index [--check]`: writes a Markdown index of the documents (id, title, status, date,
 * links) between marker comments, by default into the README.md of each kind's folder, in one
 * commit; `--graph` adds their link graph (Mermaid). `--check` writes nothing and exits 1 when an
 * index is missing or out of date (CI). The pages themselves are built in src/core/index-page.ts.
 */
import path from 'node:path';
import { changeRepository, commitChange, createContext, kindByName, loadIndex, type Context, type GlobalOptions } from './shared/context.js';
import type { DocRecord } from '../core/document.js';
import type { KindDef } from '../core/kinds.js';
import { buildGraph, filterGraph, type Graph } from '../core/graph.js';
import { graphBlock, hasGraph, indexBlock, indexTable, placeBlocks, type IndexSection } from '../core/index-page.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { gitSegment } from '../core/file-names.js';
import { exists, isFolder, readDocumentFronts, readText, workTreePath } from '../adapters/store.js';
import { checkedPath } from '../adapters/transaction.js';

export interface IndexOptions extends GlobalOptions {
  /** Write nothing; exit 1 when an index is missing or out of date. */
  check?: boolean;
  /** One index file of every kind chosen, instead of each kind's README.md. */
  file?: string;
  /** Only these kinds (repeatable, or comma-separated). */
  kind?: string[];
  /** With --file: one table of every kind, with a kind column, instead of a table per kind. */
  oneTable?: boolean;
  /** Also write the link graph (Mermaid) into each index file; files that have one keep it current anyway. */
  graph?: boolean;
}

interface Target {
  /** The index file, relative to the root. */
  file: string;
  kinds: KindDef[];
}

export const MESSAGE = 'docs: update the index';

/** "Tech specs" reads "tech specs" inside a sentence; acronyms stay as they are. */
const inSentence = (label: string) => label.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());

function chosenKinds(ctx: Context, names: string[] | undefined): KindDef[] {
  const wanted = (names ?? []).flatMap((n) => n.split(',')).map((n) => n.trim());
  const kinds = wanted.filter(Boolean).map((n) => kindByName(ctx.config, n));
  return kinds.length ? [...new Set(kinds)] : Object.values(ctx.config.kinds);
}

/** The index file `--file` names, relative to the root: a Markdown file inside the work tree, outside .git, no document. */
function customFile(ctx: Context, input: string, docs: DocRecord[]): string {
  if (!/\.md$/i.test(input)) throw new UsageError(`--file ${input}: give a Markdown file (.md)`);
  const abs = path.resolve(ctx.cwd, input);
  const rel = workTreePath(ctx.root, abs);
  if (!rel) throw new RefusedError(`--file ${input}: it is outside the work tree; archdoc writes the index only inside the repository.`);
  // `.GIT/x.md` too, and a `.git` that is a file (a submodule's): git would refuse to commit it.
  const seg = gitSegment(rel);
  if (seg !== undefined) throw new UsageError(`--file ${input}: it is inside a .git folder (${seg}), which git keeps for itself; give a file elsewhere`);
  if (isFolder(path.join(ctx.root, rel))) throw new UsageError(`--file ${input}: it is a folder; give a Markdown file`);
  // Symbolic links as the file, folders that lead out, the git directory of a linked work tree.
  checkedPath(ctx.root, ctx.ws.gitDir, rel);
  const doc = docs.find((d) => d.path === rel);
  if (doc) throw new RefusedError(`--file ${input}: it is ${doc.id ?? 'a document'}; give the index a file of its own.`);
  return rel;
}

function targets(ctx: Context, opts: IndexOptions, docs: DocRecord[]): Target[] {
  const kinds = chosenKinds(ctx, opts.kind);
  if (opts.oneTable && opts.file === undefined) throw new UsageError("--one-table goes with --file <path>: each kind folder's README.md indexes its own kind");
  if (opts.file !== undefined) return [{ file: customFile(ctx, opts.file, docs), kinds }];
  return kinds.map((k) => ({ file: `${k.folder}/README.md`, kinds: [k] }));
}

/** The text the index file should have; `current` is what it has (undefined: no such file). */
function pageText(ctx: Context, t: Target, opts: IndexOptions, docs: DocRecord[], graph: Graph, current: string | undefined): string {
  const kindOrder = Object.keys(ctx.config.kinds);
  const mine = docs.filter((d) => t.kinds.includes(d.kind));
  const table = (list: DocRecord[], kindColumn = false) => indexTable(list, graph, { file: t.file, kindOrder, kindColumn });
  let sections: IndexSection[];
  if (opts.oneTable) sections = [{ table: table(mine, true), empty: 'No documents yet.' }];
  else if (t.kinds.length === 1) sections = [{ table: table(mine), empty: `No ${inSentence(t.kinds[0]!.plural)} yet.` }];
  else
    sections = t.kinds.map((k) => ({
      heading: k.plural,
      table: table(mine.filter((d) => d.kind === k)),
      empty: `No ${inSentence(k.plural)} yet.`,
    }));
  const heading = t.kinds.length === 1 ? t.kinds[0]!.plural : 'Decision records';
  const withGraph = opts.graph || hasGraph(current, t.file);
  const shown = withGraph ? filterGraph(graph, { kinds: t.kinds.map((k) => k.name), neighbours: true, linkedOnly: true }) : undefined;
  return placeBlocks(current, t.file, heading, indexBlock(sections), shown && graphBlock(shown));
}

interface Planned {
  file: string;
  current: string | undefined;
  next: string;
}

/** Every index file with the text it has and the text it should have. */
function plan(ctx: Context, opts: IndexOptions): Planned[] {
  const docs = readDocumentFronts(ctx.root, ctx.config, Object.values(ctx.config.kinds));
  const graph = buildGraph(docs, loadIndex(ctx, docs), Object.keys(ctx.config.kinds));
  return targets(ctx, opts, docs).map((t) => {
    const current = exists(ctx.root, t.file) ? readText(ctx.root, t.file) : undefined;
    return { file: t.file, current, next: pageText(ctx, t, opts, docs, graph, current) };
  });
}

export async function run(opts: IndexOptions, services: Partial<Context> = {}): Promise<number> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const { out } = ctx;
  if (opts.check) {
    const stale = plan(ctx, opts).filter((p) => p.next !== p.current);
    if (!stale.length) {
      out.out('Index up to date.');
      return 0;
    }
    for (const p of stale) out.out(`${p.file}: ${p.current === undefined ? 'no index yet' : 'the index is out of date'}`);
    out.out(`Run archdoc index${opts.file !== undefined ? ` --file ${opts.file}` : ''} to update ${stale.length === 1 ? 'it' : 'them'}.`);
    return 1;
  }
  return changeRepository(ctx, 'index', async (tx) => {
    // Read under the lock: a change that ran meanwhile is in the index.
    const changed = plan(ctx, opts).filter((p) => p.next !== p.current);
    if (!changed.length) {
      out.out('Index up to date.');
      return 0;
    }
    const newPaths: string[] = [];
    for (const p of changed) {
      await tx.write(p.file, p.next);
      if (ctx.commit && !(await ctx.git!.isTracked(p.file))) newPaths.push(p.file);
    }
    const note = await commitChange(ctx, { paths: changed.map((p) => p.file), newPaths, message: MESSAGE }, opts);
    const c = out.c;
    for (const p of changed) out.out(`${c.green(p.current === undefined ? 'Wrote' : 'Updated')} ${p.file}`);
    if (note) out.err(note);
    return 0;
  });
}
