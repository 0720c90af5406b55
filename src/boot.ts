/**
 * Loads archdoc's bundles (dist/main.cjs, dist/commands/*.cjs, dist/yaml.cjs) with the V8 code
 * cache the build stored beside each one, so a run skips most parsing and compiling of its own
 * code: a short command spends more time compiling JavaScript than doing its work
 * (docs/adr, "Ship a V8 code cache with the build").
 *
 * A cache is used only when V8 accepts it (same V8 version and flags as the build) and it is not
 * older than its bundle; otherwise the bundle compiles as usual. Nothing is ever written here at
 * run time: the build writes the caches (scripts/train-code-cache.mjs).
 *
 * This file is built on its own and loaded by Node's usual loader; it must not be cached itself.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The wrapper Node puts around a CommonJS module, on the first line so line numbers stay true. */
const WRAP = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'] as const;

export type CacheUse = 'accepted' | 'rejected' | 'stale' | 'none';

interface Loaded {
  file: string;
  module: { exports: unknown };
  script: vm.Script;
  cache: CacheUse;
}

const loaded = new Map<string, Loaded>();

export const cachePath = (file: string) => `${file}.v8cache`;

/** Whether `require(id)` from a bundle names another bundle, which then loads through here too. */
const isBundle = (id: string) => (id.startsWith('./') || id.startsWith('../')) && id.endsWith('.cjs');

function requireFor(file: string): NodeJS.Require {
  const base = createRequire(file);
  const req = ((id: string) => (isBundle(id) ? load(path.resolve(path.dirname(file), id)) : base(id))) as NodeJS.Require;
  return Object.assign(req, { resolve: base.resolve, cache: base.cache, main: base.main, extensions: base.extensions });
}

function readCache(file: string): { data?: Buffer; use: CacheUse } {
  let data: Buffer;
  try {
    data = fs.readFileSync(cachePath(file));
  } catch {
    return { use: 'none' };
  }
  // V8 checks the source only by its length: a cache older than its bundle may not match it.
  try {
    if (fs.statSync(cachePath(file)).mtimeMs < fs.statSync(file).mtimeMs) return { use: 'stale' };
  } catch {
    return { use: 'none' };
  }
  return { data, use: 'accepted' };
}

/** Loads one bundle (once), with its code cache when one fits. Returns its exports. */
export function load(file: string): unknown {
  const known = loaded.get(file);
  if (known) return known.module.exports;
  const source = fs.readFileSync(file, 'utf8');
  const cache = readCache(file);
  const script = new vm.Script(WRAP[0] + source + WRAP[1], { filename: file, ...(cache.data ? { cachedData: cache.data } : {}) });
  const entry: Loaded = { file, module: { exports: {} }, script, cache: cache.data && script.cachedDataRejected ? 'rejected' : cache.use };
  loaded.set(file, entry);
  const fn = script.runInThisContext() as (...args: unknown[]) => void;
  fn.call(entry.module.exports, entry.module.exports, requireFor(file), entry.module, file, path.dirname(file));
  return entry.module.exports;
}

/** Runs the CLI from dist/main.cjs; resolves with the exit code. */
export function run(argv: string[]): Promise<number> {
  const { main } = load(path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.cjs')) as { main(argv: string[]): Promise<number> };
  return main(argv);
}

/** How each bundle loaded so far used its cache (for tests and the build). */
export function cacheUse(): Array<{ file: string; cache: CacheUse }> {
  return [...loaded.values()].map(({ file, cache }) => ({ file, cache }));
}

/**
 * Writes a code cache for every bundle loaded so far. Called by the build after it has run the
 * commands, so the caches hold the functions those runs compiled, not only the top level.
 */
export function writeCodeCaches(): string[] {
  return [...loaded.values()].map(({ file, script }) => {
    fs.writeFileSync(cachePath(file), script.createCachedData());
    return cachePath(file);
  });
}
