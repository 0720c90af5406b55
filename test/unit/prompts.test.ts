import { describe, expect, it } from 'vitest';
import { run as create } from '../../src/commands/create.js';
import type { Output } from '../../src/terminal/output.js';
import type { Prompter } from '../../src/terminal/prompts.js';
import { Chalk } from 'chalk';
import type { System } from '../../src/terminal/system.js';
import { testSystem } from '../env.js';
import { makeRepo, testEnv } from '../helpers.js';
import { colourLevel } from '../../src/terminal/output.js';

function scripted(answers: Array<string | boolean | string[]>): Prompter & { asked: string[] } {
  const asked: string[] = [];
  return {
    interactive: true,
    asked,
    async input(message) {
      asked.push(message);
      return String(answers.shift() ?? '');
    },
    async confirm(message) {
      asked.push(message);
      return Boolean(answers.shift());
    },
    async select(message) {
      asked.push(message);
      return String(answers.shift() ?? '');
    },
    async checkbox(message) {
      asked.push(message);
      return (answers.shift() as string[] | undefined) ?? [];
    },
  };
}

function capture(): Output & { text: string[] } {
  const text: string[] = [];
  return { text, out: (t = '') => text.push(t), err: (t = '') => text.push(t), raw: (t) => text.push(t), c: new Chalk({ level: 0 }) };
}

/** A git repository with its own identity, and a system with the fixed test environment (no user or system git config). */
function repo(): { cwd: string; system: System } {
  const r = makeRepo({ init: false });
  return { cwd: r.dir, system: testSystem(r.dir, testEnv(r.home)) };
}

describe('prompts at a terminal (scripted)', () => {
  it('asks for a missing title', async () => {
    const { cwd, system } = repo();
    const prompt = scripted(['Adopt PostgreSQL']);
    const out = capture();
    const r = await create({ kind: 'rfc', cwd }, { system, prompt, out, today: '2026-11-25' });
    expect(prompt.asked).toEqual(['RFC title:', 'Reviewers (comma-separated, Enter for none):']);
    expect(r.path).toBe('rfcs/draft/RFC-0001-adopt-postgresql.md');
  });

  it('asks before creating a near-duplicate, and respects the answer', async () => {
    const { cwd, system } = repo();
    await create({ kind: 'rfc', cwd, title: 'Adopt PostgreSQL' }, { system, prompt: scripted([]), out: capture(), today: '2026-11-25' });
    const no = scripted([false]);
    await expect(create({ kind: 'rfc', cwd, title: 'PostgreSQL adopt' }, { system, prompt: no, out: capture(), today: '2026-11-25' })).rejects.toThrow(
      'Nothing created.',
    );
    expect(no.asked[0]).toMatch(/^A similar RFC exists: RFC-0001 "Adopt PostgreSQL"/);
    const yes = scripted([true]);
    const r = await create({ kind: 'rfc', cwd, title: 'PostgreSQL adopt' }, { system, prompt: yes, out: capture(), today: '2026-11-25' });
    expect(r.id).toBe('RFC-0002');
  });
});

describe('colour', () => {
  it.each([
    [{}, true, 1],
    [{}, false, 0],
    [{ NO_COLOR: '1' }, true, 0],
    [{ NO_COLOR: '' }, true, 1],
    [{ FORCE_COLOR: '1' }, false, 1],
    [{ FORCE_COLOR: '0' }, true, 0],
    [{ TERM: 'dumb' }, true, 0],
  ])('%j, tty=%s -> level %i', (env, tty, level) => expect(colourLevel(env as NodeJS.ProcessEnv, tty)).toBe(level));
});
