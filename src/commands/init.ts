/** `archdoc init`: writes the configuration file and the document folders, and commits the file. */
import path from 'node:path';
import { CONFIG_FILE, workTreeRepository } from '../adapters/config-file.js';
import { commitChange, createContext, type Context, type GlobalOptions } from './shared/context.js';
import { statusFolder, type Layout } from '../core/kinds.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { exists, isFolder, readText } from '../adapters/store.js';
import { openGit } from '../adapters/git.js';
import { inTransaction } from '../adapters/transaction.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { editYaml, type FrontmatterEdit } from '../core/frontmatter.js';
import { detectFolder, type Detected } from '../core/detect.js';
import { findRecordFolders } from '../adapters/existing-records.js';
import { resolveConfig } from '../core/config.js';
import { processSystem } from '../terminal/system.js';

export interface InitOptions extends GlobalOptions {
  layout?: string;
  /** Put every kind's folder under this folder (`docs` gives docs/rfcs, docs/tech-specs, docs/adr, docs/system-designs). */
  dir?: string;
  force?: boolean;
  /** Rewrite an existing configuration from the records found (init always looks for them). */
  detect?: boolean;
}

export function configText(layout: Layout, dir: string | undefined, detected: Detected[] = []): string {
  const folder = (name: string, def: string) => (dir ? `${dir}/${name}` : def);
  const found = new Map(detected.map((d) => [d.kind, d]));
  const kind = (name: string, def: string) => {
    const d = found.get(name);
    if (!d) return [`  ${name}:`, `    folder: ${folder(def.split('/').pop()!, def)}`];
    const body = stringifyYaml({ [name]: d.config }, { lineWidth: 0 })
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`);
    return [`  # ${d.records} ${d.format} records in ${d.folder}, read as they are`, ...body];
  };
  return [
    '# archdoc configuration: https://github.com/archdoc/archdoc/blob/main/docs/configuration.md',
    '# yaml-language-server: $schema=./node_modules/archdoc/dist/archdoc.schema.json',
    `${`layout: ${layout}`.padEnd(27)}# by-status moves a file to its status folder; flat keeps paths fixed`,
    'id_padding: 4              # RFC-0001',
    'commit: true               # commit every change (or pass --no-commit)',
    'review_stale_days: 14      # check warns about documents in REVIEW for longer',
    'kinds:',
    ...kind('rfc', 'rfcs'),
    ...kind('tech-spec', 'tech-specs'),
    ...kind('adr', 'docs/adr'),
    ...kind('system-design', 'system-designs'),
    '# rules:                   # turn check rules off or re-grade them',
    '#   loaded-word: off',
    '',
  ].join('\n');
}

