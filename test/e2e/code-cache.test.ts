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

  it('is ignored, and the command still runs, when V8 refuses it, when it is missing, or when its bundle changed', () => {
    const pkg = packageCopy();
    const dist = path.join(pkg, 'dist');
    const file = (rel: string) => path.join(dist, rel);
    // Made from this source, but not data V8 accepts.
    fs.writeFileSync(file('commands/init.cjs.v8cache'), Buffer.concat([fs.readFileSync(file('commands/init.cjs')), Buffer.alloc(4096, 7)]));
    fs.rmSync(file('yaml.cjs.v8cache'));
    // The bundle edited in place, its length and its date kept: V8 alone would run the old code.
    const main = fs.readFileSync(file('main.cjs'), 'utf8');
    expect(main).toContain('"write .archdoc.yml and the document folders"');
    fs.writeFileSync(file('main.cjs'), main.replace('"write .archdoc.yml and the document folders"', '"WRITE .archdoc.yml and the document folders"'));
    fs.utimesSync(file('main.cjs'), fs.statSync(file('main.cjs.v8cache')).atime, fs.statSync(file('main.cjs.v8cache')).mtime);

    const init = runWithCacheReport(pkg, ['init']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('.archdoc.yml');
    expect(init.cache).toEqual({ 'main.cjs': 'stale', 'commands/init.cjs': 'rejected', 'yaml.cjs': 'none' });
    const help = runWithCacheReport(pkg, ['--help']);
    expect(help.stdout).toContain('WRITE .archdoc.yml and the document');
  });
});
