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

// Write the RFC as an author would before asking for review: keep the frontmatter, replace the body.
function writeBody(rel, body) {
  const file = path.join(dir, rel);
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.slice(0, text.indexOf('\n# ') + 1) + body);
}

const RFC = 'rfcs/draft/RFC-0001-adopt-postgresql-for-orders.md';
console.log(`Demo repository: ${dir}`);
step(['init'], 'Set up archdoc in a repository');
step(['create-rfc', 'Adopt PostgreSQL for orders', '--reviewer', 'Alice Chen', '--yes'], 'Start an RFC from the template');
step(['rfc-status', 'RFC-0001', '--set', 'REVIEW'], 'The workflow refuses to review an RFC that is not written');
writeBody(
  RFC,
  [
    '# RFC-0001: Adopt PostgreSQL for orders',
    '',
    '## Overview',
    '',
    'Move the orders service from MongoDB to PostgreSQL, to get transactions across orders and payments.',
    '',
    '## Problem Statement',
    '',
    'An order and its payment are written separately; a crash between the two leaves orders unpaid.',
    '',
    '## Evaluation Criteria',
    '',
    '| Criterion | Weight |',
    '|---|---|',
    '| Consistency | High |',
    '| Migration effort | Medium |',
    '',
    '## Options Analysis',
    '',
    '### Option 1: PostgreSQL',
    '',
    'Advantages: one transaction for the order and its payment.',
    '',
    'Disadvantages: a migration of the orders collection.',
    '',
    '### Option 2: Stay on MongoDB, with a repair job',
    '',
    'Advantages: no migration.',
    '',
    'Disadvantages: unpaid orders until the job runs.',
    '',
    '## Recommendation',
    '',
    'Option 1: consistency is the criterion we cannot trade.',
    '',
  ].join('\n'),
);
git('commit', '-qam', 'Write RFC-0001');
console.log('\n# Written in an editor and committed (git commit -am "Write RFC-0001")');
step(['rfc-status', 'RFC-0001', '--reviewer', 'Bob Smith'], 'Name a second reviewer');
step(['rfc-status', 'RFC-0001', '--set', 'APPROVED'], 'The workflow refuses to skip review');
step(['rfc-status', 'RFC-0001', '--set', 'REVIEW', '--comment', 'Ready for feedback'], 'Open it for review');
step(['rfc-status', '1', '--reviewer', 'Alice Chen:approved'], 'Record an approval');
step(['rfc-status', 'rfc-1'], 'See where it stands');
step(['rfc-status', 'RFC-0001', '--set', 'APPROVED', '--comment', 'All concerns addressed'], 'Approve it');
step(['create-rfc', 'Introduce feature flags', '--reviewer', 'Carol Wu', '--yes'], 'Another RFC');
step(['list-rfcs'], 'What exists, attention first');
step(['check'], 'And the CI gate agrees');
console.log(`\n# The history, one commit per change`);
console.log(git('log', '--format=%h %s'));
fs.rmSync(dir, { recursive: true, force: true });
