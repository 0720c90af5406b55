/**
 * The services a command works with, built once per invocation. Commands receive a Context, so a
 * test can replace any part (output, prompts, git) without module mocking.
 */
import { configChanged, loadWorkspace, type Workspace } from '../../adapters/config-file.js';
import type { Config } from '../../core/config.js';
import type { DocRecord } from '../../core/document.js';
import { parseIdInput } from '../../core/ids.js';
import { article, type KindDef } from '../../core/kinds.js';
import { indexDocs, type IdIndex } from '../../core/links.js';
import { closeMatches } from '../../core/suggest.js';
import { RefusedError, UsageError } from '../../core/errors.js';
import { commitFailure, openGit, type Git } from '../../adapters/git.js';
import { hasJournal, inTransaction, recoverNow, type Transaction } from '../../adapters/transaction.js';
import { runByHolder } from '../../adapters/repo-lock.js';
import { systemOutput, type Output } from '../../terminal/output.js';
import { isInteractive, terminalPrompter, type Prompter } from '../../terminal/prompts.js';
import { processSystem, type System } from '../../terminal/system.js';
import path from 'node:path';
import { readDocuments } from '../../adapters/store.js';

export interface GlobalOptions {
  cwd?: string;
  yes?: boolean;
  interactive?: boolean;
  commit?: boolean;
  debug?: boolean;
}

export interface Context {
  /** The process this runs in: working folder, environment, streams (a test passes its own). */
  system: System;
  /** Where the command runs: the process's folder, or `-C <dir>`. Paths given on the command line are relative to it. */
  cwd: string;
  ws: Workspace;
  root: string;
  config: Config;
  out: Output;
  prompt: Prompter;
  /** Undefined outside a git repository. */
  git?: Git;
  /** Whether this invocation commits (config `commit`, `--no-commit`, inside a repository). */
  commit: boolean;
  /** Today's date, `YYYY-MM-DD` (ARCHDOC_DATE fixes it for tests and reproducible runs). */
  today: string;
}

