#!/usr/bin/env node
// Writes the V8 code cache of every bundle in a built dist/ (see src/boot.ts): runs the commands
// people run most, in one process in a scratch git repository, then stores what V8 compiled. Run
// by scripts/build.mjs with its output discarded.
// usage: node scripts/train-code-cache.mjs <dist folder>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const boot = createRequire(import.meta.url)(path.join(distDir, 'boot.cjs'));
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'archdoc-train-'));
const env = { GIT_AUTHOR_NAME: 'Build', GIT_AUTHOR_EMAIL: 'build@example.com', GIT_COMMITTER_NAME: 'Build', GIT_COMMITTER_EMAIL: 'build@example.com', GIT_CONFIG_NOSYSTEM: '1', NO_COLOR: '1' };
Object.assign(process.env, env);
process.stdout.setMaxListeners(0); // each run adds its own EPIPE listener

const runs = [
  ['--help'],
  ['--version'],
  ['init'],
  ['create-rfc', 'Adopt PostgreSQL for orders', '--yes', '--reviewer', 'Ann Lee'],
  ['create-rfc', 'Cache sessions in Redis', '--yes'],
  ['create-rfc', 'Adopt PostgreSQL for order', '--yes'], // refused: a similar title
  ['rfc-status', 'RFC-0001'],
  ['rfc-status', 'RFC-0001', '--set', 'REVIEW'],
  ['rfc-status', 'RFC-0001', '--reviewer', 'Ann Lee:approved'],
  ['rfc-status', 'RFC-0001', '--set', 'APPROVED'],
  ['create-tech-spec', 'Orders service', '--rfc', 'RFC-0001', '--yes'],
  ['create-adr', 'Use Kafka for events', '--yes'],
  ['adr-status', 'ADR-0001', '--set', 'ACCEPTED'],
  ['create-adr', 'Use Pulsar for events', '--supersedes', 'ADR-0001', '--yes'],
  ['list'],
  ['list', '--json', '--all'],
  ['list-rfcs', '--format', 'table'],
  ['show', 'RFC-0001'],
  ['check'],
  ['check', '--format', 'json'],
  ['completion', 'bash'],
];

try {
  execFileSync('git', ['init', '-q', work], { stdio: 'ignore' });
  process.chdir(work);
  for (const args of runs) {
    const code = await boot.run([process.execPath, 'archdoc', ...args]);
    process.exitCode = undefined;
    process.stderr.write(`trained: archdoc ${args.join(' ')} (exit ${code})\n`);
  }
  for (const file of boot.writeCodeCaches()) process.stderr.write(`wrote ${path.relative(distDir, file)}\n`);
} finally {
  process.chdir(os.tmpdir());
  fs.rmSync(work, { recursive: true, force: true });
}
