/**
 * Document kinds and their workflows, as data. The defaults below are merged with the config
 * file (src/core/config.ts), so a repository can change a workflow or add a kind without code.
 */
import type { StatusRuleId } from './check/rule-ids.js';
import { perKind } from './per-kind.js';

export type Layout = 'by-status' | 'flat';

export interface StatusDef {
  /** Folder under the kind's folder in the by-status layout; `{year}` is the year of the change. */
  folder: string;
  /** Archived statuses are hidden from `list` unless `--all`. */
  archived?: boolean;
  description?: string;
}

export type GuardSpec =
  /** Reviewers must be named: refuse below `min`, warn below `warn_below`. */
  | { type: 'reviewers-named'; min?: number; warn_below?: number }
  /** At least one reviewer approved; warn for each who has not. */
  | { type: 'reviewer-approved' }
  /** These body sections must have content. */
  | { type: 'sections'; sections: string[] }
  /** No `[Template Placeholder]` may remain. */
  | { type: 'no-placeholders' }
  /** `--by ID` names the successor (same kind); `required: false` makes it optional. */
  | { type: 'by'; required?: boolean }
  /** The document linked by `field` must be in one of `statuses`. */
  | { type: 'linked-status'; field: string; statuses: string[] };

/**
 * How approvals count for the `reviewer-approved` guard (and for `check`, which re-checks it): at
 * least `min` reviewers approved, the author's own approval not counted (`exclude_author`), any
 * declined review blocking (`declined_blocks`), and every review back to pending when the
 * document returns to its initial status (`reset_on_draft`).
 */
export interface ApprovalPolicy {
  min?: number;
  exclude_author?: boolean;
  declined_blocks?: boolean;
  reset_on_draft?: boolean;
  /** An approval given to an earlier text of the body does not count for a status change. */
  reset_on_change?: boolean;
}

export const APPROVAL_DEFAULTS: Required<ApprovalPolicy> = { min: 1, exclude_author: true, declined_blocks: true, reset_on_draft: true, reset_on_change: true };

/** The kind's approval policy, its unset parts taken from APPROVAL_DEFAULTS. */
export function approvalPolicy(kind: KindDef): Required<ApprovalPolicy> {
  return { ...APPROVAL_DEFAULTS, ...kind.approvals };
}

export interface EnterEffects {
  /** Date fields set to the day of the change. */
  dates?: string[];
  /** Records `archive_date` and `archive_reason`. */
  archive?: boolean;
}

