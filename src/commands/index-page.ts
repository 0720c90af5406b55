/**
 * `archdoc index [--check]`: writes a Markdown index of the documents (id, title, status, date,
 * links) between marker comments, by default into the README.md of each kind's folder, in one
 * commit; `--graph` adds their link graph (Mermaid). `--check` writes nothing and exits 1 when an
 * index is missing or out of date (CI). The pages themselves are built in src/core/index-page.ts.
 */
import path from 'node:path';
import { changeRepository, commitChange, createContext, kindsNamed, loadIndex, type Context, type GlobalOptions } from './shared/context.js';
import type { DocRecord } from '../core/document.js';
import type { KindDef } from '../core/kinds.js';
import { buildGraph, filterGraph, type Graph } from '../core/graph.js';
import {
  findMarkers,
  graphBlock,
  hasGraph,
  INDEX_MARKERS,
  indexBlock,
  indexTable,
  pageOptions,
  placeBlocks,
  type IndexSection,
  type PageOptions,
} from '../core/index-page.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { gitSegment } from '../core/file-names.js';
import { shellWord } from '../terminal/output.js';
import { exists, isFolder, readDocumentFronts, readText, workTreePath } from '../adapters/store.js';
import { pathProblem, SYMBOLIC_LINK } from '../adapters/transaction.js';
import { indexFiles } from './shared/index-files.js';

export interface IndexOptions extends GlobalOptions {
  /** Write nothing; exit 1 when an index is missing or out of date. */
  check?: boolean;
  /** One index file of every kind chosen, instead of each kind's README.md. */
  file?: string;
  /** Only these kinds (repeatable, or comma-separated). */
  kind?: string[];
  /** With --file: one table of every kind, with a kind column, instead of a table per kind (false: `--no-one-table`; undefined: as the file remembers). */
  oneTable?: boolean;
  /** Also write the link graph (Mermaid) into each index file; files that have one keep it current anyway. */
  graph?: boolean;
}

interface Target {
  /** The index file, relative to the root. */
  file: string;
  /** Its text now (undefined: no such file). */
  current: string | undefined;
  /** Why archdoc may neither read nor write it (a symbolic link, a folder that leads out), if so. */
  blocked?: string;
  kinds: KindDef[];
  oneTable: boolean;
  /** What its start marker remembers: what differs from the file's default. */
  remember: PageOptions;
}

export const MESSAGE = 'docs: update the index';

/** "Tech specs" reads "tech specs" inside a sentence; acronyms stay as they are. */
const inSentence = (label: string) => label.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());

/** The kinds `--kind` names, or undefined when it names none. */
function chosenKinds(ctx: Context, names: string[] | undefined): KindDef[] | undefined {
  const kinds = kindsNamed(ctx.config, names);
  return kinds.length ? kinds : undefined;
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
  const why = pathProblem(ctx.root, ctx.ws.gitDir, rel);
  if (why !== undefined) throw new RefusedError(`--file ${input}: ${why}; archdoc neither reads nor writes an index there.`);
  const doc = docs.find((d) => d.path === rel);
  if (doc) throw new RefusedError(`--file ${input}: it is ${doc.id ?? 'a document'}; give the index a file of its own.`);
  return rel;
}

const readmeOf = (k: KindDef) => `${k.folder}/README.md`;

/** Why a kind's README.md cannot hold its index when a folder has its name. */
const A_FOLDER = 'it is a folder';

/**
 * The index file `file` as it is to be written: the options given on the command line win, then
 * what its start marker remembers, then the file's default: a kind folder's README.md indexes its
 * kind, any other file every kind, in a table per kind. A file `--file` names that has no index yet
 * gets every kind. The marker remembers what differs from the file's default.
 */
