#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node's CommonJS loader starts faster than its ESM one.
// dist/boot.cjs loads the bundles with their V8 code cache (src/boot.ts).
'use strict';
require('../dist/boot.cjs')
  .run(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