export interface KindDef {
  /** Config key and `--type` value: `rfc`, `tech-spec`, `adr`, `system-design`. */
  name: string;
  /** Human name: `RFC`, `Tech spec`. */
  label: string;
  plural: string;
  /** Id prefix: `RFC` in `RFC-0001`. */
  prefix: string;
  /** Folder relative to the repository root. */
  folder: string;
  layout?: Layout;
  /** Frontmatter key holding the id. */
  idKey: string;
  /** Template name: `templates/<name>.md.eta`, overridable by `.archdoc/templates/<name>.md.eta`. */
  template: string;
  statuses: Record<string, StatusDef>;
  initial: string;
  transitions: Record<string, string[]>;
  /** Guards checked when entering a status, keyed by the target status. */
  guards?: Record<string, GuardSpec[]>;
  /** How approvals count (see ApprovalPolicy); unset parts are APPROVAL_DEFAULTS. */
  approvals?: ApprovalPolicy;
  onEnter?: Record<string, EnterEffects>;
  /** Frontmatter written at creation, in this order, beyond id/title/status. */
  fields: string[];
  /** Section whose first sentences the status view shows. */
  summarySection?: string;
  /** Sections `check` wants filled once the document is past its initial status. */
  requiredSections?: string[];
  /** Body section kept equal to the status (ADRs). */
  statusSection?: string;
  /** Frontmatter fields that reference other documents, with the kind they point at. */
  links?: Record<string, string>;
  /** Typed links `archdoc link` adds, relation → frontmatter field (core/relations.ts); default relates-to, depends-on, amends, and implements through `--rfc`'s field. */
  relations?: Partial<Record<'implements' | 'relates-to' | 'depends-on' | 'amends', string>>;
  /** `create` option that fills a link field: `{ rfc: 'decision_ref' }` makes `--rfc ID`. */
  createLinks?: Record<string, string>;
  /** Statuses in the order `list` shows them: what needs attention first. */
  order?: string[];
  /** Named command aliases. */
  commands?: { create?: string; status?: string; list?: string };
  /** Status that means "replaced by another" (`--by`), for symmetric supersede links. */
  supersededStatus?: string;
  /** Apply the RFC decision-discipline checks. */
  decisionDiscipline?: boolean;
  /** Statuses that mean "approved or later" for `check` (default: APPROVED or ACCEPTED and what follows). */
  approvedStatuses?: string[];
  /**
   * The status rules (STATUS_RULE_IDS) that hold in a status, per status; a status not named
   * keeps its default (statusRules in check/statuses.ts).
   */
  statusRules?: Record<string, StatusRuleId[]>;
  /**
   * `optional`: records may have no frontmatter (adr-tools, MADR 2, log4brains write none); their
   * id comes from the file name, their title from the first heading, their status and date from
   * the body. `required` (the default): a record without frontmatter is a check error.
   */
  frontmatter?: 'required' | 'optional';
  /** Words a repository writes for statuses, lower case, to the kind's statuses: `{ implemented: COMPLETED }`. */
  statusAliases?: Record<string, string>;
  /** How new files are named and numbers read from names: `{id}-{slug}.md` (default), `{nnnn}-{slug}.md`, `{date}-{slug}.md` (core/file-names.ts). */
  fileName?: string;
  /** Other headings a section goes by in this repository: `{ Context: [Contexto], 'Options Analysis': [Considered Options] }`. */
  sectionNames?: Record<string, string[]>;
  /** File names in the kind's folder that are not records (templates, indexes), as globs; default EXCLUDE_DEFAULT. */
  exclude?: string[];
}

/** Files that lie among records without being any: indexes and templates. */
export const EXCLUDE_DEFAULT = ['README.md', 'index.md', 'template.md', '*-template.md', 'template-*.md', '_*.md'];

const excludeCache = new WeakMap<KindDef, RegExp>();

/** Whether a file name is one the kind's `exclude` globs (or the defaults) say is no record. */
export function excludedName(kind: KindDef, filename: string): boolean {
  let re = excludeCache.get(kind);
  if (!re) {
    const globs = (kind.exclude ?? EXCLUDE_DEFAULT).map((g) =>
      g
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.'),
    );
    re = new RegExp(`^(?:${globs.join('|') || '(?!)'})$`, 'i');
    excludeCache.set(kind, re);
  }
  return re.test(filename);
}

const year = '{year}';

