/**
 * `archdoc edit <id>` and `create --open`: the editor chosen as git chooses it ($VISUAL, $EDITOR,
 * core.editor, vi) and run through `sh -c` with the file as an argument of its own; the document
 * checked afterwards; nothing committed; a failing editor exits 1; without a terminal the path is
 * printed and no editor started. The editor is a real script in the test's folder, run by archdoc
 * in this process with a System whose stdin and stdout claim to be a terminal.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/entry/main.js';
import type { EditorRunner } from '../../src/terminal/editor.js';
import { testSystem, type RunResult } from '../env.js';
import { DATE, hasStackTrace, makeRepo, porcelain, Repo, SLOW, tempDir, testEnv } from '../helpers.js';
import { FOLDER, rfcText } from './rfc-fixtures.js';

/**
 * A fake editor in a folder whose name has a space: writes each argument it gets on a line of
 * `$FAKE_LOG`, then edits its last argument with `sed -i "$FAKE_SED"` when set, and exits with
 * `$FAKE_EXIT` (0 by default).
 */
function fakeEditor(name = 'fake editor.sh'): { script: string; log: string } {
  const dir = path.join(tempDir(), 'my tools');
  fs.mkdirSync(dir);
  const script = path.join(dir, name);
  const log = path.join(dir, `${name}.log`);
  fs.writeFileSync(
    script,
    [
      '#!/bin/sh',
      `: > "${log}"`,
      `for a in "$@"; do printf '%s\\n' "$a" >> "${log}"; last="$a"; done`,
      'if [ -n "$FAKE_SED" ]; then sed -i "$FAKE_SED" "$last"; fi',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell default, for the script
      'exit "${FAKE_EXIT:-0}"',
      '',
    ].join('\n'),
  );
  fs.chmodSync(script, 0o755);
  return { script, log };
}

const args = (log: string) => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(0, -1) : undefined);

/** The editor command for a script whose path has a space: quoted, as a person writes it in $EDITOR. */
const quoted = (script: string) => `'${script}'`;

/** Runs archdoc in this process with stdin and stdout at a (pretend) terminal. */
async function atTerminal(repo: Repo, argv: string[], env: NodeJS.ProcessEnv, runEditor?: EditorRunner): Promise<RunResult> {
  const system = testSystem(repo.dir, testEnv(repo.home, env), { terminal: true });
  if (runEditor) system.runEditor = runEditor;
  const code = await main(['node', 'archdoc', ...argv], system);
  return { code, stdout: system.stdout.text, stderr: system.stderr.text };
}

const RFC = `${FOLDER.REVIEW}/RFC-0001-adopt-postgresql.md`;

/** A repository holding RFC-0001 in REVIEW, written and committed, with nothing for check to say. */
function withRfcInReview(): Repo {
  const repo = makeRepo();
  repo.write(
    RFC,
    rfcText({
      id: 'RFC-0001',
      title: 'Adopt PostgreSQL',
      status: 'REVIEW',
      reviewers: [{ name: 'Alice Chen', status: 'pending' }],
      extra: { created: DATE, last_updated: DATE },
    }),
  );
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'test: RFC-0001 in review');
  return repo;
}

