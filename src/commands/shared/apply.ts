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
import { mayLinkTo, relativeLink, rewriteLinks } from '../../core/links.js';
import { addSupersedesLine, referenceTo, setStatusInPlace, statusWord, writtenInPlace } from '../../core/write-back.js';
import { replaceSectionText } from '../../core/sections.js';
import { statusInBody } from '../../core/body-fields.js';
import { RefusedError } from '../../core/errors.js';
import { exists, readText } from '../../adapters/store.js';
import type { Transaction } from '../../adapters/transaction.js';
import { gitFailure } from '../../adapters/git.js';
import { indexFiles } from './index-files.js';

export interface Touched {
  paths: string[];
  newPaths: string[];
  /** Where the document is now. */
  path: string;
  /** Documents whose links were rewritten. */
  rewritten: string[];
  /** Files git did not know before this change that its commit adds whole (the document, a successor). */
  adopted: string[];
}

export interface StatusChange {
  to: string;
  edits: FrontmatterEdit[];
  successorEdits: FrontmatterEdit[];
}

/**
 * Keeps a body section (ADR "## Status") equal to the status: its first line says the status, in
 * that line's letter case; lines after it (adr-tools' `Amended by …`) stay.
 */
export function syncStatusSection(text: string, kind: KindDef, status: string, by?: string): string {
  if (!kind.statusSection) return text;
  const split = splitFrontmatter(text);
  if (!isSplit(split)) return text;
  const first = statusInBody(split.body, kind.statusSection);
  if (first?.place !== 'section') {
    const line = by ? `${status} (superseded by ${by})` : status;
    return text.slice(0, split.bodyStart) + replaceSectionText(split.body, kind.statusSection, line, split.eol);
  }
  const word = first.raw === first.raw.toUpperCase() ? status : statusWord(kind, status, first.raw);
  const line = by ? `${word} (superseded by ${by})` : word;
  return text.slice(0, split.bodyStart + first.start) + line + text.slice(split.bodyStart + first.end);
}

/** `editDocument`, naming the document when the edit is refused (frontmatter that does not parse, a field that is no list). */
export function editIn(rel: string, text: string, edits: readonly FrontmatterEdit[]): string {
  try {
    return editDocument(text, edits);
  } catch (e) {
    if (e instanceof RefusedError) throw new RefusedError(`${rel}: ${e.message}`, e.details);
    throw e;
  }
}

/**
 * What archdoc writes for a file it changes with `transform`: the text to commit, and the text to
 * leave in the work tree afterwards. A file with the user's uncommitted edits gets archdoc's change
 * applied to HEAD's version for the commit, and to the user's version for the work tree, so the
 * commit holds archdoc's change alone and the user's edits stay theirs, uncommitted. A file with
 * staged changes, or edits the change cannot be applied to, is refused: nothing is changed.
 * `transform` returns undefined when it has nothing to change.
 */
async function versions(
  ctx: Context,
  tx: Transaction,
  rel: string,
  transform: (text: string) => string | undefined,
): Promise<{ commit?: string; work?: string; untracked?: boolean }> {
  const current = readText(ctx.root, rel);
  const state = ctx.commit ? await tx.uncommitted(rel) : 'none';
  if (state === 'none') return { commit: transform(current) };
  // A file git does not know yet has no committed version: it goes into the commit whole, as a new file.
  if (state === 'untracked') return { commit: transform(current), untracked: true };
  if (state === 'staged') {
    throw new RefusedError(`${rel} has changes of yours staged for commit; archdoc cannot leave them out of its commit, so nothing was changed.`, [
      'Commit them, or unstage them (git restore --staged), then run the command again.',
    ]);
  }
  let work: string;
  try {
    work = transform(current) ?? current;
  } catch (e) {
    throw new RefusedError(
      `${rel}: archdoc's change cannot be applied on top of your uncommitted edits (${String((e as Error).message).split('\n')[0]}); nothing was changed.`,
      ['Commit or stash your edits, then run the command again.'],
    );
  }
  return { commit: transform(await ctx.git!.headText(rel)), work };
}

/** The change's edits with the status in the repository's words and case (`accepted` for APPROVED when it says so). */
function inWords(doc: DocRecord, change: StatusChange): FrontmatterEdit[] {
  // archdoc's own repositories write the status's own name: their aliases are for reading.
  if (doc.kind.frontmatter !== 'optional') return change.edits;
  const like = typeof doc.data.status === 'string' ? doc.data.status : change.to;
  return change.edits.map((e) =>
    e.op === 'set' && e.path.length === 1 && e.path[0] === 'status' ? { ...e, value: statusWord(doc.kind, change.to, like) } : e,
  );
}

/** How `from` names `doc` in a link: its id, number, title and path relative to `from`. */
function refOf(doc: DocRecord, from: string): { id?: string; num?: number; title?: string; href: string } {
  return {
    ...(doc.id ? { id: doc.id } : {}),
    ...(doc.num !== undefined ? { num: doc.num } : {}),
    ...(doc.title ? { title: doc.title } : {}),
    href: relativeLink(from, doc.path),
  };
}

/**
 * A status change on a record archdoc did not write: the status where the record states it, in the
 * repository's words, and nothing else (no history, no dates: the record has no place for them).
 */
