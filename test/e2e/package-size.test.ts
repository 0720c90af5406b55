/**
 * The package stays small: `npm pack` of the build comes out under 500 KB (issue 9 asked for
 * 450 KB; the MCP SDK that archdoc mcp bundles added 75 KB, ADR-0021; whitespace is minified,
 * ADR-0024), with every command's file in it. A command bundle that takes in more shared code
 * than it needs shows here.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the package', () => {
  it('packs under 500 KB, with the entry, every command file and the templates', () => {
    const env = { ...process.env, npm_config_ignore_scripts: 'true', npm_config_update_notifier: 'false' };
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env, encoding: 'utf8' })) as Array<{
      size: number;
      files: Array<{ path: string }>;
    }>;
    const files = pack!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/archdoc.js', 'dist/main.cjs', 'dist/cli.cjs', 'dist/commands/more.cjs', 'dist/commands/create.cjs']));
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(pack!.size).toBeLessThan(500 * 1000);
  });
});
