/**
 * Parses a plain command line without loading commander: a known command, its options spelled as
 * declared (`--author Bob`, `--author=Bob`, `-y`, `--no-commit`), its arguments, and the global
 * options before the command. Anything else (help, a version, a typo, an unknown option, `--`,
 * an option value starting with a dash, short options run together) is left to commander, which
 * prints the help, the suggestion or the error. Commander loads and builds the program in 2 to 3 ms
 * of every run (docs/performance.md); most runs need none of what it adds.
 *
 * The description of the commands comes from the commander program itself (`describeProgram`, run
 * by the build), and a property test holds the two parsers to the same result on every command
 * line this one accepts.
 */
import type { Command, Option } from 'commander';
import type { Opts } from './actions.js';
import type { HelpListing } from './help-listing.js';

export interface OptionSpec {
  /** `--author` */
  long: string;
  /** `-y` */
  short?: string;
  /** The options key: `author`, `commit` for `--no-commit`. */
  key: string;
  /** `value` when it takes one (`<name>`); `optional` (`[name]`) is left to commander. */
  takes: 'none' | 'value' | 'optional';
  negate: boolean;
  /** Each use adds its value to a list. */
  repeat: boolean;
  choices?: string[];
}

export interface CommandSpec {
  /** Whether each positional argument is required. */
  args: boolean[];
  /** The last argument takes every operand left (`check [paths...]`), as a list. */
  variadic?: boolean;
  options: OptionSpec[];
  /** The options' values before parsing: defaults, and true for a lone `--no-x`. */
  defaults: Opts;
}

export interface ProgramSpec {
  /** Options of the program itself (`-C, --cwd`, `--debug`), but not help or version. */
  globals: OptionSpec[];
  commands: Record<string, CommandSpec>;
  /** `archdoc --help`, printed without commander (src/entry/help-listing.ts). */
  listing?: HelpListing;
}

export interface Parsed {
  name: string;
  args: Array<string | string[] | undefined>;
  opts: Opts;
}

function describeOption(o: Option, repeatable: (o: Option) => boolean): OptionSpec {
  return {
    long: o.long!,
    ...(o.short ? { short: o.short } : {}),
    key: o.attributeName(),
    takes: o.required ? 'value' : o.optional ? 'optional' : 'none',
    negate: o.negate,
    repeat: repeatable(o),
    ...(o.argChoices ? { choices: [...o.argChoices] } : {}),
  };
}

/**
 * What the quick parser needs to know of a commander program, as plain data: the commands that
 * `handled` says have an action of their own (src/entry/actions.ts).
 */
export function describeProgram(program: Command, repeatable: (o: Option) => boolean, handled: (name: string) => boolean): ProgramSpec {
  const commands: Record<string, CommandSpec> = {};
  for (const cmd of program.commands) {
    const args = cmd.registeredArguments;
    // Only the last argument may be variadic (commander's own rule).
    if (!handled(cmd.name()) || cmd.aliases().length) continue;
    commands[cmd.name()] = {
      args: args.map((a) => a.required),
      ...(args.at(-1)?.variadic ? { variadic: true } : {}),
      options: cmd.options.filter((o) => o.long).map((o) => describeOption(o, repeatable)),
      defaults: { ...cmd.opts() },
    };
  }
  const globals = program.options.filter((o) => o.long && o.long !== '--version' && o.long !== '--help').map((o) => describeOption(o, repeatable));
  return { globals, commands };
}

const looksLikeOption = (arg: string) => arg.length > 1 && arg[0] === '-';

/**
 * Reads one option at `argv[i]` into `opts`; returns the index after it, or undefined for anything
 * commander should see (an unknown option, a missing value, a value that looks like an option).
 */
function readOption(argv: string[], i: number, options: OptionSpec[], opts: Opts): number | undefined {
  const arg = argv[i]!;
  const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
  const name = eq === -1 ? arg : arg.slice(0, eq);
  const o = options.find((x) => x.long === name || x.short === name);
  if (!o || o.takes === 'optional') return undefined;
  if (o.takes === 'none') {
    if (eq !== -1) return undefined;
    opts[o.key] = !o.negate;
    return i + 1;
  }
  const value = eq === -1 ? argv[i + 1] : arg.slice(eq + 1);
  if (value === undefined || looksLikeOption(value) || (o.choices && !o.choices.includes(value))) return undefined;
  const previous = opts[o.key];
  opts[o.key] = o.repeat ? [...(Array.isArray(previous) ? previous : []), value] : value;
  return eq === -1 ? i + 2 : i + 1;
}

/** The command, arguments and options of `argv` (as process.argv), or undefined when commander must parse it. */
export function quickParse(argv: string[], spec: ProgramSpec): Parsed | undefined {
  const globals: Opts = {};
  let i = 2;
  while (i < argv.length && looksLikeOption(argv[i]!)) {
    const next = readOption(argv, i, spec.globals, globals);
    if (next === undefined) return undefined;
    i = next;
  }
  const name = argv[i++];
  const cmd = name === undefined || !Object.hasOwn(spec.commands, name) ? undefined : spec.commands[name];
  if (!cmd) return undefined;
  const opts: Opts = { ...cmd.defaults };
  for (const [key, value] of Object.entries(opts)) if (Array.isArray(value)) opts[key] = [...value];
  const args: string[] = [];
  while (i < argv.length) {
    const arg = argv[i]!;
    // A global option after the command is not among the command's options: commander decides.
    if (arg === '--') return undefined;
    if (looksLikeOption(arg)) {
      const next = readOption(argv, i, cmd.options, opts);
      if (next === undefined) return undefined;
      i = next;
    } else {
      args.push(arg);
      i++;
    }
  }
  if ((!cmd.variadic && args.length > cmd.args.length) || cmd.args.some((required, n) => required && n >= args.length)) return undefined;
  const last = cmd.args.length - 1;
  return { name: name!, args: cmd.args.map((_, n) => (cmd.variadic && n === last ? args.slice(n) : args[n])), opts: { ...opts, ...globals } };
}