function inPlace(original: string, doc: DocRecord, to: string, extraEdits: FrontmatterEdit[], by: DocRecord | undefined): string {
  const ref = by ? (place: string | undefined) => referenceTo(place, refOf(by, doc.path)) : undefined;
  const text = setStatusInPlace(original, doc.path, doc.kind, to, ref);
  if (text === undefined) {
    throw new RefusedError(`${doc.path} states no status archdoc can change in place; nothing was changed.`, [
      `Write its status the way the other records do (a "Status: …" line, a "## Status" section or a \`status:\` key), then run the command again.`,
    ]);
  }
  return extraEdits.length ? editIn(doc.path, text, extraEdits) : text;
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
  const touched: Touched = { paths: [doc.path], newPaths: [], path: doc.path, rewritten: [], adopted: [] };
  const layout = doc.kind.layout ?? ctx.config.layout;
  const filename = doc.path.slice(doc.path.lastIndexOf('/') + 1);
  const target = change ? `${statusFolder(doc.kind, change.to, layout, Number(ctx.today.slice(0, 4)))}/${filename}` : doc.path;
  // Refuse before writing anything: a status change that cannot move its file changes no byte.
  if (target !== doc.path && exists(ctx.root, target)) {
    throw new RefusedError(`${doc.id ?? doc.path} cannot move to ${target}: a file is already there.`, [
      'Rename or remove that file, then run the command again.',
    ]);
  }
  const moved = !!change && target !== doc.path;
  const transform = (original: string) => {
    let text: string;
    if (change && writtenInPlace(doc)) text = inPlace(original, doc, change.to, extraEdits, by);
    else {
      text = editIn(doc.path, original, [...extraEdits, ...(change ? inWords(doc, change) : [])]);
      if (change) text = syncStatusSection(text, doc.kind, change.to, change.to === doc.kind.supersededStatus ? by?.id : undefined);
    }
    // Its own relative links are written from its old folder: rewrite them for the new one.
    if (moved) text = rewriteLinks(text, target, doc.path, new Map([[doc.path, target]])) ?? text;
    return text;
  };
  const own = await versions(ctx, tx, doc.path, transform);
  const text = own.commit!;
  // The user's uncommitted edits come back once the commit is made, with archdoc's change on top.
  const after = async (path: string, work: string | undefined) => {
    if (work !== undefined) await tx.afterwards(path, work);
  };
  if (!moved) {
    await tx.write(doc.path, text);
    await after(doc.path, own.work);
    if (own.untracked) {
      touched.newPaths.push(doc.path);
      touched.adopted.push(doc.path);
    }
  } else {
    // Move first, then write the edited text at the new place: a move that fails (git busy,
    // permissions) leaves the document exactly as it was.
    let newPaths: string[];
    try {
      ({ newPaths } = await tx.move(doc.path, target));
    } catch (e) {
      const { why, hints } = gitFailure(e);
      throw new RefusedError(
        `${doc.id ?? doc.path} was not changed: moving it to ${target} failed (${why}).`,
        hints ?? ['Nothing was written; fix the cause and run the command again.'],
      );
    }
    await tx.write(target, text);
    await after(target, own.work);
    // An untracked document was renamed on disk: git never knew its old path.
    if (newPaths.length) touched.paths = touched.paths.filter((p) => p !== doc.path);
    touched.paths.push(target);
    touched.newPaths.push(...newPaths);
    touched.path = target;
    if (own.untracked) touched.adopted.push(target);
    const moves = new Map([[doc.path, target]]);
    const rewrite = async (rel: string) => {
      const v = await versions(ctx, tx, rel, (t) => rewriteLinks(t, rel, rel, moves));
      if (v.untracked) {
        // A document git does not know yet (made with --no-commit) is the user's to commit, as an
        // index page is: its link is rewritten, and it stays out of the commit.
        if (v.commit !== undefined) {
          await tx.write(rel, v.commit);
          touched.rewritten.push(rel);
        }
      } else if (v.commit !== undefined) {
        await tx.write(rel, v.commit);
        touched.paths.push(rel);
        touched.rewritten.push(rel);
        await after(rel, v.work);
      } else if (v.work !== undefined && v.work !== readText(ctx.root, rel)) {
        // The link is only in the user's uncommitted text: rewritten there, nothing to commit.
        await tx.write(rel, v.work);
        touched.rewritten.push(rel);
      }
    };
    for (const other of docs) {
      if (other.path === doc.path || !mayLinkTo(other.body, filename)) continue;
      await rewrite(other.path);
    }
    // The index pages `archdoc index` writes link to every document: they follow it too.
    for (const page of await indexFiles(ctx, docs)) {
      if (page === target || !mayLinkTo(readText(ctx.root, page), filename)) continue;
      if (!ctx.commit || (await ctx.git!.isTracked(page))) await rewrite(page);
      else {
        // A page git does not know yet (written with --no-commit) is the user's to commit: rewritten, not committed.
        const text = rewriteLinks(readText(ctx.root, page), page, page, moves);
        if (text !== undefined) {
          await tx.write(page, text);
          touched.rewritten.push(page);
        }
      }
    }
  }
  // A successor written in place gets the format's `Supersedes` line when, and only when, it supersedes.
  const backLink = !!by && writtenInPlace(by) && change?.to === doc.kind.supersededStatus;
  if (by && change && (change.successorEdits.length || backLink) && exists(ctx.root, by.path)) {
    const v = await versions(ctx, tx, by.path, (t) => {
      if (writtenInPlace(by)) return backLink ? addSupersedesLine(t, by.path, by.kind, (place) => referenceTo(place, refOf(doc, by.path))) : undefined;
      const edited = editIn(by.path, t, change.successorEdits);
      return edited === t ? undefined : edited;
    });
    if (v.commit !== undefined) {
      await tx.write(by.path, v.commit);
      touched.paths.push(by.path);
      // Half of the link it records: a successor git did not know yet goes into the commit whole.
      if (v.untracked) {
        touched.newPaths.push(by.path);
        touched.adopted.push(by.path);
      }
      await after(by.path, v.work);
    }
  }
  return touched;
}
