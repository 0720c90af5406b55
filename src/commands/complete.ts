/**
 * `archdoc __complete …`: what the shell completion scripts (src/commands/completion.ts) ask the
 * repository at hand on each Tab. Hidden: not in `--help`, not among the commands completed, and
 * dispatched by src/entry/main.ts before any parsing. It prints one word a line and nothing else:
 * outside a repository, on a broken configuration or on any error it prints nothing and exits 0
 * (main.ts swallows what this throws), so a Tab never shows an error.
 *
 * - `ids [--kind <kind>]`: the ids of the documents, from their file names alone (no file is read).
 * - `statuses [<id>] [--kind <kind>]`: the statuses the document may move to next (its frontmatter
 *   alone is read), else every status of its kind, of `--kind`, or of every kind.
 * - `kinds`: the kinds the configuration declares.
 * - `relations <id>`: the relations `archdoc link` allows from the document's kind (by its id's prefix).
 *
 * Every word may carry `--cwd <dir>`, as the command line being completed did (`archdoc -C x …`).
 */
import path from 'node:path';
import { loadWorkspace } from '../adapters/config-file.js';
import { numberedNames, readDocumentHead } from '../adapters/store.js';
import type { Config } from '../core/config.js';
import { formatId, parseIdInput } from '../core/ids.js';
import { allowedNext, type KindDef } from '../core/kinds.js';
import { RELATION_NAMES, relationsOf } from '../core/relations.js';
import { processSystem, type System } from '../terminal/system.js';

export interface CompleteOptions {
  /** What follows `__complete` on the command line. */
  words: string[];
}

export async function run(opts: CompleteOptions, services: { system?: System } = {}): Promise<void> {
  const system = services.system ?? processSystem();
  const { what, arg, kind: kindName, cwd } = readWords(opts.words);
  const ws = await loadWorkspace(path.resolve(system.cwd, cwd ?? '.'), system.env);
  // Outside any repository, with no configuration either: nothing is archdoc's here.
  if (!ws.configPath && !ws.gitRoot) return;
  const all = Object.values(ws.config.kinds);
  const kind = kindName === undefined ? undefined : ws.config.kinds[kindName];
  if (kindName !== undefined && !kind) return;
  let words: string[] = [];
  if (what === 'kinds') words = Object.keys(ws.config.kinds);
  else if (what === 'ids') words = ids(ws.root, ws.config, kind ? [kind] : all);
  else if (what === 'statuses') words = statuses(ws.root, ws.config, path.resolve(system.cwd, cwd ?? '.'), arg, kind ? [kind] : all);
  else if (what === 'relations') words = relations(arg, all);
  if (words.length) system.stdout.write(`${words.join('\n')}\n`);
}

function readWords(words: string[]): { what?: string; arg?: string; kind?: string; cwd?: string } {
  const out: { what?: string; arg?: string; kind?: string; cwd?: string } = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--kind') out.kind = words[++i];
    else if (w === '--cwd' || w === '-C') out.cwd = words[++i];
    else if (out.what === undefined) out.what = w;
    else out.arg ??= w;
  }
  return out;
}

/** The ids the file names carry, kind by kind in the configuration's order, then by number. */
function ids(root: string, config: Config, kinds: KindDef[]): string[] {
  const order = new Map(kinds.map((k, i) => [k, i]));
  const named = numberedNames(root, config, kinds).sort((a, b) => order.get(a.kind)! - order.get(b.kind)! || a.num - b.num);
  return [...new Set(named.map((d) => formatId(d.kind.prefix, d.num, config.idPadding)))];
}

/**
 * The statuses `id` may move to next, by its kind's workflow; every status of its kind when it is
 * in one that leads nowhere or the file does not say; every status of `kinds` when no one
 * document is named (none, an unknown id, two files with one id).
 */
function statuses(root: string, config: Config, cwd: string, id: string | undefined, kinds: KindDef[]): string[] {
  const every = (ks: KindDef[]) => [...new Set(ks.flatMap((k) => Object.keys(k.statuses)))];
  if (id === undefined || id === '') return every(kinds);
  let found: Array<{ rel: string; kind: KindDef }>;
  if (/[/\\]/.test(id) || /\.md$/i.test(id)) {
    // A path, as `status` takes one: relative to where archdoc runs, or to the root.
    const given = [path.relative(root, path.resolve(cwd, id)).split(path.sep).join('/'), id.replace(/\\/g, '/').replace(/^\.\//, '')].map((p) =>
      p.normalize('NFC'),
    );
    found = numberedNames(root, config, kinds).filter((d) => given.includes(d.rel.normalize('NFC')));
  } else {
    const parsed = parseIdInput(id);
    if (!parsed) return every(kinds);
    const P = parsed.prefix;
    const candidates = P ? kinds.filter((k) => k.prefix === P || k.name.toUpperCase() === P) : kinds;
    if (!candidates.length) return [];
    kinds = candidates;
    found = numberedNames(root, config, candidates).filter((d) => d.num === parsed.num);
  }
  if (found.length !== 1) return every(found.length ? [...new Set(found.map((d) => d.kind))] : kinds);
  const { rel, kind } = found[0]!;
  const doc = readDocumentHead(root, rel, kind, config.idPadding);
  const next = doc?.status && kind.statuses[doc.status] ? allowedNext(kind, doc.status) : [];
  return next.length ? next : every([kind]);
}

/** The relations a document of the kind `id` names may hold; every relation when the id names no one kind. */
function relations(id: string | undefined, kinds: KindDef[]): string[] {
  const prefix = id ? parseIdInput(id)?.prefix : undefined;
  const kind = prefix ? kinds.find((k) => k.prefix === prefix || k.name.toUpperCase() === prefix) : undefined;
  return kind ? relationsOf(kind).map((r) => r.name) : [...RELATION_NAMES];
}
