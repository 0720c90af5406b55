import path from 'node:path';
import { Command } from 'commander';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, type Opts } from '../../src/entry/actions.js';
import { buildProgram, collect } from '../../src/entry/cli.js';
import { describeProgram, quickParse, type Parsed, type ProgramSpec } from '../../src/entry/quick-parse.js';
import { describeListing, renderListing } from '../../src/entry/help-listing.js';
import { main } from '../../src/entry/main.js';
import { testSystem } from '../env.js';

// The quick parser stands in for commander on plain command lines: on every command line it
// accepts, it must hand the action exactly what commander would.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SYSTEM = testSystem(ROOT, {});
const SPEC: ProgramSpec = describeProgram(
  buildProgram(SYSTEM),
  (o) => o.parseArg === collect,
  (name) => Object.hasOwn(ACTIONS, name),
);

/** What commander hands the action for `argv`, or the error it ends with. */
async function byCommander(argv: string[]): Promise<Parsed | { error: string }> {
  let seen: Parsed | undefined;
  const capture =
    (name: string): Action =>
    async (args, opts) => {
      seen = { name, args, opts };
    };
  const actions = new Proxy({} as Record<string, Action>, { get: (_, name: string) => capture(name) });
  try {
    await buildProgram(SYSTEM, { exitCode: 0 }, argv, actions).parseAsync(argv);
  } catch (e) {
    return { error: String((e as Error).message) };
  }
  return seen ?? { error: 'no action ran' };
}

const names = Object.keys(SPEC.commands);
const word: fc.Arbitrary<string> = fc.constantFrom(
  'Adopt PostgreSQL',
  'RFC-0001',
  '7',
  '',
  ' ',
  '-',
  '--',
  '-x',
  '--bogus',
  'a=b',
  'DRAFT',
  'json',
  'table',
  'ADR-0002',
  'Alice Chen:approved',
);

/** A token from the command's options (any spelling), a value, or something commander alone understands. */
function token(name: string): fc.Arbitrary<readonly string[]> {
  const options = [...SPEC.commands[name]!.options, ...SPEC.globals];
  const option = fc.constantFrom(...options).chain((o) => {
    const spellings = [o.long, ...(o.short ? [o.short] : [])];
    if (o.takes === 'none') return fc.constantFrom(...spellings, `${o.long}=1`).map((s) => [s]);
    const value = o.choices ? fc.oneof(fc.constantFrom(...o.choices), word) : word;
    return fc.tuple(fc.constantFrom(...spellings), value, fc.boolean()).map(([s, v, joined]) => (joined && s === o.long ? [`${s}=${v}`] : [s, v]));
  });
  return fc.oneof({ weight: 3, arbitrary: option }, { weight: 2, arbitrary: word.map((w) => [w]) }, fc.constantFrom(['-h'], ['--help'], ['-V'], ['-yC', '.']));
}

const commandLine = fc
  .tuple(fc.array(fc.constantFrom(['--debug'], ['-C', '.'], ['--cwd', 'docs'], ['--cwd=x']), { maxLength: 2 }), fc.constantFrom(...names, 'help', 'crate-rfc'))
  .chain(([globals, name]) =>
    fc
      .array(token(Object.hasOwn(SPEC.commands, name) ? name : 'list'), { maxLength: 6 })
      .map((rest) => ['node', 'archdoc', ...globals.flat(), name, ...rest.flat()]),
  );

