/**
 * Recognises the records a repository already has (adr-tools, MADR 2–4, log4brains, hand-written
 * RFC and spec folders) and says how archdoc reads them as they are: the kind, how files are
 * named, where the status lives, the repository's status words, the sections its records share
 * and the guards they can meet. `init` turns the result into configuration. Pure: the files are
 * read by the caller.
 */
import { asText, parseDoc, type DocRecord } from './document.js';
import { fileDate } from './file-names.js';
import { aliasKey, DEFAULT_KINDS, canonicalStatus, excludedName, statusSpan, type GuardSpec, type KindDef } from './kinds.js';
import { normaliseHeading, sections } from './sections.js';

export type Format = 'archdoc' | 'adr-tools' | 'madr' | 'log4brains' | 'hand-written';

export interface FolderFiles {
  folder: string;
  /** The Markdown files directly in the folder, name and text. */
  files: Array<{ name: string; text: string }>;
  /** Where the folder was named: `.adr-dir`, `.log4brains.yml`, or found by looking. */
  namedBy?: '.adr-dir' | '.log4brains.yml';
}

export interface Detected {
  folder: string;
  kind: string;
  format: Format;
  records: number;
  /** Status words as written, with how many records use each, and the status each reads as. */
  statuses: Array<{ word: string; count: number; status?: string }>;
  /** Files that are no record (templates, indexes). */
  skipped: string[];
  /** Records archdoc reads but cannot fully place: a status it does not know. */
  unplaced: Array<{ name: string; why: string }>;
  /** The kind's configuration, as it goes into the file (snake_case keys). */
  config: Record<string, unknown>;
}

/** Words teams write for the built-in statuses, by kind (lower case). */
const WORDS: Record<string, Record<string, string>> = {
  rfc: {
    proposed: 'REVIEW',
    'in review': 'REVIEW',
    accepted: 'APPROVED',
    implemented: 'COMPLETED',
    done: 'COMPLETED',
    withdrawn: 'ABANDONED',
    'in progress': 'IN_PROGRESS',
    declined: 'REJECTED',
  },
  'tech-spec': { proposed: 'REVIEW', accepted: 'APPROVED', implemented: 'REFERENCE', deprecated: 'ARCHIVED', superseded: 'ARCHIVED' },
  adr: { draft: 'PROPOSED', approved: 'ACCEPTED', declined: 'REJECTED', obsolete: 'DEPRECATED' },
  'system-design': { proposed: 'REVIEW', 'in review': 'REVIEW', accepted: 'APPROVED', deprecated: 'ARCHIVED', superseded: 'ARCHIVED', retired: 'ARCHIVED' },
};

/** The words read for a kind's statuses: the usual ones, and those the configuration already gives (`known`, by kind). */
function wordsOf(kindName: string, known: Record<string, Record<string, string>>): Record<string, string> {
  return { ...WORDS[kindName], ...Object.fromEntries(Object.entries(known[kindName] ?? {}).map(([w, st]) => [aliasKey(w), st])) };
}

/** A record's file name: a number, a date or an id in front of a slug. */
const RECORD_NAME = /^(?:([A-Za-z]+)[-_])?(\d{1,9})[-_][^/]*\.md$/i;

/** Whether a folder's files look like records at all: at least one numbered or dated Markdown file. */
export function looksLikeRecords(names: readonly string[]): boolean {
  return names.some((n) => RECORD_NAME.test(n) && !isExcluded(n));
}

function isExcluded(name: string): boolean {
  return excludedName(DEFAULT_KINDS.adr!, name) || /^backlog\.md$/i.test(name);
}

/** The kinds a folder may hold: the one its file names' prefix says, else every built-in kind, the one its name suggests first. */
function candidateKinds(folder: string, names: string[]): string[] {
  for (const n of names) {
    const p = RECORD_NAME.exec(n)?.[1]?.toUpperCase();
    if (p === 'RFC') return ['rfc'];
    if (p === 'TS' || p === 'SPEC') return ['tech-spec'];
    if (p === 'ADR') return ['adr'];
    if (p === 'SD') return ['system-design'];
  }
  const base = folder.toLowerCase();
  const named = /(^|\/)rfcs?(\/|$)/.test(base) ? 'rfc' : /spec/.test(base) ? 'tech-spec' : /system[-_ ]?designs?(\/|$)/.test(base) ? 'system-design' : 'adr';
  return [named, ...['adr', 'rfc', 'tech-spec', 'system-design'].filter((k) => k !== named)];
}

/** The prefix most record names carry when it is none of the built-in kinds' (`DEC` in `DEC-0001-x.md`), upper-cased. */
function ownPrefix(names: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const n of names) {
    const p = RECORD_NAME.exec(n)?.[1]?.toUpperCase();
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const [top, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!top || !count || count < names.filter((n) => RECORD_NAME.test(n)).length / 2) return undefined;
  return ['RFC', 'TS', 'SPEC', 'ADR', 'SD'].includes(top) ? undefined : top;
}

