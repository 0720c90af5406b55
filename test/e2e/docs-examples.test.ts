/**
 * The documentation's examples are tests (a doctest over docs/*.md).
 *
 * Every fenced block whose info string is `console` holds `$ command` lines, each followed by the
 * exact output a user sees: stdout, then stderr, not a terminal, NO_COLOR. The blocks of one file
 * run in order, in one fresh git repository per file (identity "Test Author", date 2026-11-25).
 *
 * - `$ archdoc ...` runs the built CLI. It must exit 0, except in a block whose info string is
 *   `console exit=N`: there the block's last `$ archdoc` line must exit N (the refusal it shows)
 *   and the others 0.
 * - Other `$ ` lines are setup, limited to a few safe commands (ALLOWED below); they run with
 *   `sh -c` in the repository, must exit 0, and their output is compared too. A heredoc
 *   (`cat > file <<'EOF'` ... `EOF`) belongs to its command line.
 * - Outputs are compared exactly, after trimming trailing whitespace on each line and trailing
 *   blank lines.
 *
 * `UPDATE_DOCS=1` rewrites the expected outputs in the Markdown files instead of asserting them
 * (exit codes are still asserted). Read the diff before committing it.
 *
 * Two tables are also kept true to the code: the workflow diagrams of docs/workflows.md (one
 * Mermaid block per kind, marked `%% kind: <name>`) against src/core/kinds.ts, and the rule table
 * of docs/configuration.md against the rules' ids, severities and descriptions.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/core/check/index.js';
import { statusRules } from '../../src/core/check/statuses.js';
import { DEFAULT_KINDS } from '../../src/core/kinds.js';
import { BIN, makeRepo, tempDir, testEnv, type Repo } from '../helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');
const UPDATE = process.env.UPDATE_DOCS === '1';

/** Setup commands a docs example may run besides archdoc (first word; git: these subcommands). */
const ALLOWED = new Set(['printf', 'cat', 'sed', 'head', 'tail', 'mkdir', 'ls', 'echo', 'git']);
const ALLOWED_GIT = new Set(['add', 'commit', 'log', 'status', 'show', 'diff', 'mv']);

interface Command {
  /** 0-based line of the `$ ` line in the file. */
  line: number;
  /** The command as `sh -c` gets it (with its heredoc lines). */
  text: string;
  archdoc: boolean;
  /** 0-based lines [start, end) holding the expected output. */
  outStart: number;
  outEnd: number;
  expected: string[];
}

interface Block {
  line: number;
  exit: number;
  commands: Command[];
}

interface Ran {
  cmd: Command;
  block: Block;
  code: number;
  actual: string[];
  expectedCode: number;
}

