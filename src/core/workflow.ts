/**
 * The workflow engine: decides whether a status change is allowed and what it writes. Pure: it
 * takes the document and what it links to, and returns either a refusal or a plan of edits.
 */
import type { DocRecord } from './document.js';
import { asText, bodyHash } from './document.js';
import type { FrontmatterEdit } from './frontmatter.js';
import { allowedNext, approvalPolicy, article, canonicalStatus, type GuardSpec, type KindDef } from './kinds.js';
import { referencedId, referencesIn } from './links.js';
import { closest } from './suggest.js';
import { hasContent, placeholdersOf, sectionOf } from './sections.js';

export const REVIEWER_STATUSES = ['pending', 'in-progress', 'approved', 'declined'] as const;

export interface TransitionInput {
  doc: DocRecord;
  target: string;
  today: string;
  comment?: string;
  /** The successor named by `--by`, already resolved (undefined when not given). */
  by?: DocRecord;
  /** `--by` was given but names nothing. */
  byMissing?: string;
  /** Finds a linked document by the reference written in a field. */
  lookup: (ref: string) => DocRecord | undefined;
  /** Who makes the change (git's user.name), recorded in the history entry as `by`. */
  actor?: string;
}

export type TransitionPlan =
  | { ok: true; from: string; to: string; edits: FrontmatterEdit[]; successorEdits: FrontmatterEdit[]; warnings: string[] }
  | { ok: false; reason: 'unknown-status' | 'usage' | 'not-allowed' | 'guard'; message: string; details: string[] };

export function planTransition(input: TransitionInput): TransitionPlan {
  const { doc, today } = input;
  const kind = doc.kind;
  const id = doc.id ?? doc.path;
  const to = canonicalStatus(kind, input.target);
  const statuses = Object.keys(kind.statuses);
  if (!to) {
    const hint = closest(input.target.toUpperCase(), statuses);
    return {
      ok: false,
      reason: 'unknown-status',
      message: `"${input.target}" is not ${article(kind.label)} status${hint ? `; did you mean ${hint}?` : '.'}`,
      details: [`${kind.label} statuses: ${statuses.join(', ')}`],
    };
  }
  const from = doc.status;
  if (!from || !doc.statusKnown) {
    return {
      ok: false,
      reason: 'not-allowed',
      message: `${id} has ${from ? `unknown status "${from}"` : 'no status'}; set it to one of ${statuses.join(', ')} in ${doc.path} first.`,
      details: [],
    };
  }
  const next = allowedNext(kind, from);
  const allowedLine = next.length ? `Allowed next from ${from}: ${next.join(', ')}` : `${from} is final: no status follows it.`;
  if (from === to) return { ok: false, reason: 'not-allowed', message: `${id} is already ${to}.`, details: [allowedLine] };
  if (!next.includes(to)) {
    return { ok: false, reason: 'not-allowed', message: `${id} cannot go from ${from} to ${to}.`, details: [allowedLine] };
  }

  if ((input.by || input.byMissing) && !(kind.guards?.[to] ?? []).some((g) => g.type === 'by')) {
    const takesBy = Object.entries(kind.guards ?? {})
      .filter(([, gs]) => gs.some((g) => g.type === 'by'))
      .map(([s]) => s);
    return {
      ok: false,
      reason: 'usage',
      message: `--by goes with ${takesBy.length ? takesBy.map((s) => `--set ${s}`).join(' or ') : 'no status of this kind'}, not with --set ${to}.`,
      details: [],
    };
  }
  const { failures, warnings } = guardResults(doc, to, input.lookup, input);
  const edits: FrontmatterEdit[] = [];
  const successorEdits: FrontmatterEdit[] = [];
  if (failures.length) {
    return { ok: false, reason: 'guard', message: `${id} cannot go from ${from} to ${to}: ${failures[0]}`, details: failures.slice(1) };
  }

  edits.push({ op: 'set', path: ['status'], value: to });
  edits.push({ op: 'set', path: ['last_updated'], value: today });
  // Back to the first draft: the reviews were of another text, so they start again.
  if (to === kind.initial && approvalPolicy(kind).reset_on_draft) edits.push(...reviewsReset(doc, today));
  const effects = kind.onEnter?.[to];
  for (const field of effects?.dates ?? []) edits.push({ op: 'set', path: [field], value: today });
  if (effects?.archive) {
    edits.push({ op: 'set', path: ['archive_date'], value: today });
    edits.push({ op: 'set', path: ['archive_reason'], value: input.comment ?? defaultReason(kind, to, input.by) });
  }
  if (input.by?.id) {
    edits.push({ op: 'set', path: ['superseded_by'], value: input.by.id });
    if (doc.id) successorEdits.push(...supersedesEdits(input.by, doc.id, today));
  }
  const entry: Record<string, string> = { status: to, date: today };
  if (input.actor) entry.by = input.actor;
  if (input.comment) entry.comment = input.comment;
  edits.push({ op: 'append', key: 'history', item: entry });
  return { ok: true, from, to, edits, successorEdits, warnings };
}