export const DEFAULT_KINDS: Record<string, KindDef> = {
  rfc: {
    name: 'rfc',
    label: 'RFC',
    plural: 'RFCs',
    prefix: 'RFC',
    folder: 'rfcs',
    idKey: 'rfc_id',
    template: 'rfc',
    statuses: {
      DRAFT: { folder: 'draft', description: 'being written' },
      REVIEW: { folder: 'review', description: 'open for feedback' },
      APPROVED: { folder: 'approved', description: 'decision made' },
      IN_PROGRESS: { folder: 'approved/in-progress', description: 'implementation started' },
      COMPLETED: { folder: 'completed', description: 'implementation finished' },
      REJECTED: { folder: `archive/${year}/rejected`, archived: true, description: 'declined after review' },
      ABANDONED: { folder: `archive/${year}/abandoned`, archived: true, description: 'author withdrew' },
      SUPERSEDED: { folder: `archive/${year}/superseded`, archived: true, description: 'replaced by a newer RFC' },
    },
    initial: 'DRAFT',
    transitions: {
      DRAFT: ['REVIEW', 'ABANDONED', 'SUPERSEDED'],
      REVIEW: ['APPROVED', 'REJECTED', 'DRAFT', 'SUPERSEDED'],
      APPROVED: ['IN_PROGRESS', 'SUPERSEDED'],
      IN_PROGRESS: ['COMPLETED', 'SUPERSEDED'],
      COMPLETED: ['SUPERSEDED'],
      REJECTED: [],
      ABANDONED: [],
      SUPERSEDED: [],
    },
    guards: {
      REVIEW: [{ type: 'reviewers-named', min: 1, warn_below: 2 }],
      APPROVED: [{ type: 'reviewer-approved' }],
      IN_PROGRESS: [{ type: 'sections', sections: ['Technical Design', 'Implementation Plan'] }],
      SUPERSEDED: [{ type: 'by', required: true }],
    },
    onEnter: {
      APPROVED: { dates: ['decision_date'] },
      REJECTED: { archive: true },
      ABANDONED: { archive: true },
      SUPERSEDED: { archive: true },
    },
    fields: ['author', 'reviewers', 'created', 'last_updated', 'decision_date', 'related_prds', 'related_rfcs'],
    summarySection: 'Overview',
    requiredSections: ['Overview', 'Problem Statement', 'Evaluation Criteria', 'Options Analysis', 'Recommendation'],
    links: { related_rfcs: 'rfc', superseded_by: 'rfc', supersedes: 'rfc', related_prds: 'prd' },
    order: ['REVIEW', 'IN_PROGRESS', 'APPROVED', 'DRAFT', 'COMPLETED', 'REJECTED', 'ABANDONED', 'SUPERSEDED'],
    commands: { create: 'create-rfc', status: 'rfc-status', list: 'list-rfcs' },
    supersededStatus: 'SUPERSEDED',
    decisionDiscipline: true,
  },
  'tech-spec': {
    name: 'tech-spec',
    label: 'Tech spec',
    plural: 'Tech specs',
    prefix: 'TS',
    folder: 'tech-specs',
    idKey: 'tech_spec_id',
    template: 'tech-spec',
    statuses: {
      DRAFT: { folder: 'draft', description: 'being written' },
      REVIEW: { folder: 'review', description: 'open for feedback' },
      APPROVED: { folder: 'approved', description: 'ready for implementation' },
      REFERENCE: { folder: 'reference', description: 'implemented; now reference documentation' },
      ARCHIVED: { folder: `archive/${year}`, archived: true, description: 'superseded or deprecated' },
    },
    initial: 'DRAFT',
    transitions: {
      DRAFT: ['REVIEW', 'APPROVED'],
      REVIEW: ['APPROVED', 'DRAFT'],
      APPROVED: ['REFERENCE', 'ARCHIVED'],
      REFERENCE: ['ARCHIVED'],
      ARCHIVED: [],
    },
    guards: {
      APPROVED: [
        { type: 'sections', sections: ['Executive Summary', 'Design Overview', 'Detailed Specifications'] },
        { type: 'no-placeholders' },
        { type: 'linked-status', field: 'decision_ref', statuses: ['APPROVED', 'IN_PROGRESS', 'COMPLETED'] },
      ],
      ARCHIVED: [{ type: 'by', required: false }],
    },
    onEnter: { ARCHIVED: { archive: true } },
    fields: ['decision_ref', 'author', 'created', 'last_updated', 'related_prd'],
    summarySection: 'Executive Summary',
    requiredSections: ['Executive Summary', 'Design Overview', 'Detailed Specifications'],
    links: { decision_ref: 'rfc', superseded_by: 'tech-spec', related_prd: 'prd' },
    createLinks: { rfc: 'decision_ref' },
    order: ['REVIEW', 'APPROVED', 'DRAFT', 'REFERENCE', 'ARCHIVED'],
    commands: { create: 'create-tech-spec', status: 'tech-spec-status', list: 'list-tech-specs' },
  },
  adr: {
    name: 'adr',
    label: 'ADR',
    plural: 'ADRs',
    prefix: 'ADR',
    folder: 'docs/adr',
    layout: 'flat',
    idKey: 'adr_id',
    template: 'adr',
    statuses: {
      PROPOSED: { folder: 'proposed', description: 'under discussion' },
      ACCEPTED: { folder: 'accepted', description: 'decided and in force' },
      REJECTED: { folder: 'rejected', archived: true, description: 'not adopted' },
      DEPRECATED: { folder: 'deprecated', archived: true, description: 'no longer applies' },
      SUPERSEDED: { folder: 'superseded', archived: true, description: 'replaced by a newer ADR' },
    },
    initial: 'PROPOSED',
    transitions: {
      PROPOSED: ['ACCEPTED', 'REJECTED'],
      ACCEPTED: ['DEPRECATED', 'SUPERSEDED'],
      REJECTED: [],
      DEPRECATED: [],
      SUPERSEDED: [],
    },
    guards: { SUPERSEDED: [{ type: 'by', required: true }] },
    fields: ['author', 'created', 'last_updated', 'supersedes', 'superseded_by'],
    summarySection: 'Context',
    requiredSections: ['Context', 'Decision', 'Consequences'],
    statusSection: 'Status',
    links: { supersedes: 'adr', superseded_by: 'adr' },
    order: ['PROPOSED', 'ACCEPTED', 'DEPRECATED', 'REJECTED', 'SUPERSEDED'],
    commands: { create: 'create-adr', status: 'adr-status', list: 'list-adrs' },
    supersededStatus: 'SUPERSEDED',
  },
  'system-design': {
    name: 'system-design',
    label: 'System design',
    plural: 'System designs',
    prefix: 'SD',
    folder: 'system-designs',
    idKey: 'system_design_id',
    template: 'system-design',
    statuses: {
      DRAFT: { folder: 'draft', description: 'being written' },
      REVIEW: { folder: 'review', description: 'open for feedback' },
      APPROVED: { folder: 'approved', description: 'the design to build' },
      ARCHIVED: { folder: `archive/${year}`, archived: true, description: 'replaced, retired or abandoned' },
    },
    initial: 'DRAFT',
    transitions: {
      DRAFT: ['REVIEW', 'ARCHIVED'],
      REVIEW: ['APPROVED', 'DRAFT'],
      APPROVED: ['ARCHIVED'],
      ARCHIVED: [],
    },
    guards: {
      REVIEW: [{ type: 'reviewers-named', min: 1, warn_below: 2 }],
      APPROVED: [{ type: 'reviewer-approved' }, { type: 'sections', sections: ['Overview', 'Architecture Diagram', 'Components'] }],
    },
    onEnter: { ARCHIVED: { archive: true } },
    fields: ['author', 'reviewers', 'created', 'last_updated', 'related_rfcs', 'related_tech_specs'],
    summarySection: 'Overview',
    requiredSections: ['Overview', 'Architecture Diagram', 'Components'],
    // A design is reviewed while it is written: its sections are asked for from APPROVED on.
    statusRules: { REVIEW: [] },
    links: { related_rfcs: 'rfc', related_tech_specs: 'tech-spec' },
    order: ['REVIEW', 'APPROVED', 'DRAFT', 'ARCHIVED'],
    commands: { create: 'create-system-design', status: 'system-design-status', list: 'list-system-designs' },
  },
};