/** Trailing whitespace off every line, trailing blank lines off the end. */
function normalise(lines: string[]): string[] {
  const out = lines.map((l) => l.replace(/\s+$/, ''));
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

function parseBlocks(text: string, file: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,}|~{3,})\s*(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const info = open[2]!.trim();
    let end = i + 1;
    while (end < lines.length && !(lines[end]!.startsWith(fence) && lines[end]!.slice(fence.length).trim() === '')) end++;
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: fence never closed`);
    const words = info.split(/\s+/);
    if (words[0] === 'console') {
      const attrs = words.slice(1);
      let exit = 0;
      for (const a of attrs) {
        const m = /^exit=([12])$/.exec(a);
        if (!m) throw new Error(`${file}:${i + 1}: unknown console block attribute "${a}" (use exit=1 or exit=2)`);
        exit = Number(m[1]);
      }
      blocks.push({ line: i, exit, commands: parseCommands(lines, i + 1, end, file) });
    }
    i = end;
  }
  return blocks;
}

function parseCommands(lines: string[], start: number, end: number, file: string): Command[] {
  const commands: Command[] = [];
  let i = start;
  while (i < end) {
    const line = lines[i]!;
    if (!line.startsWith('$ ')) {
      if (commands.length === 0 && line.trim() !== '') throw new Error(`${file}:${i + 1}: a console block must start with a "$ " line`);
      i++;
      continue;
    }
    const first = line.slice(2);
    const textLines = [first];
    const cmdLine = i;
    i++;
    const heredoc = /<<-?\s*(['"]?)([A-Za-z_]+)\1/.exec(first);
    if (heredoc) {
      while (i < end && lines[i] !== heredoc[2]) textLines.push(lines[i++]!);
      if (i >= end) throw new Error(`${file}:${cmdLine + 1}: heredoc ${heredoc[2]} never ends`);
      textLines.push(lines[i++]!);
    }
    const outStart = i;
    while (i < end && !lines[i]!.startsWith('$ ')) i++;
    const text = textLines.join('\n');
    const archdoc = /^archdoc(\s|$)/.test(first);
    if (!archdoc) {
      const [word, sub] = first.trim().split(/\s+/);
      if (!ALLOWED.has(word!) || (word === 'git' && !ALLOWED_GIT.has(sub ?? ''))) {
        throw new Error(`${file}:${cmdLine + 1}: "${first}" is not an allowed setup command (${[...ALLOWED].join(', ')})`);
      }
    }
    commands.push({ line: cmdLine, text, archdoc, outStart, outEnd: i, expected: normalise(lines.slice(outStart, i)) });
  }
  return commands;
}

function sh(repo: Repo, text: string, env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', text], { cwd: repo.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** An `archdoc` on PATH that runs the built CLI with this Node. */
function shimDir(): string {
  const dir = tempDir('archdoc-bin-');
  const shim = path.join(dir, 'archdoc');
  fs.writeFileSync(shim, `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  fs.chmodSync(shim, 0o755);
  return dir;
}

