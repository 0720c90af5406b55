/**
 * Carries out a planned status change on disk: edits the frontmatter, keeps a status section in
 * step, moves the file to its status folder (git mv when tracked), rewrites relative links that
 * pointed at the old path, and writes the successor's back-link. Returns every path touched so
 * the caller commits exactly those.
 */
import type { Context } from './context.js';
import type { DocRecord } from '../../core/document.js';
import { editDocument, isSplit, splitFrontmatter, type FrontmatterEdit } from '../../core/frontmatter.js';
import { statusFolder, type KindDef } from '../../core/kinds.js';
import { rewriteLinks } from '../../core/links.js';
import { replaceSectionText } from '../../core/sections.js';
import { RefusedError } from '../../core/errors.js';
import { exists, readText } from '../../adapters/store.js';
import type { Transaction } from '../../adapters/transaction.js';

export interface Touched {
  paths: string[];
  newPaths: string[];
  /** Where the document is now. */
  path: string;
  /** Documents whose links were rewritten. */
  rewritten: string[];
}

export interface StatusChange {
  to: string;
  edits: FrontmatterEdit[];
  successorEdits: FrontmatterEdit[];
}

/** Keeps a body section (ADR "## Status") equal to the status. */
export function syncStatusSection(text: string, kind: KindDef, status: string, by?: string): string {
  if (!kind.statusSection) return text;
  const split = splitFrontmatter(text);
  if (!isSplit(split)) return text;
  const line = by ? `${status} (superseded by ${by})` : status;
  return text.slice(0, split.bodyStart) + replaceSectionText(split.body, kind.statusSection, line, split.eol);
}

export async function applyChange(
  ctx: Context,
  tx: Transaction,
  doc: DocRecord,
  change: StatusChange | undefined,
  extraEdits: FrontmatterEdit[],
  docs: DocRecord[],
  by?: DocRecord,
): Promise<Touched> {
  const touched: Touched = { paths: [doc.path], newPaths: [], path: doc.path, rewritten: [] };
  const layout = doc.kind.layout ?? ctx.config.layout;
  const filename = doc.path.slice(doc.path.lastIndexOf('/') + 1);
  const target = change ? `${statusFolder(doc.kind, change.to, layout, Number(ctx.today.slice(0, 4)))}/${filename}` : doc.path;
  // Refuse before writing anything: a status change that cannot move its file changes no byte.
  if (target !== doc.path && exists(ctx.root, target)) {
    throw new RefusedError(`${doc.id ?? doc.path} cannot move to ${target}: a file is already there.`, [
      'Rename or remove that file, then run the command again.',
    ]);
  }
  const original = readText(ctx.root, doc.path);
  let text = editDocument(original, [...extraEdits, ...(change?.edits ?? [])]);
  if (change) text = syncStatusSection(text, doc.kind, change.to, change.to === doc.kind.supersededStatus ? by?.id : undefined);
  if (!change) {
    if (text !== original) await tx.write(doc.path, text);
    return touched;
  }
  const moved = target !== doc.path;
  if (moved) {
    // Its own relative links are written from its old folder: rewrite them for the new one.
    text = rewriteLinks(text, target, doc.path, new Map([[doc.path, target]])) ?? text;
  }
  if (!moved) await tx.write(doc.path, text);
  if (moved) {
    // Move first, then write the edited text at the new place: a move that fails (git busy,
    // permissions) leaves the document exactly as it was.
    let newPaths: string[];
    try {
      ({ newPaths } = await tx.move(doc.path, target));
    } catch (e) {
      const why = String((e as Error).message ?? e).split('\n')[0];
      throw new RefusedError(`${doc.id ?? doc.path} was not changed: moving it to ${target} failed (${why}).`, [
        'Nothing was written; fix the cause and run the command again.',
      ]);
    }
    await tx.write(target, text);
    // An untracked document was renamed on disk: git never knew its old path.
    if (newPaths.length) touched.paths = touched.paths.filter((p) => p !== doc.path);
    touched.paths.push(target);
    touched.newPaths.push(...newPaths);
    touched.path = target;
    const moves = new Map([[doc.path, target]]);
    for (const other of docs) {
      if (other.path === doc.path || !other.body.includes(filename)) continue;
      const otherText = readText(ctx.root, other.path);
      const rewritten = rewriteLinks(otherText, other.path, other.path, moves);
      if (rewritten !== undefined) {
        await tx.write(other.path, rewritten);
        touched.paths.push(other.path);
        touched.rewritten.push(other.path);
      }
    }
  }
  if (by && change.successorEdits.length && exists(ctx.root, by.path)) {
    const successorText = readText(ctx.root, by.path);
    const edited = editDocument(successorText, change.successorEdits);
    if (edited !== successorText) {
      await tx.write(by.path, edited);
      touched.paths.push(by.path);
    }
  }
  return touched;
}
