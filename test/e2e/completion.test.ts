/**
 * The completion scripts in real shells, asking the built CLI (`archdoc __complete`) about a
 * repository: bash's `_archdoc` run with COMP_WORDS and COMP_CWORD set, COMPREPLY read back. zsh
 * and fish, when installed, check their scripts' syntax. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, makeRepo, type Repo, SLOW, tempDir, testEnv } from '../helpers.js';
import { startPty } from '../pty.js';

const has = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

/** A folder holding an `archdoc` that runs the built CLI, for PATH. */
function archdocOnPath(): string {
  const bin = tempDir('archdoc-bin-');
  fs.writeFileSync(path.join(bin, 'archdoc'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
  return bin;
}

let repo: Repo;
let bin: string;
let script: string;

/** What bash's completion offers for `words` (the last one being completed), in `cwd`. */
function bash(words: string[], cwd = repo.dir, onPath = true): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, "'\\''")}'`).join(' ');
  const cmd = `${script}\nCOMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _archdoc; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const env = testEnv(repo.home, { PATH: onPath ? `${bin}${path.delimiter}${process.env.PATH}` : (process.env.PATH ?? '') });
  delete env.NODE_EXTRA_CA_CERTS;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', cmd], { cwd, env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

/** A repository with RFC-0001 in DRAFT, RFC-0002 in REVIEW, ADR-0001 and TS-0001; temp folders go after each test (test/setup.ts). */
async function setUp(): Promise<void> {
  repo = makeRepo();
  for (const args of [
    ['create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice Chen'],
    ['create-rfc', '認証方式の選定', '--reviewer', 'Alice Chen'],
    ['create-adr', '🚀 Launch plan'],
    ['create-tech-spec', 'Orders service'],
  ]) {
    const r = await repo.run([...args, '--yes']);
    expect(r.code, r.stderr).toBe(0);
  }
  const text = repo.read('rfcs/draft/RFC-0002-認証方式の選定.md').replace('status: DRAFT', 'status: REVIEW');
  repo.write('rfcs/review/RFC-0002-認証方式の選定.md', text);
  repo.git('rm', '-q', 'rfcs/draft/RFC-0002-認証方式の選定.md');
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'RFC-0002 in review');
  bin = archdocOnPath();
  script = spawnSync(process.execPath, [BIN, 'completion', 'bash'], { encoding: 'utf8' }).stdout;
}

describe('completion scripts', () => {
  it('bash completes ids of the kind the command names, from the repository', SLOW, async () => {
    await setUp();
    expect(bash(['archdoc', 'rfc-status', ''])).toEqual(['RFC-0001', 'RFC-0002']);
    expect(bash(['archdoc', 'adr-status', ''])).toEqual(['ADR-0001']);
    expect(bash(['archdoc', 'show', ''])).toEqual(['RFC-0001', 'RFC-0002', 'TS-0001', 'ADR-0001']);
    expect(bash(['archdoc', 'status', 'RFC-'])).toEqual(['RFC-0001', 'RFC-0002']);
    expect(bash(['archdoc', 'create-tech-spec', 'Billing', '--rfc', ''])).toEqual(['RFC-0001', 'RFC-0002']);
    // Only the first argument is an id; options still complete.
    expect(bash(['archdoc', 'rfc-status', 'RFC-0001', ''])).toContain('--set');
    expect(bash(['archdoc', 'rfc-status', '--re'])).toEqual(['--reviewer']);
    // From elsewhere, with -C.
    expect(bash(['archdoc', '-C', repo.dir, 'adr-status', ''], tempDir())).toEqual(['ADR-0001']);
  });

  it('bash completes link and unlink as <from> <relation> <to>, and the writing loop commands', SLOW, async () => {
    await setUp();
    const ids = ['RFC-0001', 'RFC-0002', 'TS-0001', 'ADR-0001'];
    expect(bash(['archdoc', 'link', ''])).toEqual(ids);
    expect(bash(['archdoc', 'link', 'TS-0001', ''])).toEqual(['implements', 'relates-to', 'depends-on', 'amends']);
    // The relations the first document's kind has: RFCs implement nothing.
    expect(bash(['archdoc', 'link', 'RFC-0001', ''])).toEqual(['relates-to', 'depends-on', 'amends']);
    // Option values and check's paths are the shell's own (file names, with -o default).
    expect(bash(['archdoc', 'index', '--file', ''])).toEqual([]);
    expect(bash(['archdoc', 'check', ''])).toEqual([]);
    expect(script).toContain('complete -o default -F _archdoc archdoc');
    expect(bash(['archdoc', 'unlink', 'TS-0001', 'implements', 'RFC'])).toEqual(['RFC-0001', 'RFC-0002']);
    expect(bash(['archdoc', 'edit', 'ADR'])).toEqual(['ADR-0001']);
    expect(bash(['archdoc', 'graph', '--kind', ''])).toEqual(['rfc', 'tech-spec', 'adr', 'system-design']);
    expect(bash(['archdoc', 'graph', '--format', ''])).toEqual(['mermaid', 'dot']);
    expect(bash(['archdoc', 'check', '--format', ''])).toEqual(['text', 'json', 'github']);
    expect(bash(['archdoc', 'create-adr', 'X', '--relates-to', 'TS'])).toEqual(['TS-0001']);
  });

  it('bash completes --set with the statuses the document may move to next', SLOW, async () => {
    await setUp();
    expect(bash(['archdoc', 'rfc-status', 'RFC-0001', '--set', ''])).toEqual(['REVIEW', 'ABANDONED', 'SUPERSEDED']);
    expect(bash(['archdoc', 'rfc-status', '2', '--set', ''])).toEqual(['APPROVED', 'REJECTED', 'DRAFT', 'SUPERSEDED']);
    expect(bash(['archdoc', 'status', 'RFC-0002', '--comment', 'Ready', '--set', 'A'])).toEqual(['APPROVED']);
    expect(bash(['archdoc', 'adr-status', 'ADR-0001', '--set', ''])).toEqual(['ACCEPTED', 'REJECTED']);
    expect(bash(['archdoc', 'list-adrs', '--status', 'DE'])).toEqual(['DEPRECATED']);
  });

  it('bash completes the configured kinds for create and --type', SLOW, async () => {
    await setUp();
    repo.write(
      '.archdoc.yml',
      repo
        .read('.archdoc.yml')
        .replace(
          /^kinds:\n/m,
          'kinds:\n  prd:\n    prefix: PRD\n    folder: prds\n    statuses:\n      DRAFT: { folder: draft }\n    initial: DRAFT\n    transitions:\n      DRAFT: []\n',
        ),
    );
    try {
      expect(bash(['archdoc', 'create', ''])).toEqual(['rfc', 'tech-spec', 'adr', 'system-design', 'prd']);
      expect(bash(['archdoc', 'list', '--type', 'p'])).toEqual(['prd']);
    } finally {
      repo.git('checkout', '--', '.archdoc.yml');
    }
  });

  it('outside a repository, or without archdoc on PATH: no ids, the built-in statuses and kinds, no error', SLOW, async () => {
    await setUp();
    const outside = tempDir();
    expect(bash(['archdoc', 'rfc-status', ''], outside)).toEqual([]);
    expect(bash(['archdoc', 'rfc-status', '1', '--set', 'IN'], outside)).toEqual(['IN_PROGRESS']);
    expect(bash(['archdoc', 'rfc-status', ''], repo.dir, false)).toEqual([]);
    expect(bash(['archdoc', 'create', 't'], repo.dir, false)).toEqual(['tech-spec']);
    expect(bash(['archdoc', 'adr-status', '1', '--set', 'D'], repo.dir, false)).toEqual(['DEPRECATED']);
  });

  it('the hidden command in a process: its output, and silence with exit 0 on a broken configuration', SLOW, async () => {
    await setUp();
    const ok = repo.cli(['__complete', 'ids', '--kind', 'rfc']);
    expect(ok).toEqual({ code: 0, stdout: 'RFC-0001\nRFC-0002\n', stderr: '' });
    const broken = makeRepo();
    broken.write('.archdoc.yml', 'kinds: [unclosed\n');
    expect(broken.cli(['__complete', 'statuses', 'RFC-0001'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(broken.cli(['__complete', 'ids'], { cwd: tempDir() })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it.runIf(has('fish'))("fish completes ids, next statuses and link's relations from the repository", SLOW, async () => {
    await setUp();
    const file = path.join(tempDir(), 'archdoc.fish');
    fs.writeFileSync(file, spawnSync(process.execPath, [BIN, 'completion', 'fish'], { encoding: 'utf8' }).stdout);
    const fish = (line: string) => {
      const env = testEnv(repo.home, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
      const r = spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t')[0]!)
        .sort();
    };
    expect(fish('archdoc rfc-status ')).toEqual(['RFC-0001', 'RFC-0002']);
    expect(fish('archdoc rfc-status RFC-0002 --comment ok --set ')).toEqual(['APPROVED', 'DRAFT', 'REJECTED', 'SUPERSEDED']);
    expect(fish('archdoc create ')).toEqual(['adr', 'rfc', 'system-design', 'tech-spec']);
    // link and unlink: <from> <relation> <to>, the relations those of the first document's kind.
    const ids = ['ADR-0001', 'RFC-0001', 'RFC-0002', 'TS-0001'];
    expect(fish('archdoc link ')).toEqual(ids);
    expect(fish('archdoc link TS-0001 ')).toEqual(['amends', 'depends-on', 'implements', 'relates-to']);
    expect(fish('archdoc link RFC-0001 ')).toEqual(['amends', 'depends-on', 'relates-to']);
    expect(fish('archdoc unlink TS-0001 implements ')).toEqual(ids);
  });

  it.runIf(has('zsh'))('zsh, through bashcompinit, completes ids and next statuses from the repository', SLOW, async () => {
    await setUp();
    const file = path.join(tempDir(), 'archdoc.zsh');
    fs.writeFileSync(file, spawnSync(process.execPath, [BIN, 'completion', 'zsh'], { encoding: 'utf8' }).stdout);
    const zsh = (words: string[]) => {
      const env = testEnv(repo.home, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
      const quoted = words.map((w) => `'${w}'`).join(' ');
      const cmd = `autoload -U compinit && compinit -u -D; source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; compgen -F _archdoc -- ''`;
      const r = spawnSync('zsh', ['-f', '-c', cmd], { cwd: repo.dir, env, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      return r.stdout.split('\n').filter(Boolean);
    };
    expect(zsh(['archdoc', 'rfc-status', ''])).toEqual(['RFC-0001', 'RFC-0002']);
    expect(zsh(['archdoc', 'rfc-status', 'RFC-0002', '--set', ''])).toEqual(['APPROVED', 'REJECTED', 'DRAFT', 'SUPERSEDED']);
  });

  it.runIf(has('zsh'))('zsh, with the script installed on $fpath, completes the very first Tab', SLOW, async () => {
    await setUp();
    const fpath = tempDir('archdoc-fpath-');
    fs.writeFileSync(path.join(fpath, '_archdoc'), spawnSync(process.execPath, [BIN, 'completion', 'zsh'], { encoding: 'utf8' }).stdout);
    const env = testEnv(repo.home, { PATH: `${bin}${path.delimiter}${process.env.PATH}`, TERM: 'xterm' });
    const zsh = startPty(['zsh', '-f', '-i'], { cwd: repo.dir, env, timeoutMs: 20_000 });
    zsh.type(`fpath=('${fpath}' $fpath); autoload -U compinit; compinit -u -D; PS1='ready> '\r`);
    await zsh.waitFor('ready> ');
    // The first Tab loads _archdoc from $fpath; it must complete this Tab, not only the next.
    zsh.type('archdoc create-r\t');
    await zsh.waitFor('archdoc create-rfc');
    // Clear the line (Ctrl-U), then leave.
    zsh.type('\u0015exit\r');
    expect((await zsh.done).code).toBe(0);
  });

  it('zsh and fish scripts parse, where those shells are installed', () => {
    for (const [shell, check] of [
      ['zsh', '-n'],
      ['fish', '--no-execute'],
    ] as const) {
      if (!has(shell)) continue;
      // From a file: fish does not read a script from a socket, which is what Node gives a child for stdin.
      const file = path.join(tempDir(), `archdoc.${shell}`);
      fs.writeFileSync(file, spawnSync(process.execPath, [BIN, 'completion', shell], { encoding: 'utf8' }).stdout);
      const r = spawnSync(shell, [check, file], { encoding: 'utf8' });
      expect(r.status, `${shell}: ${r.stderr}`).toBe(0);
    }
    // bash reads the zsh script's body too: it is the bash script behind bashcompinit.
    const zsh = spawnSync(process.execPath, [BIN, 'completion', 'zsh'], { encoding: 'utf8' }).stdout;
    expect(spawnSync('bash', ['-n'], { input: zsh.replace(/^autoload.*$/m, '') }).status).toBe(0);
  });
});
