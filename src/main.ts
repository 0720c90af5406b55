/**
 * The entry point: runs the CLI and turns every error into one line on stderr and an exit code.
 * This is the only place that decides how archdoc ends.
 */
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { UserError } from './errors.js';

const EXPECTED_FS = new Set(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'EBUSY']);

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  // `archdoc list | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exitCode = process.exitCode ?? 0;
  });
  try {
    await buildProgram().parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    return report(e, debug);
  }
}

export function report(e: unknown, debug: boolean): number {
  if (e instanceof CommanderError) {
    // Commander has printed its message already; help and version end with exit code 0.
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof UserError) {
    process.stderr.write(`error: ${e.message}\n`);
    for (const d of e.details) process.stderr.write(`${d}\n`);
    if (debug) process.stderr.write(`${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code && EXPECTED_FS.has(err.code)) {
    process.stderr.write(`error: ${err.message}\n`);
    if (debug) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
  process.stderr.write(`internal error: ${err?.message ?? String(e)}\n`);
  if (debug) process.stderr.write(`${err?.stack ?? ''}\n`);
  else process.stderr.write('This is a bug in archdoc. Run again with --debug and report the output at https://github.com/archdoc/archdoc/issues\n');
  return 1;
}