export async function run(opts: InitOptions, services: Partial<Context> = {}): Promise<void> {
  const cwd = path.resolve((services.system ?? processSystem()).cwd, opts.cwd ?? '.');
  const layout = (opts.layout ?? 'by-status') as Layout;
  if (layout !== 'by-status' && layout !== 'flat') throw new UsageError(`--layout ${opts.layout}: use by-status or flat`);
  if (!isFolder(cwd)) throw new UsageError(`--cwd ${cwd}: no such directory`);
  // Plain folder names only: the value goes into the configuration file and into every path.
  if (opts.dir !== undefined && !/^(?!\.\.?(\/|$))[A-Za-z0-9_-][A-Za-z0-9._-]*(\/(?!\.\.?(\/|$))[A-Za-z0-9_-][A-Za-z0-9._-]*)*\/?$/.test(opts.dir)) {
    throw new UsageError(`--dir ${opts.dir}: give a folder inside the repository, like docs or design/docs (letters, digits, . _ - and /)`);
  }
  const dir = opts.dir?.replace(/[\\/]+$/, '');
  const system = services.system ?? processSystem();
  const repo = workTreeRepository(cwd, system.env);
  const root = repo?.workTree ?? cwd;
  const file = path.join(root, CONFIG_FILE);
  const existed = exists(root, CONFIG_FILE);
  if (existed && !opts.force && !opts.detect) {
    throw new RefusedError(`${path.relative(cwd, file) || CONFIG_FILE} already exists; nothing changed.`, [
      'Use --detect to rewrite it for the records in the repository, or --force to start again.',
    ]);
  }
  // The status words the configuration already gives are read as it reads them.
  const found = detectRecords(root, existed && opts.detect ? knownWords(readText(root, CONFIG_FILE)) : {});
  const { detected } = found;
  // --detect over an existing file changes what it found and keeps the rest, comments included.
  let text = configText(layout, dir, detected);
  if (existed && opts.detect && !opts.force) {
    const again = redetected(readText(root, CONFIG_FILE), detected);
    if (again && !again.changed) {
      // The configuration already reads what is there: nothing to write or commit.
      const ctx = await createContext({ ...opts, cwd: root }, services);
      if (renderDetected(ctx, found)) ctx.out.out('');
      ctx.out.out(`Nothing to change: ${CONFIG_FILE} already reads the records found.`);
      return;
    }
    if (again) text = again.text;
  }
  const { errors } = resolveConfig(parseYaml(text));
  if (errors.length)
    throw new UsageError(opts.dir !== undefined ? `--dir ${opts.dir}: ${errors[0]}` : `the configuration for the records found is not valid: ${errors[0]}`);
  // The configuration as it is now (none, or the one --force replaces) is not read: only where to write.
  const git = 'git' in services ? services.git : repo ? openGit(root, repo.gitDir, system.env) : undefined;
  const notice = (line: string) => system.stderr.write(`${line}\n`);
  const { ctx, made, note } = await inTransaction(
    { root, gitDir: repo?.gitDir, git, commits: !!git && opts.commit !== false, command: 'init', notice },
    async (tx) => {
      await tx.write(CONFIG_FILE, text);
      const ctx = await createContext({ ...opts, cwd: root }, services);
      const made: string[] = [];
      // An existing repository keeps its own folders; a new one gets archdoc's.
      for (const kind of detected.length ? [] : Object.values(ctx.config.kinds)) {
        const folders = new Set([kind.folder, statusFolder(kind, kind.initial, kind.layout ?? ctx.config.layout, Number(ctx.today.slice(0, 4)))]);
        for (const f of folders) {
          if (await tx.folder(f)) made.push(f);
        }
      }
      // The file as the last commit has it (deleted and written anew, say): nothing to commit.
      const committed = ctx.commit && (await ctx.git!.headText(CONFIG_FILE).catch(() => undefined)) === text;
      const note = committed
        ? `${CONFIG_FILE} is as the last commit has it: nothing to commit.`
        : await commitChange(ctx, { paths: [CONFIG_FILE], newPaths: [CONFIG_FILE], message: 'chore(archdoc): configure archdoc' }, opts);
      return { ctx, made, note };
    },
  );
  const c = ctx.out.c;
  ctx.out.out(`${c.green(existed ? 'Rewrote' : 'Wrote')} ${CONFIG_FILE}${detected.length ? '' : ` (layout ${layout})`}`);
  for (const f of made) ctx.out.out(`  ${c.dim('folder')}  ${f}/`);
  renderDetected(ctx, found);
  if (note) ctx.out.err(note);
  ctx.out.out('');
  if (detected.length) ctx.out.out('Next: archdoc list, then archdoc check (no record was changed)');
  else ctx.out.out('Next: archdoc create-rfc "Your first decision"');
}

/** The `status_aliases` of each kind in a configuration file's text; none when it does not parse. */
function knownWords(text: string): Record<string, Record<string, string>> {
  try {
    const kinds = (parseYaml(text) as { kinds?: Record<string, { status_aliases?: unknown } | null> } | null)?.kinds ?? {};
    return Object.fromEntries(
      Object.entries(kinds).flatMap(([kind, def]) =>
        def?.status_aliases && typeof def.status_aliases === 'object' ? [[kind, def.status_aliases as Record<string, string>]] : [],
      ),
    );
  } catch {
    return {};
  }
}

interface Found {
  detected: Detected[];
  /** Folders of records not configured: a second folder of a kind, or archdoc's own. */
  ignored: Detected[];
  /** Folders of numbered files that state no status archdoc knows: not adopted. */
  passed: string[];
  notes: string[];
}

