#!/usr/bin/env node
// The baseline for `create-rfc` with its commit: write one file, `git add` it, `git commit` it.
// The file is the size of a new RFC and goes where create-rfc writes one (the folder given, in the
// corpus rfcs/draft/), named like the RFCs there: git's commit rewrites the trees of the folders
// that hold it, and a folder of 400 files costs it about 2 ms more than the root of the repository.
// usage: node bench/baseline-commit.mjs <n> [folder]   (run inside a git repository)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const n = process.argv[2] ?? String(Date.now());
const folder = process.argv[3] ?? '.';
const file = `${folder}/RFC-${String(90000 + Number(n)).padStart(5, '0')}-baseline-${n}.md`;
fs.writeFileSync(file, `---\ntitle: Baseline ${n}\n---\n\n# Baseline ${n}\n\n${'Lorem ipsum dolor sit amet. '.repeat(100)}\n`);
execFileSync('git', ['add', '--', file]);
execFileSync('git', ['commit', '--quiet', '-m', `baseline ${n}`, '--', file]);