describe('quickParse', () => {
  it('describes every command but completion, with the defaults commander starts from', () => {
    expect(names.sort()).toEqual(
      buildProgram(SYSTEM)
        .commands.map((c) => c.name())
        .filter((n) => n !== 'completion')
        .sort(),
    );
    expect(SPEC.commands['create-rfc']!.defaults).toEqual({ commit: true, interactive: true });
    expect(SPEC.commands.list!.defaults).toEqual({ format: 'table' });
  });

  it('hands the action what commander hands it, on every command line it accepts', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(commandLine, async (argv) => {
        const quick = quickParse(argv, SPEC);
        if (!quick) return;
        accepted++;
        expect(await byCommander(argv)).toEqual(quick);
      }),
      { numRuns: 3_000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('takes the plain command lines archdoc is run with', () => {
    const argv = (...a: string[]) => ['node', 'archdoc', ...a];
    const opts = (name: string, o: Opts) => ({ ...SPEC.commands[name]!.defaults, ...o });
    expect(quickParse(argv('create-rfc', 'Adopt PostgreSQL', '--reviewer', 'Alice', '--reviewer=Bob', '-y', '--no-commit'), SPEC)).toEqual({
      name: 'create-rfc',
      args: ['Adopt PostgreSQL'],
      opts: opts('create-rfc', { reviewer: ['Alice', 'Bob'], yes: true, commit: false }),
    });
    expect(quickParse(argv('-C', 'docs', 'list', '--json', '--all'), SPEC)).toEqual({
      name: 'list',
      args: [],
      opts: opts('list', { json: true, all: true, cwd: 'docs' }),
    });
    expect(quickParse(argv('check', '--format', 'github'), SPEC)).toEqual({ name: 'check', args: [[]], opts: opts('check', { format: 'github' }) });
    expect(quickParse(argv('check', 'rfcs/a.md', '--strict', 'docs/adr'), SPEC)).toEqual({
      name: 'check',
      args: [['rfcs/a.md', 'docs/adr']],
      opts: opts('check', { strict: true }),
    });
    expect(quickParse(argv('rfc-status', '1', '--set', 'REVIEW'), SPEC)?.args).toEqual(['1']);
  });

  it('leaves to commander what needs its help, suggestions or errors', () => {
    const argv = (...a: string[]) => ['node', 'archdoc', ...a];
    for (const line of [
      argv(),
      argv('--help'),
      argv('-V'),
      argv('help', 'list'),
      argv('crate-rfc', 'X'),
      argv('list', '--bogus'),
      argv('list', '--format', 'xml'),
      argv('rfc-status'),
      argv('rfc-status', '1', '2'),
      argv('create-rfc', 'X', '--author'),
      argv('create-rfc', 'X', '--author', '--force'),
      argv('create-rfc', '--', '-X'),
      argv('create-rfc', 'X', '-yC', '.'),
      argv('create-rfc', 'X', '--debug'),
      argv('completion', 'bash'),
    ])
      expect(quickParse(line, SPEC), line.join(' ')).toBeUndefined();
  });

  it('leaves to commander an option whose value is optional, and a command it has no action for', () => {
    const program = new Command('p');
    program.command('run').option('--color [when]', 'optional value').option('--x', 'flag');
    program.command('other');
    const spec = describeProgram(
      program,
      () => false,
      (name) => name === 'run',
    );
    expect(Object.keys(spec.commands)).toEqual(['run']);
    expect(quickParse(['node', 'p', 'run', '--x'], spec)).toEqual({ name: 'run', args: [], opts: { x: true } });
    expect(quickParse(['node', 'p', 'run', '--color', 'always'], spec)).toBeUndefined();
  });
});

describe('archdoc --help', () => {
  /** A standard output that keeps what is written, as wide and as much a terminal as `shape` says when asked. */
  function screen(shape: { columns: number | undefined; tty: boolean }) {
    const out = {
      text: '',
      write(t: string) {
        out.text += t;
      },
      isTTY: () => shape.tty,
      columns: () => shape.columns,
    };
    return out;
  }

  /** What commander prints for `argv` on a terminal `columns` wide (none: not a terminal). */
  async function byCommander(argv: string[], columns: number | undefined, tty: boolean): Promise<string> {
    const out = screen({ columns, tty });
    const system = { ...SYSTEM, env: tty ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }, stdout: out };
    await buildProgram(system, { exitCode: 0 }, argv)
      .parseAsync(argv)
      .catch(() => undefined);
    return out.text;
  }
  const listing = describeListing(buildProgram(SYSTEM));

  it('prints, without commander, what commander prints at every width from 1 to 400, on a terminal and not', () => {
    // One program whose output width changes between renders: commander asks for it each time.
    const shape: { columns: number | undefined; tty: boolean } = { columns: undefined, tty: false };
    const out = screen(shape);
    const program = buildProgram({ ...SYSTEM, env: {}, stdout: out });
    const byCommanderAt = (width: number | undefined, terminal: boolean) => {
      shape.columns = width;
      shape.tty = terminal;
      out.text = '';
      program.outputHelp();
      return out.text;
    };
    expect(byCommanderAt(undefined, false)).toContain('create-rfc [options] [title]');
    expect(renderListing(listing, 80)).toBe(byCommanderAt(undefined, false));
    for (let width = 1; width <= 400; width++) {
      for (const terminal of [false, true]) expect(renderListing(listing, width), `${width} columns`).toBe(byCommanderAt(width, terminal));
    }
  });

  it('is what -h, --help and help alone ask for', async () => {
    const run = async (...args: string[]) => {
      const system = testSystem(ROOT, {});
      const code = await main(['node', 'archdoc', ...args], system, { ...SPEC, listing });
      return { code, out: system.stdout.text, err: system.stderr.text };
    };
    const expected = { code: 0, out: renderListing(listing, 80), err: '' };
    expect(await run('--help')).toEqual(expected);
    expect(await run('-h')).toEqual(expected);
    expect(await run('help')).toEqual(expected);
    expect(expected.out).toBe(await byCommander(['node', 'archdoc', 'help'], undefined, false));
    // Anything more is commander's: the help of a command, or of a command named after help.
    expect((await run('help', 'list')).out).toContain('Usage: archdoc list [options]');
    expect((await run('list', '--help')).out).toContain('Usage: archdoc list [options]');
  });
});
