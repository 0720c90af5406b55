/**
 * Numbers across branches and clones, with a local bare repository as the shared remote: check
 * sees another branch's document under the same number before the merge, create numbers past
 * every branch, renumber mends a collision after the merge (links follow the document they
 * meant), and reservation on the remote keeps clones apart.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, Repo, tempDir, testEnv } from '../helpers.js';

/** A bare remote holding a repository with archdoc initialised, and `names.length` clones of it, each with its own identity. */
function remoteWithClones(names: string[]): { remote: string; clones: Repo[] } {
  const seed = makeRepo();
  const remote = path.join(tempDir('archdoc-remote-'), 'shared.git');
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', remote], { env: testEnv(seed.home) });
  seed.git('push', '-q', remote, 'HEAD:main');
  const clones = names.map((name) => {
    const dir = path.join(tempDir('archdoc-clone-'), name.toLowerCase());
    execFileSync('git', ['clone', '-q', remote, dir], { env: testEnv(seed.home) });
    const clone = new Repo(dir, tempDir('archdoc-home-'));
    clone.git('config', 'user.name', name);
    clone.git('config', 'user.email', `${name.toLowerCase()}@example.com`);
    return clone;
  });
  return { remote, clones };
}

async function ok(repo: Repo, args: string[]): Promise<string> {
  const r = await repo.run(args);
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** Findings of `check --format json` as `rule path: message`. */
async function findings(repo: Repo): Promise<string[]> {
  const r = await repo.run(['check', '--format', 'json']);
  return (JSON.parse(r.stdout) as { findings: Array<{ rule: string; path: string; message: string }> }).findings.map(
    (f) => `${f.rule} ${f.path}: ${f.message}`,
  );
}

describe('two clones that create on branches', () => {
  it('are caught by check before the merge, and mended by renumber after it: every link resolves, check is clean', async () => {
    const {
      clones: [alice, bob],
    } = remoteWithClones(['Alice', 'Bob']);
    // Alice: RFC-0001 on her branch, pushed.
    alice!.git('checkout', '-qb', 'alice/kafka');
    await ok(alice!, ['create-rfc', 'Adopt Kafka for events']);
    alice!.git('push', '-q', 'origin', 'alice/kafka');
    // Bob: RFC-0001 too, before fetching; a tech spec on it, and a mention in another RFC.
    bob!.git('checkout', '-qb', 'bob/orders');
    await ok(bob!, ['create-rfc', 'Split the orders service']);
    await ok(bob!, ['create-tech-spec', 'Orders service API', '--rfc', 'RFC-0001']);
    await ok(bob!, ['create-rfc', 'Orders database choice']);
    const mention = bob!.find('RFC-0002-');
    bob!.write(mention, `${bob!.read(mention)}\nBuilds on RFC-0001 ([the split](RFC-0001-split-the-orders-service.md)).\n`);
    bob!.git('commit', '-qam', 'mention RFC-0001');

    // Before the merge: check on either side names the other branch and title.
    bob!.git('fetch', '-q');
    expect(await findings(bob!)).toEqual([
      'branch-collision rfcs/draft/RFC-0001-split-the-orders-service.md: RFC-0001 is also the id of "Adopt Kafka for events" on origin/alice/kafka (rfcs/draft/RFC-0001-adopt-kafka-for-events.md); give one of them a new number before the branches meet: archdoc renumber rfcs/draft/RFC-0001-split-the-orders-service.md',
    ]);
    // A new document takes a number past every branch known.
    bob!.git('push', '-q', 'origin', 'bob/orders');
    alice!.git('fetch', '-q');
    const created = await ok(alice!, ['create-adr', 'Record decisions']);
    expect(created).toContain('ADR-0001');
    expect(await ok(alice!, ['create-rfc', 'Event schema registry'])).toContain('Created RFC-0003');

    // Merged anyway: check's error, and the commands refuse the ambiguous id.
    bob!.git('merge', '-q', '--no-edit', 'origin/alice/kafka');
    const after = await findings(bob!);
    expect(after.filter((f) => f.startsWith('duplicate-id'))).toHaveLength(2);
    const ambiguous = await bob!.run(['rfc-status', 'RFC-0001', '--set', 'REVIEW']);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('archdoc renumber');
    // Either one can still be read, and changed, by its path.
    expect(await ok(bob!, ['show', 'rfcs/draft/RFC-0001-adopt-kafka-for-events.md'])).toContain('Adopt Kafka for events');
    await ok(bob!, ['rfc-status', 'rfcs/draft/RFC-0001-split-the-orders-service.md', '--reviewer', 'Alice']);
    expect(bob!.read('rfcs/draft/RFC-0001-split-the-orders-service.md')).toContain('name: Alice');
    expect(bob!.read('rfcs/draft/RFC-0001-adopt-kafka-for-events.md')).not.toContain('name: Alice');

    // Renumber Bob's: the spec's decision_ref, the mention and the link are his, so they follow it.
    const before = bob!.git('rev-parse', 'HEAD');
    const out = await ok(bob!, ['renumber', 'rfcs/draft/RFC-0001-split-the-orders-service.md']);
    expect(out).toContain('RFC-0001 → RFC-0003');
    expect(bob!.git('rev-list', '--count', `${before}..HEAD`)).toBe('1');
    expect(bob!.log()[0]).toBe('docs(rfc): renumber RFC-0001 to RFC-0003 Split the orders service');
    expect(bob!.exists('rfcs/draft/RFC-0003-split-the-orders-service.md')).toBe(true);
    expect(bob!.read(bob!.find('TS-0001-'))).toMatch(/^decision_ref: RFC-0003$/m);
    expect(bob!.read(mention)).toContain('Builds on RFC-0003 ([the split](RFC-0003-split-the-orders-service.md)).');
    // Alice's RFC keeps RFC-0001, and once Bob's branch is pushed check is clean.
    expect(bob!.read('rfcs/draft/RFC-0001-adopt-kafka-for-events.md')).toMatch(/^rfc_id: RFC-0001$/m);
    bob!.git('push', '-q', 'origin', 'bob/orders');
    expect(await findings(bob!)).toEqual([]);
    expect(bob!.git('status', '--porcelain')).toBe('');
  });
});

describe('renumber', () => {
  async function twoRfcs(): Promise<Repo> {
    const repo = makeRepo();
    await ok(repo, ['create-rfc', 'Adopt Kafka for events']);
    await ok(repo, ['create-rfc', 'Split the orders service']);
    await ok(repo, ['create-tech-spec', 'Orders service API', '--rfc', 'RFC-0002']);
    return repo;
  }

  it('--dry-run prints the plan and changes nothing', async () => {
    const repo = await twoRfcs();
    const head = repo.git('rev-parse', 'HEAD');
    const out = await ok(repo, ['renumber', 'RFC-0002', '--dry-run']);
    expect(out).toContain('RFC-0002 → RFC-0003 Split the orders service (dry run: nothing changed)');
    expect(out).toContain('rfcs/draft/RFC-0002-split-the-orders-service.md → rfcs/draft/RFC-0003-split-the-orders-service.md');
    expect(out).toMatch(/tech-specs\/draft\/TS-0001-orders-service-api\.md:\d+: decision_ref: RFC-0002 → decision_ref: RFC-0003/);
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('--to takes the number given, and refuses one that is taken (exit 1, nothing changed)', async () => {
    const repo = await twoRfcs();
    const taken = await repo.run(['renumber', 'RFC-0002', '--to', 'RFC-0001']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('RFC-0001 is taken by rfcs/draft/RFC-0001-adopt-kafka-for-events.md');
    const wrongKind = await repo.run(['renumber', 'RFC-0002', '--to', 'TS-0009']);
    expect(wrongKind.code).toBe(2);
    expect(repo.git('status', '--porcelain')).toBe('');
    await ok(repo, ['renumber', 'RFC-0002', '--to', '7']);
    expect(repo.exists('rfcs/draft/RFC-0007-split-the-orders-service.md')).toBe(true);
    expect(repo.read(repo.find('TS-0001-'))).toMatch(/^decision_ref: RFC-0007$/m);
    expect(await findings(repo)).toEqual([]);
  });

  it('refuses a number another branch uses', async () => {
    const repo = await twoRfcs();
    repo.git('checkout', '-qb', 'other');
    await ok(repo, ['create-rfc', 'Billing pipeline rework']);
    repo.git('checkout', '-q', 'main');
    const r = await repo.run(['renumber', 'RFC-0002', '--to', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('RFC-0003 is used on other (rfcs/draft/RFC-0003-billing-pipeline-rework.md)');
    // The next free number skips it.
    expect(await ok(repo, ['renumber', 'RFC-0002'])).toContain('RFC-0002 → RFC-0004');
  });

  it('is all or nothing: a refused commit puts every file back', async () => {
    const repo = await twoRfcs();
    const spec = repo.find('TS-0001-');
    const before = new Map(repo.files().map((f) => [f, repo.read(f)]));
    repo.write('.git/hooks/pre-commit', '#!/bin/sh\necho "no renumbering today" >&2\nexit 1\n');
    fs.chmodSync(path.join(repo.dir, '.git/hooks/pre-commit'), 0o755);
    const r = await repo.run(['renumber', 'RFC-0002']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no renumbering today');
    expect(new Map(repo.files().map((f) => [f, repo.read(f)]))).toEqual(before);
    expect(repo.read(spec)).toMatch(/^decision_ref: RFC-0002$/m);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it('refuses, in a dry run too, what it could not carry out whole: untracked files, unreadable frontmatter, numbers below 1', async () => {
    const repo = await twoRfcs();
    const spec = repo.find('TS-0001-');
    repo.write(spec, `${repo.read(spec)}\nA note of mine.\n`);
    const dry = await repo.run(['renumber', 'RFC-0002', '--dry-run']);
    expect(dry.code).toBe(1);
    expect(dry.stderr).toContain(`${spec} has changes of yours that are not committed`);
    repo.git('checkout', '--', spec);
    // A document git does not track yet names it.
    repo.write(
      'rfcs/draft/RFC-0009-untracked.md',
      `${repo.read('rfcs/draft/RFC-0001-adopt-kafka-for-events.md').replace(/RFC-0001/g, 'RFC-0009')}\nSee RFC-0002.\n`,
    );
    const untracked = await repo.run(['renumber', 'RFC-0002']);
    expect(untracked.code).toBe(1);
    expect(untracked.stderr).toContain('rfcs/draft/RFC-0009-untracked.md is not committed yet');
    fs.rmSync(path.join(repo.dir, 'rfcs/draft/RFC-0009-untracked.md'));
    // A document whose frontmatter does not parse names it.
    const broken = 'rfcs/draft/RFC-0001-adopt-kafka-for-events.md';
    repo.write(broken, repo.read(broken).replace('related_rfcs: []', 'related_rfcs: [RFC-0002'));
    repo.git('commit', '-qam', 'break it');
    const unreadable = await repo.run(['renumber', 'RFC-0002']);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain(`${broken} names RFC-0002, but its frontmatter does not parse`);
    expect((await repo.run(['renumber', 'RFC-0002', '--to', '0'])).code).toBe(2);
    expect(repo.git('status', '--porcelain')).toBe('');
  });

  it("rewrites the index files' links in its commit, as a status move does: the kinds' README.md and any file holding the marker", async () => {
    const repo = await twoRfcs();
    await ok(repo, ['index']);
    await ok(repo, ['index', '--file', 'docs/decisions.md', '--one-table']);
    // One written with --no-commit is git's to learn of: rewritten in the work tree, not committed.
    await ok(repo, ['index', '--file', 'notes/draft-index.md', '--no-commit']);
    const out = await ok(repo, ['renumber', 'RFC-0002', '--to', '7']);
    const moved = 'draft/RFC-0007-split-the-orders-service.md';
    expect(out).toContain(`  rfcs/README.md:9: | [RFC-0002](draft/RFC-0002-split-the-orders-service.md) |`);
    const changed = repo.git('show', '--name-status', '-M', '--format=', 'HEAD').split('\n').sort();
    expect(changed).toEqual([
      'M\tdocs/decisions.md',
      'M\trfcs/README.md',
      'M\ttech-specs/README.md',
      'M\ttech-specs/draft/TS-0001-orders-service-api.md',
      expect.stringMatching(/^R\d+\trfcs\/draft\/RFC-0002-split-the-orders-service\.md\trfcs\/draft\/RFC-0007-split-the-orders-service\.md$/),
    ]);
    expect(repo.read('rfcs/README.md')).toContain(`| [RFC-0007](${moved}) | Split the orders service |`);
    expect(repo.read('tech-specs/README.md')).toContain(`implements [RFC-0007](../rfcs/${moved})`);
    expect(repo.read('docs/decisions.md')).toContain(`| RFC | [RFC-0007](../rfcs/${moved}) |`);
    expect(repo.read('notes/draft-index.md')).toContain(`[RFC-0007](../rfcs/${moved})`);
    expect(repo.git('status', '--porcelain')).toBe('?? notes/');
    for (const f of ['rfcs/README.md', 'tech-specs/README.md', 'docs/decisions.md', 'notes/draft-index.md']) {
      expect(repo.read(f), f).not.toContain('RFC-0002');
    }
    // Only the order of the rows is left for index to set right.
    const stale = await repo.run(['index', '--check']);
    expect(stale.stdout).not.toContain('tech-specs/README.md');
  });

  it('takes a path relative to -C', async () => {
    const repo = await twoRfcs();
    const r = await repo.run(['-C', 'rfcs', 'renumber', 'draft/RFC-0002-split-the-orders-service.md', '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('RFC-0002 → RFC-0003');
  });

  it("leaves a file with the user's uncommitted edits alone, and says so", async () => {
    const repo = await twoRfcs();
    const spec = repo.find('TS-0001-');
    repo.write(spec, `${repo.read(spec)}\nA note of mine.\n`);
    const r = await repo.run(['renumber', 'RFC-0002']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${spec} has changes of yours that are not committed`);
    expect(repo.exists('rfcs/draft/RFC-0002-split-the-orders-service.md')).toBe(true);
    expect(repo.read(spec)).toContain('A note of mine.');
  });
});

describe('reservation on the shared remote', () => {
  function reserving(names: string[]): { remote: string; clones: Repo[] } {
    const shared = remoteWithClones(names);
    for (const c of shared.clones) {
      c.write('.archdoc.yml', `${c.read('.archdoc.yml')}numbering:\n  reserve: origin\n`);
      c.git('commit', '-qam', 'reserve numbers on origin');
    }
    return shared;
  }

  it('reserves each number on the remote before creating, and skips numbers reserved by others', async () => {
    const {
      remote,
      clones: [alice, bob],
    } = reserving(['Alice', 'Bob']);
    await ok(alice!, ['create-rfc', 'Adopt Kafka for events']);
    expect(execFileSync('git', ['ls-remote', remote, 'refs/archdoc/ids/*'], { encoding: 'utf8' })).toMatch(/\trefs\/archdoc\/ids\/rfc\/1\n/);
    // Bob has not fetched Alice's branch: the reservation alone keeps him off RFC-0001.
    expect(await ok(bob!, ['create-rfc', 'Split the orders service'])).toContain('Created RFC-0002');
    // What a reservation records, and check on a document that took a reserved number offline.
    expect(bob!.git('log', '-1', '--format=%B', 'refs/archdoc/ids/rfc/1')).toContain(
      'RFC-0001-adopt-kafka-for-events.md\n\ntitle: Adopt Kafka for events\nby: Alice',
    );
    bob!.write(
      'rfcs/draft/RFC-0001-orders-by-hand.md',
      bob!
        .read(bob!.find('RFC-0002-'))
        .replace(/RFC-0002/g, 'RFC-0001')
        .replace(/Split the orders service/g, 'Orders by hand'),
    );
    expect(await findings(bob!)).toContain(
      'branch-collision rfcs/draft/RFC-0001-orders-by-hand.md: RFC-0001 is reserved for "Adopt Kafka for events" (RFC-0001-adopt-kafka-for-events.md); give this one a new number: archdoc renumber rfcs/draft/RFC-0001-orders-by-hand.md',
    );
  });

  it('a remote that refuses the reservation says so, once, and changes nothing', async () => {
    const {
      remote,
      clones: [alice],
    } = reserving(['Alice']);
    const hook = path.join(remote, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\necho "refs/archdoc is not allowed here" >&2\nexit 1\n', { mode: 0o755 });
    const r = await alice!.run(['create-rfc', 'Adopt Kafka for events']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: The remote "origin" refused the reservation refs/archdoc/ids/rfc/1');
    expect(r.stderr).toContain('remote: refs/archdoc is not allowed here');
    expect(alice!.git('status', '--porcelain')).toBe('');
    expect(alice!.files('rfcs').filter((f) => /RFC-\d+/.test(f))).toEqual([]);
  });

  it('an unreachable remote is a clear error that changes nothing; --offline numbers locally with a warning', async () => {
    const {
      clones: [alice],
    } = reserving(['Alice']);
    alice!.git('remote', 'set-url', 'origin', path.join(tempDir('archdoc-gone-'), 'missing.git'));
    const r = await alice!.run(['create-rfc', 'Adopt Kafka for events']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: Could not reserve a number on the remote "origin": .+\. Nothing was changed\.$/m);
    expect(r.stderr).toContain('pass --offline');
    expect(alice!.git('status', '--porcelain')).toBe('');
    expect(alice!.files('rfcs').filter((f) => /RFC-\d+/.test(f))).toEqual([]);
    const offline = await alice!.run(['create-rfc', 'Adopt Kafka for events', '--offline']);
    expect(offline.code, offline.stderr).toBe(0);
    expect(offline.stdout).toContain('Created RFC-0001');
    expect(offline.stderr).toContain('not reserved on "origin" (--offline)');
  });
});
