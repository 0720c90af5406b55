/**
 * The package stays small: `npm pack` of the build comes out under 540 KB (450 KB, issue 9, and the
 * MCP SDK archdoc mcp bundles: ADR-0021), with every
 * command's file in it. A command bundle that duplicates the shared code once too often shows here.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the package', () => {
  it('packs under 540 KB, with the entry, every command file and the templates', () => {
    const env = { ...process.env, npm_config_ignore_scripts: 'true', npm_config_update_notifier: 'false' };
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, env, encoding: 'utf8' })) as Array<{
      size: number;
      files: Array<{ path: string }>;
    }>;
    const files = pack!.files.map((f) => f.path);
    expect(files).toEqual(expect.arrayContaining(['bin/archdoc.js', 'dist/main.cjs', 'dist/cli.cjs', 'dist/commands/more.cjs', 'dist/commands/create.cjs']));
    expect(files.some((f) => f.startsWith('templates/'))).toBe(true);
    expect(pack!.size).toBeLessThan(540 * 1000);
  });
});
