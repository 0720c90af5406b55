/** The document view shared by `status <id>` and `show <id>`: fields, links both ways, next steps. */
import { numberless } from '../../core/file-names.js';
import type { Context } from './context.js';
import { loadIndex, oneLine } from './context.js';
import { asText, readDate, type DocRecord } from '../../core/document.js';
import { allowedNext, type KindDef } from '../../core/kinds.js';
import { relationOfField } from '../../core/relations.js';
import { fieldLinks, markdownLinks, resolveLink } from '../../core/links.js';
import { sectionOf, summary } from '../../core/sections.js';

export interface LinkRow {
  relation: string;
  id: string;
  title?: string;
  status?: string;
  missing?: boolean;
}

const FORWARD: Record<string, string> = {
  decision_ref: 'implements',
  supersedes: 'supersedes',
  superseded_by: 'superseded by',
};
const REVERSE: Record<string, string> = {
  decision_ref: 'implemented by',
  supersedes: 'superseded by',
  superseded_by: 'supersedes',
};

/** How a document of `kind` reads a link in its `field`, from its own end or from the other. */
function label(kind: KindDef, field: string, end: 'forward' | 'reverse'): string {
  const relation = relationOfField(kind, field);
  if (relation) return relation[end];
  const known = (end === 'forward' ? FORWARD : REVERSE)[field];
  if (known) return known;
  if (field.startsWith('related_')) return end === 'forward' ? 'relates to' : 'related from';
  return end === 'forward' ? `related (${field})` : 'mentioned by';
}

/** Whether `body` names `id` as a word of its own (`RFC-0003`, not `RFC-00031`). */
function mentions(body: string, id: string): boolean {
  let at = body.indexOf(id);
  while (at !== -1) {
    const before = body[at - 1];
    const after = body[at + id.length];
    if ((before === undefined || !/[\w-]/.test(before)) && (after === undefined || !/[\w]/.test(after))) return true;
    at = body.indexOf(id, at + 1);
  }
  return false;
}

/**
 * Links from the document and the reverse links derived from every other document: their link
 * fields, and, as "mentioned by", their bodies that name the document's id or link to its file.
 */
export function linksOf(ctx: Context, doc: DocRecord, docs: DocRecord[]): LinkRow[] {
  const index = loadIndex(ctx, docs);
  const rows: LinkRow[] = [];
  const seen = new Set<string>();
  const add = (relation: string, id: string, target?: DocRecord) => {
    const key = `${relation}|${id}`;
    if (seen.has(key) || id === doc.id) return;
    seen.add(key);
    rows.push(
      target
        ? { relation, id, ...(target.title ? { title: oneLine(target.title) } : {}), ...(target.status ? { status: target.status } : {}) }
        : { relation, id, missing: true },
    );
  };
  for (const l of fieldLinks(doc, index)) {
    if (!l.target) continue;
    add(label(doc.kind, l.field, 'forward'), l.target, index.byId.get(l.target)?.[0]);
  }
  if (doc.body.includes('.md')) {
    for (const m of markdownLinks(doc.body)) {
      const target = index.byPath.get(resolveLink(doc.path, m.target));
      if (target?.id) add('links to', target.id, target);
    }
  }
  for (const other of docs) {
    if (other === doc || !other.id) continue;
    let linked = false;
    for (const l of fieldLinks(other, index)) {
      if (l.target !== doc.id) continue;
      add(label(other.kind, l.field, 'reverse'), other.id, other);
      linked = true;
    }
    if (linked) continue;
    const byFile = other.body.includes('.md') && markdownLinks(other.body).some((m) => resolveLink(other.path, m.target) === doc.path);
    if (byFile || (doc.id && mentions(other.body, doc.id))) add('mentioned by', other.id, other);
  }
  return rows;
}

