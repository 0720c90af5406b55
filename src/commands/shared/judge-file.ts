/**
 * The documents as the work tree holds them, and `check`'s judgement of one file in it: what
 * `archdoc check <path>` prints for that file, for commands that have just let a person write one
 * (`edit`, `create --open`).
 */
import type { Context } from './context.js';
import { loadIndex } from './context.js';
import { knownElsewhereWithTitles } from './numbering.js';
import type { DocRecord } from '../../core/document.js';
import { runChecks, summariseFindings } from '../../core/check/index.js';
import { exists, readDocuments } from '../../adapters/store.js';
import { formatText } from '../../terminal/findings.js';

export interface Judged {
  docs: DocRecord[];
  /** Whether a repository path exists (links to files that are not documents). */
  exists(path: string): boolean;
  /** With --staged: the documents with staged changes. */
  staged?: Set<string>;
}

/** Every document as the work tree holds it; links resolve against the files there. */
export function fromWorkTree(ctx: Context): Judged {
  const docs = readDocuments(ctx.root, ctx.config);
  const known = new Set(docs.map((d) => d.path));
  return { docs, exists: (p) => known.has(p) || (!p.startsWith('..') && exists(ctx.root, p)) };
}

/**
 * Prints what `archdoc check <rel>` prints for the document in `rel` (relative to the root): its
 * findings, then the summary line (`No problems in 1 document.`). Its ids and links are judged
 * against every document, and against other branches, as check judges them. Returns the findings' count.
 */
export async function printCheckOf(ctx: Context, rel: string): Promise<number> {
  const { docs, exists: present } = fromWorkTree(ctx);
  const judged = docs.filter((d) => d.path === rel);
  const elsewhere = await knownElsewhereWithTitles(ctx, docs);
  const findings = runChecks({
    ...(elsewhere.length ? { elsewhere } : {}),
    docs: judged,
    index: loadIndex(ctx, docs),
    config: ctx.config,
    today: ctx.today,
    exists: present,
  }).filter((f) => f.path === rel);
  for (const line of formatText(findings, summariseFindings(findings, judged.length), ctx.out.c)) ctx.out.out(line);
  return findings.length;
}