export function today(env: NodeJS.ProcessEnv): string {
  const fixed = env.ARCHDOC_DATE;
  if (fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export async function createContext(opts: GlobalOptions, services: Partial<Context> = {}): Promise<Context> {
  const system = services.system ?? processSystem();
  const cwd = path.resolve(system.cwd, opts.cwd ?? '.');
  let ws = services.ws ?? (await loadWorkspace(cwd, system.env));
  const out = services.out ?? (await systemOutput(system));
  // A run that was killed in the middle of a change left its journal: any command, a reader too,
  // finishes it first. A journal whose lock a live process holds is a change under way: every
  // command waits for it to end (and finishes it if it dies), so no reader judges a change half
  // made; only a git hook of that change's own commit reads it as it stands.
  const gitDir = ws.gitDir;
  if (hasJournal(ws.root, gitDir) && !runByHolder(ws.root, gitDir, system.env)) {
    await recoverNow(ws.root, gitDir, (line) => out.err(line));
    // The killed run may have been changing the configuration itself: read it as recovered.
    if (!services.ws) ws = await loadWorkspace(cwd, system.env);
  }
  const git = 'git' in services ? services.git : ws.gitDir ? openGit(ws.root, ws.gitDir, system.env) : undefined;
  return {
    system,
    cwd,
    ws,
    root: ws.root,
    config: ws.config,
    out,
    prompt: services.prompt ?? terminalPrompter(isInteractive(opts, system)),
    ...(git ? { git } : {}),
    commit: ws.config.commit && opts.commit !== false && !!git,
    today: services.today ?? today(system.env),
  };
}

/** The values of a repeatable option that also takes a comma-separated list (`--type rfc,adr --type sd`), trimmed, empty ones dropped. */
export function listOption(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The kinds a `--type` or `--kind` option names, each once, in the order given; none when it names none. */
export function kindsNamed(config: Config, values: readonly string[] | undefined): KindDef[] {
  return [...new Set(listOption(values).map((name) => kindByName(config, name)))];
}

export function kindByName(config: Config, name: string): KindDef {
  const kind = config.kinds[name];
  if (!kind) throw new UsageError(`unknown document kind "${name}"; known kinds: ${Object.keys(config.kinds).join(', ')}`);
  return kind;
}

export function loadIndex(ctx: Context, docs: DocRecord[]): IdIndex {
  return indexDocs(
    docs,
    Object.values(ctx.config.kinds).map((k) => k.prefix),
    ctx.config.idPadding,
  );
}

/** Whether what a person typed names a file rather than an id: it has a folder or ends in `.md`. */
export function looksLikePath(input: string): boolean {
  return /[/\\]/.test(input) || /\.md$/i.test(input);
}

/**
 * The document in the file `input` names, relative to where archdoc runs (or to the root): the way
 * to tell apart two documents that carry one id.
 */
function docAtPath(ctx: Context, docs: DocRecord[], input: string, kind?: KindDef): DocRecord {
  const fromCwd = path.relative(ctx.root, path.resolve(ctx.cwd, input)).split(path.sep).join('/');
  // Compared in NFC: a path completed by a macOS shell comes in NFD.
  const same = (a: string, b: string) => a === b || a.normalize('NFC') === b.normalize('NFC');
  const rel = [fromCwd, input.replace(/\\/g, '/').replace(/^\.\//, '')].find((r) => docs.some((d) => same(d.path, r)));
  const doc = rel && docs.find((d) => same(d.path, rel));
  if (!doc)
    throw new RefusedError(`${input}: no document archdoc manages is in that file.`, [
      'Give an id (RFC-0007) or the path of a document, relative to where you are.',
    ]);
  if (kind && doc.kind !== kind) throw new UsageError(`${input} is ${article(doc.kind.label)}, not ${article(kind.label)}`);
  return doc;
}

/**
 * Resolves what a person typed (`RFC-0007`, `0007`, `7`, `rfc-7`, `TS-12`, or a document's path)
 * to one document. `kind` narrows bare numbers; unknown ids are refused with close matches.
 */
export function resolveDoc(ctx: Context, docs: DocRecord[], input: string, kind?: KindDef): DocRecord {
  if (looksLikePath(input)) return docAtPath(ctx, docs, input, kind);
  const parsed = parseIdInput(input);
  const kinds = Object.values(ctx.config.kinds);
  if (!parsed) throw new UsageError(`"${input}" is not a document id; write it like ${(kind ?? kinds[0]!).prefix}-0001, 0001 or 1`);
  let candidates = kinds;
  if (parsed.prefix) {
    const byPrefix = kinds.find((k) => k.prefix === parsed.prefix || k.name.toUpperCase() === parsed.prefix);
    if (!byPrefix) throw new UsageError(`"${input}": unknown id prefix ${parsed.prefix}; known: ${kinds.map((k) => k.prefix).join(', ')}`);
    if (kind && byPrefix !== kind) throw new UsageError(`"${input}" is not ${article(kind.label)} id; ${kind.label} ids look like ${kind.prefix}-0001`);
    candidates = [byPrefix];
  } else if (kind) candidates = [kind];
  const matches = docs.filter((d) => candidates.includes(d.kind) && d.num === parsed.num);
  const ids = [...new Set(matches.map((d) => d.id))];
  if (ids.length > 1) {
    throw new UsageError(`"${input}" is ambiguous: ${ids.join(', ')}; write the prefix too`);
  }
  if (matches.length === 0) {
    const wanted = `${candidates.length === 1 ? candidates[0]!.prefix : '*'}-${String(parsed.num).padStart(ctx.config.idPadding, '0')}`;
    const pool = docs.filter((d) => candidates.includes(d.kind) && d.id).map((d) => d.id!);
    const close = closeMatches(wanted.replace('*-', `${(kind ?? candidates[0]!).prefix}-`), [...new Set(pool)]);
    const what = candidates.length === 1 ? candidates[0]!.label : 'document';
    throw new RefusedError(
      `No ${what} ${wanted.replace('*-', '')} found${close.length ? `; did you mean ${close.join(', ')}?` : '.'}`,
      close.length
        ? []
        : [`List them with: archdoc ${candidates.length === 1 ? (candidates[0]!.commands?.list ?? `list --type ${candidates[0]!.name}`) : 'list'}`],
    );
  }
  if (matches.length > 1) {
    // Two files with one id (typically from two branches): acting on either could be the wrong one.
    throw new RefusedError(`${ids[0] ?? input} is used by ${matches.length} files: ${matches.map((d) => d.path).join(', ')}.`, [
      `Name the one you mean by its path, or give one of them a new number: archdoc renumber ${matches[1]!.path}`,
    ]);
  }
  return matches[0]!;
}

export function readAll(ctx: Context): DocRecord[] {
  return readDocuments(ctx.root, ctx.config);
}

export interface Change {
  /** Every path written, moved (both sides) or rewritten, relative to the root. */
  paths: string[];
  /** Paths git does not know yet (to `git add`). */
  newPaths: string[];
  message: string;
  /** Documents the user made and never committed (`--no-commit`): the commit adds them whole, and says so. */
  adopted?: string[] | undefined;
}

/**
 * Runs `fn` as one all-or-nothing change of the repository (src/adapters/transaction.ts): under
 * the repository lock, every write journalled, everything put back when it throws.
 */
export function changeRepository<T>(ctx: Context, command: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return inTransaction(
    { root: ctx.root, gitDir: ctx.ws.gitDir, git: ctx.git, commits: ctx.commit, command, notice: (line) => ctx.out.err(line) },
    async (tx) => {
      await configAsNow(ctx);
      return fn(tx);
    },
  );
}

/**
 * The configuration as it is once the lock is held: a change that waited for another (an `init
 * --detect`, an `import`) reads the configuration that change left, not the one it started with.
 */
async function configAsNow(ctx: Context): Promise<void> {
  if (!configChanged(ctx.ws)) return;
  ctx.ws = await loadWorkspace(ctx.cwd, ctx.system.env);
  ctx.config = ctx.ws.config;
}

/** Commits a change (or says why it does not). Returns a line for the user, or undefined. */
export async function commitChange(ctx: Context, change: Change, opts: GlobalOptions): Promise<string | undefined> {
  if (!ctx.git) return 'Not a git repository: files were written, nothing was committed.';
  if (!ctx.commit) return opts.commit === false ? undefined : 'Commits are off in the configuration: nothing was committed.';
  const paths = [...new Set(change.paths)];
  try {
    await ctx.git.commitPaths(paths, change.message, change.newPaths);
  } catch (e) {
    // The transaction puts every path and the index back as they were.
    throw commitFailure(e);
  }
  // Its whole text went into a commit named after this change: not hidden from the user.
  const adopted = change.adopted ?? [];
  if (adopted.length === 1) return `note: git did not know ${adopted[0]} yet, so this commit adds the whole file, with what is written in it.`;
  if (adopted.length > 1) return `note: git did not know ${adopted.join(', ')} yet, so this commit adds these files whole, with what is written in them.`;
  return undefined;
}

/** First line of a title, for commit messages and headings. */
export function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
