import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers.js';

/** Anything a terminal would act on: C0 controls but newline, DEL, C1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('what archdoc prints from documents is escaped', () => {
  it('a title with terminal escape codes and a file name with a newline: list, show and check print them escaped, one finding a line', async () => {
    const repo = makeRepo();
    const evil = 'Evil \u001b]0;PWNED\u0007 title \u001b[2J';
    repo.write(
      'rfcs/draft/RFC-0001-evil.md',
      `---\nrfc_id: RFC-0001\ntitle: "${evil.replaceAll('\u001b', '\\e').replaceAll('\u0007', '\\a')}"\nstatus: DRAFT\n---\n\n# Evil\n`,
    );
    // A file name that would forge a GitHub annotation if printed raw.
    repo.write('rfcs/draft/RFC-0002-x\n::error title=forged::gotcha.md', '---\nrfc_id: RFC-0002\ntitle: Forged name\nstatus: NOPE\n---\n');
    for (const args of [['list'], ['list', '--format', 'list'], ['show', 'RFC-0001'], ['check'], ['check', '--format', 'github']]) {
      const r = await repo.run(args);
      expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(CONTROL);
      expect(r.stdout, args.join(' ')).not.toMatch(/^::error title=forged/m);
    }
    const check = await repo.run(['check']);
    expect(check.code).toBe(1);
    const finding = check.stdout.split('\n').filter((l) => l.includes('RFC-0002'));
    expect(finding).toHaveLength(1);
    expect(finding[0]).toContain('RFC-0002-x\\n::error title=forged::gotcha.md');
    const show = await repo.run(['show', 'RFC-0001']);
    expect(show.stdout).toContain('Evil \\x1b]0;PWNED\\x07 title \\x1b[2J');
  });

  it("with colour on, archdoc keeps its own colour codes and still escapes the document's", async () => {
    const repo = makeRepo();
    repo.write('rfcs/draft/RFC-0001-evil.md', '---\nrfc_id: RFC-0001\ntitle: "Evil \\e]0;PWNED\\a title"\nstatus: DRAFT\n---\n\n# Evil\n');
    const r = await repo.run(['list'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('\u001b[1m');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('\\x1b]0;PWNED\\x07');
  });
});