export interface GuardFailure {
  message: string;
  /** 1-based line within the file, when one place is to blame. */
  line?: number;
}

/**
 * The guards of entering `status`, judged on `doc`: what fails (refuses a transition, and is an
 * error for `check`) and what only warns. The one place guards are evaluated: a transition asks
 * it for the status it enters, `check` for the status a document is in (rule workflow-guard).
 * `cli` carries what only a command line has (`--by`); without it, `by` guards are left to the
 * rules that read `superseded_by`.
 */
export function guardResults(
  doc: DocRecord,
  status: string,
  lookup: (ref: string) => DocRecord | undefined,
  cli?: { by?: DocRecord; byMissing?: string },
  guards: readonly GuardSpec[] = doc.kind.guards?.[status] ?? [],
): { failures: string[]; warnings: string[]; located: GuardFailure[] } {
  const kind = doc.kind;
  const failures: string[] = [];
  const warnings: string[] = [];
  const located: GuardFailure[] = [];
  const fail = (message: string, line?: number) => {
    failures.push(line === undefined ? message : `line ${line}: ${message}`);
    located.push(line === undefined ? { message } : { message, line });
  };
  for (const guard of guards) {
    switch (guard.type) {
      case 'reviewers-named': {
        const n = doc.reviewers.length;
        if (n < (guard.min ?? 1)) fail(`${status} needs reviewers: add one with --reviewer "Name"`);
        else if (n < (guard.warn_below ?? 0)) warnings.push(`only ${n} reviewer${n === 1 ? '' : 's'} named; ${guard.warn_below} or more is recommended`);
        break;
      }
      case 'reviewer-approved': {
        const policy = approvalPolicy(kind);
        // Every author, however the field is written (one name, or a list of them).
        const raw = doc.data.author;
        const authors = Array.isArray(raw) ? raw.map((a) => asText(a)?.trim().toLowerCase()) : [asText(raw)?.trim().toLowerCase()];
        const own = (r: { name: string }) => policy.exclude_author && authors.includes(r.name.trim().toLowerCase());
        // A status change counts only approvals of the text as it is now (check reports the
        // others as approval-stale).
        const current = cli && policy.reset_on_change ? bodyHash(doc.body) : undefined;
        const stale = (r: { bodyHash?: string }) => !!current && !!r.bodyHash && r.bodyHash !== current;
        // One approval per person, however often the name is listed.
        const approvers = doc.reviewers.filter((r) => r.status === 'approved' && !own(r) && !stale(r));
        const approved = approvers.length < 2 ? approvers : [...new Map(approvers.map((r) => [r.name.trim().toLowerCase(), r])).values()];
        const declined = policy.declined_blocks ? doc.reviewers.filter((r) => r.status === 'declined') : [];
        const selfApproved = doc.reviewers.some((r) => r.status === 'approved' && own(r));
        if (declined.length) {
          fail(
            `${declined.map((r) => r.name).join(', ')} declined; a declined review blocks ${status}: record a new verdict with --reviewer "Name:approved", or move the document back`,
          );
        }
        if (approved.length < policy.min) {
          const others = doc.reviewers.filter((r) => !own(r));
          const staleOnes = doc.reviewers.filter((r) => r.status === 'approved' && stale(r));
          const why = `${selfApproved ? `; the author's own approval does not count` : ''}${staleOnes.length ? `; ${staleOnes.map((r) => `${r.name} approved an earlier text${r.approvedOn ? ` (on ${r.approvedOn})` : ''}`).join(', ')}` : ''}`;
          if (policy.min === 1 && approved.length === 0) {
            fail(
              others.length
                ? `no reviewer has approved yet (${others.map((r) => `${r.name}: ${r.status}`).join(', ')})${why}; record one with --reviewer "Name:approved"`
                : `no reviewers${why}; add one and record the approval with --reviewer "Name:approved"`,
            );
          } else fail(`${status} needs ${policy.min} approvals; ${approved.length} so far${why}; record them with --reviewer "Name:approved"`);
        }
        for (const r of doc.reviewers) if (r.status !== 'approved' && !declined.includes(r)) warnings.push(`reviewer ${r.name} has not approved (${r.status})`);
        break;
      }
      case 'sections':
        for (const name of guard.sections) {
          const s = sectionOf(doc, name);
          if (!s) fail(`section "## ${name}" is missing`);
          else if (!hasContent(s)) fail(`section "## ${name}" has no content yet`, doc.bodyLine + s.line - 1);
        }
        break;
      case 'no-placeholders':
        for (const p of placeholdersOf(doc)) fail(`template placeholder ${p.text} remains`, doc.bodyLine + p.line - 1);
        break;
      case 'by':
        if (!cli) break;
        if (cli.byMissing) fail(`--by ${cli.byMissing}: no such ${kind.label}`);
        else if (!cli.by && guard.required !== false) fail(`${status} needs the replacing ${kind.label}: add --by ${kind.prefix}-XXXX`);
        else if (cli.by && cli.by.kind !== kind) fail(`--by ${cli.by.id}: must be ${article(kind.label)}`);
        else if (cli.by && cli.by.path === doc.path) fail(`--by ${cli.by.id ?? cli.by.path}: a document cannot replace itself`);
        break;
      case 'linked-status': {
        const ref = asText(doc.data[guard.field]);
        if (!ref) break;
        const linked = lookup(ref);
        if (!linked) fail(`${guard.field} ${ref} does not exist`);
        else if (!linked.status || !guard.statuses.includes(linked.status)) {
          fail(`${guard.field} ${linked.id} is ${linked.status ?? 'without status'}; it must be ${guard.statuses.join(', ')}`);
        }
        break;
      }
    }
  }
  return { failures, warnings, located };
}

