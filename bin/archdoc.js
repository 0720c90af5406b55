#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node's CommonJS loader starts faster than its ESM one.
'use strict';
// Node 22.1+ keeps compiled code in a per-user cache, so later runs skip most compiling
// (ADR-0010); archdoc's command bundles are compiled whole into it (src/commands/shared/compile-whole.ts).
// Older Node has no such function and compiles as usual.
require('node:module').enableCompileCache?.();
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
