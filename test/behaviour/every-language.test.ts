/**
 * Titles in any script, end to end: a Japanese RFC and an emoji ADR keep their words in their file
 * names (core/slug.ts), count their words sensibly, line up in list's table by the columns they
 * take (terminal/width.ts), and go through list --json, check, show and a status change that moves
 * the file, check still clean. A file named in NFD, as macOS lists names, is read as well.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/terminal/width.js';
import { makeRepo, porcelain, SLOW } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

describe('titles in every language', () => {
  it('a title of emoji alone is compared as written: the same one again is refused as similar', async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', '🚀🔥', '--yes'])).code).toBe(0);
    const again = await repo.run(['create-rfc', '🚀🔥', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/A similar RFC already exists: RFC-0001 "🚀🔥"/);
    expect((await repo.run(['create-rfc', '🚀🌙', '--yes'])).code).toBe(0);
  });

  it('a Japanese RFC and an emoji ADR: file names, list, --json, check, show, a status change', SLOW, async () => {
    const repo = makeRepo();
    const rfc = await repo.run(['create-rfc', '認証方式の選定', '--reviewer', 'Alice Chen', '--yes']);
    expect(rfc.code, rfc.stderr).toBe(0);
    // Four words (認証 · 方式 · の · 選定): no advice about the title's length.
    expect(rfc.stderr).toBe('');
    expect(rfc.stdout).toContain('Created RFC-0001 認証方式の選定');
    expect(repo.files('rfcs')).toEqual(['rfcs/draft/RFC-0001-認証方式の選定.md']);
    const adr = await repo.run(['create-adr', '🚀 Launch plan', '--yes']);
    expect(adr.code, adr.stderr).toBe(0);
    expect(adr.stderr).toBe('');
    expect(repo.files('docs/adr')).toEqual(['docs/adr/ADR-0001-launch-plan.md']);
    const ru = await repo.run(['create-rfc', 'Выбор схемы аутентификации', '--yes']);
    expect(ru.code, ru.stderr).toBe(0);
    expect(repo.files('rfcs')).toContain('rfcs/draft/RFC-0002-выбор-схемы-аутентификации.md');
    expect(porcelain(repo)).toEqual([]);

    const list = await repo.run(['list']);
    expect(list.code, list.stderr).toBe(0);
    const lines = list.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('ID'))!;
    const rows = lines.filter((l) => /^(RFC|ADR)-\d{4} /.test(l));
    expect(rows).toHaveLength(3);
    // Each column starts at the same terminal column on every line: the author's, say.
    const authorAt = (l: string) => displayWidth(l.slice(0, l.indexOf(l.startsWith('ID') ? 'AUTHOR' : 'Test Author')));
    for (const row of rows) expect(authorAt(row)).toBe(authorAt(header));
    expect(rows.find((r) => r.startsWith('RFC-0001'))).toMatch(/^RFC-0001 {2}DRAFT +認証方式の選定 +Test Author {2}2026-11-25$/);

    const json = JSON.parse((await repo.run(['list', '--json'])).stdout) as { documents: Array<{ id: string; title: string; path: string }> };
    expect(json.documents.map((d) => [d.id, d.title, d.path])).toEqual(
      expect.arrayContaining([
        ['RFC-0001', '認証方式の選定', 'rfcs/draft/RFC-0001-認証方式の選定.md'],
        ['ADR-0001', '🚀 Launch plan', 'docs/adr/ADR-0001-launch-plan.md'],
      ]),
    );

    expect((await repo.run(['check'])).code).toBe(0);
    const show = await repo.run(['show', 'RFC-0001']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('認証方式の選定');
    expect(show.stdout).toContain('rfcs/draft/RFC-0001-認証方式の選定.md');

    writeIt(repo, 'rfcs/draft/RFC-0001-認証方式の選定.md', 'rfc');
    writeIt(repo, 'docs/adr/ADR-0001-launch-plan.md', 'adr');
    // A link to the RFC by its file name, written as people write it: the letters as they are.
    repo.write(
      'docs/adr/ADR-0001-launch-plan.md',
      `${repo.read('docs/adr/ADR-0001-launch-plan.md')}\nSee [the RFC](../../rfcs/draft/RFC-0001-認証方式の選定.md).\n`,
    );
    repo.git('commit', '-qam', 'written');
    expect((await repo.run(['check'])).code).toBe(0);
    const moved = await repo.run(['rfc-status', 'RFC-0001', '--set', 'REVIEW']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(repo.files('rfcs')).toContain('rfcs/review/RFC-0001-認証方式の選定.md');
    expect(repo.git('log', '-1', '--format=%s')).toBe('docs(rfc): RFC-0001 DRAFT → REVIEW');
    // A rename (the status and history change inside) and the ADR whose link follows it, names in git as on disk.
    const changes = repo.git('show', '--name-status', '-M', '--format=', '-z', 'HEAD').split('\0').filter(Boolean);
    expect(changes.map((c) => c.replace(/^R\d+$/, 'R'))).toEqual([
      'M',
      'docs/adr/ADR-0001-launch-plan.md',
      'R',
      'rfcs/draft/RFC-0001-認証方式の選定.md',
      'rfcs/review/RFC-0001-認証方式の選定.md',
    ]);
    // The link follows the file, percent-encoded as a URL is.
    expect(repo.read('docs/adr/ADR-0001-launch-plan.md')).toContain(`(${encodeURI('../../rfcs/review/RFC-0001-認証方式の選定.md')})`);
    const accepted = await repo.run(['adr-status', 'ADR-0001', '--set', 'ACCEPTED']);
    expect(accepted.code, accepted.stderr).toBe(0);
    // By its path too, as a shell completes it.
    expect((await repo.run(['status', 'rfcs/review/RFC-0001-認証方式の選定.md'])).code).toBe(0);
    const check = await repo.run(['check']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(check.stdout + check.stderr).not.toMatch(/error|warning/);
    expect(porcelain(repo)).toEqual([]);
  });

  it('reads a file named in NFD, as macOS lists names: its id, a path given in NFC, check, a status change', SLOW, async () => {
    const repo = makeRepo();
    expect((await repo.run(['create-rfc', 'ガバナンス', '--reviewer', 'Alice Chen', '--yes'])).code).toBe(0);
    const nfc = 'rfcs/draft/RFC-0001-ガバナンス.md';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    writeIt(repo, nfc, 'rfc');
    repo.git('mv', nfc, nfd);
    repo.git('commit', '-qam', 'written and named on a Mac');
    expect(repo.files('rfcs')).toEqual([nfd]);
    expect((await repo.run(['check'])).code).toBe(0);
    const list = await repo.run(['list', '--json']);
    expect((JSON.parse(list.stdout) as { documents: Array<{ id: string }> }).documents.map((d) => d.id)).toEqual(['RFC-0001']);
    expect((await repo.run(['show', nfc])).code).toBe(0);
    // The next number is after it, and the new file is named in NFC.
    const next = await repo.run(['create-rfc', 'ガバナンス 方針', '--yes']);
    expect(next.code, next.stderr).toBe(0);
    expect(repo.files('rfcs')).toContain('rfcs/draft/RFC-0002-ガバナンス-方針.md');
    const moved = await repo.run(['rfc-status', '1', '--set', 'REVIEW']);
    expect(moved.code, moved.stderr).toBe(0);
    expect((await repo.run(['check'])).code).toBe(0);
    expect(porcelain(repo)).toEqual([]);
  });
});
