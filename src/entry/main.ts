/**
 * The entry point: runs the CLI and turns every error into one line on stderr and an exit code.
 * This is the only place that decides how archdoc ends.
 */
import { CommanderError } from 'commander';
import { buildProgram } from './cli.js';
import { UserError } from '../core/errors.js';
import { write } from '../terminal/stdio.js';

const EXPECTED_FS = new Set(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'EBUSY']);

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
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
    write(2, `error: ${e.message}\n`);
    for (const d of e.details) write(2, `${d}\n`);
    if (debug) write(2, `${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code && EXPECTED_FS.has(err.code)) {
    write(2, `error: ${err.message}\n`);
    if (debug) write(2, `${err.stack}\n`);
    return 1;
  }
  write(2, `internal error: ${err?.message ?? String(e)}\n`);
  if (debug) write(2, `${err?.stack ?? ''}\n`);
  else write(2, 'This is a bug in archdoc. Run again with --debug and report the output at https://github.com/archdoc/archdoc/issues\n');
  return 1;
}
