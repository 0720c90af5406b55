/**
 * Custom statuses are one key: a built-in kind given `statuses` takes that list; what its built-in
 * workflow said of the others goes, with one warning; the initial status and the way through new
 * statuses follow the list; SUPERSEDED is optional; a mistake in what the user wrote is one message.
 */
import { describe, expect, it } from 'vitest';
import { makeRepo, type Repo } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

function withConfig(config: string): Repo {
  const repo = makeRepo({ init: false });
  repo.write('.archdoc.yml', config);
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'config');
  return repo;
}

const OWN = 'kinds:\n  adr:\n    statuses:\n      DRAFT: {}\n      ACCEPTED: {}\n      RETIRED: {archived: true}\n';

describe("a built-in kind's statuses replaced in the configuration", () => {
  it('keeps the parts of the workflow that name the new statuses: no errors about keys the user never wrote', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  adr:\n    statuses:\n      PROPOSED: {}\n      ACCEPTED: {}\n      REJECTED: {}\n');
    const r = await repo.run(['create-adr', 'Use Kafka for events', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    writeIt(repo, 'docs/adr/ADR-0001-use-kafka-for-events.md', 'adr');
    repo.git('commit', '-q', '-am', 'test: write ADR-0001');
    const ok = await repo.run(['adr-status', '1', '--set', 'ACCEPTED']);
    expect(ok.code, ok.stderr).toBe(0);
    // SUPERSEDED is gone with the statuses that were not kept.
    const gone = await repo.run(['adr-status', '1', '--set', 'SUPERSEDED']);
    expect(gone.code).toBe(2);
    expect((await repo.run(['list'])).code).toBe(0);
  });

  it('starts in the first status listed and walks the list in order; check warns once about what went', async () => {
    const repo = withConfig(OWN);
    const created = await repo.run(['create-adr', 'Use Kafka for events']);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('status  DRAFT');
    expect(created.stdout).toContain('archdoc adr-status ADR-0001 --set ACCEPTED');
    const path = created.stdout.match(/file {4}(\S+)/)![1]!;
    repo.write(
      path,
      repo
        .read(path)
        .replace(/^\[.*\]$/gm, 'Written.')
        .replace(/\[[^\]\n]*\]/g, 'written'),
    );
    repo.git('commit', '-qam', 'write it');
    for (const to of ['ACCEPTED', 'RETIRED']) {
      const r = await repo.run(['adr-status', '1', '--set', to]);
      expect(r.code, r.stderr).toBe(0);
    }
    const check = await repo.run(['check']);
    expect(check.code, check.stdout).toBe(0);
    const warnings = check.stderr.split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/kinds\.adr\.statuses replaces the built-in statuses: .* that name PROPOSED, REJECTED, DEPRECATED, SUPERSEDED are dropped/);
  });

  it('keeps the built-in transitions among the statuses kept', async () => {
    const repo = withConfig(
      'kinds:\n  rfc:\n    statuses:\n      DRAFT: {folder: draft}\n      REVIEW: {folder: review}\n      APPROVED: {folder: approved}\n',
    );
    const r = await repo.run(['create-rfc', 'Adopt PostgreSQL now', '--reviewer', 'Bea']);
    expect(r.code, r.stderr).toBe(0);
    const refused = await repo.run(['rfc-status', '1', '--set', 'APPROVED']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('cannot go from DRAFT to APPROVED');
  });

  it('transitions the user writes are still checked in full', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    statuses:\n      DRAFT: {}\n      DONE: {}\n    transitions:\n      DRAFT: [DOEN]\n');
    const r = await repo.run(['list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kinds.rfc.transitions.DRAFT names unknown status "DOEN"; did you mean "DONE"?');
  });
});
