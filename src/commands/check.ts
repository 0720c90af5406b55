/** `archdoc check`: the CI gate. Never prompts; exit 0 clean, 1 errors (or warnings with --strict), 2 usage. */
import { createContext, loadIndex, type Context, type GlobalOptions } from './shared/context.js';
import { formatGithub, formatJson, formatText } from '../terminal/findings.js';
import { runChecks, summariseFindings } from '../core/check/index.js';
import { UsageError } from '../core/errors.js';
import { exists, readDocuments } from '../adapters/store.js';

export const CHECK_FORMATS = ['text', 'json', 'github'] as const;

export interface CheckOptions extends GlobalOptions {
  format?: string;
  strict?: boolean;
}

export async function run(opts: CheckOptions, services: Partial<Context> = {}): Promise<number> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const format = opts.format ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: use one of ${CHECK_FORMATS.join(', ')}`);
  ctx.system.readWholeRepository?.();
  const docs = readDocuments(ctx.root, ctx.config);
  const index = loadIndex(ctx, docs);
  const known = new Set(docs.map((d) => d.path));
  const findings = runChecks({
    docs,
    index,
    config: ctx.config,
    today: ctx.today,
    exists: (p) => known.has(p) || (!p.startsWith('..') && exists(ctx.root, p)),
  });
  const summary = summariseFindings(findings, docs.length);
  if (format === 'json') ctx.out.raw(formatJson(findings, summary));
  else if (format === 'github') for (const l of formatGithub(findings, summary)) ctx.out.out(l);
  else for (const l of formatText(findings, summary, ctx.out.c)) ctx.out.out(l);
  return summary.errors > 0 || (opts.strict && summary.warnings > 0) ? 1 : 0;
}
