import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir, testEnv } from '../helpers.js';

// The built CLI loads its bundles through dist/boot.cjs with the V8 code cache the build wrote
// (src/boot.ts). A cache V8 refuses, or one older than its bundle, must never change what runs.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLES = ['main.cjs', 'yaml.cjs', ...fs.readdirSync(path.join(ROOT, 'dist', 'commands')).filter((f) => f.endsWith('.cjs')).map((f) => `commands/${f}`)];

/** A copy of the built package that a test may break. */
function packageCopy(): string {
  const dir = tempDir('archdoc-pkg-');
  for (const part of ['dist', 'templates', 'package.json']) fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true, preserveTimestamps: true });
  return dir;
}

/** Runs `archdoc <args>` through boot.cjs in `pkg` and reports how each bundle used its cache. */
function runWithCacheReport(pkg: string, args: string[]) {
  const cwd = tempDir();
  spawnSync('git', ['init', '-q'], { cwd });
  spawnSync('git', ['config', 'user.name', 'Test'], { cwd });
  spawnSync('git', ['config', 'user.email', 'test@example.com'], { cwd });
  const script = `const b = require(${JSON.stringify(path.join(pkg, 'dist', 'boot.cjs'))});
b.run([process.execPath, 'archdoc', ...${JSON.stringify(args)}]).then((code) => {
  process.exitCode = code;
  process.stderr.write('CACHE ' + JSON.stringify(b.cacheUse().map((u) => [u.file.slice(${JSON.stringify(path.join(pkg, 'dist') + path.sep)}.length).split(${JSON.stringify(path.sep)}).join('/'), u.cache])) + '\\n');
});`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd, env: testEnv(cwd), encoding: 'utf8' });
  const line = r.stderr.split('\n').find((l) => l.startsWith('CACHE '));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, cache: Object.fromEntries(JSON.parse(line!.slice(6)) as Array<[string, string]>) };
}

describe('V8 code cache', () => {
  it('the build writes a cache beside every bundle', () => {
    for (const b of BUNDLES) expect(fs.existsSync(path.join(ROOT, 'dist', `${b}.v8cache`)), b).toBe(true);
  });

  it('is used when it fits', () => {
    const r = runWithCacheReport(packageCopy(), ['list', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: [] });
    expect(r.cache).toEqual({ 'main.cjs': 'accepted', 'commands/list.cjs': 'accepted' });
  });

  it('is ignored, and the command still runs, when V8 refuses it, when it is older than its bundle, or when it is missing', () => {
    const pkg = packageCopy();
    const dist = path.join(pkg, 'dist');
    fs.writeFileSync(path.join(dist, 'main.cjs.v8cache'), Buffer.alloc(4096, 7)); // not a cache V8 accepts
    const old = new Date(Date.now() - 3_600_000);
    fs.utimesSync(path.join(dist, 'commands', 'init.cjs.v8cache'), old, old); // older than init.cjs
    fs.rmSync(path.join(dist, 'yaml.cjs.v8cache'));
    const r = runWithCacheReport(pkg, ['init']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('.archdoc.yml');
    expect(r.cache).toEqual({ 'main.cjs': 'rejected', 'commands/init.cjs': 'stale', 'yaml.cjs': 'none' });
  });
});
