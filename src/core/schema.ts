/**
 * A small validator for the subset of JSON Schema the config schema uses. The config schema is
 * written once, as JSON Schema (src/core/config-schema.ts): the code validates with it and the
 * shipped `archdoc.schema.json` is the same object, so the two cannot disagree.
 */
import { closest } from './suggest.js';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean' | 'null' | Array<'string' | 'null' | 'boolean' | 'integer' | 'object'>;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: readonly unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  oneOf?: JsonSchema[];
  default?: unknown;
  examples?: unknown[];
}

export interface SchemaIssue {
  /** Dotted path of the offending value, `kinds.rfc.transitions.DRAFT`. */
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer');
}

export function validate(schema: JsonSchema, value: unknown, path = ''): SchemaIssue[] {
  const where = path || '(top level)';
  if (schema.oneOf) {
    const results = schema.oneOf.map((s) => validate(s, value, path));
    const ok = results.find((r) => r.length === 0);
    if (ok) return [];
    return results.reduce((a, b) => (b.length < a.length ? b : a));
  }
  const actual = typeOf(value);
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(t, actual))) {
      const shown = value === null || value === undefined ? 'nothing' : `${actual} ${JSON.stringify(value)?.slice(0, 40) ?? ''}`.trimEnd();
      return [{ path: where, message: `must be ${types.join(' or ')}, found ${shown}` }];
    }
  }
  if (schema.enum && !schema.enum.includes(value)) {
    const hint = typeof value === 'string' ? closest(value, schema.enum.map(String)) : undefined;
    return [{ path: where, message: `must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}${hint ? `; did you mean "${hint}"?` : ''}` }];
  }
  const issues: SchemaIssue[] = [];
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) issues.push({ path: where, message: 'must not be empty' });
    // The description says in words what the pattern means; the value is quoted with its control characters escaped.
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      issues.push({
        path: where,
        message: schema.description
          ? `${JSON.stringify(value)} is not allowed: ${schema.description}`
          : `${JSON.stringify(value)} does not match ${schema.pattern}`,
      });
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) issues.push({ path: where, message: `must be at least ${schema.minimum}` });
    if (schema.maximum !== undefined && value > schema.maximum) issues.push({ path: where, message: `must be at most ${schema.maximum}` });
  }
  if (actual === 'array' && schema.items) {
    for (const [i, v] of (value as unknown[]).entries()) issues.push(...validate(schema.items, v, `${path}[${i}]`));
  }
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const req of schema.required ?? []) {
      if (!(req in obj)) issues.push({ path: where, message: `is missing "${req}"` });
    }
    const props = schema.properties ?? {};
    for (const [k, v] of Object.entries(obj)) {
      const sub = path ? `${path}.${k}` : k;
      if (schema.propertyNames) issues.push(...validate(schema.propertyNames, k, sub).map((i) => ({ ...i, message: `key ${i.message}` })));
      if (props[k]) issues.push(...validate(props[k]!, v, sub));
      else if (schema.additionalProperties === false) {
        const hint = closest(k, Object.keys(props));
        issues.push({ path: sub, message: `unknown setting${hint ? `; did you mean "${hint}"?` : ''}` });
      } else if (typeof schema.additionalProperties === 'object') issues.push(...validate(schema.additionalProperties, v, sub));
    }
  }
  return issues;
}
