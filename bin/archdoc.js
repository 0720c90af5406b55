#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node's CommonJS loader starts faster than its ESM one.
// dist/boot.cjs loads the bundles with their V8 code cache (src/boot.ts).
'use strict';
require('../dist/boot.cjs')
  .run(process.argv)
  .then((code) => {
    // archdoc writes its output synchronously (src/stdio.ts), so it may exit at once, which skips
    // tearing down the heap. Output that went through a Node stream is left to drain instead.
    if (process[Symbol.for('archdoc.stdio.streamed')]) process.exitCode = code;
    else process.exit(code);
  });