/** Folder a status lives in for a layout, relative to the repository root (posix separators). */
export function statusFolder(kind: KindDef, status: string, layout: Layout, year: number): string {
  if (layout === 'flat') return kind.folder;
  const sub = kind.statuses[status]?.folder ?? '';
  const resolved = sub.replace(/\{year\}/g, String(year));
  return resolved ? `${kind.folder}/${resolved}` : kind.folder;
}

/** How a status word is looked up among a kind's aliases: lower case, `-`, `_` and spaces as one space. */
export function aliasKey(word: string): string {
  return word
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
}

/** Canonical status for user input (case-insensitive, `-`/space as `_`), or undefined. */
export function canonicalStatus(kind: KindDef, input: string): string | undefined {
  const alias = kind.statusAliases?.[aliasKey(input)];
  if (alias !== undefined) return alias;
  const norm = input
    .trim()
    .toUpperCase()
    .replace(/[-\s]+/g, '_');
  return Object.hasOwn(kind.statuses, norm) ? norm : undefined;
}

/**
 * A status as records written by other tools state it: `accepted`, `Accepted ✅`,
 * `Superseded by [3. Use X](0003-use-x.md)`, `superseded by ADR-0005`. The whole text, then its
 * first word; "superseded by" names the kind's superseded status.
 */
