/**
 * Opening a document in the person's editor (`edit`, `create --open`), then judging what they
 * wrote as `check` would. Nothing here commits: the edits are the person's to commit.
 */
import path from 'node:path';
import type { Context } from './context.js';
import { printCheckOf } from './judge-file.js';
import { RefusedError } from '../../core/errors.js';
import { gitConfigValue } from '../../adapters/git.js';
import { exists, readText } from '../../adapters/store.js';
import { editorCommand, runEditor, type EditorExit } from '../../terminal/editor.js';

/** A path under the root as the person would type it where archdoc runs (posix separators). */
export function shownPath(ctx: Context, rel: string): string {
  return path.relative(ctx.cwd, path.join(ctx.root, rel)).split(path.sep).join('/');
}

/** Why an editor run counts as failed, in a few words; undefined when it exited 0. */
function failure(exit: EditorExit): string | undefined {
  if (exit.error) return `could not be started (${exit.error})`;
  if (exit.signal) return `was ended by ${exit.signal}`;
  if (exit.code === 127) return 'was not found (exit code 127): set $VISUAL or $EDITOR';
  if (exit.code !== 0) return `exited with ${exit.code}`;
  return undefined;
}

/**
 * Opens `rel` (relative to the root) in the editor and waits for it; when it exits 0, prints the
 * document's findings. An editor that fails is a RefusedError (exit 1) ending in `afterFailure`,
 * and nothing is checked. Returns the number of findings.
 */
export async function editAndCheck(ctx: Context, rel: string, afterFailure: string): Promise<number> {
  const { env } = ctx.system;
  const command = await editorCommand(env, () => gitConfigValue(ctx.cwd, 'core.editor', env));
  const exit = await (ctx.system.runEditor ?? runEditor)(command, path.join(ctx.root, rel), { cwd: ctx.cwd, env });
  const failed = failure(exit);
  if (failed) throw new RefusedError(`The editor (${command}) ${failed}; ${afterFailure}`);
  const shown = shownPath(ctx, rel);
  if (!exists(ctx.root, rel)) {
    ctx.out.err(`note: ${shown} no longer exists: nothing to check.`);
    return 0;
  }
  const found = await printCheckOf(ctx, rel);
  if (await uncommitted(ctx, rel)) {
    ctx.out.err(`note: archdoc does not commit your edits to ${shown}: commit them yourself (a status change commits only its own change).`);
  }
  return found;
}

/** Whether the file differs from what HEAD holds (or HEAD holds none); false outside git. */
async function uncommitted(ctx: Context, rel: string): Promise<boolean> {
  if (!ctx.git) return false;
  try {
    return (await ctx.git.headText(rel)) !== readText(ctx.root, rel);
  } catch {
    return true;
  }
}
