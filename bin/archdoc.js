#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node's CommonJS loader starts faster than its ESM one.
'use strict';
// Node 22.1+ keeps compiled code in a per-user cache, so later runs skip most compiling
// (docs/adr, "Use Node's compile cache"). Older Node has no such function and compiles as usual.
require('node:module').enableCompileCache?.();
require('../dist/main.cjs')
  .main(process.argv)
  .then((code) => {
    // archdoc writes its output synchronously (src/terminal/stdio.ts), so it exits as soon as
    // pending callbacks (a warning, say) have run, without tearing down the heap. Output that went
    // through a Node stream is left to drain instead.
    const stdio = process[Symbol.for('archdoc.stdio')];
    if (stdio && (stdio.streamed[1] || stdio.streamed[2])) process.exitCode = code;
    else setImmediate(() => process.exit(code));
  });
