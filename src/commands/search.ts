/** `archdoc search <query>`: documents whose titles and bodies hold every word of the query, best first. */
import { createContext, kindsNamed, oneLine, readAll, type Context, type GlobalOptions } from './shared/context.js';
import { searchDocuments } from '../core/search.js';
import { UsageError } from '../core/errors.js';

export interface SearchOptions extends GlobalOptions {
  query: string;
  type?: string[];
  limit?: string | number;
  json?: boolean;
}

export async function run(opts: SearchOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const limit = opts.limit === undefined ? 20 : Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit ${opts.limit}: give a whole number of results, 1 or more`);
  const kinds = kindsNamed(ctx.config, opts.type);
  const docs = readAll(ctx).filter((d) => kinds.length === 0 || kinds.includes(d.kind));
  const hits = searchDocuments(docs, opts.query, limit);
  if (opts.json) {
    const results = hits.map((h) => ({
      id: h.doc.id ?? null,
      kind: h.doc.kind.name,
      title: h.doc.title ?? null,
      status: h.doc.status ?? null,
      path: h.doc.path,
      score: h.score,
      snippet: h.snippet,
    }));
    ctx.out.raw(JSON.stringify({ query: opts.query, results }, null, 2));
    return;
  }
  const c = ctx.out.c;
  if (hits.length === 0) {
    ctx.out.out(`No document holds every word of "${oneLine(opts.query)}".`);
    return;
  }
  for (const h of hits) {
    ctx.out.out(`${c.bold(h.doc.id ?? h.doc.path)}  ${oneLine(h.doc.title ?? '(no title)')}${h.doc.status ? c.dim(` (${h.doc.status})`) : ''}`);
    ctx.out.out(`  ${c.dim(h.doc.path)}`);
    if (h.snippet && h.snippet !== h.doc.title) ctx.out.out(`  ${h.snippet}`);
  }
}
