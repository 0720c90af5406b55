#!/usr/bin/env node
// The baseline for `create-rfc` with its commit: write one file, `git add` it, `git commit` it.
// usage: node bench/baseline-commit.mjs <n>   (run inside a git repository)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const n = process.argv[2] ?? String(Date.now());
const file = `baseline-${n}.md`;
fs.writeFileSync(file, `---\ntitle: Baseline ${n}\n---\n\n# Baseline ${n}\n`);
execFileSync('git', ['add', '--', file]);
execFileSync('git', ['commit', '--quiet', '-m', `baseline ${n}`, '--', file]);
