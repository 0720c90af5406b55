/**
 * Loads archdoc's own bundles compiled whole into Node's compile cache (docs/adr, "Cache command
 * bundles compiled whole"). Node caches a file right after compiling it, and V8 compiles a
 * function only when it is first called: the cache held a bundle's top level, and every run
 * compiled again each function it called. With V8's `lazy` flag off while a bundle loads, the
 * bundle is compiled whole and its cache holds every function.
 *
 * V8 refuses a cache made with the flag in the other position, so a bundle must always load the
 * same way: every load of one bundle from another goes through `loadCompiledWhole`. The flag is
 * off from the first load that starts until the last one under way ends (`archdoc mcp` loads
 * commands while others load), and only while Node's cache is on and the user has not turned
 * laziness off: without a cache, compiling whole would be paid on every run.
 */
import { createRequire } from 'node:module';

/** What `node:v8` offers that this needs. */
export interface FlagSetter {
  setFlagsFromString(flags: string): void;
}

export type Load = <T>(load: () => Promise<T>) => Promise<T>;

/** A loader that turns laziness off around `load` through `flags` (undefined: loads as it is). */
export function compileWholeLoader(flags: () => FlagSetter | undefined): Load {
  let under = 0;
  return async (load) => {
    const v8 = flags();
    if (!v8) return load();
    if (under++ === 0) v8.setFlagsFromString('--no-lazy');
    try {
      return await load();
    } finally {
      if (--under === 0) v8.setFlagsFromString('--lazy');
    }
  };
}

/** `node:v8` when Node's compile cache is on (Node 22.8 and later tell) and laziness is V8's default. */
function processFlags(): FlagSetter | undefined {
  const require = createRequire(import.meta.url);
  const { getCompileCacheDir } = require('node:module') as { getCompileCacheDir?: () => string | undefined };
  if (!getCompileCacheDir?.()) return undefined;
  if ([...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /--no-lazy\b/.test(a))) return undefined;
  return require('node:v8') as FlagSetter;
}

/** `processFlags`, asked once. */
function flagsOnce(): () => FlagSetter | undefined {
  let chosen: { flags: FlagSetter | undefined } | undefined;
  return () => {
    chosen ??= { flags: processFlags() };
    return chosen.flags;
  };
}

const KEY = Symbol.for('archdoc.loadCompiledWhole');
const shared = process as unknown as Record<symbol, Load | undefined>;
shared[KEY] ??= compileWholeLoader(flagsOnce());

/**
 * The one loader of this process: each bundle that loads others holds a copy of this module, and
 * they share the first one made, so that loads from any of them count together.
 */
export const loadCompiledWhole: Load = shared[KEY];
