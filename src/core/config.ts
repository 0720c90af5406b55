/**
 * Configuration: validate the parsed file against the schema, merge it over the built-in kinds,
 * and apply cross-field rules. Pure: the file is read by src/adapters/config-file.ts.
 */
import { CONFIG_SCHEMA } from './config-schema.js';
import { aliasKey, DEFAULT_KINDS, type KindDef, type Layout } from './kinds.js';
import { validate } from './schema.js';
import { closest } from './suggest.js';
import { isRuleId, RULE_IDS } from './check/rule-ids.js';

export type Severity = 'error' | 'warning';
export type RuleSetting = Severity | 'off';

export interface Config {
  idPadding: number;
  layout: Layout;
  commit: boolean;
  reviewStaleDays: number;
  kinds: Record<string, KindDef>;
  rules: Record<string, RuleSetting>;
  /** `reserve`: the remote on which `create` reserves each number (docs/branches.md). */
  numbering: { reserve?: string };
}

export interface ConfigResult {
  config: Config;
  errors: string[];
  warnings: string[];
}

export const DEFAULT_CONFIG: Config = {
  idPadding: 4,
  layout: 'by-status',
  commit: true,
  reviewStaleDays: 14,
  kinds: DEFAULT_KINDS,
  rules: {},
  numbering: {},
};

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * A built-in kind whose statuses the configuration replaces keeps only the parts of its workflow
 * that name those statuses: a transition, guard or order entry the user never wrote is no error of
 * theirs. The initial status, when dropped, is the first one listed; statuses the built-in kind
 * does not know follow one another in the order listed, unless `transitions` is given. What the
 * user writes is checked in full (checkKind). `dropped` names what went, for one warning.
 */
function narrowed(base: KindDef, statuses: string[], given: Record<string, unknown>): { kind: KindDef; dropped: string[] } {
  const keep = new Set(statuses);
  const dropped: string[] = [];
  const pick = <T>(what: string, record: Record<string, T> | undefined) => {
    if (!record) return undefined;
    const gone = Object.keys(record).filter((s) => !keep.has(s));
    if (gone.length) dropped.push(what);
    return Object.fromEntries(Object.entries(record).filter(([s]) => keep.has(s)));
  };
  const out: KindDef = { ...base };
  if (!('initial' in given) && !keep.has(base.initial)) out.initial = statuses[0]!;
  if (!('transitions' in given)) {
    const transitions: Record<string, string[]> = {};
    const gone = new Set<string>();
    for (const [s, to] of Object.entries(base.transitions)) {
      if (!keep.has(s)) {
        gone.add(s);
        continue;
      }
      for (const t of to) if (!keep.has(t)) gone.add(t);
      transitions[s] = to.filter((t) => keep.has(t));
    }
    if (gone.size) dropped.push('transitions');
    // New statuses follow one another as listed, so a workflow of one key can be walked.
    const added = statuses.filter((s) => !(s in base.statuses));
    statuses.forEach((s, i) => {
      const next = statuses[i + 1];
      transitions[s] ??= [];
      if (next && (added.includes(s) || added.includes(next)) && !transitions[s]!.includes(next)) transitions[s]!.push(next);
    });
    out.transitions = transitions;
  }
  if (!('guards' in given)) out.guards = pick('guards', base.guards);
  if (!('onEnter' in given)) out.onEnter = pick('on_enter effects', base.onEnter);
  if (!('order' in given) && base.order) out.order = [...base.order.filter((s) => keep.has(s)), ...statuses.filter((s) => !base.order!.includes(s))];
  if (!('statusRules' in given)) out.statusRules = pick('status_rules', base.statusRules);
  if (!('approvedStatuses' in given) && base.approvedStatuses) out.approvedStatuses = base.approvedStatuses.filter((s) => keep.has(s));
  if (!('supersededStatus' in given) && base.supersededStatus && !keep.has(base.supersededStatus)) delete out.supersededStatus;
  return { kind: out, dropped };
}

