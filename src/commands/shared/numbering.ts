/**
 * Numbers that do not collide across branches and clones: what other branches and reservations
 * use (read from git without checking anything out), and taking a number, reserved on the shared
 * remote when the configuration asks for it.
 */
import type { Context } from './context.js';
import type { DocRecord } from '../../core/document.js';
import { collisionCandidates, type ElsewhereDoc } from '../../core/elsewhere.js';
import type { KindDef } from '../../core/kinds.js';
import { mayHaveOtherRefs, readHeadBranch } from '../../adapters/git-dir.js';

/** The documents on other branches and in reservations; none outside git or with one branch. */
export async function knownElsewhere(ctx: Context): Promise<ElsewhereDoc[]> {
  const gitDir = ctx.ws.gitDir;
  if (!ctx.git || !gitDir || !mayHaveOtherRefs(gitDir)) return [];
  const { idsElsewhere } = await import('../../adapters/branches.js');
  return idsElsewhere(ctx.root, ctx.system.env, ctx.config);
}

/**
 * `knownElsewhere`, with the title read of each document that may collide with one of `docs`
 * (the same number under another file name): one git process for them all.
 */
export async function knownElsewhereWithTitles(ctx: Context, docs: readonly DocRecord[]): Promise<ElsewhereDoc[]> {
  const elsewhere = await knownElsewhere(ctx);
  const unread = collisionCandidates(docs, elsewhere)
    .map((c) => c.other)
    .filter((o) => o.title === undefined && o.blob);
  if (unread.length === 0) return elsewhere;
  const { readBlobTexts } = await import('../../adapters/branches.js');
  const texts = await readBlobTexts(ctx.root, ctx.system.env, [...new Set(unread.map((o) => o.blob!))]);
  for (const o of unread) {
    const title = /^title:[ \t]*(.*?)[ \t]*$/m.exec(texts.get(o.blob!) ?? '')?.[1];
    if (title) o.title = title.replace(/^(["'])(.*)\1$/, '$2');
  }
  return elsewhere;
}

export interface NumberRequest {
  kind: KindDef;
  /** The lowest number that is free here and on every branch known. */
  from: number;
  /** Only `from` will do (`renumber --to`). */
  exact?: boolean;
  /** The file name and title the document will have, recorded with a reservation. */
  basename(n: number): string;
  title: string;
  author: string;
  /** `--offline`: do not reserve, even when the configuration asks for it. */
  offline?: boolean;
}

/**
 * The number to use: `from` itself, or with `numbering.reserve` the lowest one at or above it that
 * this clone could reserve on the remote. Returns a warning to print when the reservation was skipped.
 */
export async function takeNumber(ctx: Context, r: NumberRequest): Promise<{ num: number; warning?: string }> {
  const remote = ctx.config.numbering.reserve;
  if (!remote || !ctx.git) return { num: r.from };
  if (r.offline) {
    return {
      num: r.from,
      warning: `not reserved on "${remote}" (--offline): ${r.kind.prefix} number ${r.from} comes from what this clone knows; \`archdoc check\` warns if it collides once the reservations are fetched`,
    };
  }
  const { reserveNumber } = await import('../../adapters/reservation.js');
  const branch = ctx.ws.gitDir ? readHeadBranch(ctx.ws.gitDir) : undefined;
  const num = await reserveNumber(ctx.root, ctx.system.env, {
    remote,
    kindName: r.kind.name,
    from: r.from,
    ...(r.exact ? { exact: true } : {}),
    basename: r.basename,
    title: r.title,
    by: r.author,
    ...(branch ? { branch } : {}),
  });
  return { num };
}
