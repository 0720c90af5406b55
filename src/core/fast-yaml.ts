/**
 * A fast, exact reader for the frontmatter shape almost every document has: `key: value` lines,
 * block lists of scalars, and block lists of small `key: value` maps. Anything else (comments
 * after values, anchors, tags, multi-line or escaped strings, numbers other than plain integers,
 * duplicate keys) returns undefined and goes to the `yaml` package. Where it answers, it answers
 * exactly what `yaml` (1.2 core schema) would; a property test holds it to that.
 *
 * The writer (`stringifySimple`) is its counterpart for new documents: the same shapes, written
 * byte for byte as `yaml` writes them, so creating a document does not load the yaml package.
 */

export interface FastResult {
  data: Record<string, unknown>;
  /** 1-based line (within the YAML text) of each top-level key. */
  keyLines: Record<string, number>;
}

const KEY_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** What `.` in a regular expression does not match: such a value is left to yaml. */
const LINE_BREAKS = /[\n\r\u2028\u2029]/;

/**
 * `key: rest` or `key:` (rest undefined), as /^([A-Za-z_][A-Za-z0-9_-]*):(?: (.*))?$/ reads a
 * line, without building a match: it runs for every line of every document.
 */
export function splitKey(line: string): { key: string; rest: string | undefined } | undefined {
  const colon = line.indexOf(':');
  if (colon <= 0) return undefined;
  const key = line.slice(0, colon);
  if (!KEY_NAME.test(key)) return undefined;
  if (colon === line.length - 1) return { key, rest: undefined };
  if (line.charCodeAt(colon + 1) !== 32) return undefined;
  const rest = line.slice(colon + 2);
  return LINE_BREAKS.test(rest) ? undefined : { key, rest };
}
const SAFE_PLAIN = /^[A-Za-z_/(][^:#'"`\\{}[\]&*!|>%@]*$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
/** Plain words the core schema reads as something other than a string. */
const SPECIAL = /^(?:\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)$/;

/** Keys the core schema reads as null or booleans: two of them can collide, so yaml decides. */
export const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

export const FAIL = Symbol('fail');
export type Scalar = string | number | boolean | null;

/** Words that need no further thought: plain text the core schema can only read as a string. */
const SIMPLE_WORDS = /^[A-Za-z][A-Za-z0-9 ._/()-]*$/;

/** Plain text that reads back as itself, unquoted: the words a writer may leave bare. */
function isPlainWord(raw: string): boolean {
  return SIMPLE_WORDS.test(raw) && raw.charCodeAt(raw.length - 1) !== 32 && !raw.includes('  ') && !NULLS.has(raw) && !Object.hasOwn(BOOLS, raw);
}

/** One plain, quoted, null, boolean or integer scalar as the core schema reads it; FAIL for anything else. */
export function scalar(raw: string): Scalar | typeof FAIL {
  if (isPlainWord(raw)) return raw;
  const v = raw.trimEnd();
  if (v === '') return null;
  if (v.length !== raw.length && raw.length - v.length > 0 && /\s#/.test(raw)) return FAIL;
  if (NULLS.has(v)) return null;
  if (Object.hasOwn(BOOLS, v)) return BOOLS[v]!;
  if (/^(?:0|[1-9][0-9]{0,14})$/.test(v)) return Number(v);
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v; // dates stay strings in the core schema
  if (v[0] === '"') return /^"[^"\\]*"$/.test(v) ? v.slice(1, -1) : FAIL;
  if (v[0] === "'") return /^'[^']*'$/.test(v) ? v.slice(1, -1) : FAIL;
  if (SPECIAL.test(v)) return FAIL;
  if (!SAFE_PLAIN.test(v) || / #|: |:$/.test(v) || /\s{2,}/.test(v)) return FAIL;
  return v;
}

/** A one-line flow list of plain words, `[]` or `{}`; FAIL for anything else. */
export function flow(raw: string): unknown[] | Record<string, never> | typeof FAIL {
  const v = raw.trim();
  if (v === '[]') return [];
  if (v === '{}') return {};
  if (!/^\[[^[\]{}]*\]$/.test(v)) return FAIL;
  const out: Scalar[] = [];
  for (const part of v.slice(1, -1).split(',')) {
    const item = part.trim();
    if (item === '' || /^["']/.test(item)) return FAIL; // empty entries and quoted commas: let yaml decide
    const s = scalar(item);
    if (s === FAIL || typeof s !== 'string') return FAIL;
    out.push(s);
  }
  return out;
}

/** Sets one field of a list item's map; FAIL when the key repeats or is special, or the value is not simple. */
function putField(map: Record<string, unknown>, k: string, raw: string | undefined): Scalar | typeof FAIL {
  if (k in map || k === '__proto__' || SPECIAL_KEY.test(k)) return FAIL;
  const s = raw === undefined ? null : scalar(raw.trimStart());
  if (s !== FAIL) map[k] = s;
  return s;
}

/** Reads `text` (the YAML between the delimiters) or returns undefined to defer to `yaml`. */
export function fastFrontmatter(text: string): FastResult | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const data: Record<string, unknown> = {};
  const keyLines: Record<string, number> = {};
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '' || line[0] === '#') {
      i++;
      continue;
    }
    const m = splitKey(line);
    if (!m) return undefined;
    const key = m.key;
    if (key in data || key === '__proto__' || SPECIAL_KEY.test(key)) return undefined;
    keyLines[key] = i + 1;
    const rest = m.rest;
    i++;
    const v = rest?.trimStart();
    if (v) {
      const first = v[0];
      const value = first === '[' || first === '{' ? flow(rest!) : scalar(v);
      if (value === FAIL) return undefined;
      data[key] = value;
      continue;
    }
    // `key:` alone: null, or a block list below it.
    const next = lines[i];
    const item = next === undefined ? null : /^( *)- /.exec(next);
    if (!item) {
      if (next !== undefined && /^\s/.test(next) && next.trim() !== '') return undefined; // a nested map or continuation
      data[key] = null;
      continue;
    }
    const indent = item[1]!.length;
    const list: unknown[] = [];
    const itemPrefix = `${' '.repeat(indent)}- `;
    const fieldPrefix = ' '.repeat(indent + 2);
    while (i < lines.length && lines[i]!.startsWith(itemPrefix)) {
      const body = lines[i]!.slice(itemPrefix.length);
      i++;
      const kv = splitKey(body);
      if (!kv) {
        if (/^[[{]/.test(body)) return undefined;
        const s = scalar(body);
        if (s === FAIL) return undefined;
        list.push(s);
        continue;
      }
      const map: Record<string, unknown> = {};
      let sawNull = false;
      let s = putField(map, kv.key, kv.rest);
      if (s === FAIL) return undefined;
      sawNull ||= s === null;
      while (i < lines.length && lines[i]!.startsWith(fieldPrefix) && lines[i]![fieldPrefix.length] !== ' ') {
        const f = splitKey(lines[i]!.slice(fieldPrefix.length));
        if (!f) return undefined;
        s = putField(map, f.key, f.rest);
        if (s === FAIL) return undefined;
        sawNull ||= s === null;
        i++;
      }
      // A field with nothing after the colon might own a nested block: let yaml decide.
      if (sawNull && i < lines.length && lines[i]!.startsWith(fieldPrefix)) return undefined;
      list.push(map);
    }
    if (i < lines.length && /^ /.test(lines[i]!) && lines[i]!.trim() !== '') return undefined;
    data[key] = list;
  }
  return { data, keyLines };
}

/**
 * A few top-level fields read straight from frontmatter text, for callers that need only those
 * (create needs every title, not every field). A field whose value is not a simple scalar comes
 * back as `undefined`, and `ok` is false: the caller then reads the document properly.
 */
export function headFields(text: string, keys: readonly string[]): { ok: boolean; values: Record<string, Scalar> } {
  const values: Record<string, Scalar> = {};
  let ok = !text.includes('\r') && !text.includes('\t');
  for (const key of keys) {
    const at = text.startsWith(`${key}:`) ? 0 : text.indexOf(`\n${key}:`) + 1;
    if (at === 0 && !text.startsWith(`${key}:`)) continue;
    if (text.indexOf(`\n${key}:`, at + 1) !== -1) ok = false; // repeated: let the full reader report it
    const end = text.indexOf('\n', at);
    const raw = text.slice(at + key.length + 1, end === -1 ? undefined : end).trimStart();
    const v = raw === '' ? FAIL : scalar(raw);
    if (v === FAIL) ok = false;
    else values[key] = v;
  }
  return { ok, values };
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const plainValue = (v: string) => isPlainWord(v) || DATE.test(v);

/**
 * `yaml.stringify(data, { lineWidth: 0, nullStr: '' })` for frontmatter made of plain words,
 * dates, nulls, and lists of those or of small maps of them; undefined for anything else (a title
 * with a colon or a quote, say), which the caller hands to the yaml package.
 */
export function stringifySimple(data: Record<string, unknown>): string | undefined {
  const entries = Object.entries(data);
  if (entries.length === 0) return undefined;
  let out = '';
  for (const [key, value] of entries) {
    if (!PLAIN_KEY.test(key) || SPECIAL_KEY.test(key)) return undefined;
    if (value === null) out += `${key}:\n`;
    else if (typeof value === 'string') {
      if (!plainValue(value)) return undefined;
      out += `${key}: ${value}\n`;
    } else if (Array.isArray(value)) {
      if (value.length === 0) {
        out += `${key}: []\n`;
        continue;
      }
      out += `${key}:\n`;
      for (const item of value) {
        if (typeof item === 'string' && plainValue(item)) out += `  - ${item}\n`;
        else if (item && typeof item === 'object' && !Array.isArray(item)) {
          const fields = Object.entries(item as Record<string, unknown>);
          if (fields.length === 0) return undefined;
          for (const [i, [k, v]] of fields.entries()) {
            if (!PLAIN_KEY.test(k) || SPECIAL_KEY.test(k) || typeof v !== 'string' || !plainValue(v)) return undefined;
            out += `${i === 0 ? '  - ' : '    '}${k}: ${v}\n`;
          }
        } else return undefined;
      }
    } else return undefined;
  }
  return out;
}