function target(ctx: Context, file: string, given: { kinds?: KindDef[] | undefined; oneTable?: boolean | undefined }, named = false): Target {
  // Not read through a link: what lies outside the work tree is no index of this repository.
  const blocked = pathProblem(ctx.root, ctx.ws.gitDir, file) ?? (isFolder(path.join(ctx.root, file)) ? A_FOLDER : undefined);
  if (blocked !== undefined) {
    const own = Object.values(ctx.config.kinds).find((k) => readmeOf(k) === file);
    return { file, current: undefined, blocked, kinds: given.kinds ?? (own ? [own] : []), oneTable: false, remember: {} };
  }
  const current = exists(ctx.root, file) ? readText(ctx.root, file) : undefined;
  const all = Object.values(ctx.config.kinds);
  const own = all.find((k) => readmeOf(k) === file);
  const fileDefault = own ? [own] : all;
  const isIndex = current !== undefined && findMarkers(current, INDEX_MARKERS, file) !== undefined;
  const byDefault = named && !isIndex ? all : fileDefault;
  const remembered = pageOptions(current, file);
  let chosen: KindDef[] | 'all' | undefined = given.kinds;
  if (chosen === undefined && remembered.kinds !== undefined) {
    chosen =
      remembered.kinds === 'all'
        ? 'all'
        : remembered.kinds.map((name) => {
            const kind = ctx.config.kinds[name];
            if (!kind)
              throw new RefusedError(`${file}: its index marker names the kind "${name}", which the configuration does not have; nothing was changed.`, [
                `Choose its kinds again: archdoc index --file ${file} --kind <kind>`,
              ]);
            return kind;
          });
  }
  if (chosen === undefined) chosen = byDefault === all ? 'all' : byDefault;
  const kinds = chosen === 'all' ? all : chosen;
  const oneTable = given.oneTable ?? remembered.oneTable ?? false;
  const remember: PageOptions = oneTable ? { oneTable } : {};
  const sameKinds = kinds.length === fileDefault.length && kinds.every((k, i) => k === fileDefault[i]);
  if (!sameKinds) remember.kinds = chosen === 'all' ? 'all' : kinds.map((k) => k.name);
  return { file, current, kinds, oneTable, remember };
}

/**
 * The index files to write or check. With `--file`, that one. Without, the README.md of each kind
 * (`--kind`: of those kinds), and every other index file of the repository (each file holding the
 * start marker: see indexFiles) that indexes one of those kinds, each as it remembers being written.
 */
async function targets(ctx: Context, opts: IndexOptions, docs: DocRecord[]): Promise<Target[]> {
  const kinds = chosenKinds(ctx, opts.kind);
  if (opts.oneTable !== undefined && opts.file === undefined) {
    throw new UsageError(`--${opts.oneTable ? '' : 'no-'}one-table goes with --file <path>: each kind folder's README.md indexes its own kind`);
  }
  if (opts.file !== undefined) return [target(ctx, customFile(ctx, opts.file, docs), { kinds, oneTable: opts.oneTable }, true)];
  const all = Object.values(ctx.config.kinds);
  // A kind the repository has never used (a built-in kind added since it was set up) has nothing to
  // index: its README is not asked for until its folder exists, unless --kind names it.
  const readmes = (kinds ?? all.filter((k) => isFolder(path.join(ctx.root, k.folder)))).map((k) => target(ctx, readmeOf(k), {}));
  const others = (await indexFiles(ctx, docs))
    .filter((f) => !all.some((k) => readmeOf(k) === f))
    .map((f) => target(ctx, f, {}))
    .filter((t) => !kinds || t.kinds.some((k) => kinds.includes(k)));
  return [...readmes, ...others];
}

/** The text the index file should have. */
function pageText(ctx: Context, t: Target, opts: IndexOptions, docs: DocRecord[], graph: Graph): string {
  const kindOrder = Object.keys(ctx.config.kinds);
  const mine = docs.filter((d) => t.kinds.includes(d.kind));
  const table = (list: DocRecord[], kindColumn = false) => indexTable(list, graph, { file: t.file, kindOrder, kindColumn });
  let sections: IndexSection[];
  if (t.oneTable) sections = [{ table: table(mine, true), empty: 'No documents yet.' }];
  else if (t.kinds.length === 1) sections = [{ table: table(mine), empty: `No ${inSentence(t.kinds[0]!.plural)} yet.` }];
  else
    sections = t.kinds.map((k) => ({
      heading: k.plural,
      table: table(mine.filter((d) => d.kind === k)),
      empty: `No ${inSentence(k.plural)} yet.`,
    }));
  const heading = t.kinds.length === 1 ? t.kinds[0]!.plural : 'Decision records';
  const withGraph = opts.graph || hasGraph(t.current, t.file);
  const shown = withGraph ? filterGraph(graph, { kinds: t.kinds.map((k) => k.name), neighbours: true, linkedOnly: true }) : undefined;
  return placeBlocks(t.current, t.file, heading, indexBlock(sections, t.remember), shown && graphBlock(shown));
}

interface Planned {
  file: string;
  current: string | undefined;
  next: string;
  blocked?: string;
  kinds: KindDef[];
}