/**
 * Edits that set every reviewer's status back to pending, in whichever form the list is written
 * (the forms planReviewer reads and writes); a list written as one string is rewritten as names.
 */
function reviewsReset(doc: DocRecord, today: string): FrontmatterEdit[] {
  const waiting = doc.reviewers.filter((r) => r.status !== 'pending');
  if (waiting.length === 0) return [];
  if (!Array.isArray(doc.data.reviewers)) return [{ op: 'set', path: ['reviewers'], value: doc.reviewers.map((r) => r.name) }];
  const edits: FrontmatterEdit[] = [];
  for (const r of waiting) {
    const plan = planReviewer(doc, `${r.name}:pending`, today);
    if (plan.ok) edits.push(...plan.edits.filter((e) => !(e.op === 'set' && e.path[0] === 'last_updated')));
  }
  return edits;
}

/** Adds `id` to the successor's `supersedes`, keeping any it already names (one successor can replace several). */
function supersedesEdits(successor: DocRecord, id: string, today: string): FrontmatterEdit[] {
  const raw = successor.data.supersedes;
  const existing = referencesIn(raw);
  const index = { prefixes: [successor.kind.prefix, id.slice(0, id.lastIndexOf('-'))], padding: id.length - id.lastIndexOf('-') - 1 };
  if (existing.some((r) => referencedId(r, index) === id)) return [];
  const value = existing.length === 0 ? id : [...existing, id];
  return [
    { op: 'set', path: ['supersedes'], value },
    { op: 'set', path: ['last_updated'], value: today },
  ];
}

function defaultReason(kind: KindDef, to: string, by: DocRecord | undefined): string {
  if (by?.id) return `superseded by ${by.id}`;
  return `${kind.statuses[to]?.description ?? to.toLowerCase()}`;
}

/** A refusal is either the input's fault (`usage`, exit 2) or the document's (`document`, exit 1). */
export type ReviewerPlan = { ok: true; edits: FrontmatterEdit[]; summary: string } | { ok: false; message: string; reason?: 'usage' | 'document' };

