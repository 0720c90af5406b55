#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node's CommonJS loader starts faster than its ESM one.
'use strict';
const { enableCompileCache, constants } = require('node:module');
// Node 22.1+ keeps compiled code in a per-user cache, so later runs skip most compiling
// (ADR-0010). Older Node has no such function and compiles as usual.
const cache = enableCompileCache?.();
const on = constants?.compileCacheStatus;
// V8 compiles a function when it is first called, and Node caches only what was compiled with the
// file: each run compiled again every function it called (4 ms of create-rfc). While the cache is
// on, archdoc's own files are compiled whole as they load, so their cache holds every function.
// Node's own modules keep V8's usual laziness, which their built-in cache was made with (ADR-0023).
const whole = cache && (cache.status === on.ENABLED || cache.status === on.ALREADY_ENABLED);
const compileWhole = (load) => {
  if (!whole) return load();
  const v8 = require('node:v8');
  v8.setFlagsFromString('--no-lazy');
  let loading;
  try {
    loading = load();
  } finally {
    // A bundle required through import() loads in a later microtask: laziness comes back after it.
    if (typeof loading?.finally === 'function') loading = loading.finally(() => v8.setFlagsFromString('--lazy'));
    else v8.setFlagsFromString('--lazy');
  }
  return loading;
};
// src/entry/actions.ts loads each command's bundle through it.
process[Symbol.for('archdoc.compileWhole')] = compileWhole;
require('../dist/main.cjs')
  .main(process.argv)
  .then((code) => {
    // archdoc writes its output synchronously (src/terminal/stdio.ts), so it exits as soon as
    // pending callbacks (a warning, say) have run, without tearing down the heap. Output that went
    // through a Node stream is left to drain instead.
    // Output that could not be written (a full disk) was said on stderr: the run failed.
    const stdio = process[Symbol.for('archdoc.stdio')];
    const exit = () => (stdio?.failed && code === 0 ? 1 : code);
    if (stdio && (stdio.streamed[1] || stdio.streamed[2])) {
      process.exitCode = exit();
      process.on('exit', () => {
        process.exitCode = exit();
      });
    } else setImmediate(() => process.exit(exit()));
  });
