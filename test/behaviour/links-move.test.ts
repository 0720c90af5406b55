/**
 * Relative links stay true when a status change moves a file: links in other documents that point
 * at the moved file are rewritten in the same commit as the move, and the moved file's own links
 * are rewritten for its new folder.
 */
import path from 'node:path/posix';
import { describe, expect, it } from 'vitest';
import { makeRepo, frontmatter, headChanges, SLOW, step } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

/** The `.md` targets of the inline links in `text`, in order. */
function linkTargets(text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s#]+\.md)(#[^)\s]*)?\)/g)].map((m) => m[1]!);
}

/** Replaces the text of `## name` (up to the next `## ` heading) with `text`. */
function fillSection(doc: string, name: string, text: string): string {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${name}`);
  if (start === -1) throw new Error(`no section ## ${name}`);
  let end = start + 1;
  while (end < lines.length && !/^#{1,2} /.test(lines[end]!)) end++;
  return [...lines.slice(0, start + 1), '', text, '', ...lines.slice(end)].join('\n');
}

const SLUG = 'event-sourced-orders';
const RFC_AT = {
  draft: `rfcs/draft/RFC-0001-${SLUG}.md`,
  review: `rfcs/review/RFC-0001-${SLUG}.md`,
  approved: `rfcs/approved/RFC-0001-${SLUG}.md`,
  inProgress: `rfcs/approved/in-progress/RFC-0001-${SLUG}.md`,
};
const ADR = 'docs/adr/ADR-0001-store-order-events.md';

describe('links follow moved files', SLOW, () => {
  it('rewrites links to and from an RFC as it moves, in the commit that moves it', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Event-sourced orders', '--reviewer', 'Alice'], 'docs(rfc): create RFC-0001 Event-sourced orders');
    writeIt(repo, RFC_AT.draft, 'rfc');
    repo.git('commit', '-q', '-am', 'test: write RFC-0001');
    await step(repo, ['create-adr', 'Store order events'], 'docs(adr): create ADR-0001 Store order events');
    await step(repo, ['rfc-status', 'RFC-0001', '--set', 'REVIEW'], 'docs(rfc): RFC-0001 DRAFT → REVIEW');
    expect(repo.files('rfcs')).toEqual([RFC_AT.review]);

    // Links written by hand: ADR → RFC (with an anchor) and RFC → ADR.
    const toRfc = `../../rfcs/review/RFC-0001-${SLUG}.md`;
    const toAdr = '../../docs/adr/ADR-0001-store-order-events.md';
    expect(path.join(path.dirname(ADR), toRfc)).toBe(RFC_AT.review);
    expect(path.join(path.dirname(RFC_AT.review), toAdr)).toBe(ADR);
    const adrBefore = `${repo.read(ADR)}\nDecided in the [RFC](${toRfc}); see its [design](${toRfc}#technical-design).\n`;
    repo.write(ADR, adrBefore);
    let rfc = repo.read(RFC_AT.review);
    rfc = fillSection(rfc, 'Technical Design', `Orders are stored as events; the [ADR](${toAdr}) records the storage choice.`);
    rfc = fillSection(rfc, 'Implementation Plan', '1. Write the event store first, then move the order service onto it.');
    repo.write(RFC_AT.review, rfc);
    repo.git('commit', '-q', '-am', 'test: link the ADR and the RFC');

    // REVIEW → APPROVED: the RFC moves to rfcs/approved/ and the ADR's links follow it.
    const approved = await step(
      repo,
      ['rfc-status', 'RFC-0001', '--reviewer', 'Alice:approved', '--set', 'APPROVED'],
      'docs(rfc): RFC-0001 REVIEW → APPROVED (reviewer Alice: pending → approved)',
    );
    expect(approved.stdout).toContain(`links   updated in ${ADR}`);
    const adrAfter = repo.read(ADR);
    const newToRfc = `../../rfcs/approved/RFC-0001-${SLUG}.md`;
    expect(linkTargets(adrAfter)).toEqual([newToRfc, newToRfc]);
    expect(adrAfter).toContain(`[design](${newToRfc}#technical-design)`);
    expect(adrAfter).toBe(adrBefore.split(toRfc).join(newToRfc));
    expect(repo.exists(path.join(path.dirname(ADR), newToRfc))).toBe(true);
    expect(path.join(path.dirname(ADR), newToRfc)).toBe(RFC_AT.approved);
    // The move and the rewrite are one commit.
    const changes = headChanges(repo);
    expect(changes).toHaveLength(2);
    expect(changes[0]).toBe(`M\t${ADR}`);
    expect(changes[1]).toMatch(new RegExp(`^R\\d+\\t${RFC_AT.review}\\t${RFC_AT.approved}$`));
    // Same depth: the RFC's own link to the ADR is unchanged and still resolves.
    const rfcApproved = repo.read(RFC_AT.approved);
    expect(linkTargets(rfcApproved)).toEqual([toAdr]);
    expect(repo.exists(path.join(path.dirname(RFC_AT.approved), toAdr))).toBe(true);

    // `show` sees the body link both ways.
    const show = await repo.run(['show', 'RFC-0001']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/mentioned by\s+ADR-0001\s+Store order events/);

    // APPROVED → IN_PROGRESS: one folder deeper; the RFC's own link gains a `../`.
    const deeper = await step(repo, ['rfc-status', 'RFC-0001', '--set', 'IN_PROGRESS'], 'docs(rfc): RFC-0001 APPROVED → IN_PROGRESS');
    expect(deeper.stdout).toContain(`links   updated in ${ADR}`);
    expect(repo.files('rfcs')).toEqual([RFC_AT.inProgress]);
    const rfcDeep = repo.read(RFC_AT.inProgress);
    const deepToAdr = '../../../docs/adr/ADR-0001-store-order-events.md';
    expect(linkTargets(rfcDeep)).toEqual([deepToAdr]);
    expect(path.join(path.dirname(RFC_AT.inProgress), deepToAdr)).toBe(ADR);
    expect(repo.exists(path.join(path.dirname(RFC_AT.inProgress), deepToAdr))).toBe(true);
    // Only the link and the status fields changed in the RFC's body.
    expect(rfcDeep.slice(rfcDeep.indexOf('\n---\n'))).toBe(rfcApproved.slice(rfcApproved.indexOf('\n---\n')).replace(toAdr, deepToAdr));
    expect(frontmatter(rfcDeep).status).toBe('IN_PROGRESS');
    // And the ADR follows again, in the same commit.
    const inProgressLink = `../../rfcs/approved/in-progress/RFC-0001-${SLUG}.md`;
    expect(linkTargets(repo.read(ADR))).toEqual([inProgressLink, inProgressLink]);
    const changes2 = headChanges(repo);
    expect(changes2).toHaveLength(2);
    expect(changes2[0]).toBe(`M\t${ADR}`);
    expect(changes2[1]).toMatch(new RegExp(`^R\\d+\\t${RFC_AT.approved}\\t${RFC_AT.inProgress}$`));
  });

  it('leaves links to other files, URLs and unrelated documents alone', async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Event-sourced orders', '--reviewer', 'Alice'], 'docs(rfc): create RFC-0001 Event-sourced orders');
    writeIt(repo, RFC_AT.draft, 'rfc');
    repo.git('commit', '-q', '-am', 'test: write RFC-0001');
    await step(repo, ['create-rfc', 'Billing ledger'], 'docs(rfc): create RFC-0002 Billing ledger');
    await step(repo, ['create-adr', 'Store order events'], 'docs(adr): create ADR-0001 Store order events');
    const other = 'rfcs/draft/RFC-0002-billing-ledger.md';
    const untouched = [
      '',
      '- [Ledger](../../rfcs/draft/RFC-0002-billing-ledger.md)',
      '- [Spec](https://example.com/rfcs/draft/RFC-0001-event-sourced-orders.md)',
      '',
    ].join('\n');
    const adrText = `${repo.read(ADR)}${untouched}- [Orders](../../${RFC_AT.draft})\n`;
    repo.write(ADR, adrText);
    repo.git('commit', '-q', '-am', 'test: links');
    const otherBefore = repo.read(other);

    await step(repo, ['rfc-status', '1', '--set', 'REVIEW'], 'docs(rfc): RFC-0001 DRAFT → REVIEW');
    const after = repo.read(ADR);
    expect(after).toBe(adrText.replace(`../../${RFC_AT.draft}`, `../../${RFC_AT.review}`));
    expect(after).toContain('(https://example.com/rfcs/draft/RFC-0001-event-sourced-orders.md)');
    expect(after).toContain('(../../rfcs/draft/RFC-0002-billing-ledger.md)');
    expect(repo.read(other)).toBe(otherBefore);
    expect(headChanges(repo)).toHaveLength(2);
  });

  it("a document git does not know yet keeps its links true and stays the user's to commit; a successor it names is added whole, and said", async () => {
    const repo = makeRepo();
    await step(repo, ['create-rfc', 'Event-sourced orders', '--reviewer', 'Alice'], 'docs(rfc): create RFC-0001 Event-sourced orders');
    writeIt(repo, RFC_AT.draft, 'rfc');
    repo.git('commit', '-q', '-am', 'test: write RFC-0001');
    expect((await repo.run(['create-rfc', 'Billing ledger', '--no-commit'])).code).toBe(0);
    const draft = 'rfcs/draft/RFC-0002-billing-ledger.md';
    repo.write(draft, `${repo.read(draft)}\nSee [orders](RFC-0001-${SLUG}.md).\n`);
    // It links to the document that moves: its link follows, in the work tree, out of the commit.
    const commits = repo.commitCount();
    const moved = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stdout).toContain(`links   updated in ${draft}`);
    expect(repo.commitCount()).toBe(commits + 1);
    expect(repo.read(draft)).toContain(`See [orders](../review/RFC-0001-${SLUG}.md).`);
    expect(repo.git('show', '--name-only', '--no-renames', '--format=', 'HEAD').split('\n').sort()).toEqual([RFC_AT.draft, RFC_AT.review].sort());
    expect(repo.git('status', '--porcelain', '--untracked-files=all')).toBe(`?? ${draft}`);

    // It supersedes the moved one: half of that link, it goes into the commit whole.
    const r = await step(repo, ['rfc-status', '1', '--set', 'SUPERSEDED', '--by', 'RFC-0002'], 'docs(rfc): RFC-0001 REVIEW → SUPERSEDED');
    expect(r.stderr).toBe(`note: git did not know ${draft} yet, so this commit adds the whole file, with what is written in it.\n`);
    expect(frontmatter(repo.git('show', `HEAD:${draft}`)).supersedes).toBe('RFC-0001');
  });
});
