/**
 * What every test run of archdoc shares: the fixed environment (date, identity, no colour, no user
 * or system git config) and the in-process runner. Free of vitest hooks, so the global setup
 * (test/global-setup.ts) can use it as well as the tests.
 */
import { main } from '../src/entry/main.js';
import { capturedStream, type System } from '../src/terminal/system.js';

export const DATE = '2026-11-25';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment for archdoc and git: fixed date and identity, no colour, no user or system git config. */
export function testEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of ['PATH', 'NODE_EXTRA_CA_CERTS', 'SYSTEMROOT', 'TMPDIR']) if (process.env[k]) env[k] = process.env[k];
  return {
    ...env,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_DATE: `${DATE}T12:00:00Z`,
    GIT_COMMITTER_DATE: `${DATE}T12:00:00Z`,
    ARCHDOC_DATE: DATE,
    NO_COLOR: '1',
    ...extra,
  };
}

/** A stream that keeps what is written: not a terminal, as in CI (unless `tty`). */
const captured = capturedStream;

/**
 * A System for archdoc in this process: `cwd`, `env`, captured output, stdin not a terminal.
 * `terminal: true` makes stdin and stdout claim to be one (the editor of `edit`; no prompts: tests
 * pass a Prompter of their own).
 */
export function testSystem(
  cwd: string,
  env: NodeJS.ProcessEnv,
  opts: { terminal?: boolean } = {},
): System & { stdout: { text: string }; stderr: { text: string } } {
  const tty = opts.terminal ?? false;
  return { cwd, env, stdout: captured(tty), stderr: captured(), stdinIsTTY: () => tty };
}

/**
 * Runs archdoc in this process (the whole CLI: parsing, the command, error reporting) in `cwd`
 * with `env`, standard input not a terminal; resolves with the exit code and what it printed.
 */
export async function runArchdoc(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  const system = testSystem(cwd, env);
  const code = await main(['node', 'archdoc', ...args], system);
  return { code, stdout: system.stdout.text, stderr: system.stderr.text };
}