describe('archdoc edit at a terminal', SLOW, () => {
  it('runs $EDITOR with its own arguments and the absolute path as one more, then checks the document; commits nothing', async () => {
    const repo = withRfcInReview();
    const { script, log } = fakeEditor();
    const clean = await atTerminal(repo, ['edit', 'RFC-0001'], { EDITOR: `${quoted(script)} --wait -c 'set two words'` });
    expect(clean.code, clean.stderr).toBe(0);
    expect(args(log)).toEqual(['--wait', '-c', 'set two words', path.join(repo.dir, RFC)]);
    expect(clean.stdout).toBe('No problems in 1 document.\n');
    // The editor changed nothing: no note about edits to commit.
    expect(clean.stderr).toBe('');

    const count = repo.commitCount();
    const edited = await atTerminal(repo, ['edit', '1'], {
      EDITOR: quoted(script),
      FAKE_SED: 's/^Disadvantages: two replicas/Disadvantages: obviously two replicas/',
    });
    expect(edited.code, edited.stderr).toBe(0);
    expect(repo.read(RFC)).toContain('Disadvantages: obviously two replicas');
    // The same findings `archdoc check <file>` prints for it.
    const check = await repo.run(['check', RFC]);
    expect(check.code).toBe(0);
    expect(edited.stdout).toBe(check.stdout);
    expect(edited.stdout).toMatch(new RegExp(`^${RFC}:\\d+:16: warning loaded-word: loaded word "obviously" in Options Analysis`));
    expect(edited.stdout).toMatch(/\n\n0 errors, 1 warning in 1 file \(1 document checked\)\.\n$/);
    expect(edited.stderr).toBe(`note: archdoc does not commit your edits to ${RFC}: commit them yourself (a status change commits only its own change).\n`);
    // Nothing committed: the edit is in the work tree only.
    expect(repo.commitCount()).toBe(count);
    expect(porcelain(repo)).toEqual([` M ${RFC}`]);
  });

  it('shows what broke the frontmatter, and still exits 0', async () => {
    const repo = withRfcInReview();
    const { script } = fakeEditor();
    const r = await atTerminal(repo, ['edit', 'rfc-1'], { EDITOR: quoted(script), FAKE_SED: 's/^title: .*/title: [unclosed/' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^${RFC}:\\d+:\\d+: error frontmatter-parse: `, 'm'));
    expect(r.stdout).toMatch(/^1 error, 0 warnings in 1 file \(1 document checked\)\.$/m);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('takes $VISUAL before $EDITOR, and git core.editor when neither is set', async () => {
    const repo = withRfcInReview();
    const visual = fakeEditor('visual.sh');
    const editor = fakeEditor('editor.sh');
    const core = fakeEditor('core.sh');
    expect((await atTerminal(repo, ['edit', 'RFC-0001'], { VISUAL: quoted(visual.script), EDITOR: quoted(editor.script) })).code).toBe(0);
    expect(args(visual.log)).toEqual([path.join(repo.dir, RFC)]);
    expect(args(editor.log)).toBeUndefined();

    repo.git('config', 'core.editor', `${quoted(core.script)} --from-git`);
    expect((await atTerminal(repo, ['edit', 'RFC-0001'], { EDITOR: quoted(editor.script) })).code).toBe(0);
    expect(args(core.log)).toBeUndefined();
    expect((await atTerminal(repo, ['edit', 'RFC-0001'], {})).code).toBe(0);
    expect(args(core.log)).toEqual(['--from-git', path.join(repo.dir, RFC)]);
  });

  it('passes a path with spaces and shell words as one argument, never as shell text', async () => {
    // The repository in a folder whose name has a space and a command substitution in it.
    const made = makeRepo();
    const repo = new Repo(path.join(tempDir(), 'my $(touch pwned) repo'), made.home);
    fs.cpSync(made.dir, repo.dir, { recursive: true });
    const created = await repo.run(['create-rfc', "Adopt Bob's PostgreSQL", '--yes']);
    expect(created.code, created.stderr).toBe(0);
    const rel = repo.find('RFC-0001');
    const { script, log } = fakeEditor();
    const r = await atTerminal(repo, ['edit', 'RFC-0001'], { EDITOR: quoted(script) });
    expect(r.code, r.stderr).toBe(0);
    expect(args(log)).toEqual([path.join(repo.dir, rel)]);
    expect(fs.readdirSync(path.dirname(repo.dir))).toEqual(['my $(touch pwned) repo']);
    expect(repo.exists('pwned')).toBe(false);
  });

  it('exits 1 with one line when the editor fails, and checks nothing', async () => {
    const repo = withRfcInReview();
    const { script } = fakeEditor();
    const r = await atTerminal(repo, ['edit', 'RFC-0001'], { EDITOR: quoted(script), FAKE_EXIT: '3' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: The editor ('${script}') exited with 3; nothing was checked.\n`);

    const missing = await atTerminal(repo, ['edit', 'RFC-0001'], { EDITOR: 'no-such-editor-here' });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe('error: The editor (no-such-editor-here) was not found (exit code 127): set $VISUAL or $EDITOR; nothing was checked.\n');
  });

  it('refuses an unknown id before starting any editor', async () => {
    const repo = withRfcInReview();
    let started = 0;
    const r = await atTerminal(repo, ['edit', 'RFC-0009'], { EDITOR: 'true' }, async () => {
      started++;
      return { code: 0 };
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: No RFC RFC-0009 found/);
    expect(started).toBe(0);
  });

  it('runs the editor given through the System, with the command chosen and the absolute path', async () => {
    const repo = withRfcInReview();
    const calls: Array<{ command: string; file: string; cwd: string }> = [];
    const r = await atTerminal(repo, ['-C', 'rfcs', 'edit', 'review/RFC-0001-adopt-postgresql.md'], { VISUAL: 'my-editor -n' }, async (command, file, o) => {
      calls.push({ command, file, cwd: o.cwd });
      return { code: 0 };
    });
    expect(r.code, r.stderr).toBe(0);
    expect(calls).toEqual([{ command: 'my-editor -n', file: path.join(repo.dir, RFC), cwd: path.join(repo.dir, 'rfcs') }]);
    expect(r.stdout).toBe('No problems in 1 document.\n');
  });
});

describe('archdoc edit without a terminal', () => {
  it('prints the path, relative to where it runs, and starts no editor', async () => {
    const repo = withRfcInReview();
    const { script, log } = fakeEditor();
    const r = await repo.run(['edit', 'RFC-0001'], { env: { EDITOR: quoted(script) } });
    expect(r).toEqual({ code: 0, stdout: `${RFC}\n`, stderr: '' });
    const sub = await repo.run(['edit', 'RFC-0001'], { cwd: path.join(repo.dir, 'rfcs', 'draft'), env: { EDITOR: quoted(script) } });
    expect(sub).toEqual({ code: 0, stdout: '../review/RFC-0001-adopt-postgresql.md\n', stderr: '' });
    expect(args(log)).toBeUndefined();
  });
});

describe('create --open', SLOW, () => {
  it('opens the new document once it is committed, then checks it; --yes does not stop it', async () => {
    const repo = makeRepo();
    const { script, log } = fakeEditor();
    const count = repo.commitCount();
    const r = await atTerminal(repo, ['create-adr', 'Use UUIDs for ids', '--yes', '--open'], { EDITOR: quoted(script), FAKE_SED: '$a Written in the editor.' });
    expect(r.code, r.stderr).toBe(0);
    const rel = 'docs/adr/ADR-0001-use-uuids-for-ids.md';
    expect(args(log)).toEqual([path.join(repo.dir, rel)]);
    // Created and committed first; the editor's text stays uncommitted.
    expect(repo.commitCount()).toBe(count + 1);
    expect(repo.git('show', `HEAD:${rel}`)).not.toContain('Written in the editor.');
    expect(repo.read(rel)).toContain('Written in the editor.');
    expect(porcelain(repo)).toEqual([` M ${rel}`]);
    expect(r.stdout).toMatch(/^Created ADR-0001 Use UUIDs for ids$/m);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('No problems in 1 document.');
    expect(r.stderr).toContain(`note: archdoc does not commit your edits to ${rel}`);
  });

  it('a failing editor exits 1, the document created and committed', async () => {
    const repo = makeRepo();
    const { script } = fakeEditor();
    const r = await atTerminal(repo, ['create-rfc', 'Adopt PostgreSQL', '--yes', '--open'], { EDITOR: quoted(script), FAKE_EXIT: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: The editor ('${script}') exited with 1; RFC-0001 was created and committed, but not checked.\n`);
    expect(repo.log()[0]).toBe('docs(rfc): create RFC-0001 Adopt PostgreSQL');
  });

  it('without a terminal starts no editor, and says so', async () => {
    const repo = makeRepo();
    const { script, log } = fakeEditor();
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL', '--open'], { env: { EDITOR: quoted(script) } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('note: --open: no terminal, so no editor was started.\n');
    expect(args(log)).toBeUndefined();
  });
});
