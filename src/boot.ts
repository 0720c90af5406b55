/**
 * Loads archdoc's bundles (dist/main.cjs, dist/commands/*.cjs, dist/yaml.cjs) with the V8 code
 * cache the build stored beside each one, so a run skips most parsing and compiling of its own
 * code: a short command spends more time compiling JavaScript than doing its work
 * (docs/adr, "Ship a V8 code cache with the build").
 *
 * A cache is used only when it was made from this very source and V8 accepts it (same V8 version
 * and flags as the build); otherwise the bundle compiles as usual. Nothing is ever written here at
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
  /** The bundle's source, as read. */
  bytes: Buffer;
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

/**
 * The V8 data of `file`'s cache when the cache was made from exactly this source. V8 itself checks
 * only the source's length, so each cache file starts with a copy of the source it was made from,
 * compared byte for byte (a memcmp: far cheaper than hashing, and exact).
 */
function readCache(file: string, source: Buffer): { data?: Buffer; use: CacheUse } {
  let cache: Buffer;
  try {
    cache = fs.readFileSync(cachePath(file));
  } catch {
    return { use: 'none' };
  }
  if (cache.length <= source.length || !cache.subarray(0, source.length).equals(source)) return { use: 'stale' };
  return { data: cache.subarray(source.length), use: 'accepted' };
}

/** Loads one bundle (once), with its code cache when one fits. Returns its exports. */
export function load(file: string): unknown {
  const known = loaded.get(file);
  if (known) return known.module.exports;
  const bytes = fs.readFileSync(file);
  const cache = readCache(file, bytes);
  const script = new vm.Script(WRAP[0] + bytes.toString('utf8') + WRAP[1], { filename: file, ...(cache.data ? { cachedData: cache.data } : {}) });
  const entry: Loaded = { file, bytes, module: { exports: {} }, script, cache: cache.data && script.cachedDataRejected ? 'rejected' : cache.use };
  // Registered before it runs, as Node registers a module, so that bundles requiring each other
  // in a cycle get the exports so far; a bundle that fails is forgotten, as Node forgets it.
  loaded.set(file, entry);
  try {
    const fn = script.runInThisContext() as (...args: unknown[]) => void;
    fn.call(entry.module.exports, entry.module.exports, requireFor(file), entry.module, file, path.dirname(file));
  } catch (e) {
    loaded.delete(file);
    throw e;
  }
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
  return [...loaded.values()].map(({ file, bytes, script }) => {
    fs.writeFileSync(cachePath(file), Buffer.concat([bytes, script.createCachedData()]));
    return cachePath(file);
  });
}