export function statusAsWritten(kind: KindDef, raw: string): string | undefined {
  const [from, to] = statusSpan(kind, raw);
  const words = raw.slice(from, to);
  const status = canonicalStatus(kind, words);
  return status === undefined && /^super[sc]eded\b/i.test(words) ? kind.supersededStatus : status;
}

/**
 * Where the status stands in a value as written: the whole value when all of it is the status
 * (`In progress`, `Superseded by [3. X](0003-x.md)`), else its first word (`Accepted` in
 * `Accepted on 2024-01-02 by the board`, `Accepted ✅`), emphasis around it left out.
 */
export function statusSpan(kind: KindDef, raw: string): [number, number] {
  const lead = /^\s*[*_`]*/.exec(raw)![0].length;
  const core = raw.slice(lead).replace(/[*_`\s]+$/, '');
  if (canonicalStatus(kind, core) !== undefined || /^super[sc]eded\b/i.test(core)) return [lead, lead + core.length];
  const first = /^[A-Za-z][A-Za-z_-]*/.exec(core)?.[0]?.replace(/[_-]+$/, '') ?? core;
  return [lead, lead + first.length];
}

export function allowedNext(kind: KindDef, status: string): string[] {
  return kind.transitions[status] ?? [];
}

export function isArchived(kind: KindDef, status: string | undefined): boolean {
  return status !== undefined && kind.statuses[status]?.archived === true;
}

/** The folder a document of `kind` in `status` belongs in, as a pattern (`{year}` is any year) and as text for messages; one per kind, status and layout. */
export function statusFolderPattern(kind: KindDef, status: string, layout: Layout): { pattern: RegExp; text: string } {
  return folderPatterns(kind, `${layout} ${status}`);
}

const folderPatterns = perKind((kind, key) => {
  const [layout, status] = key.split(' ') as [Layout, string];
  return folderPattern(kind, status, layout);
});

function folderPattern(kind: KindDef, status: string, layout: Layout): { pattern: RegExp; text: string } {
  const text = layout === 'flat' ? kind.folder : [kind.folder, kind.statuses[status]?.folder].filter(Boolean).join('/');
  const escaped = text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{year\}/g, '\\d{4}');
  return { pattern: new RegExp(`^${escaped}$`), text: text.replace(/\{year\}/g, 'YYYY') };
}

/** "a" or "an" before a label, by sound: an RFC, an ADR, a tech spec, a PRD, an item. */
/** A label as it reads inside a sentence: "Tech spec" is "tech spec"; acronyms stay as they are. */
export const inSentence = (label: string): string => label.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());

export function article(label: string): string {
  return /^[aeiou]/i.test(label) || /^[FHLMNRSX][A-Z0-9]/.test(label) ? `an ${label}` : `a ${label}`;
}
