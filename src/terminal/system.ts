/**
 * What archdoc takes from the process it runs in: the working folder, the environment and the
 * standard streams. The entry point passes the real ones; tests pass their own, so a whole command
 * runs in the test's process with captured output and a fixed environment.
 */
import { isTTY, write } from './stdio.js';

export interface OutStream {
  write(text: string): void;
  /** Whether a person watches this stream (colours, table width). Asked lazily: it costs a few ms. */
  isTTY(): boolean;
  /** The terminal's width, when it is one. */
  columns(): number | undefined;
}

export interface System {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutStream;
  stderr: OutStream;
  /** Whether standard input is a terminal (prompts need one). */
  stdinIsTTY(): boolean;
}

function processStream(fd: 1 | 2): OutStream {
  return {
    write: (text) => write(fd, text),
    isTTY: () => isTTY(fd),
    columns: () => (isTTY(fd) ? (fd === 1 ? process.stdout : process.stderr).columns : undefined),
  };
}

/** The process archdoc runs in. */
export function processSystem(): System {
  return { cwd: process.cwd(), env: process.env, stdout: processStream(1), stderr: processStream(2), stdinIsTTY: () => isTTY(0) };
}