/** The folders of records found, one per kind (the one with most records); the others are reported, not configured. */
function detectRecords(root: string, known: Record<string, Record<string, string>>): Found {
  const { folders, notes } = findRecordFolders(root);
  const passed: string[] = [];
  const all: Detected[] = [];
  for (const f of folders) {
    const d = detectFolder(f, known);
    // A folder a marker names is the kind's even while empty: new records go there.
    if (d && (d.records > 0 || f.namedBy)) all.push(d);
    else if (!d) passed.push(f.folder);
  }
  const detected: Detected[] = [];
  const ignored: Detected[] = [];
  // archdoc's own records are read by the configuration as it is written (its status folders
  // would each look like a folder of records), and their kind stays theirs.
  const own = new Set(all.filter((d) => d.format === 'archdoc').map((d) => d.kind));
  for (const d of [...all].sort((a, b) => b.records - a.records)) {
    if (own.has(d.kind) || detected.some((x) => x.kind === d.kind)) ignored.push(d);
    else detected.push(d);
  }
  return { detected, ignored, passed, notes };
}

/**
 * The existing configuration with each detected kind's keys set to what was found (status words
 * added to the user's own), everything else as the user wrote it, byte for byte: the same surgical
 * YAML edits archdoc makes to frontmatter. Undefined when the file does not parse.
 */
function redetected(text: string, detected: Detected[]): { text: string; changed: boolean } | undefined {
  let current: { kinds?: Record<string, Record<string, unknown> | null> } | null;
  try {
    current = parseYaml(text) as typeof current;
  } catch {
    return undefined;
  }
  const edits: FrontmatterEdit[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!current?.kinds) {
    if (detected.length) edits.push({ op: 'set', path: ['kinds'], value: Object.fromEntries(detected.map((d) => [d.kind, d.config])) });
  } else {
    for (const d of detected) {
      const now = current.kinds[d.kind];
      if (!now) {
        edits.push({ op: 'set', path: ['kinds', d.kind], value: d.config });
        continue;
      }
      for (const [key, value] of Object.entries(d.config)) {
        const mine = now[key];
        if (key === 'status_aliases' && mine && typeof mine === 'object' && value && typeof value === 'object') {
          for (const [word, status] of Object.entries(value)) if (!(word in mine)) edits.push({ op: 'set', path: ['kinds', d.kind, key, word], value: status });
        } else if (!same(mine, value)) edits.push({ op: 'set', path: ['kinds', d.kind, key], value });
      }
    }
  }
  if (!edits.length) return { text, changed: false };
  try {
    return { text: editYaml(text, edits, text.includes('\r\n') ? '\r\n' : '\n'), changed: true };
  } catch {
    return undefined;
  }
}

/** Prints what was found; false when there was nothing to print on standard output. */
function renderDetected(ctx: Context, { detected, ignored, passed, notes }: Found): boolean {
  const { out } = ctx;
  const c = out.c;
  for (const n of notes) out.err(`note: ${n}`);
  const others = ignored.filter((d) => d.format !== 'archdoc');
  if (!detected.length && !passed.length && !others.length) return false;
  out.out('');
  if (detected.length) out.out('Records found, read where and as they are:');
  for (const d of detected) {
    const label = ctx.config.kinds[d.kind]!.plural;
    out.out(`  ${c.bold(d.folder)}  ${d.format}, ${d.records} ${label}`);
    out.out(
      `    ${c.dim('statuses')}  ${d.statuses.map((s) => `${s.word} ${s.count}${s.status && s.status !== s.word ? ` (${s.status})` : ''}`).join(', ') || 'none written'}`,
    );
    if (d.skipped.length) out.out(`    ${c.dim('not records')}  ${d.skipped.join(', ')}`);
    for (const u of d.unplaced) out.out(`    ${c.yellow('could not place')}  ${u.name}: ${u.why}`);
  }
  for (const f of passed) out.out(`  ${c.dim('not adopted')}  ${f}: numbered files, but most state no status archdoc knows`);
  for (const d of others) {
    out.out(
      `  ${c.yellow('not configured')}  ${d.folder} (${d.format}, ${d.records} records): ${ctx.config.kinds[d.kind]!.plural} are read from ${detected.find((x) => x.kind === d.kind)?.folder ?? ctx.config.kinds[d.kind]!.folder}; give it a kind of its own to read both`,
    );
  }
  return true;
}