/** Every index file with the text it has and the text it should have. */
async function plan(ctx: Context, opts: IndexOptions): Promise<Planned[]> {
  const docs = readDocumentFronts(ctx.root, ctx.config, Object.values(ctx.config.kinds));
  const graph = buildGraph(docs, loadIndex(ctx, docs), Object.keys(ctx.config.kinds));
  return (await targets(ctx, opts, docs)).map((t) =>
    t.blocked !== undefined
      ? { file: t.file, current: undefined, next: '', blocked: t.blocked, kinds: t.kinds }
      : { file: t.file, current: t.current, next: pageText(ctx, t, opts, docs, graph), kinds: t.kinds },
  );
}

/**
 * What to do about the index files archdoc may not touch: a line for each, and the kinds it can
 * index without them (those asked for, or every kind with a folder, less theirs).
 */
function wayOn(ctx: Context, opts: IndexOptions, blocked: Planned[]): { fixes: string[]; others: KindDef[] } {
  const fixes = blocked.map((p) =>
    p.blocked === SYMBOLIC_LINK
      ? `Replace ${p.file} with a file of its own, or remove it.`
      : p.blocked === A_FOLDER
        ? `Rename the folder ${p.file}, or leave its kind out.`
        : `${p.file} lies in a folder that leads outside the work tree: make that folder part of the repository again, or leave its kind out.`,
  );
  const left = new Set(blocked.flatMap((p) => p.kinds));
  const asked = chosenKinds(ctx, opts.kind) ?? Object.values(ctx.config.kinds).filter((k) => isFolder(path.join(ctx.root, k.folder)));
  return { fixes, others: opts.file === undefined ? asked.filter((k) => !left.has(k)) : [] };
}

/** An index file archdoc may not touch stops the whole change: nothing is written. */
function refuseBlocked(ctx: Context, opts: IndexOptions, planned: Planned[]): void {
  const blocked = planned.filter((p) => p.blocked !== undefined);
  if (!blocked.length) return;
  const { fixes, others } = wayOn(ctx, opts, blocked);
  const first = blocked[0]!;
  const more =
    blocked.length > 1
      ? ` (and ${blocked
          .slice(1)
          .map((p) => p.file)
          .join(', ')})`
      : '';
  throw new RefusedError(`${first.file}${more}: ${first.blocked}; archdoc writes no index through it, so nothing was changed.`, [
    ...fixes,
    ...(others.length ? [`Or index the other kinds now: archdoc index --kind ${others.map((k) => k.name).join(',')}`] : []),
  ]);
}

/** The command that brings them up to date: the options given, which the files do not remember on their own. */
function fixCommand(opts: IndexOptions): string {
  // Quoted for a POSIX shell where needed: the line is for pasting.
  const words = ['archdoc index'];
  if (opts.file !== undefined) words.push(`--file ${shellWord(opts.file)}`);
  if (opts.kind?.length) words.push(`--kind ${shellWord(opts.kind.join(','))}`);
  if (opts.oneTable !== undefined) words.push(opts.oneTable ? '--one-table' : '--no-one-table');
  if (opts.graph) words.push('--graph');
  return words.join(' ');
}

export async function run(opts: IndexOptions, services: Partial<Context> = {}): Promise<number> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const { out } = ctx;
  if (opts.check) {
    const stale = (await plan(ctx, opts)).filter((p) => p.blocked !== undefined || p.next !== p.current);
    if (!stale.length) {
      out.out('Index up to date.');
      return 0;
    }
    for (const p of stale)
      out.out(
        `${p.file}: ${p.blocked !== undefined ? `${p.blocked}; archdoc neither reads nor writes an index there` : p.current === undefined ? 'no index yet' : 'the index is out of date'}`,
      );
    const blocked = stale.filter((p) => p.blocked !== undefined);
    const outOfDate = stale.filter((p) => p.blocked === undefined);
    const { fixes, others } = wayOn(ctx, opts, blocked);
    for (const f of blocked.length ? fixes : []) out.out(f);
    if (outOfDate.length && !blocked.length) out.out(`Run ${fixCommand(opts)} to update ${outOfDate.length === 1 ? 'it' : 'them'}.`);
    // With a file archdoc may not touch, the plain command would refuse: name the kinds it can index.
    else if (outOfDate.length && others.length) out.out(`Run ${fixCommand({ ...opts, kind: others.map((k) => k.name) })} to update the others.`);
    return 1;
  }
  return changeRepository(ctx, 'index', async (tx) => {
    // Read under the lock: a change that ran meanwhile is in the index.
    const planned = await plan(ctx, opts);
    refuseBlocked(ctx, opts, planned);
    const changed = planned.filter((p) => p.next !== p.current);
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
