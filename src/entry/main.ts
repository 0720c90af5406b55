/**
 * The entry point: runs the CLI and turns every error into one line on stderr and an exit code.
 * This is the only place that decides how archdoc ends.
 */
import { ACTIONS, complete } from './actions.js';

/** The actions, for `archdoc mcp`, which runs them as the command line does (src/commands/mcp.ts). */
export { ACTIONS };
import { quickParse, type ProgramSpec } from './quick-parse.js';
import { asksForListing, renderListing } from './help-listing.js';
import { UserError } from '../core/errors.js';
import { printable } from '../terminal/output.js';
import { processSystem, type OutStream, type System } from '../terminal/system.js';

const EXPECTED_FS = new Set(['EACCES', 'EPERM', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'EEXIST', 'EBUSY']);

/**
 * The commands as the build described them from commander's program (scripts/build.mjs), as JSON
 * text; undefined when run from source. V8 makes 20 KB of objects faster from JSON.parse than from
 * the same object written as a literal in the bundle, which it evaluates on every run.
 */
declare const __ARCHDOC_COMMANDS__: string | undefined;
const BUILT_SPEC = typeof __ARCHDOC_COMMANDS__ === 'string' ? (JSON.parse(__ARCHDOC_COMMANDS__) as ProgramSpec) : undefined;

/**
 * Runs archdoc with `argv` (as process.argv: node, script, arguments); resolves with the exit code.
 * A plain command line is parsed without loading commander when `spec` describes the commands;
 * any other goes to commander (src/entry/quick-parse.ts).
 */
export async function main(argv: string[], system: System = processSystem(), spec = BUILT_SPEC): Promise<number> {
  // What a completion script asks on each Tab: never an error, never help, exit 0 (src/commands/complete.ts).
  if (argv[2] === '__complete') {
    try {
      await complete(argv.slice(3), system);
    } catch {
      // a completion fails silently: the Tab offers nothing
    }
    return 0;
  }
  // The list of commands, laid out as commander would lay it out, without loading commander.
  if (spec?.listing && asksForListing(argv)) {
    system.stdout.write(renderListing(spec.listing, system.stdout.columns() ?? 80));
    return 0;
  }
  const debug = argv.includes('--debug');
  const status = { exitCode: 0 };
  try {
    const parsed = spec && quickParse(argv, spec);
    if (parsed) await ACTIONS[parsed.name]!(parsed.args, parsed.opts, system, status);
    else await (await import('./cli.js')).buildProgram(system, status, argv).parseAsync(argv);
    return status.exitCode;
  } catch (e) {
    return report(e, debug, system.stderr);
  }
}

function isCommanderError(e: unknown): e is { exitCode: number } {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('commander.') && typeof (e as { exitCode?: unknown }).exitCode === 'number';
}

export function report(e: unknown, debug: boolean, stderr: OutStream): number {
  // Messages carry titles, paths and hook output: each line is printed with its control characters escaped.
  const line = (text: string) => stderr.write(`${printable(text)}\n`);
  const write = (_fd: 2, text: string) => stderr.write(text);
  // Commander's errors, told by their code so that commander need not be loaded to check.
  if (isCommanderError(e)) {
    // Commander has printed its message already; help and version end with exit code 0.
    return e.exitCode === 0 ? 0 : 2;
  }
  if (e instanceof UserError) {
    line(`error: ${e.message}`);
    for (const d of e.details) line(d);
    if (debug) write(2, `${e.stack}\n`);
    return e.exitCode;
  }
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err === 'object' && err.code && EXPECTED_FS.has(err.code)) {
    line(`error: ${err.message}`);
    if (debug) write(2, `${err.stack}\n`);
    return 1;
  }
  line(`internal error: ${err?.message ?? String(e)}`);
  if (debug) write(2, `${err?.stack ?? ''}\n`);
  else write(2, 'This is a bug in archdoc. Run again with --debug and report the output at https://github.com/archdoc/archdoc/issues\n');
  return 1;
}
