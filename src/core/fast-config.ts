/**
 * A fast, exact reader for the shape `.archdoc.yml` has: block maps nested by indentation, whose
 * values are plain or quoted scalars, one-line flow lists, or block lists of scalars, with `#`
 * comments on lines of their own or after a value. Anything else (lists of maps, anchors, tags,
 * multi-line scalars, tabs, a BOM) returns undefined and goes to the `yaml` package, so reading the
 * configuration the way `init` writes it does not load that package on every run. Where it answers,
 * it answers what `yaml` (1.2 core schema, unique keys) would; a property test holds it to that.
 */
import { FAIL, flow, scalar, SPECIAL_KEY, splitKey } from './fast-yaml.js';

interface Line {
  indent: number;
  /** The line without its indentation. */
  text: string;
}

interface Read {
  value: unknown;
  /** Index of the first line not read. */
  next: number;
}

/** Reads the configuration's text, or returns undefined to defer to `yaml`. */
export function fastConfig(text: string): Record<string, unknown> | undefined {
  if (text.includes('\t') || text.includes('\r') || text.charCodeAt(0) === 0xfeff) return undefined;
  const lines: Line[] = [];
  for (const line of text.split('\n')) {
    const body = line.trimStart();
    if (body === '' || body[0] === '#') continue; // blank lines and comments: nothing here is a block scalar
    lines.push({ indent: line.length - body.length, text: body.trimEnd() });
  }
  if (lines.length === 0 || lines[0]!.indent !== 0) return undefined;
  const top = readMap(lines, 0, 0);
  return top === FAIL || top.next !== lines.length ? undefined : (top.value as Record<string, unknown>);
}

function readMap(lines: Line[], start: number, indent: number): Read | typeof FAIL {
  const map: Record<string, unknown> = {};
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent) {
    const kv = splitKey(lines[i]!.text);
    if (!kv || kv.key in map || kv.key === '__proto__' || SPECIAL_KEY.test(kv.key)) return FAIL;
    i++;
    const rest = kv.rest?.trim() ?? '';
    if (rest !== '' && rest[0] !== '#') {
      const value = inlineValue(rest);
      if (value === FAIL) return FAIL;
      map[kv.key] = value;
      continue;
    }
    const next = lines[i];
    if (!next || next.indent < indent || (next.indent === indent && !next.text.startsWith('-'))) {
      map[kv.key] = null;
      continue;
    }
    if (next.indent === indent) return FAIL; // a list at the key's own indentation: yaml decides
    const nested = isItem(next.text) ? readList(lines, i, next.indent) : readMap(lines, i, next.indent);
    if (nested === FAIL) return FAIL;
    map[kv.key] = nested.value;
    i = nested.next;
  }
  // A deeper line left over continues a scalar or breaks the indentation: not this reader's shape.
  if (i < lines.length && lines[i]!.indent > indent) return FAIL;
  return { value: map, next: i };
}

const isItem = (text: string) => text === '-' || text.startsWith('- ');

function readList(lines: Line[], start: number, indent: number): Read | typeof FAIL {
  const list: unknown[] = [];
  let i = start;
  while (i < lines.length && lines[i]!.indent === indent && isItem(lines[i]!.text)) {
    const item = lines[i]!.text.slice(1).trim();
    // An empty item owns a block below it, and `- key: value` starts a map: lists of maps are yaml's.
    if (item === '' || item[0] === '#' || splitKey(item)) return FAIL;
    const value = inlineValue(item);
    if (value === FAIL) return FAIL;
    list.push(value);
    i++;
  }
  if (i < lines.length && lines[i]!.indent >= indent) return FAIL;
  return { value: list, next: i };
}

/** A value on its key's line, with any comment after it: a scalar or a one-line flow list. */
function inlineValue(v: string): unknown {
  const first = v[0]!;
  const close = first === '"' || first === "'" ? v.indexOf(first, 1) : first === '[' ? v.indexOf(']') : first === '{' ? v.indexOf('}') : -2;
  let body: string;
  let after: string;
  if (close === -1) return FAIL; // unclosed on this line: a multi-line value
  if (close >= 0) {
    body = v.slice(0, close + 1);
    after = v.slice(close + 1);
  } else {
    const comment = /\s#/.exec(v);
    body = comment ? v.slice(0, comment.index) : v;
    after = comment ? v.slice(comment.index) : '';
  }
  if (after !== '' && !/^\s+#/.test(after)) return FAIL;
  return first === '[' || first === '{' ? flow(body) : scalar(body.trimEnd());
}
