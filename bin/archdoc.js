#!/usr/bin/env node
// CommonJS on purpose (bin/package.json): Node's CommonJS loader starts faster than its ESM one.
'use strict';
require('../dist/main.cjs')
  .main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
