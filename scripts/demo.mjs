#!/usr/bin/env node
// A scripted walkthrough in a throwaway git repository: what a user types and what they see.
// usage: npm run demo   (after npm install, which builds archdoc)
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'archdoc.js');
if (!fs.existsSync(path.resolve(path.dirname(bin), '..', 'dist', 'main.cjs'))) {
  console.error('archdoc is not built yet: run `npm install` (or `npm run build`) first.');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-demo-'));
const git = (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
git('init', '-q', '-b', 'main');
git('config', 'user.name', 'Jane Doe');
git('config', 'user.email', 'jane@example.com');
git('config', 'commit.gpgsign', 'false');

const bold = (s) => (process.stdout.isTTY && !process.env.NO_COLOR ? `\u001b[1m${s}\u001b[22m` : s);
function step(args, note) {
  if (note) console.log(`\n# ${note}`);
  console.log(bold(`$ archdoc ${args.map((a) => (/[\s"]/.test(a) ? JSON.stringify(a) : a)).join(' ')}`));
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  process.stdout.write(r.stdout);
  process.stdout.write(r.stderr);
  if (r.status !== 0 && !note?.includes('refuses')) {
    console.error(`demo step failed with exit code ${r.status}`);
    process.exit(1);
  }
}

// Fill the sections a reviewer needs, as an author would before asking for review.
function write(rel, from, to) {
  const file = path.join(dir, rel);
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(from, to));
}

console.log(`Demo repository: ${dir}`);
step(['init'], 'Set up archdoc in a repository');
step(['create-rfc', 'Adopt PostgreSQL for orders', '--reviewer', 'Alice Chen', '--yes'], 'Write an RFC');
write(
  'rfcs/draft/RFC-0001-adopt-postgresql-for-orders.md',
  /## Overview\n\n\[[^\n]*\]/,
  '## Overview\n\nMove the orders service from MongoDB to PostgreSQL, to get transactions across orders and payments.',
);
step(['rfc-status', 'RFC-0001', '--reviewer', 'Bob Smith'], 'Name a second reviewer');
step(['rfc-status', 'RFC-0001', '--set', 'APPROVED'], 'The workflow refuses to skip review');
step(['rfc-status', 'RFC-0001', '--set', 'REVIEW', '--comment', 'Ready for feedback'], 'Open it for review');
step(['rfc-status', '1', '--reviewer', 'Alice Chen:approved'], 'Record an approval');
step(['rfc-status', 'rfc-1'], 'See where it stands');
step(['rfc-status', 'RFC-0001', '--set', 'APPROVED', '--comment', 'All concerns addressed'], 'Approve it');
step(['create-rfc', 'Introduce feature flags', '--reviewer', 'Carol Wu', '--yes'], 'Another RFC');
step(['list-rfcs'], 'What exists, attention first');
console.log(`\n# The history, one commit per change`);
console.log(git('log', '--format=%h %s'));
fs.rmSync(dir, { recursive: true, force: true });
