/**
 * What each command does with its arguments and options, once they are parsed: by commander
 * (src/entry/cli.ts) or by the quick parser (src/entry/quick-parse.ts), which hand over the same
 * values. Each action imports its command's module only when it runs.
 */
import { DEFAULT_KINDS } from '../core/kinds.js';
import type { System } from '../terminal/system.js';
import { loadCompiledWhole } from '../commands/shared/compile-whole.js';

export type Opts = Record<string, unknown>;

/** The exit code a command decides itself (`check`); errors are turned into exit codes by src/entry/main.ts. */
export interface RunStatus {
  exitCode: number;
}

/**
 * Positional arguments in their declared order (undefined when an optional one is missing; a list
 * for a variadic one), and the options with the global ones.
 */
export type Action = (args: Array<string | string[] | undefined>, opts: Opts, system: System, status: RunStatus) => Promise<void>;

/** A command's module, compiled whole into Node's compile cache when it has one (src/commands/shared/compile-whole.ts). */
const command = loadCompiledWhole;

async function create(kind: string, title: string | undefined, o: Opts, system: System): Promise<void> {
  const { run } = await command(() => import('../commands/create.js'));
  await run(
    {
      ...(o as object),
      kind,
      ...(title !== undefined ? { title } : {}),
      links: { rfc: o.rfc as string | undefined },
      ...(o.relatesTo ? { relatesTo: o.relatesTo as string[] } : {}),
    } as Parameters<typeof run>[0],
    { system },
  );
}

const status: (kind?: string) => Action =
  (kind) =>
  async ([id], o, system) =>
    (await command(() => import('../commands/status.js'))).run({ ...o, id, ...(kind ? { kind } : {}) } as never, { system });

const list: (kind?: string) => Action = (kind) => async (_args, o, system) =>
  (await command(() => import('../commands/list.js'))).run({ ...o, ...(kind ? { type: [kind] } : {}) }, { system });

/** Every command but `completion`, which reads the commander program itself. */
export const ACTIONS: Readonly<Record<string, Action>> = {
  init: async (_args, o, system) => (await command(() => import('../commands/init.js'))).run(o, { system }),
  create: async ([kind, title], o, system) => create(kind as string, title as string | undefined, o, system),
  new: async ([title], o, system) => {
    await (await command(() => import('../commands/new.js'))).run({ ...o, ...(title !== undefined ? { title: title as string } : {}) }, { system });
  },
  status: status(),
  list: list(),
  check: async ([paths], o, system, state) => {
    state.exitCode = await (await command(() => import('../commands/check.js'))).run({ ...o, paths: (paths as string[] | undefined) ?? [] }, { system });
  },
  edit: async ([id], o, system) => {
    await (await command(() => import('../commands/edit.js'))).run({ ...o, id: id as string }, { system });
  },
  show: async ([id], o, system) => (await command(() => import('../commands/show.js'))).run({ ...o, id: id as string }, { system }),
  mcp: async (_args, o, system) => (await command(() => import('../commands/mcp.js'))).run(o, { system }),
  search: async ([query], o, system) => (await command(() => import('../commands/search.js'))).run({ ...o, query: query as string }, { system }),
  import: async (_args, o, system) => (await command(() => import('../commands/import.js'))).run(o, { system }),
  link: async ([from, relation, to], o, system) =>
    (await command(() => import('../commands/link.js'))).run({ ...o, from: from as string, relation: relation as string, to: to as string }, { system }),
  unlink: async ([from, relation, to], o, system) =>
    (await command(() => import('../commands/link.js'))).run(
      { ...o, from: from as string, relation: relation as string, to: to as string, remove: true },
      { system },
    ),
  index: async (_args, o, system, state) => {
    state.exitCode = await (await command(() => import('../commands/index-page.js'))).run(o, { system });
  },
  graph: async (_args, o, system) => (await command(() => import('../commands/graph.js'))).run(o, { system }),
  renumber: async ([target], o, system) => {
    await (await command(() => import('../commands/renumber.js'))).run({ ...o, target: target as string } as never, { system });
  },
  ...Object.fromEntries(
    Object.values(DEFAULT_KINDS).flatMap(
      (k): Array<[string, Action]> => [
        [k.commands!.create!, async ([title], o, system) => create(k.name, title as string | undefined, o, system)],
        [k.commands!.status!, status(k.name)],
        [k.commands!.list!, list(k.name)],
      ],
    ),
  ),
};

/**
 * `archdoc __complete …`, which the completion scripts run on each Tab (src/commands/complete.ts):
 * hidden, parsed by the command itself, and silent on any error (src/entry/main.ts).
 */
export async function complete(words: string[], system: System): Promise<void> {
  await (await command(() => import('../commands/complete.js'))).run({ words }, { system });
}
