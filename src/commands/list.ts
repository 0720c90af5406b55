/** `archdoc list` (every kind) and `list-rfcs`, `list-tech-specs`, `list-adrs`. */
import { numberless } from '../core/file-names.js';
import { createContext, type kindByName, kindsNamed, listOption, loadIndex, oneLine, resolveDoc, type Context, type GlobalOptions } from './shared/context.js';
import type { DocRecord } from '../core/document.js';
import { docJson, filterDocs, sortByWait, sortDocs, summarise, type ListFilter } from '../core/list.js';
import { UsageError } from '../core/errors.js';
import { table } from '../terminal/output.js';
import { readDocumentFronts } from '../adapters/store.js';

export const FORMATS = ['table', 'list', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface ListOptions extends GlobalOptions {
  /** Kinds to list; all when empty. */
  type?: string[];
  status?: string[];
  author?: string;
  all?: boolean;
  rfc?: string;
  /** Only what waits on this reviewer (`me`: git's user.name), oldest first. */
  reviewer?: string;
  format?: string;
  json?: boolean;
}

export const JSON_SCHEMA_VERSION = 2;

export async function run(opts: ListOptions, services: Partial<Context> = {}): Promise<void> {
  const ctx = await createContext({ ...opts, yes: true }, services);
  const format = (opts.json ? 'json' : (opts.format ?? 'table')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format ${opts.format}: use one of ${FORMATS.join(', ')}`);
  const named = kindsNamed(ctx.config, opts.type);
  const kinds = named.length ? named : Object.values(ctx.config.kinds);
  // `--rfc` needs the RFCs too, to resolve the id it names.
  const readKinds = opts.rfc && ctx.config.kinds.rfc && !kinds.includes(ctx.config.kinds.rfc) ? [...kinds, ctx.config.kinds.rfc] : kinds;
  const docs = readDocumentFronts(ctx.root, ctx.config, readKinds);
  const index = loadIndex(ctx, docs);
  const filter: ListFilter = {};
  if (opts.status?.length) filter.status = listOption(opts.status);
  if (opts.author) filter.author = opts.author;
  if (opts.all) filter.all = true;
  if (opts.rfc) filter.rfc = resolveDoc(ctx, docs, opts.rfc, ctx.config.kinds.rfc).id!;
  if (opts.reviewer !== undefined) {
    filter.reviewer = await reviewerName(ctx, opts.reviewer);
    if (opts.reviewer.trim().toLowerCase() === 'me') filter.reviewerExact = true;
  }
  if (filter.status) {
    const known = new Set(kinds.flatMap((k) => Object.keys(k.statuses)));
    for (const s of filter.status) {
      const norm = s
        .trim()
        .toUpperCase()
        .replace(/[-\s]+/g, '_');
      if (!known.has(norm)) throw new UsageError(`--status ${s}: not a status of ${kinds.map((k) => k.label).join(', ')}; use one of ${[...known].join(', ')}`);
    }
  }
  const mine = docs.filter((d) => kinds.includes(d.kind));
  const filtered = filterDocs(mine, filter, index);
  const shown = filter.reviewer
    ? sortByWait(filtered)
    : sortDocs(
        filtered,
        kinds.map((k) => k.name),
      );

  if (format === 'json') {
    const payload = {
      schema_version: JSON_SCHEMA_VERSION,
      // The counts are those of what the filters keep.
      summary: kinds.map((k) => summarise(k, shown)),
      documents: shown.map((d) => docJson(d, index)),
    };
    ctx.out.raw(JSON.stringify(payload, null, 2));
    return;
  }
  if (format === 'csv') {
    const esc = (v: string | undefined) => (v === undefined ? '' : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
    ctx.out.out('id,kind,title,status,author,created,last_updated,path,reviewers,links');
    for (const d of shown) {
      const j = docJson(d, index);
      const reviewers = j.reviewers.map((r) => `${r.name} (${r.status})`).join('; ');
      const links = Object.entries(j.links)
        .map(([field, ids]) => `${field}: ${ids.join(' ')}`)
        .join('; ');
      ctx.out.out([d.id, d.kind.name, d.title, d.status, d.author, d.created, d.lastUpdated, d.path, reviewers, links].map(esc).join(','));
    }
    return;
  }
  renderHuman(ctx, kinds, mine, shown, format, opts);
}

function renderHuman(ctx: Context, kinds: ReturnType<typeof kindByName>[], mine: DocRecord[], shown: DocRecord[], format: Format, opts: ListOptions): void {
  const { out } = ctx;
  const c = out.c;
  if (mine.length === 0) {
    const k = kinds[0]!;
    const what = kinds.length === 1 ? (/^[A-Z]{2,}/.test(k.plural) ? k.plural : k.plural.toLowerCase()) : 'documents';
    out.out(`No ${what} yet${kinds.length === 1 ? ` in ${k.folder}/` : ''}.`);
    out.out(`Start one with: archdoc ${kinds.length === 1 ? (k.commands?.create ?? `create ${k.name}`) : 'create-rfc'} "Your title"`);
    return;
  }
  let summarised = false;
  for (const k of kinds) {
    // The counts are those of what the filters keep.
    const s = summarise(k, shown);
    if (kinds.length > 1 && s.total === 0) continue;
    const counts = Object.entries(s.counts).map(([status, n]) => `${status} ${c.bold(String(n))}`);
    if (s.broken) counts.push(c.yellow(`unreadable ${s.broken}`));
    out.out(`${c.bold(k.plural)} (${s.total}): ${counts.join(c.dim(' · ')) || c.dim('none')}`);
    summarised = true;
  }
  if (summarised) out.out('');
  if (shown.length === 0) {
    out.out(
      c.dim(
        opts.reviewer !== undefined
          ? `Nothing waits on ${opts.reviewer.trim().toLowerCase() === 'me' ? 'you' : opts.reviewer}.`
          : 'Nothing matches these filters.',
      ),
    );
  } else if (format === 'list') {
    for (const d of shown) {
      out.out(`${c.bold(shownId(d))} ${oneLine(d.title ?? 'N/A')}`);
      out.out(`  ${d.status ?? 'N/A'} · ${d.author ?? 'N/A'} · updated ${d.lastUpdated ?? 'N/A'} · ${d.path}`);
    }
  } else {
    const width = ctx.system.stdout.columns() || 120;
    const header = ['ID', 'STATUS', 'TITLE', 'AUTHOR', 'UPDATED'];
    const rows = shown.map((d) => [
      shownId(d),
      d.status ?? (d.parsed ? 'N/A' : '?'),
      oneLine(d.title ?? (d.parsed ? 'N/A' : d.path)),
      d.author ?? 'N/A',
      d.lastUpdated ?? 'N/A',
    ]);
    const titleMax = Math.max(20, width - 10 - 12 - 20 - 10 - 8);
    const lines = table([header, ...rows], [10, 12, titleMax, 20, 10]);
    out.out(c.dim(lines[0]!));
    for (const l of lines.slice(1)) out.out(l);
  }
  const archived = mine.filter(
    (d) => d.kind.statuses[d.status ?? '']?.archived && (!opts.author || (d.author ?? '').toLowerCase().includes(opts.author.trim().toLowerCase())),
  ).length;
  if (!opts.all && !opts.status?.length && opts.reviewer === undefined && archived) {
    out.out('');
    out.out(c.dim(`${archived} archived not shown; add --all to include them.`));
  }
  for (const d of shown) for (const p of d.problems) out.err(`${c.yellow('warning:')} ${d.path}:${p.line}: ${p.message}`);
}

/** `--reviewer me` is git's user.name; any other value is a name (or part of one). */
async function reviewerName(ctx: Context, given: string): Promise<string> {
  if (given.trim().toLowerCase() !== 'me') return given;
  const name = await ctx.git?.userName();
  if (!name) throw new UsageError('--reviewer me: git has no user.name here; give the name instead, e.g. --reviewer "Alice Chen"');
  return name;
}

/** A document's id, or for a record named by date (log4brains), its file name without `.md`. */
function shownId(d: DocRecord): string {
  return d.id ?? (d.parsed && numberless(d.kind) ? d.path.slice(d.path.lastIndexOf('/') + 1).replace(/\.md$/, '') : '?');
}
