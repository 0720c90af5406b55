/**
 * `check` and `list` never wait for input: with stdin an open pipe that sends nothing (as in CI
 * runners and git hooks, where stdin is neither a TTY nor closed), they finish by themselves,
 * print no prompt, and exit as usual.
 */
import { describe, expect, it } from 'vitest';
import { hasStackTrace, makeRepo, type Repo } from '../helpers.js';

const LIMIT_MS = 10_000;

/** Prompt text @inquirer/prompts or a hand-rolled question would print. */
const PROMPT = /^\? |\(y\/n\)|\(Y\/n\)|\(y\/N\)|Press enter|Select |Choose /im;

function cleanRepo(): Repo {
  const repo = makeRepo({ init: false });
  repo.write('.archdoc.yml', 'review_stale_days: 14\n');
  repo.write(
    'rfcs/draft/RFC-0001-first.md',
    '---\nrfc_id: RFC-0001\ntitle: First\nstatus: DRAFT\nauthor: Dana Lee\ncreated: 2026-11-20\nlast_updated: 2026-11-20\n---\n\n# RFC-0001: First\n',
  );
  repo.write(
    'docs/adr/ADR-0001-first.md',
    '---\nadr_id: ADR-0001\ntitle: First decision\nstatus: PROPOSED\ncreated: 2026-11-20\n---\n\n# ADR-0001: First decision\n\n## Status\n\nPROPOSED\n',
  );
  return repo;
}

describe('with stdin an open pipe that sends nothing', () => {
  it('check finishes, exit 0, no prompt', async () => {
    const r = await cleanRepo().spawn(['check'], { keepStdinOpen: true });
    expect(r.ms).toBeLessThan(LIMIT_MS);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('No problems in 2 documents.\n');
    expect(r.stdout).not.toMatch(PROMPT);
    expect(r.stderr).toBe('');
  });

  it('check --format json and --format github finish, exit 0', async () => {
    const repo = cleanRepo();
    const [json, github] = await Promise.all([
      repo.spawn(['check', '--format', 'json'], { keepStdinOpen: true }),
      repo.spawn(['check', '--format', 'github', '--strict'], { keepStdinOpen: true }),
    ]);
    for (const r of [json, github]) {
      expect(r.ms).toBeLessThan(LIMIT_MS);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(JSON.parse(json.stdout)).toEqual({ schema_version: 1, summary: { errors: 0, warnings: 0, files: 0, documents: 2 }, findings: [] });
    expect(github.stdout).toBe('No problems in 2 documents.\n');
  });

  it('check on a broken repository finishes with exit 1, no prompt', async () => {
    const repo = cleanRepo();
    repo.write('rfcs/draft/RFC-0002-broken.md', '---\nrfc_id: RFC-0002\ntitle: "Broken\nstatus: DRAFT\n---\n');
    const r = await repo.spawn(['check'], { keepStdinOpen: true });
    expect(r.ms).toBeLessThan(LIMIT_MS);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rfcs/draft/RFC-0002-broken.md:');
    expect(r.stdout).toContain(' error frontmatter-parse: ');
    expect(r.stdout).not.toMatch(PROMPT);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it('list finishes, exit 0, no prompt', async () => {
    const r = await cleanRepo().spawn(['list'], { keepStdinOpen: true });
    expect(r.ms).toBeLessThan(LIMIT_MS);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^RFC-0001 +DRAFT +First /m);
    expect(r.stdout).toMatch(/^ADR-0001 +PROPOSED +First decision /m);
    expect(r.stdout).not.toMatch(PROMPT);
    expect(r.stderr).toBe('');
  });

  it('list --json finishes, exit 0, stdout is only the JSON', async () => {
    const r = await cleanRepo().spawn(['list', '--json'], { keepStdinOpen: true });
    expect(r.ms).toBeLessThan(LIMIT_MS);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout) as { documents: Array<{ id: string }> };
    expect(data.documents.map((d) => d.id).sort()).toEqual(['ADR-0001', 'RFC-0001']);
    expect(r.stderr).toBe('');
  });

  it('list-rfcs and list on an empty repository finish, exit 0', async () => {
    const repo = makeRepo({ init: false });
    const [rfcs, all, check] = await Promise.all([
      repo.spawn(['list-rfcs'], { keepStdinOpen: true }),
      repo.spawn(['list'], { keepStdinOpen: true }),
      repo.spawn(['check'], { keepStdinOpen: true }),
    ]);
    for (const r of [rfcs, all, check]) {
      expect(r.ms).toBeLessThan(LIMIT_MS);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(PROMPT);
      expect(hasStackTrace(r.stderr)).toBe(false);
    }
    expect(check.stdout).toBe('No problems in 0 documents.\n');
  });
});
