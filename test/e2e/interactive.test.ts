/**
 * The built program at a real terminal (a pseudo-terminal from util-linux `script`, test/pty.ts):
 * create's questions answered with keys, and the editor `edit` and `--open` start. And without a
 * terminal: no question, no editor, the path printed. The questions' logic is tested in-process in
 * test/behaviour/create-interactive.test.ts, the editor's in test/behaviour/edit.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, frontmatter, headFiles, makeRepo, porcelain, SLOW, tempDir, testEnv, type Repo } from '../helpers.js';
import { KEY, startPty } from '../pty.js';

/** The built CLI in a pseudo-terminal in `repo`. */
function atTerminal(repo: Repo, args: string[], env: NodeJS.ProcessEnv = {}) {
  return startPty([process.execPath, BIN, ...args], { cwd: repo.dir, env: testEnv(repo.home, { TERM: 'xterm', ...env }) });
}

/** An editor script that appends a line to the file it is given and records its arguments. */
function fakeEditor(): { script: string; log: string } {
  const dir = tempDir();
  const script = path.join(dir, 'editor.sh');
  const log = path.join(dir, 'args');
  fs.writeFileSync(script, `#!/bin/sh\nprintf '%s\\n' "$@" > "${log}"\nprintf '\\nWritten in the editor.\\n' >> "$1"\n`);
  fs.chmodSync(script, 0o755);
  return { script, log };
}

describe('at a terminal', SLOW, () => {
  it('create-tech-spec asks for what is missing, answered with keys; one commit holds the answers', async () => {
    const repo = makeRepo();
    expect(repo.cli(['create-rfc', 'Adopt PostgreSQL']).code).toBe(0);
    expect(repo.cli(['create-adr', 'Use UUIDs for order ids']).code).toBe(0);
    const before = repo.commitCount();
    const pty = atTerminal(repo, ['create-tech-spec']);
    await pty.answer('Tech spec title:', `Orders service API${KEY.enter}`);
    await pty.answer('Reviewers (comma-separated, Enter for none):', `Alice Chen, Bob Li${KEY.enter}`);
    // "none" first, then the RFCs: down once picks RFC-0001.
    await pty.waitFor('The RFC it implements:');
    await pty.answer('RFC-0001  Adopt PostgreSQL (DRAFT)', `${KEY.down}${KEY.enter}`);
    // RFC-0001 is named already: only the ADR (and no tech spec) is offered as related.
    await pty.waitFor('Related documents (relates to):');
    await pty.answer('ADR-0001  Use UUIDs for order ids (PROPOSED)', `${KEY.space}${KEY.enter}`);
    const r = await pty.done;
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain('Created TS-0001 Orders service API');
    expect(r.screen).toContain('relates to ADR-0001');
    const rel = 'tech-specs/draft/TS-0001-orders-service-api.md';
    const data = frontmatter(repo.read(rel));
    expect(data.decision_ref).toBe('RFC-0001');
    expect(data.reviewers).toEqual([
      { name: 'Alice Chen', status: 'pending' },
      { name: 'Bob Li', status: 'pending' },
    ]);
    expect(data.relates_to).toEqual(['ADR-0001']);
    expect(repo.commitCount()).toBe(before + 1);
    expect(headFiles(repo)).toEqual([rel]);
    expect(porcelain(repo)).toEqual([]);
  });

  it('edit and create --open run the editor on the terminal, then check; the edits stay uncommitted', async () => {
    const repo = makeRepo();
    const { script, log } = fakeEditor();
    const pty = atTerminal(repo, ['create-adr', 'Use UUIDs for order ids', '--yes', '--open'], { EDITOR: script });
    const created = await pty.done;
    expect(created.code, created.screen).toBe(0);
    const rel = 'docs/adr/ADR-0001-use-uuids-for-order-ids.md';
    expect(fs.readFileSync(log, 'utf8')).toBe(`${path.join(repo.dir, rel)}\n`);
    expect(created.screen).toMatch(/Created ADR-0001 Use UUIDs for order ids[\s\S]*No problems in 1 document\./);

    const edit = atTerminal(repo, ['edit', 'adr-1'], { VISUAL: script, EDITOR: 'false' });
    const edited = await edit.done;
    expect(edited.code, edited.screen).toBe(0);
    expect(edited.screen).toContain('No problems in 1 document.');
    expect(edited.screen).toContain(`note: archdoc does not commit your edits to ${rel}`);
    expect(repo.read(rel).match(/Written in the editor\./g)).toHaveLength(2);
    expect(porcelain(repo)).toEqual([` M ${rel}`]);

    const failing = await atTerminal(repo, ['edit', 'adr-1'], { EDITOR: 'false' }).done;
    expect(failing.code).toBe(1);
    expect(failing.screen.trim()).toBe('error: The editor (false) exited with 1; nothing was checked.');
  });
});