export function renderView(ctx: Context, doc: DocRecord, docs: DocRecord[], opts: { full: boolean }): void {
  const { out } = ctx;
  const c = out.c;
  const kind = doc.kind;
  const na = c.dim('N/A');
  const width = Math.max(13, (kind.summarySection ?? '').length);
  const field = (label: string, value: string | undefined) => out.out(`  ${c.dim(label.padEnd(width))} ${value ?? na}`);
  out.out(`${c.bold(doc.id ?? doc.path)}  ${oneLine(doc.title ?? '(no title)')}`);
  for (const p of doc.problems) out.err(`${c.yellow('warning:')} ${doc.path}:${p.line}: ${p.message}`);
  const since = sinceDate(doc);
  field('kind', kind.label);
  field('status', doc.status ? `${c.bold(doc.status)}${since ? c.dim(` since ${since}`) : ''}` : undefined);
  field('author', doc.author);
  field('created', doc.created);
  field('last updated', doc.lastUpdated);
  for (const k of ['decision_date', 'archive_date']) {
    const v = readDate(doc.data[k]);
    if (v) field(k.replace('_', ' '), v);
  }
  const reason = asText(doc.data.archive_reason);
  if (reason) field('reason', reason);
  field('file', doc.path);
  if (kind.fields.includes('reviewers') || doc.reviewers.length) {
    const mark = (s: string) => (s === 'approved' ? c.green(s) : s === 'declined' ? c.red(s) : c.yellow(s));
    field('reviewers', doc.reviewers.length ? doc.reviewers.map((r) => `${r.name} (${mark(r.status)})`).join(', ') : 'none yet');
  }
  if (kind.summarySection) {
    const text = summary(sectionOf(doc, kind.summarySection));
    field(kind.summarySection.toLowerCase(), text ?? c.dim('(not written yet)'));
  }
  const links = linksOf(ctx, doc, docs);
  if (links.length || opts.full) {
    out.out('');
    out.out(c.bold('Links'));
    if (!links.length) out.out(c.dim('  none'));
    for (const l of links) {
      const tail = l.missing ? c.red('(not found)') : `${l.title ?? ''}${l.status ? c.dim(` (${l.status})`) : ''}`;
      out.out(`  ${c.dim(l.relation.padEnd(15))} ${l.id}  ${tail}`.trimEnd());
    }
  }
  if (opts.full) {
    const history = Array.isArray(doc.data.history) ? (doc.data.history as unknown[]) : [];
    if (history.length) {
      out.out('');
      out.out(c.bold('History'));
      for (const h of history) {
        const e = (h ?? {}) as Record<string, unknown>;
        const status = (asText(e.status) ?? '?').padEnd(12);
        const note = [asText(e.by) && `by ${asText(e.by)}`, asText(e.comment)].filter(Boolean).join(': ');
        out.out(`  ${readDate(e.date) ?? '?'}  ${note ? `${status}${c.dim(note)}` : status.trimEnd()}`);
      }
    }
  }
  const next = doc.status && doc.statusKnown ? allowedNext(kind, doc.status) : [];
  out.out('');
  if (!doc.statusKnown) {
    out.out(`Fix the status in ${doc.path} to one of: ${Object.keys(kind.statuses).join(', ')}`);
    return;
  }
  if (!next.length) {
    out.out(c.dim(`${doc.status} is final: no status follows it.`));
    return;
  }
  renderNext(ctx, kind, doc.id ?? doc.path, doc.status!);
}

/** The valid next statuses, each with the command that does it. */
export function renderNext(ctx: Context, kind: DocRecord['kind'], id: string, status: string): void {
  const c = ctx.out.c;
  const next = allowedNext(kind, status);
  if (!next.length) return;
  ctx.out.out(c.bold('Next'));
  const cmd = kind.commands?.status ?? 'status';
  for (const s of next) {
    const needsBy = kind.guards?.[s]?.some((g) => g.type === 'by' && g.required !== false);
    ctx.out.out(`  ${s.padEnd(12)} archdoc ${cmd} ${id} --set ${s}${needsBy ? ` --by ${numberless(kind) ? '<path>' : `${kind.prefix}-XXXX`}` : ''}`);
  }
}

/** The date the document entered its current status, from its history. */
export function sinceDate(doc: DocRecord): string | undefined {
  const history = Array.isArray(doc.data.history) ? (doc.data.history as unknown[]) : [];
  for (let i = history.length - 1; i >= 0; i--) {
    const e = history[i] as Record<string, unknown> | null;
    if (e && typeof e === 'object' && String(e.status ?? '').toUpperCase() === doc.status) return readDate(e.date);
  }
  return undefined;
}
