/**
 * Runs a command in a real pseudo-terminal, for the few end-to-end tests of what only a terminal
 * gets (prompts, the editor): util-linux `script -qfec '<command>' /dev/null` gives the command a
 * pty; what is written to script's stdin is typed into it, and what the command shows comes out of
 * script's stdout. Every wait has a timeout, and the whole run one more, so a prompt that hangs
 * fails the test instead of hanging it.
 */
import { spawn } from 'node:child_process';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', space: ' ', down: '\u001b[B', up: '\u001b[A' } as const;

export interface PtyResult {
  /** script's exit code: the command's own (`-e`); -1 when it was killed for running too long. */
  code: number;
  /** Everything the terminal showed, escape sequences removed. */
  screen: string;
}

export interface Pty {
  /** Waits until the terminal shows `text` after what earlier waits matched; rejects after `timeoutMs`. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  /** Types keys into the terminal. */
  type(keys: string): void;
  /** Waits for `text`, then types `keys`. */
  answer(text: string | RegExp, keys: string): Promise<void>;
  /** Resolves when the command ends (or is killed after the run's timeout). */
  done: Promise<PtyResult>;
}

/** What the terminal shows, without colour, cursor and erase sequences (CSI and OSC). */
export function plain(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the escape sequences this removes
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007|\u001b[()][A-Za-z0-9]|\r/g, '');
}

const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Starts `argv` in a pseudo-terminal in `cwd` with `env`; killed after `timeoutMs`. */
export function startPty(argv: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number }): Pty {
  const child = spawn('script', ['-qfec', argv.map(quote).join(' '), '/dev/null'], { cwd: opts.cwd, env: opts.env, stdio: ['pipe', 'pipe', 'pipe'] });
  let raw = '';
  let from = 0;
  const listeners = new Set<() => void>();
  const seen = () => {
    for (const l of [...listeners]) l();
  };
  child.stdout.on('data', (d) => {
    raw += d;
    seen();
  });
  child.stderr.on('data', (d) => {
    raw += d;
    seen();
  });
  let ended = false;
  const done = new Promise<PtyResult>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      ended = true;
      child.stdin.destroy();
      seen();
      resolve({ code: code ?? -1, screen: plain(raw) });
    });
  });
  const waitFor = (text: string | RegExp, timeoutMs = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        const screen = plain(raw);
        const rest = screen.slice(from);
        const at = typeof text === 'string' ? rest.indexOf(text) : rest.search(text);
        if (at !== -1) {
          const length = typeof text === 'string' ? text.length : (rest.match(text)?.[0].length ?? 0);
          from += at + length;
          stop();
          resolve();
        } else if (ended) {
          stop();
          reject(new Error(`the command ended without showing ${String(text)}; it showed:\n${screen}`));
        }
      };
      const timer = setTimeout(() => {
        stop();
        child.kill('SIGKILL');
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${String(text)}; the terminal showed:\n${plain(raw)}`));
      }, timeoutMs);
      const stop = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  const type = (keys: string) => {
    child.stdin.write(keys);
  };
  return {
    waitFor,
    type,
    async answer(text, keys) {
      await waitFor(text);
      type(keys);
    },
    done,
  };
}
