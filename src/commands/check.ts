/** `archdoc check`: the CI gate. Never prompts; exit 0 clean, 1 errors (or warnings with --strict), 2 usage. */
import path from 'node:path';
import { createContext, loadIndex, type Context, type GlobalOptions } from './shared/context.js';
import { formatGithub, formatJson, formatText } from '../terminal/findings.js';
import { runChecks, summariseFindings } from '../core/check/index.js';
import { UsageError } from '../core/errors.js';
import { exists, readDocuments } from '../adapters/store.js';
import type { DocRecord } from '../core/document.js';

export const CHECK_FORMATS = ['text', 'json', 'github'] as const;

export interface CheckOptions extends GlobalOptions {
  format?: string;
  strict?: boolean;
  /** Only the documents in these files or folders, relative to where archdoc runs. */
  paths?: string[];
}

export async function run(opts: CheckOptions, services: Partial<Context> = {}): Promise<number> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const format = opts.format ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: use one of ${CHECK_FORMATS.join(', ')}`);
  ctx.system.readWholeRepository?.();
  const docs = readDocuments(ctx.root, ctx.config);
  const index = loadIndex(ctx, docs);
  const known = new Set(docs.map((d) => d.path));
  const named = opts.paths?.length ? narrowTo(ctx, opts, docs) : undefined;
  const findings = runChecks({
    // Named paths: their documents are judged, against every document's ids and links.
    docs: named ? docs.filter((d) => named.has(d.path)) : docs,
    index,
    config: ctx.config,
    today: ctx.today,
    exists: (p) => known.has(p) || (!p.startsWith('..') && exists(ctx.root, p)),
  }).filter((f) => !named || named.has(f.path));
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
  const base = path.resolve(ctx.system.cwd, opts.cwd ?? '.');
  const out = new Set<string>();
  for (const given of opts.paths ?? []) {
    const abs = path.resolve(base, given);
    const rel = path.relative(ctx.root, abs).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`${given}: outside the repository (${ctx.root})`);
    if (rel !== '' && !exists(ctx.root, rel)) throw new UsageError(`${given}: no such file or folder`);
    const hits = docs.filter((d) => rel === '' || d.path === rel || d.path.startsWith(`${rel}/`));
    if (hits.length === 0) ctx.out.err(`note: ${given} holds no document archdoc manages; skipped`);
    for (const d of hits) out.add(d.path);
  }
  return out;
}