async function runFile(blocks: Block[], bin: string): Promise<Ran[]> {
  const repo = makeRepo({ init: false });
  const env = testEnv(repo.home, { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` });
  const ran: Ran[] = [];
  for (const block of blocks) {
    const last = block.commands.filter((c) => c.archdoc).pop();
    for (const cmd of block.commands) {
      const r = await sh(repo, cmd.text, env);
      const expectedCode = cmd === last ? block.exit : 0;
      ran.push({ cmd, block, code: r.code, actual: normalise((r.stdout + r.stderr).split('\n')), expectedCode });
    }
  }
  return ran;
}

/** Writes the actual outputs into the file in place of the expected ones. */
function rewrite(file: string, text: string, ran: Ran[]): boolean {
  const lines = text.split('\n');
  let changed = false;
  for (const r of [...ran].sort((a, b) => b.cmd.outStart - a.cmd.outStart)) {
    if (r.actual.join('\n') === r.cmd.expected.join('\n')) continue;
    // Keep blank lines that separated this output from the next command.
    const trailing = lines.slice(r.cmd.outStart, r.cmd.outEnd);
    let keep = 0;
    while (keep < trailing.length && trailing[trailing.length - 1 - keep]!.trim() === '') keep++;
    const blank = keep ? trailing.slice(trailing.length - keep) : [];
    lines.splice(r.cmd.outStart, r.cmd.outEnd - r.cmd.outStart, ...r.actual, ...blank);
    changed = true;
  }
  if (changed) fs.writeFileSync(file, lines.join('\n'));
  return changed;
}

const files = fs
  .readdirSync(DOCS)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => {
    const file = path.join(DOCS, f);
    const text = fs.readFileSync(file, 'utf8');
    return { name: f, file, text, blocks: parseBlocks(text, `docs/${f}`) };
  })
  .filter((f) => f.blocks.length > 0);

const results = new Map<string, Ran[]>();

describe('documentation examples (docs/*.md console blocks)', () => {
  beforeAll(async () => {
    const bin = shimDir();
    // One repository per file; the files run side by side, each file's commands in order.
    await Promise.all(
      files.map(async (f) => {
        const ran = await runFile(f.blocks, bin);
        results.set(f.name, ran);
        if (UPDATE) rewrite(f.file, f.text, ran);
      }),
    );
  }, 180_000);

  it('finds console examples in the docs', () => {
    expect(files.map((f) => f.name)).toEqual(expect.arrayContaining(['commands.md', 'configuration.md', 'getting-started.md', 'workflows.md']));
    for (const f of files)
      expect(
        f.blocks.some((b) => b.commands.some((c) => c.archdoc)),
        `docs/${f.name}: no archdoc example`,
      ).toBe(true);
  });

  for (const f of files) {
    it(`docs/${f.name}: every example prints what the docs show`, () => {
      const ran = results.get(f.name);
      expect(ran, 'not run').toBeDefined();
      for (const r of ran!) {
        const where = `docs/${f.name}:${r.cmd.line + 1}: $ ${r.cmd.text.split('\n')[0]}`;
        expect.soft(r.code, `${where}\nexit code; the output was:\n${r.actual.join('\n')}\n`).toBe(r.expectedCode);
        if (!UPDATE) expect.soft(r.actual.join('\n'), where).toBe(r.cmd.expected.join('\n'));
      }
    });
  }
});

describe('documentation tables match the code', () => {
  it('docs/workflows.md: one state diagram per built-in kind, with exactly its transitions', () => {
    const text = fs.readFileSync(path.join(DOCS, 'workflows.md'), 'utf8');
    const diagrams = new Map<string, string[]>();
    for (const m of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
      const body = m[1]!;
      const kind = /%%\s*kind:\s*(\S+)/.exec(body)?.[1];
      expect(body.startsWith('stateDiagram-v2'), 'a Mermaid block that is not a stateDiagram-v2').toBe(true);
      expect(kind, 'a diagram without "%% kind: <name>"').toBeDefined();
      const edges = [...body.matchAll(/^\s*(\[\*\]|[A-Z_]+)\s*-->\s*(\[\*\]|[A-Z_]+)/gm)].map((e) => `${e[1]} -> ${e[2]}`);
      diagrams.set(kind!, edges.sort());
    }
    expect([...diagrams.keys()].sort()).toEqual(Object.keys(DEFAULT_KINDS).sort());
    for (const [name, kind] of Object.entries(DEFAULT_KINDS)) {
      const expected = [`[*] -> ${kind.initial}`];
      for (const status of Object.keys(kind.statuses)) {
        const next = kind.transitions[status] ?? [];
        if (next.length === 0) expected.push(`${status} -> [*]`);
        for (const to of next) expected.push(`${status} -> ${to}`);
      }
      expect(diagrams.get(name), `the ${name} diagram`).toEqual(expected.sort());
    }
  });

  it('docs/configuration.md: the rule table lists every check rule with its severity and description', () => {
    const text = fs.readFileSync(path.join(DOCS, 'configuration.md'), 'utf8');
    const rows = [...text.matchAll(/^\| `([a-z-]+)` \| (error|warning) \| (.*) \|$/gm)].map((m) => ({
      id: m[1],
      severity: m[2],
      description: m[3]!.replace(/`/g, ''),
    }));
    const fromCode = RULES.map((r) => ({ id: r.id, severity: r.severity, description: r.description.replace(/`/g, '') }));
    expect(rows).toEqual(fromCode);
  });

  it('docs/configuration.md: the status rules table gives what each status of each built-in kind asks', () => {
    const text = fs.readFileSync(path.join(DOCS, 'configuration.md'), 'utf8');
    const rows = [...text.matchAll(/^\| ([a-z-]+) \| ([A-Z_]+) \| (none|`.*`) \|$/gm)].map((m) => `${m[1]} ${m[2]}: ${m[3]!.replace(/`/g, '')}`);
    const fromCode = Object.values(DEFAULT_KINDS).flatMap((k) =>
      Object.keys(k.statuses).map((s) => `${k.name} ${s}: ${[...statusRules(k, s)].join(', ') || 'none'}`),
    );
    expect(rows).toEqual(fromCode);
  });
});
