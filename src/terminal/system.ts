/**
 * What archdoc takes from the process it runs in: the working folder, the environment and the
 * standard streams. The entry point passes the real ones; tests pass their own, so a whole command
 * runs in the test's process with captured output and a fixed environment.
 */
import { createRequire } from 'node:module';
import type { EditorRunner } from './editor.js';
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
  /** Prepares the process for reading every document of a repository (`check`); only a real process does anything. */
  readWholeRepository?(): void;
  /** Starts the person's editor on a file (`edit`, `create --open`); default: the real one, src/terminal/editor.ts. A test passes its own. */
  runEditor?: EditorRunner;
}

/** A stream that keeps what is written, for a command run in process (`archdoc mcp`, tests): not a terminal unless `tty`. */
export function capturedStream(tty = false): OutStream & { text: string } {
  const stream = {
    text: '',
    write(text: string) {
      stream.text += text;
    },
    isTTY: () => tty,
    columns: () => undefined,
  };
  return stream;
}

function processStream(fd: 1 | 2): OutStream {
  return {
    write: (text) => write(fd, text),
    isTTY: () => isTTY(fd),
    columns: () => (isTTY(fd) ? (fd === 1 ? process.stdout : process.stderr).columns : undefined),
  };
}

/**
 * Keeps V8's young generation at its first size instead of letting it grow to 32 MB. Reading a
 * whole repository makes many objects that live a moment and many that live to the end; on V8 13
 * (Node 24), small scavenges that promote the long-lived ones early took `check` on 10 000
 * documents from about 400 to 370 ms (docs/performance.md). Older V8 lines gain nothing and do not
 * pay for loading node:v8. The flag is read each time the young generation would grow, so setting
 * it now takes effect.
 */
function readWholeRepository(): void {
  if (Number(process.versions.v8.split('.')[0]) < 13) return;
  // Loaded only here: node:v8 costs a millisecond or two to load.
  (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).setFlagsFromString('--semi-space-growth-factor=1');
}

/** The process archdoc runs in. */
export function processSystem(): System {
  return { cwd: process.cwd(), env: process.env, stdout: processStream(1), stderr: processStream(2), stdinIsTTY: () => isTTY(0), readWholeRepository };
}
