/**
 * The layout is the architecture (README, "Layout"): these tests keep it true as the code grows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(SRC, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(SRC, path.join(e.parentPath, e.name)));
}

/** Every module a file imports (static, dynamic and type-only), as written. */
function imports(file: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** Where a relative import lands, relative to src/. */
const target = (file: string, spec: string) => path.relative(SRC, path.resolve(SRC, path.dirname(file), spec));

describe('layout', () => {
  it('core/ imports nothing from the rest of src/, and no I/O: only itself, node:path/posix and the yaml parser', () => {
    const outside = sources('core').flatMap((file) =>
      imports(file)
        .filter((spec) => (spec.startsWith('.') ? !target(file, spec).startsWith('core/') : !['node:path/posix', 'yaml'].includes(spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('commands reach the file system only through the store: no command imports node:fs', () => {
    const direct = sources('commands').filter((file) => imports(file).some((spec) => spec === 'node:fs' || spec === 'fs'));
    expect(direct).toEqual([]);
  });

  it("commands change files only through a transaction: none imports the store's writers", () => {
    const writers = /\b(writeAtomic|createExclusive|moveFile)\b/;
    const direct = sources('commands').filter((file) => writers.test(fs.readFileSync(path.join(SRC, file), 'utf8')));
    expect(direct).toEqual([]);
  });

  it('every file directly in commands/ is a command with a run function; helpers live in commands/shared/', () => {
    const files = fs.readdirSync(path.join(SRC, 'commands')).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(fs.readFileSync(path.join(SRC, 'commands', f), 'utf8'), f).toMatch(/export async function run\(/);
  });

  it('adapters and the terminal never import commands or the entry', () => {
    const wrong = [...sources('adapters'), ...sources('terminal')].flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('.') && /^(commands|entry)\//.test(target(file, spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(wrong).toEqual([]);
  });
});
