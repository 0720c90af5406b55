/**
 * The index files of a repository: every Markdown file that holds an index `archdoc index` wrote
 * (its start marker, as a line of its own outside code blocks). The README.md of each kind's
 * folder that has one, and with git any other file in the work tree, tracked or not (ignored files
 * aside). Documents are never among them. One selection for every command that keeps them true:
 * status moves and renumber rewrite their links, `index` and `index --check` keep each current.
 */
import type { Context } from './context.js';
import type { DocRecord } from '../../core/document.js';
import { hasIndexMarker, holdsIndex, INDEX_MARKERS } from '../../core/index-markers.js';
import path from 'node:path';
import { exists, isFolder, readText } from '../../adapters/store.js';
import { pathProblem } from '../../adapters/transaction.js';

/** The index files, relative to the root: the kinds' README.md files first (in the configuration's order), then the others by path. */
export async function indexFiles(ctx: Context, docs: readonly DocRecord[]): Promise<string[]> {
  const isDoc = new Set(docs.map((d) => d.path));
  const readmes = Object.values(ctx.config.kinds).map((k) => `${k.folder}/README.md`);
  // The marker's name without the end of the comment: a start marker with options has words after it.
  const found = (await ctx.git?.markdownContaining(INDEX_MARKERS.start.slice(0, -' -->'.length))) ?? [];
  // A kind's README with a broken index is refused when written (it is archdoc's own page); a file
  // found by search counts only with a whole index in it, so a stray marker line blocks nothing.
  const kindPage = new Set(readmes);
  const pages = [...new Set([...readmes, ...[...found].sort()])];
  return pages.filter((rel) => {
    // A link, a folder that leads out, a folder by that name: no page of this repository to read or keep.
    if (isDoc.has(rel) || !exists(ctx.root, rel) || pathProblem(ctx.root, ctx.ws.gitDir, rel) !== undefined || isFolder(path.join(ctx.root, rel))) return false;
    const text = readText(ctx.root, rel);
    return kindPage.has(rel) ? hasIndexMarker(text) : holdsIndex(text);
  });
}
