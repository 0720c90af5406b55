/** `archdoc init`: writes the configuration file and the document folders, and commits the file. */
import path from 'node:path';
import { CONFIG_FILE, workTreeRepository } from '../adapters/config-file.js';
import { commitChange, createContext, type Context, type GlobalOptions } from './shared/context.js';
import { statusFolder, type Layout } from '../core/kinds.js';
import { RefusedError, UsageError } from '../core/errors.js';
import { exists, isFolder, makeFolder } from '../adapters/store.js';
import { openGit } from '../adapters/git.js';
import { inTransaction } from '../adapters/transaction.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { detectFolder, type Detected } from '../core/detect.js';
import { findRecordFolders } from '../adapters/existing-records.js';
import { resolveConfig } from '../core/config.js';
import { processSystem } from '../terminal/system.js';

export interface InitOptions extends GlobalOptions {
  layout?: string;
  /** Put every kind's folder under this folder (`docs` gives docs/rfcs, docs/tech-specs, docs/adr). */
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
  const { detected, ignored } = detectRecords(root);
  const text = configText(layout, dir, detected);
  const { errors } = resolveConfig(parseYaml(text));
  if (errors.length) throw new UsageError(`--dir ${opts.dir}: ${errors[0]}`);
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
          if (makeFolder(root, f)) made.push(f);
        }
      }
      const note = await commitChange(ctx, { paths: [CONFIG_FILE], newPaths: [CONFIG_FILE], message: 'chore(archdoc): configure archdoc' }, opts);
      return { ctx, made, note };
    },
  );
  const c = ctx.out.c;
  ctx.out.out(`${c.green(existed ? 'Rewrote' : 'Wrote')} ${CONFIG_FILE} (layout ${layout})`);
  for (const f of made) ctx.out.out(`  ${c.dim('folder')}  ${f}/`);
  if (detected.length) renderDetected(ctx, detected, ignored);
  if (note) ctx.out.err(note);
  ctx.out.out('');
  if (detected.length) ctx.out.out('Next: archdoc list, then archdoc check (no record was changed)');
  else ctx.out.out('Next: archdoc create-rfc "Your first decision"');
}

/** The folders of records found, one per kind (the one with most records); the others are reported, not configured. */
function detectRecords(root: string): { detected: Detected[]; ignored: Detected[] } {
  const all = findRecordFolders(root)
    .map((f) => detectFolder(f))
    .filter((d): d is Detected => !!d && d.records > 0);
  const detected: Detected[] = [];
  const ignored: Detected[] = [];
  for (const d of [...all].sort((a, b) => b.records - a.records)) {
    // archdoc's own records are read by the configuration as it is written (its status folders
    // would each look like a folder of records).
    if (d.format === 'archdoc' || detected.some((x) => x.kind === d.kind)) ignored.push(d);
    else detected.push(d);
  }
  return { detected, ignored };
}

function renderDetected(ctx: Context, detected: Detected[], ignored: Detected[]): void {
  const { out } = ctx;
  const c = out.c;
  out.out('');
  out.out('Records found, read where and as they are:');
  for (const d of detected) {
    const label = ctx.config.kinds[d.kind]!.plural;
    out.out(`  ${c.bold(d.folder)}  ${d.format}, ${d.records} ${label}`);
    out.out(
      `    ${c.dim('statuses')}  ${d.statuses.map((s) => `${s.word} ${s.count}${s.status && s.status !== s.word ? ` (${s.status})` : ''}`).join(', ') || 'none written'}`,
    );
    if (d.skipped.length) out.out(`    ${c.dim('not records')}  ${d.skipped.join(', ')}`);
    for (const u of d.unplaced) out.out(`    ${c.yellow('could not place')}  ${u.name}: ${u.why}`);
  }
  for (const d of ignored) {
    if (d.format === 'archdoc') continue;
    out.out(
      `  ${c.yellow('not configured')}  ${d.folder} (${d.format}, ${d.records} records): ${ctx.config.kinds[d.kind]!.plural} are read from ${detected.find((x) => x.kind === d.kind)!.folder}; give it a kind of its own to read both`,
    );
  }
}