describe('archdoc new at a terminal', SLOW, () => {
  const YES = `y${KEY.enter}`;
  const NO = `n${KEY.enter}`;

  /** Runs `new` with `args`, answers `steps` (what the terminal shows, then the keys), and expects one commit of `file`. */
  async function newAt(args: string[], steps: Array<[string, string]>, file: string) {
    const repo = makeRepo();
    const before = repo.commitCount();
    const pty = atTerminal(repo, ['new', ...args]);
    for (const [shown, keys] of steps) await pty.answer(shown, keys);
    const r = await pty.done;
    expect(r.code, r.screen).toBe(0);
    expect(repo.commitCount()).toBe(before + 1);
    expect(headFiles(repo)).toEqual([file]);
    expect(porcelain(repo)).toEqual([]);
    return { repo, screen: r.screen, data: frontmatter(repo.read(file)) };
  }

  it('a whole system: one question, the system design recommended and taken with Enter, its title asked', async () => {
    const { screen } = await newAt(
      [],
      [
        ["Is it a whole system's shape?", YES],
        ['Create:', KEY.enter],
        ['System design title:', `Checkout platform${KEY.enter}`],
        ['Reviewers (comma-separated, Enter for none):', KEY.enter],
      ],
      'system-designs/draft/SD-0001-checkout-platform.md',
    );
    expect(screen).toContain("Recommended: System design\n  It is a whole system's shape, so a system design draws");
    expect(screen).toContain('System design (recommended)');
    expect(screen).toContain('Created SD-0001 Checkout platform');
    expect(screen).not.toContain('Is the approach already decided');
  });

  it('the approach decided: two questions, then a tech spec', async () => {
    const { screen } = await newAt(
      ['Orders service API'],
      [
        ["Is it a whole system's shape?", NO],
        ['Is the approach already decided, and only the how is missing?', YES],
        ['Create:', KEY.enter],
        ['Reviewers (comma-separated, Enter for none):', KEY.enter],
      ],
      'tech-specs/draft/TS-0001-orders-service-api.md',
    );
    expect(screen).toContain('Recommended: Tech spec\n  The approach is decided and only the how is missing');
    expect(screen).toContain('Created TS-0001 Orders service API');
    expect(screen).not.toContain('Are there several viable options?');
  });

  it('several options crossing teams: an RFC, the questions after the first stake not asked', async () => {
    const { screen, data } = await newAt(
      ['Split the orders service'],
      [
        ["Is it a whole system's shape?", NO],
        ['Is the approach already decided, and only the how is missing?', NO],
        ['Are there several viable options?', YES],
        ['Does it cross team boundaries?', YES],
        ['Create:', KEY.enter],
        ['Reviewers (comma-separated, Enter for none):', `Alice Chen${KEY.enter}`],
      ],
      'rfcs/draft/RFC-0001-split-the-orders-service.md',
    );
    expect(screen).toContain('Recommended: RFC\n  Several options are viable and the choice crosses team boundaries');
    expect(screen).not.toContain('Is it costly to reverse?');
    expect(data.reviewers).toEqual([{ name: 'Alice Chen', status: 'pending' }]);
  });

  it('one viable option: an ADR, what an option answered not asked', async () => {
    const { screen } = await newAt(
      ['Use ULIDs for order ids', '--no-whole-system'],
      [
        ['Is the approach already decided, and only the how is missing?', NO],
        ['Are there several viable options?', NO],
        ['Create:', KEY.enter],
        ['Reviewers (comma-separated, Enter for none):', KEY.enter],
      ],
      'docs/adr/ADR-0001-use-ulids-for-order-ids.md',
    );
    expect(screen).toContain('Recommended: ADR\n  Only one option is viable');
    expect(screen).not.toContain("Is it a whole system's shape?");
    expect(screen).toContain('Created ADR-0001 Use ULIDs for order ids');
  });

  it('another kind than the one recommended can be chosen', async () => {
    const { screen } = await newAt(
      ['Checkout platform', '--whole-system'],
      // The recommended system design first, then the RFC: one down.
      [
        ['Create:', `${KEY.down}${KEY.enter}`],
        ['Reviewers (comma-separated, Enter for none):', KEY.enter],
      ],
      'rfcs/draft/RFC-0001-checkout-platform.md',
    );
    expect(screen).toContain('Recommended: System design');
    expect(screen).toContain('Created RFC-0001 Checkout platform');
  });
});

describe('without a terminal', SLOW, () => {
  it('edit prints the path and starts no editor; create asks nothing and --open opens nothing', () => {
    const repo = makeRepo();
    const { script, log } = fakeEditor();
    expect(repo.cli(['create-rfc'], { env: { EDITOR: script } })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'error: Missing title: give it as the argument, e.g. archdoc create-rfc "Adopt PostgreSQL"\n',
    });
    const created = repo.cli(['create-rfc', 'Adopt PostgreSQL', '--open'], { env: { EDITOR: script } });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toBe('note: --open: no terminal, so no editor was started.\n');
    const edit = repo.cli(['edit', 'RFC-0001'], { env: { EDITOR: script } });
    expect(edit).toEqual({ code: 0, stdout: 'rfcs/draft/RFC-0001-adopt-postgresql.md\n', stderr: '' });
    expect(fs.existsSync(log)).toBe(false);
    expect(porcelain(repo)).toEqual([]);
  });
});
