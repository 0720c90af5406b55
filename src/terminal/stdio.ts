/**
 * Standard output and error. When one is a pipe, a socket, a file or /dev/null (CI, hooks, `| jq`,
 * `> out.json`) it is written through its file descriptor, blocking until the bytes are taken:
 * creating `process.stdout` costs several milliseconds at every start when it is a pipe, and a
 * command that writes its result and exits needs no stream. Writes are therefore synchronous and in
 * program order. A terminal, which Node's stream knows how to drive (notably on Windows), gets
 * Node's stream.
 *
 * A descriptor that refuses to block (EAGAIN) hands the rest of the output to the stream. A reader
 * that went away (EPIPE, as in `archdoc list | head`) ends the output quietly.
 *
 * Every bundle (dist/main.cjs and each command) carries its own copy of this module, so the state
 * lives on `process`, shared by all copies; bin/archdoc.js reads `streamed` before it exits.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

type Fd = 1 | 2;
type AnyFd = 0 | Fd;

interface StdioState {
  /** The reader went away: nothing more is written. */
  closed: Record<Fd, boolean>;
  /** Output goes through Node's stream from now on, so that it stays in order. */
  streamed: Record<Fd, boolean>;
  /** Pipe, socket, file or /dev/null. */
  direct: Partial<Record<AnyFd, boolean>>;
  tty: Partial<Record<0 | Fd, boolean>>;
  /** Output failed (not a reader leaving): the process ends with exit code 1. */
  failed?: boolean;
}

const KEY = Symbol.for('archdoc.stdio');
const shared = process as unknown as Record<symbol, StdioState>;
shared[KEY] ??= { closed: { 1: false, 2: false }, streamed: { 1: false, 2: false }, direct: {}, tty: {} };
const state: StdioState = shared[KEY];

/**
 * Whether `fd` is a pipe, a socket (Node gives its children socket pairs), a file or /dev/null:
 * anything but a terminal, told without the tty module.
 */
function isDirect(fd: AnyFd): boolean {
  if (state.direct[fd] === undefined) {
    try {
      const s = fs.fstatSync(fd);
      state.direct[fd] =
        s.isFIFO() || s.isSocket() || s.isFile() || (s.isCharacterDevice() && process.platform !== 'win32' && s.rdev === fs.statSync('/dev/null').rdev);
    } catch {
      state.direct[fd] = false;
    }
  }
  return state.direct[fd]!;
}

/** Whether `fd` is a terminal. Loads the tty module only when `fd` is none of the direct kinds. */
export function isTTY(fd: AnyFd): boolean {
  if (isDirect(fd)) return false;
  state.tty[fd] ??= (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd);
  return state.tty[fd];
}

function toStream(fd: Fd, rest: string | Buffer): void {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!state.streamed[fd]) {
    state.streamed[fd] = true;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      // A reader that left (EPIPE) ends the output quietly; any other failure (a full disk, say)
      // is said once on stderr, and bin/archdoc.js exits 1.
      state.closed[fd] = true;
      if (e.code !== 'EPIPE') failed(fd, e);
    });
  }
  if (!state.closed[fd]) stream.write(rest);
}

/** Output that could not be written: one line on stderr (when it is not stderr that failed), and exit code 1. */
function failed(fd: Fd, e: NodeJS.ErrnoException): void {
  if (state.failed) return;
  state.failed = true;
  const what = fd === 1 ? 'standard output' : 'standard error';
  if (fd === 1 && !state.closed[2]) {
    try {
      const why = (e.message ?? '').replace(/^[A-Z]+: /, '').replace(/, write$/, '');
      fs.writeSync(2, `error: cannot write to ${what}: ${why}${e.code ? ` (${e.code})` : ''}\n`);
    } catch {
      // stderr is gone too: the exit code says it
    }
  }
}

export function write(fd: Fd, text: string): void {
  if (state.closed[fd] || text === '') return;
  if (state.streamed[fd] || !isDirect(fd)) {
    toStream(fd, text);
    return;
  }
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') state.closed[fd] = true;
    else if (code === 'EAGAIN') toStream(fd, bytes.subarray(done));
    else {
      state.closed[fd] = true;
      failed(fd, e as NodeJS.ErrnoException);
    }
  }
}

/** Colour: off for output that is not a terminal and when NO_COLOR is set, on with FORCE_COLOR. */
export function colourLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return force === '2' ? 2 : force === '3' ? 3 : 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (force === '0' || force === 'false') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}
