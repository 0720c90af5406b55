import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/entry/cli.js';
import { bashScript, fishScript, zshScript } from '../../src/commands/completion.js';
import { configText } from '../../src/commands/init.js';
import { resolveConfig } from '../../src/core/config.js';
import { CONFIG_SCHEMA } from '../../src/core/config-schema.js';
import { validate } from '../../src/core/schema.js';
import { testSystem } from '../env.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The program only needs a system to exist here: nothing runs. */
const SYSTEM = testSystem(ROOT, {});

function complete(words: string[]): string[] {
  const script = bashScript(buildProgram(SYSTEM));
  const cmd = `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _archdoc; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['-c', cmd], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter(Boolean);
}

describe('completion', () => {
  it('bash completes commands, options and statuses', () => {
    expect(complete(['archdoc', 'create-'])).toEqual(['create-rfc', 'create-tech-spec', 'create-adr', 'create-system-design']);
    expect(complete(['archdoc', 'rfc-status', '1', '--re'])).toEqual(['--reviewer']);
    expect(complete(['archdoc', 'rfc-status', '1', '--set', 'IN'])).toEqual(['IN_PROGRESS']);
    expect(complete(['archdoc', 'check', '--format', 'g'])).toEqual(['github']);
  });

  it('zsh and fish scripts name every command', () => {
    const names = buildProgram(SYSTEM)
      .commands.map((c) => c.name())
      .filter((n) => n !== 'help');
    const zsh = zshScript(buildProgram(SYSTEM));
    const fish = fishScript(buildProgram(SYSTEM));
    expect(zsh.startsWith('#compdef archdoc\n')).toBe(true);
    expect(
      spawnSync('bash', ['-n'], {
        input: zsh
          .split('\n')
          .filter((l) => !l.startsWith('autoload'))
          .join('\n'),
      }).status,
    ).toBe(0);
    for (const n of names) expect(fish).toContain(`-a '${n}'`);
    expect(fish).toContain("__fish_seen_subcommand_from rfc-status' -l 'set'");
  });

  it('the CLI prints it and refuses an unknown shell with exit 2', () => {
    const bin = path.join(ROOT, 'bin', 'archdoc.js');
    expect(spawnSync(process.execPath, [bin, 'completion', 'fish'], { encoding: 'utf8' }).stdout).toContain('complete -c archdoc');
    const bad = spawnSync(process.execPath, [bin, 'completion', 'tcsh'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('error: completion tcsh: use one of bash, zsh, fish\n');
  });
});

describe('config JSON Schema', () => {
  it('the shipped schema is the one the code validates with', () => {
    const shipped = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'archdoc.schema.json'), 'utf8'));
    expect(shipped).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
  });

  it('accepts the config init writes and the documented examples', () => {
    for (const layout of ['by-status', 'flat'] as const) {
      expect(validate(CONFIG_SCHEMA, parse(configText(layout, undefined)))).toEqual([]);
      expect(validate(CONFIG_SCHEMA, parse(configText(layout, 'docs')))).toEqual([]);
    }
    const docs = [
      'README.md',
      ...fs
        .readdirSync(path.join(ROOT, 'docs'))
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ];
    let checked = 0;
    for (const file of docs) {
      const md = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of md.matchAll(/```yaml\n([\s\S]*?)```/g)) {
        const data = parse(m[1]!);
        if (!data || typeof data !== 'object' || !('kinds' in data || 'layout' in data || 'rules' in data || 'id_padding' in data)) continue;
        const result = resolveConfig(data);
        expect(result.errors, `${file}: ${m[1]}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });

  it('is a valid JSON Schema that a standard validator (ajv) agrees with', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'archdoc.schema.json'), 'utf8')));
    const samples: unknown[] = [
      parse(configText('by-status', 'docs')),
      {
        layout: 'flat',
        kinds: { prd: { prefix: 'PRD', folder: 'prds', statuses: { DRAFT: { folder: 'draft' } }, initial: 'DRAFT', transitions: { DRAFT: [] } } },
      },
      { layout: 'nested' },
      { kinds: { rfc: { prefix: 'rfc' } } },
      { rules: { 'loaded-word': 'loud' } },
      { id_padding: 0 },
      { kinds: { rfc: { folder: '../up' } } },
      { kinds: { rfc: { guards: { REVIEW: [{ type: 'reviewers-named', min: 2 }] } } } },
      { kinds: { rfc: { guards: { REVIEW: [{ type: 'unknown-guard' }] } } } },
    ];
    for (const sample of samples) expect(check(sample), JSON.stringify(sample)).toBe(validate(CONFIG_SCHEMA, sample).length === 0);
  });

  it('rejects what it should, with paths', () => {
    expect(validate(CONFIG_SCHEMA, { layout: 'nested' })[0]?.path).toBe('layout');
    expect(validate(CONFIG_SCHEMA, { kinds: { rfc: { prefix: 'rfc' } } })[0]?.path).toBe('kinds.rfc.prefix');
    expect(validate(CONFIG_SCHEMA, { rules: { 'loaded-word': 'loud' } })[0]?.path).toBe('rules.loaded-word');
  });
});
