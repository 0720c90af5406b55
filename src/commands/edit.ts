/**
 * `archdoc edit <id>`: opens a document in the person's editor, then prints what `check` finds in
 * it. Commits nothing. Without a terminal it starts no editor and prints the document's path, for
 * scripts: `$EDITOR "$(archdoc edit 3)"`.
 */
import { createContext, readAll, resolveDoc, type Context, type GlobalOptions } from './shared/context.js';
import { editAndCheck, shownPath } from './shared/editing.js';
import { atTerminal } from '../terminal/prompts.js';

export interface EditOptions extends GlobalOptions {
  id: string;
}

export interface EditResult {
  /** The document's path, relative to the root. */
  path: string;
  /** Whether an editor was started (only at a terminal). */
  edited: boolean;
}

export async function run(opts: EditOptions, services: Partial<Context> = {}): Promise<EditResult> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const doc = resolveDoc(ctx, readAll(ctx), opts.id);
  if (!atTerminal(ctx.system)) {
    ctx.out.out(shownPath(ctx, doc.path));
    return { path: doc.path, edited: false };
  }
  await editAndCheck(ctx, doc.path, 'nothing was checked.');
  return { path: doc.path, edited: true };
}
