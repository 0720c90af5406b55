/** `archdoc show <id>`: one document of any kind, with its links both ways and its history. */
import { createContext, readAll, resolveDoc, type Context, type GlobalOptions } from './shared/context.js';
import { renderView } from './shared/view.js';

export interface ShowOptions extends GlobalOptions {
  id: string;
}

export async function run(opts: ShowOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const docs = readAll(ctx);
  const doc = resolveDoc(ctx, docs, opts.id);
  renderView(ctx, doc, docs, { full: true });
}
