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
// The developer's own git configuration (signing, hooks, templates) stays out of the runs.
Object.assign(process.env, {
  HOME: work,
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Build',
  GIT_AUTHOR_EMAIL: 'build@example.com',
  GIT_COMMITTER_NAME: 'Build',
  GIT_COMMITTER_EMAIL: 'build@example.com',
  NO_COLOR: '1',
});

/** [arguments, the exit code the run must end with] */
const runs = [
  [['--help'], 0],
  [['--version'], 0],
  [['init'], 0],
  [['create-rfc', 'Adopt PostgreSQL for orders', '--yes', '--reviewer', 'Ann Lee'], 0],
  [['create-rfc', 'Cache sessions in Redis', '--yes'], 0],
  [['create-rfc', 'Adopt PostgreSQL for order', '--yes'], 1], // refused: a similar title
  [['rfc-status', 'RFC-0001'], 0],
  [['rfc-status', 'RFC-0001', '--set', 'REVIEW'], 0],
  [['rfc-status', 'RFC-0001', '--reviewer', 'Ann Lee:approved'], 0],
  [['rfc-status', 'RFC-0001', '--set', 'APPROVED'], 0],
  [['create-tech-spec', 'Orders service', '--rfc', 'RFC-0001', '--yes'], 0],
  [['create-adr', 'Use Kafka for events', '--yes'], 0],
  [['adr-status', 'ADR-0001', '--set', 'ACCEPTED'], 0],
  [['create-adr', 'Use Pulsar for events', '--supersedes', 'ADR-0001', '--yes'], 0],
  [['list'], 0],
  [['list', '--json', '--all'], 0],
  [['list-rfcs', '--format', 'table'], 0],
  [['show', 'RFC-0001'], 0],
  [['check'], 1], // the new documents still hold template placeholders
  [['check', '--format', 'json'], 1],
  [['completion', 'bash'], 0],
];

try {
  execFileSync('git', ['init', '-q', '--template=', work], { stdio: 'ignore' });
  process.chdir(work);
  for (const [args, expected] of runs) {
    const code = await boot.run([process.execPath, 'archdoc', ...args]);
    process.exitCode = undefined;
    if (code !== expected) throw new Error(`archdoc ${args.join(' ')} exited ${code}, not ${expected}: the caches would be trained on the wrong paths`);
    process.stderr.write(`trained: archdoc ${args.join(' ')}\n`);
  }
  for (const file of boot.writeCodeCaches()) process.stderr.write(`wrote ${path.relative(distDir, file)}\n`);
} finally {
  process.chdir(os.tmpdir());
  fs.rmSync(work, { recursive: true, force: true });
}
