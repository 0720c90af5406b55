/**
 * `archdoc graph [--format mermaid|dot] [--kind K] [--status S]`: prints the link graph of the
 * documents (implements, supersedes, depends on, amends, relates to) as a Mermaid flowchart or as
 * Graphviz DOT. The graph and both renderers are src/core/graph.ts.
 */
import { createContext, kindsNamed, listOption, loadIndex, type Context, type GlobalOptions } from './shared/context.js';
import { buildGraph, filterGraph, toDot, toMermaid } from '../core/graph.js';
import { canonicalStatus } from '../core/kinds.js';
import { UsageError } from '../core/errors.js';
import { readDocumentFronts } from '../adapters/store.js';

export const GRAPH_FORMATS = ['mermaid', 'dot'] as const;

export interface GraphOptions extends GlobalOptions {
  format?: string;
  /** Only documents of these kinds (repeatable, or comma-separated). */
  kind?: string[];
  /** Only documents in these statuses (repeatable, or comma-separated). */
  status?: string[];
}

export async function run(opts: GraphOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const format = opts.format ?? 'mermaid';
  if (!(GRAPH_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format ${format}: use one of ${GRAPH_FORMATS.join(', ')}`);
  const kinds = kindsNamed(ctx.config, opts.kind);
  const among = kinds.length ? kinds : Object.values(ctx.config.kinds);
  const statuses = listOption(opts.status).map((s) => {
    const found = among.map((k) => canonicalStatus(k, s)).find((x) => x !== undefined);
    if (found === undefined) {
      const known = [...new Set(among.flatMap((k) => Object.keys(k.statuses)))];
      throw new UsageError(`--status ${s}: not a status of ${among.map((k) => k.label).join(', ')}; use one of ${known.join(', ')}`);
    }
    return found;
  });
  // Links cross kinds: every kind is read, then the filter keeps what was asked for.
  const docs = readDocumentFronts(ctx.root, ctx.config, Object.values(ctx.config.kinds));
  const graph = filterGraph(buildGraph(docs, loadIndex(ctx, docs), Object.keys(ctx.config.kinds)), {
    kinds: kinds.map((k) => k.name),
    statuses,
  });
  // Every title is escaped by the renderer, control characters included.
  ctx.out.raw((format === 'dot' ? toDot(graph) : toMermaid(graph)).trimEnd());
}
