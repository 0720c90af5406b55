#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node's CommonJS loader starts faster than its ESM one.
// dist/boot.cjs loads the bundles with their V8 code cache (src/boot.ts).
'use strict';
require('../dist/boot.cjs')
  .run(process.argv)
  .then((code) => {
    // archdoc writes its output synchronously (src/stdio.ts), so it exits as soon as pending
    // callbacks (a warning, say) have run, without tearing down the heap. Output that went through
    // a Node stream is left to drain instead.
    const stdio = process[Symbol.for('archdoc.stdio')];
    if (stdio && (stdio.streamed[1] || stdio.streamed[2])) process.exitCode = code;
    else setImmediate(() => process.exit(code));
  });
