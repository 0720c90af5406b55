/**
 * Standard output and error. When one is a pipe, a socket, a file or /dev/null (CI, hooks, `| jq`,
 * `> out.json`) it is written through its file descriptor: creating `process.stdout` costs several
 * milliseconds at every start when it is a pipe, and a command that writes its result and exits
 * needs no stream. Writes are synchronous and in program order, as Node's own streams are for pipes
 * and files on POSIX. A terminal, which Node's stream knows how to drive (notably on Windows), gets
 * Node's stream.
 *
 * A descriptor that refuses to block (EAGAIN) hands the rest of the output to the stream. A reader
 * that went away (EPIPE, as in `archdoc list | head`) ends the output quietly.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

type Fd = 1 | 2;

const closed: Record<Fd, boolean> = { 1: false, 2: false };
/** Descriptors whose output goes through the stream from now on, so that it stays in order. */
const streamed: Record<Fd, boolean> = { 1: false, 2: false };
const direct: Partial<Record<Fd, boolean>> = {};
const ttys: Partial<Record<0 | Fd, boolean>> = {};

/**
 * Whether `fd` is a pipe, a socket (Node gives its children socket pairs), a file or /dev/null:
 * anything but a terminal, told without the tty module.
 */
function isDirect(fd: Fd): boolean {
  if (direct[fd] === undefined) {
    try {
      const s = fs.fstatSync(fd);
      direct[fd] = s.isFIFO() || s.isSocket() || s.isFile() || (s.isCharacterDevice() && process.platform !== 'win32' && s.rdev === fs.statSync('/dev/null').rdev);
    } catch {
      direct[fd] = false;
    }
  }
  return direct[fd]!;
}

/** Whether `fd` is a terminal. Loads the tty module, which the commands that colour load anyway. */
export function isTTY(fd: 0 | Fd): boolean {
  return (ttys[fd] ??= (createRequire(import.meta.url)('node:tty') as typeof import('node:tty')).isatty(fd));
}

/** Whether `fd` may be a terminal (it is none of those), with no module to load: help text asks this. */
export function mayBeTerminal(fd: Fd): boolean {
  return !isDirect(fd);
}

/** Set on `process` once output has gone through a stream: bin/archdoc.js then lets it drain before exiting. */
export const STREAMED = Symbol.for('archdoc.stdio.streamed');

function toStream(fd: Fd, rest: string | Buffer): void {
  const stream = fd === 1 ? process.stdout : process.stderr;
  if (!streamed[fd]) {
    streamed[fd] = true;
    (process as unknown as Record<symbol, boolean>)[STREAMED] = true;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      closed[fd] = true;
    });
  }
  if (!closed[fd]) stream.write(rest);
}

export function write(fd: Fd, text: string): void {
  if (closed[fd] || text === '') return;
  if (streamed[fd] || !isDirect(fd)) return toStream(fd, text);
  const bytes = Buffer.from(text);
  let done = 0;
  try {
    while (done < bytes.length) done += fs.writeSync(fd, bytes, done);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EPIPE') closed[fd] = true;
    else if (code === 'EAGAIN') toStream(fd, bytes.subarray(done));
    else throw e;
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