/** `file_name` for the names in use: the id, a number of the width most used, or a date. */
function fileNameOf(names: string[], prefix: string): string {
  const widths = new Map<number, number>();
  let dated = 0;
  let prefixed = 0;
  for (const n of names) {
    const m = RECORD_NAME.exec(n);
    if (!m) continue;
    if (m[1]?.toUpperCase() === prefix) prefixed++;
    else if (!m[1] && fileDate(n)) dated++;
    else if (!m[1]) widths.set(m[2]!.length, (widths.get(m[2]!.length) ?? 0) + 1);
  }
  const numbered = [...widths.values()].reduce((a, b) => a + b, 0);
  if (prefixed >= numbered && prefixed >= dated) return '{id}-{slug}.md';
  if (dated > numbered) return names.some((n) => /^\d{4}-\d{2}-\d{2}[-_]/.test(n)) ? '{yyyy-mm-dd}-{slug}.md' : '{date}-{slug}.md';
  const width = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 4;
  return `{${'n'.repeat(width)}}-{slug}.md`;
}

function formatOf(f: FolderFiles, records: DocRecord[], idKey: string): Format {
  // Records in archdoc's shape are archdoc's, wherever they are (an adr-tools folder after `import`).
  if (records.length && records.every((r) => r.data[idKey] !== undefined)) return 'archdoc';
  if (f.namedBy === '.adr-dir') return 'adr-tools';
  if (f.namedBy === '.log4brains.yml') return 'log4brains';
  const places = records.map((r) => r.bodyStatus?.place);
  const headings = new Set(records.flatMap((r) => sections(r.body).map((s) => normaliseHeading(s.name))));
  const numbered = records.filter((r) => /^\uFEFF?#[ \t]+\d+\.[ \t]/m.test(r.body)).length;
  if (places.filter((p) => p === 'section').length > records.length / 2 && numbered > records.length / 2) return 'adr-tools';
  if (headings.has(normaliseHeading('Context and Problem Statement')) || headings.has(normaliseHeading('Decision Outcome'))) return 'madr';
  return 'hand-written';
}

/** The level-2 sections every record with a status past the initial one writes, in the order of the first. */
function sharedSections(records: DocRecord[], initial: string): string[] {
  const past = records.filter((r) => r.status && r.status !== initial);
  if (!past.length) return [];
  const [first, ...rest] = past.map((r) => sections(r.body).map((s) => s.name.trim()));
  return first!.filter((name) => rest.every((names) => names.some((n) => normaliseHeading(n) === normaliseHeading(name))));
}

/** The folder's records read as `kindName` would read them with `frontmatter: optional` and the usual words for its statuses. */
function readAs(f: FolderFiles, kindName: string, names: string[], prefix: string, words: Record<string, string>): { records: DocRecord[]; skipped: string[] } {
  const base = DEFAULT_KINDS[kindName]!;
  const trial: KindDef = {
    ...base,
    prefix,
    folder: f.folder,
    frontmatter: 'optional',
    fileName: fileNameOf(names, prefix),
    statusAliases: words,
  };
  const skipped: string[] = [];
  const records: DocRecord[] = [];
  for (const file of f.files) {
    if (!file.name.endsWith('.md')) continue;
    // As the store reads a folder: a numbered name is a record (`0007-choose-a-template.md`), any other is not.
    if (!RECORD_NAME.test(file.name)) {
      skipped.push(file.name);
      continue;
    }
    records.push(parseDoc(file.text, `${f.folder}/${file.name}`, trial));
  }
  return { records, skipped };
}

/**
 * Reads one folder as each kind would with `frontmatter: optional`, and says what it found and the
 * configuration that reads it as it is.
 */
export function detectFolder(f: FolderFiles, known: Record<string, Record<string, string>> = {}): Detected | undefined {
  const names = f.files.map((x) => x.name);
  if (!looksLikeRecords(names) && !f.namedBy) return undefined;
  // A prefix of the team's own (`DEC-0001-x.md`) becomes the kind's prefix.
  const own = ownPrefix(names);
  // The kind whose statuses place the most of the records' (`Implemented`, `In review`: an RFC).
  let best: { kindName: string; records: DocRecord[]; skipped: string[]; placed: number } | undefined;
  for (const kindName of f.namedBy ? ['adr'] : candidateKinds(f.folder, names)) {
    const read = readAs(f, kindName, names, own ?? DEFAULT_KINDS[kindName]!.prefix, wordsOf(kindName, known));
    const placed = read.records.filter((r) => r.statusKnown).length;
    if (!best || placed > best.placed) best = { kindName, ...read, placed };
  }
  const { kindName, records, skipped, placed } = best!;
  const base = DEFAULT_KINDS[kindName]!;
  const prefix = own ?? base.prefix;
  const fileName = f.namedBy && !records.length ? (f.namedBy === '.adr-dir' ? '{nnnn}-{slug}.md' : '{date}-{slug}.md') : fileNameOf(names, prefix);
  const words = wordsOf(kindName, known);
  // Numbered Markdown alone is no sign of records (`01-intro.md`, `02-setup.md` in a manual): a
  // folder nothing names must state statuses a kind knows in most of its files.
  const stated = records.filter((r) => r.data.status !== undefined || r.bodyStatus).length;
  if (!f.namedBy && (placed === 0 || stated < records.length / 2 || placed < stated / 2)) return undefined;
  const format = formatOf(f, records, base.idKey);
  const reading: KindDef = { ...base, statusAliases: words };
  const counts = new Map<string, { count: number; status?: string }>();
  const unplaced: Detected['unplaced'] = [];
  // Per status, the words records use for it and how often: the most used is written first, so
  // it is the word archdoc writes (write-back.ts takes the first alias of a status).
  const used = new Map<string, Map<string, number>>();
  for (const r of records) {
    const word = (asText(r.data.status) ?? r.bodyStatus?.raw)?.trim();
    if (!word) continue;
    // The status words as they are read (`Accepted` of `Accepted on 2024-01-02`), without the successor a `superseded by` names.
    const [from, to] = statusSpan(reading, word);
    const shown =
      word
        .slice(from, to)
        .replace(/\s*\[.*$|\s+[A-Z]+-\d+.*$/s, '')
        .replace(/[*_`]/g, '')
        .trim() || word;
    const entry = counts.get(shown) ?? { count: 0, ...(r.statusKnown && r.status ? { status: r.status } : {}) };
    entry.count++;
    counts.set(shown, entry);
    if (!r.statusKnown)
      unplaced.push({ name: r.path.slice(f.folder.length + 1), why: `status "${shown}" is none of ${Object.keys(base.statuses).join(', ')}` });
    else if (r.status) {
      const lower = shown.toLowerCase();
      if (words[lower] || canonicalStatus(base, shown) === r.status) {
        const forStatus = used.get(r.status) ?? new Map<string, number>();
        forStatus.set(lower, (forStatus.get(lower) ?? 0) + 1);
        used.set(r.status, forStatus);
      }
    }
  }
  const config: Record<string, unknown> = { folder: f.folder };
  const foreign = format !== 'archdoc';
  if (foreign) {
    config.layout = 'flat';
    config.frontmatter = 'optional';
    if (prefix !== base.prefix) config.prefix = prefix;
    if (fileName !== '{id}-{slug}.md') config.file_name = fileName;
    const aliases = statusAliases(base, used);
    if (Object.keys(aliases).length) config.status_aliases = aliases;
    const bullets = records.filter((r) => r.bodyStatus?.place === 'bullet').length > records.length / 2;
    if (format === 'adr-tools') config.template = 'adr-tools';
    else if (format === 'log4brains') config.template = 'log4brains';
    else if (format === 'madr') config.template = bullets ? 'madr-bullets' : 'madr';
    // With no record written yet, the kind's own sections and guards stand.
    const shared = records.length ? sharedSections(records, base.initial) : (base.requiredSections ?? []);
    const required = base.requiredSections ?? [];
    const holds = (name: string) => shared.some((s) => normaliseHeading(s) === normaliseHeading(name));
    const written = shared.filter((s) => !/^status$/i.test(s));
    if (!required.every(holds)) config.required_sections = written;
    // What `status` and `show` quote: the records' first shared section when the kind's own is not written.
    if (base.summarySection && !holds(base.summarySection) && written[0]) config.summary_section = written[0];
    if (base.decisionDiscipline && !holds('Options Analysis')) config.decision_discipline = false;
    const guards = meetableGuards(base, records, holds);
    if (guards) config.guards = guards;
  }
  return {
    folder: f.folder,
    kind: kindName,
    format,
    records: records.length,
    statuses: [...counts.entries()].map(([word, e]) => ({ word, ...e })).sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)),
    skipped,
    unplaced,
    config,
  };
}

/**
 * The `status_aliases` that read the words used: each word that is not a status's own name, most
 * used first; a status's own name too when it is used at least as often as its aliases, so that
 * archdoc goes on writing it.
 */
function statusAliases(kind: KindDef, used: Map<string, Map<string, number>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [status, counts] of used) {
    const own = (w: string) => canonicalStatus({ ...kind, statusAliases: {} }, w) === status;
    if ([...counts.keys()].every(own)) continue;
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || Number(own(b[0])) - Number(own(a[0])));
    ranked.forEach(([word], i) => {
      if (!own(word) || i === 0) out[word] = status;
    });
  }
  return out;
}

/**
 * The kind's guards without those no record here was ever written to meet: reviewer guards when no
 * record names reviewers, section guards for sections the records do not share. Undefined when
 * every guard stays.
 */
function meetableGuards(kind: KindDef, records: DocRecord[], holds: (section: string) => boolean): Record<string, GuardSpec[]> | undefined {
  const reviewers = records.some((r) => r.data.reviewers !== undefined);
  let changed = false;
  const out: Record<string, GuardSpec[]> = {};
  for (const [status, list] of Object.entries(kind.guards ?? {})) {
    const kept = list.filter((g) => {
      const keep = g.type === 'reviewers-named' || g.type === 'reviewer-approved' ? reviewers : g.type === 'sections' ? g.sections.every(holds) : true;
      if (!keep) changed = true;
      return keep;
    });
    if (kept.length) out[status] = kept;
  }
  return changed ? out : undefined;
}
