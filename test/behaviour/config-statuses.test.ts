import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers.js';
import { writeIt } from './rfc-fixtures.js';

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

  it('a real mistake is one message: the initial status left out', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    statuses:\n      OPEN: {}\n      DONE: {}\n');
    const r = await repo.run(['list']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual(['error: .archdoc.yml: kinds.rfc.initial names unknown status "DRAFT"']);
  });

  it('transitions the user writes are still checked in full', async () => {
    const repo = makeRepo();
    repo.write('.archdoc.yml', 'kinds:\n  rfc:\n    statuses:\n      DRAFT: {}\n      DONE: {}\n    transitions:\n      DRAFT: [DOEN]\n');
    const r = await repo.run(['list']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kinds.rfc.transitions.DRAFT names unknown status "DOEN"; did you mean "DONE"?');
  });
});