export function resolveConfig(raw: unknown): ConfigResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (raw === null || raw === undefined) raw = {};
  const issues = validate(CONFIG_SCHEMA, raw);
  for (const i of issues) errors.push(`${i.path}: ${i.message}${everyStatusHint(i.path, raw)}`);
  if (errors.length) return { config: DEFAULT_CONFIG, errors, warnings };
  const file = raw as Record<string, unknown>;

  const kinds: Record<string, KindDef> = {};
  for (const [name, def] of Object.entries(DEFAULT_KINDS)) kinds[name] = def;
  for (const [name, rawKind] of Object.entries((file.kinds ?? {}) as Record<string, Record<string, unknown>>)) {
    const given: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rawKind)) given[camel(k)] = v;
    const base = DEFAULT_KINDS[name];
    if (base) {
      if (!given.statuses) {
        kinds[name] = { ...base, ...given } as KindDef;
        continue;
      }
      const { kind, dropped } = narrowed(base, Object.keys(given.statuses as object), given);
      kinds[name] = { ...kind, ...given } as KindDef;
      if (dropped.length) {
        const removed = Object.keys(base.statuses).filter((st) => !(st in (given.statuses as object)));
        warnings.push(
          `kinds.${name}.statuses replaces the built-in statuses: the built-in ${dropped.join(', ')} that name ${removed.join(', ')} are dropped${'transitions' in given || !Object.keys(given.statuses as object).some((st) => !(st in base.statuses)) ? '' : '; new statuses follow one another as listed'} (write \`transitions\` and \`guards\` to choose)`,
        );
      }
      continue;
    }
    const missing = ['prefix', 'folder', 'statuses', 'initial', 'transitions'].filter((k) => !(k in given));
    if (missing.length) {
      errors.push(`kinds.${name}: a new kind needs ${missing.map((m) => `"${m}"`).join(', ')}`);
      continue;
    }
    const label = (given.label as string | undefined) ?? String(given.prefix);
    kinds[name] = {
      name,
      label,
      plural: `${label}s`,
      idKey: `${name.replace(/-/g, '_')}_id`,
      template: name,
      fields: ['author', 'created', 'last_updated'],
      ...given,
    } as KindDef;
  }
  // A kind of the repository's own may predate a built-in kind that has its prefix or folder (the
  // built-in system-design took `SD` and `system-designs`): the built-in kind, when the file does
  // not name it, gives way, and the repository reads as it did.
  const own = Object.values(kinds).filter((k) => !DEFAULT_KINDS[k.name]);
  for (const name of Object.keys(DEFAULT_KINDS)) {
    if (Object.hasOwn((file.kinds ?? {}) as object, name)) continue;
    const builtIn = kinds[name]!;
    if (own.some((k) => k.prefix === builtIn.prefix || k.folder === builtIn.folder)) delete kinds[name];
  }
  for (const [name, k] of Object.entries(kinds)) {
    kinds[name] = { ...k, name };
    checkKind(kinds[name]!, errors);
  }
  const prefixes = new Map<string, string>();
  const folders = new Map<string, string>();
  for (const k of Object.values(kinds)) {
    const p = prefixes.get(k.prefix);
    if (p) errors.push(`kinds.${k.name}.prefix: "${k.prefix}" is already the prefix of kind "${p}"`);
    prefixes.set(k.prefix, k.name);
    const f = folders.get(k.folder);
    if (f) errors.push(`kinds.${k.name}.folder: "${k.folder}" is already the folder of kind "${f}"`);
    folders.set(k.folder, k.name);
  }
  for (const rule of Object.keys((file.rules ?? {}) as object)) {
    if (!isRuleId(rule)) {
      const hint = closest(rule, RULE_IDS);
      errors.push(`rules.${rule}: unknown rule${hint ? `; did you mean "${hint}"?` : ''}`);
    }
  }
  const config: Config = {
    idPadding: (file.id_padding as number | undefined) ?? DEFAULT_CONFIG.idPadding,
    layout: (file.layout as Layout | undefined) ?? DEFAULT_CONFIG.layout,
    commit: (file.commit as boolean | undefined) ?? DEFAULT_CONFIG.commit,
    reviewStaleDays: (file.review_stale_days as number | undefined) ?? DEFAULT_CONFIG.reviewStaleDays,
    kinds,
    rules: (file.rules ?? {}) as Record<string, RuleSetting>,
    numbering: (file.numbering ?? {}) as { reserve?: string },
  };
  return { config, errors, warnings };
}

/** A rule that holds in every status, named in a status's list: say where it is configured instead. */
function everyStatusHint(path: string, raw: unknown): string {
  const m = /^kinds\.([^.]+)\.status_rules\.([^.[]+)\[(\d+)\]$/.exec(path);
  if (!m) return '';
  const kinds = (raw as { kinds?: Record<string, { status_rules?: Record<string, unknown[]> }> }).kinds;
  const named = kinds?.[m[1]!]?.status_rules?.[m[2]!]?.[Number(m[3])];
  return typeof named === 'string' && isRuleId(named) ? `; "${named}" holds in every status (turn it off or re-grade it under \`rules\`)` : '';
}

function checkKind(k: KindDef, errors: string[]): void {
  const at = `kinds.${k.name}`;
  const statuses = Object.keys(k.statuses ?? {});
  const known = (s: string, where: string) => {
    if (statuses.includes(s)) return;
    const hint = closest(s, statuses);
    errors.push(`${where} names unknown status "${s}"${hint ? `; did you mean "${hint}"?` : ''}`);
  };
  if (statuses.length === 0) errors.push(`${at}.statuses: define at least one status`);
  // A relation's field holds ids archdoc adds and removes: never a field it keeps for itself.
  const own = new Set([
    k.idKey,
    'title',
    'status',
    'author',
    'reviewers',
    'created',
    'last_updated',
    'history',
    'decision_date',
    'archive_date',
    'archive_reason',
    'supersedes',
    'superseded_by',
  ]);
  const taken = new Map<string, string>();
  for (const [relation, field] of Object.entries(k.relations ?? {})) {
    if (own.has(field))
      errors.push(
        `${at}.relations.${relation}: "${field}" is a field archdoc keeps itself; store the relation in a field of its own, like ${relation.replace(/-/g, '_')}`,
      );
    else if (taken.has(field)) errors.push(`${at}.relations.${relation}: "${field}" already holds ${taken.get(field)}; give each relation its own field`);
    taken.set(field, relation);
  }
  known(k.initial, `${at}.initial`);
  for (const [from, tos] of Object.entries(k.transitions ?? {})) {
    known(from, `${at}.transitions`);
    for (const to of tos) known(to, `${at}.transitions.${from}`);
  }
  for (const s of Object.keys(k.guards ?? {})) known(s, `${at}.guards`);
  for (const s of Object.keys(k.onEnter ?? {})) known(s, `${at}.on_enter`);
  for (const s of k.order ?? []) known(s, `${at}.order`);
  if (k.supersededStatus) known(k.supersededStatus, `${at}.superseded_status`);
  for (const s of k.approvedStatuses ?? []) known(s, `${at}.approved_statuses`);
  for (const s of Object.keys(k.statusRules ?? {})) known(s, `${at}.status_rules`);
  for (const [word, s] of Object.entries(k.statusAliases ?? {})) known(s, `${at}.status_aliases.${word}`);
  if (k.statusAliases) k.statusAliases = Object.fromEntries(Object.entries(k.statusAliases).map(([w, s]) => [aliasKey(w), s]));
}