/** Adds a reviewer (`Name`, pending) or adds/updates one with a status (`Name:approved`). */
/** Reads `--reviewer "Name"` or `"Name:status"`; the status is undefined when none was given. */
export function parseReviewerSpec(spec: string): { ok: true; name: string; status?: string } | { ok: false; message: string } {
  const idx = spec.lastIndexOf(':');
  const name = (idx === -1 ? spec : spec.slice(0, idx)).trim();
  const status =
    idx === -1
      ? undefined
      : spec
          .slice(idx + 1)
          .trim()
          .toLowerCase()
          .replace(/[_\s]+/g, '-');
  if (!name) return { ok: false, message: `--reviewer "${spec}": give a name, e.g. --reviewer "Alice Chen" or "Alice Chen:approved"` };
  if (status !== undefined && !(REVIEWER_STATUSES as readonly string[]).includes(status)) {
    return { ok: false, message: `--reviewer "${spec}": "${status}" is not a reviewer status; use ${REVIEWER_STATUSES.join(', ')}` };
  }
  return status === undefined ? { ok: true, name } : { ok: true, name, status };
}

/** The name in one entry of `reviewers`, in each form the reader takes: `Name`, `Name: status`, `{name, status}`, `{Name: status}`. */
function reviewerEntryName(r: unknown): string | undefined {
  if (typeof r === 'string') return r.split(':')[0]!.trim();
  if (!r || typeof r !== 'object') return undefined;
  const o = r as Record<string, unknown>;
  if ('name' in o) return asText(o.name);
  const keys = Object.keys(o);
  return keys.length === 1 ? keys[0] : undefined;
}

export function planReviewer(doc: DocRecord, spec: string, today: string): ReviewerPlan {
  const parsed = parseReviewerSpec(spec);
  if (!parsed.ok) return parsed;
  const { name, status: rawStatus } = parsed;
  const raw = doc.data.reviewers;
  const list = Array.isArray(raw) ? raw : [];
  const at = list.findIndex((r) => reviewerEntryName(r)?.toLowerCase() === name.toLowerCase());
  const edits: FrontmatterEdit[] = [];
  if (at === -1) {
    const status = rawStatus ?? 'pending';
    if (raw !== undefined && raw !== null && !Array.isArray(raw))
      return { ok: false, reason: 'document', message: `reviewers in ${doc.path} is not a list; fix it by hand first` };
    edits.push({
      op: 'append',
      key: 'reviewers',
      item: status === 'approved' ? { name, status, approved_on: today, body_hash: bodyHash(doc.body) } : { name, status },
    });
    edits.push({ op: 'set', path: ['last_updated'], value: today });
    return { ok: true, edits, summary: `added reviewer ${name} (${status})` };
  }
  const current = doc.reviewers.find((r) => r.name.toLowerCase() === name.toLowerCase());
  const item = list[at];
  // An approval given again to a text that changed since: recorded anew, with the text it approves.
  const renewed = rawStatus === 'approved' && current?.status === 'approved' && !!current.bodyHash && current.bodyHash !== bodyHash(doc.body);
  if (renewed && item && typeof item === 'object' && 'name' in item) {
    return {
      ok: true,
      edits: [
        { op: 'set', path: ['reviewers', at, 'approved_on'], value: today },
        { op: 'set', path: ['reviewers', at, 'body_hash'], value: bodyHash(doc.body) },
        { op: 'set', path: ['last_updated'], value: today },
      ],
      summary: `reviewer ${name}: approved again, of the text as it is now`,
    };
  }
  if (rawStatus === undefined || current?.status === rawStatus) {
    return { ok: true, edits: [], summary: `${name} is already a reviewer (${current?.status ?? 'pending'})` };
  }
  if (item && typeof item === 'object' && 'name' in item) {
    edits.push({ op: 'set', path: ['reviewers', at, 'status'], value: rawStatus });
    // What was approved, and when: check tells when the body changes after it.
    if (rawStatus === 'approved') {
      edits.push({ op: 'set', path: ['reviewers', at, 'approved_on'], value: today });
      edits.push({ op: 'set', path: ['reviewers', at, 'body_hash'], value: bodyHash(doc.body) });
    }
  }
  // `- Name: status`, a map of one key: its value is the status.
  else if (item && typeof item === 'object') edits.push({ op: 'set', path: ['reviewers', at, reviewerEntryName(item)!], value: rawStatus });
  else edits.push({ op: 'set', path: ['reviewers', at], value: `${name}: ${rawStatus}` });
  edits.push({ op: 'set', path: ['last_updated'], value: today });
  return { ok: true, edits, summary: `reviewer ${name}: ${current?.status ?? 'pending'} → ${rawStatus}` };
}
