/**
 * idsElsewhere and readBlobTexts against real git repositories in temp folders: what other
 * branches and reservations hold, and how many git processes it took to learn it (counted with
 * GIT_TRACE, which logs every git command started).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { idsElsewhere, readBlobTexts } from '../../src/adapters/branches.js';
import { type Config, DEFAULT_CONFIG } from '../../src/core/config.js';
import { DEFAULT_KINDS } from '../../src/core/kinds.js';
import { tempDir, testEnv } from '../helpers.js';

interface TestRepo {
  dir: string;
  env: NodeJS.ProcessEnv;
  git(...args: string[]): string;
  write(rel: string, text?: string): void;
  move(from: string, to: string): void;
  commit(message: string): string;
  /** The git commands idsElsewhere started, by name (`for-each-ref`, `cat-file`). */
  traced(config?: Config, root?: string): Promise<{ found: Awaited<ReturnType<typeof idsElsewhere>>; commands: string[] }>;
}

function makeRepo(opts: { objectFormat?: 'sha256'; commit?: boolean } = {}): TestRepo {
  const dir = tempDir();
  const env = testEnv(tempDir('archdoc-home-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '--quiet', '-b', 'main', ...(opts.objectFormat ? [`--object-format=${opts.objectFormat}`] : []));
  git('config', 'user.name', 'Test Author');
  git('config', 'user.email', 'test@example.com');
  git('config', 'commit.gpgsign', 'false');
  const repo: TestRepo = {
    dir,
    env,
    git,
    write(rel, text = `# ${rel}\n`) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    },
    move(from, to) {
      fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      git('mv', from, to);
    },
    commit(message) {
      git('add', '--all');
      git('commit', '--quiet', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD');
    },
    async traced(config = DEFAULT_CONFIG, root = dir) {
      const trace = path.join(tempDir('archdoc-trace-'), 'trace');
      const found = await idsElsewhere(root, { ...env, GIT_TRACE: trace }, config);
      const log = fs.existsSync(trace) ? fs.readFileSync(trace, 'utf8') : '';
      const commands = [...log.matchAll(/trace: built-in: git ([\w-]+)/g)].map((m) => m[1]!);
      return { found, commands };
    },
  };
  if (opts.commit !== false) {
    repo.write('rfcs/draft/RFC-0001-first.md');
    repo.commit('first');
  }
  return repo;
}

const summary = (found: Awaited<ReturnType<typeof idsElsewhere>>) => found.map((d) => `${d.id} ${d.path} [${d.refs.join(', ')}]`);

describe('idsElsewhere', () => {
  it('finds the documents of every kind folder on other branches, and nothing of the current one', async () => {
    const repo = makeRepo();
    repo.git('branch', 'same-as-main'); // HEAD's commit: nothing there is elsewhere
    repo.git('switch', '--quiet', '-c', 'feature/x');
    repo.write('rfcs/review/RFC-0002-adopt-kafka.md');
    repo.write('tech-specs/draft/TS-0003-event-bus.md');
    repo.write('docs/adr/ADR-0004-use-postgres.md');
    repo.write('rfcs/README.md'); // no number
    repo.write('rfcs/draft/RFC-0005-notes.txt'); // not Markdown
    repo.write('rfcs/.drafts/RFC-0006-hidden.md'); // a dot folder, which the store's walk skips
    repo.write('rfcs/node_modules/RFC-0007-vendored.md');
    repo.write('elsewhere/RFC-0008-outside.md'); // outside every kind folder
    repo.write('tech-specs/draft/RFC-0009-wrong-prefix.md');
    repo.commit('feature');
    repo.git('switch', '--quiet', 'main');
    repo.write('rfcs/draft/RFC-0010-uncommitted-here.md');
    repo.commit('main moves on');

    const { found, commands } = await repo.traced();
    expect(summary(found)).toEqual([
      'ADR-0004 docs/adr/ADR-0004-use-postgres.md [feature/x]',
      'RFC-0001 rfcs/draft/RFC-0001-first.md [feature/x, same-as-main]',
      'RFC-0002 rfcs/review/RFC-0002-adopt-kafka.md [feature/x]',
      'TS-0003 tech-specs/draft/TS-0003-event-bus.md [feature/x]',
    ]);
    const kafka = found.find((d) => d.id === 'RFC-0002')!;
    expect(kafka).toEqual({
      kindName: 'rfc',
      num: 2,
      id: 'RFC-0002',
      path: 'rfcs/review/RFC-0002-adopt-kafka.md',
      basename: 'RFC-0002-adopt-kafka.md',
      refs: ['feature/x'],
      blob: repo.git('rev-parse', 'feature/x:rfcs/review/RFC-0002-adopt-kafka.md'),
    });
    // One listing; then the kind folders, and one more read per depth below them (rfcs/review, rfcs/draft).
    expect(commands).toEqual(['for-each-ref', 'cat-file', 'cat-file']);
  });

  it('names local and remote-tracking branches that hold one file, and skips origin/HEAD and what equals HEAD', async () => {
    const upstream = makeRepo();
    upstream.git('switch', '--quiet', '-c', 'feature/x');
    upstream.write('rfcs/draft/RFC-0002-adopt-kafka.md');
    upstream.commit('kafka');
    upstream.git('switch', '--quiet', 'main');
    const bare = tempDir();
    upstream.git('clone', '--quiet', '--bare', upstream.dir, bare);

    const repo = makeRepo({ commit: false });
    repo.git('remote', 'add', 'origin', bare);
    repo.git('fetch', '--quiet', 'origin');
    repo.git('remote', 'set-head', 'origin', 'main');
    repo.git('switch', '--quiet', 'main'); // from origin/main
    repo.git('branch', '--quiet', 'feature/x', 'origin/feature/x');
    expect(repo.git('symbolic-ref', 'refs/remotes/origin/HEAD')).toBe('refs/remotes/origin/main');

    const { found } = await repo.traced();
    expect(summary(found)).toEqual([
      'RFC-0001 rfcs/draft/RFC-0001-first.md [feature/x, origin/feature/x]',
      'RFC-0002 rfcs/draft/RFC-0002-adopt-kafka.md [feature/x, origin/feature/x]',
    ]);
  });

  it('keeps one entry for a document moved to another status folder, at the path of the first branch that has it', async () => {
    const repo = makeRepo();
    repo.git('switch', '--quiet', '-c', 'in-review');
    repo.move('rfcs/draft/RFC-0001-first.md', 'rfcs/review/RFC-0001-first.md');
    repo.commit('review');
    repo.git('switch', '--quiet', '-c', 'approved');
    repo.move('rfcs/review/RFC-0001-first.md', 'rfcs/approved/RFC-0001-first.md');
    repo.commit('approve');
    repo.git('switch', '--quiet', 'main');
    repo.write('rfcs/draft/RFC-0002-next.md');
    repo.commit('next');

    const found = await idsElsewhere(repo.dir, repo.env, DEFAULT_CONFIG);
    expect(summary(found)).toEqual(['RFC-0001 rfcs/approved/RFC-0001-first.md [approved, in-review]']);
  });

  it('reads a tree shared by many branches once, and names every branch on each of its files', async () => {
    const repo = makeRepo();
    for (let n = 100; n < 120; n++) repo.write(`rfcs/completed/RFC-0${n}-done-${n}.md`);
    repo.commit('completed ones');
    const branches = Array.from({ length: 25 }, (_, i) => `topic/${String(i).padStart(2, '0')}`);
    for (const [i, branch] of branches.entries()) {
      repo.git('switch', '--quiet', '-c', branch, 'main');
      repo.write(`rfcs/draft/RFC-0${200 + i}-topic-${i}.md`);
      repo.commit(branch);
    }
    repo.git('switch', '--quiet', 'main');

    const { found, commands } = await repo.traced();
    expect(found).toHaveLength(1 + 20 + 25);
    for (const doc of found.filter((d) => d.num < 200)) expect(doc.refs).toEqual(branches);
    for (const [i, branch] of branches.entries()) expect(found.find((d) => d.num === 200 + i)?.refs).toEqual([branch]);
    // The shared rfcs/completed is one tree: the whole walk is one read of the 25 rfcs folders and one of what lies below.
    expect(commands).toEqual(['for-each-ref', 'cat-file', 'cat-file']);
  });

  it('gives each reservation of a known kind, with its title, in the same read as the branches', async () => {
    const repo = makeRepo();
    const empty = repo.git('hash-object', '-t', 'tree', '/dev/null');
    const reserve = (ref: string, message: string) => repo.git('update-ref', ref, repo.git('commit-tree', empty, '-m', message));
    reserve('refs/archdoc/ids/rfc/7', 'RFC-0007-adopt-kafka.md\n\ntitle: Adopt Kafka\nby: Ann\nbranch: feature/kafka');
    reserve('refs/archdoc/ids/tech-spec/12', 'TS-0012-bus.md\n\nby: Bo');
    reserve('refs/archdoc/ids/prd/3', 'PRD-0003-unknown-kind.md\n\ntitle: Ignored');
    reserve('refs/archdoc/ids/rfc/not-a-number', 'RFC-0099-x.md\n\ntitle: Ignored');

    const only = await repo.traced();
    expect(only.found).toEqual([
      {
        kindName: 'rfc',
        num: 7,
        id: 'RFC-0007',
        path: 'RFC-0007-adopt-kafka.md',
        basename: 'RFC-0007-adopt-kafka.md',
        refs: ['reserved'],
        title: 'Adopt Kafka',
      },
      { kindName: 'tech-spec', num: 12, id: 'TS-0012', path: 'TS-0012-bus.md', basename: 'TS-0012-bus.md', refs: ['reserved'] },
    ]);
    expect(only.commands).toEqual(['for-each-ref', 'cat-file']);

    repo.git('switch', '--quiet', '-c', 'other');
    repo.write('rfcs/draft/RFC-0007-adopt-kafka.md');
    repo.commit('kafka');
    repo.git('switch', '--quiet', 'main');
    const both = await repo.traced();
    expect(summary(both.found)).toEqual([
      'RFC-0001 rfcs/draft/RFC-0001-first.md [other]',
      'RFC-0007 RFC-0007-adopt-kafka.md [reserved]',
      'RFC-0007 rfcs/draft/RFC-0007-adopt-kafka.md [other]',
      'TS-0012 TS-0012-bus.md [reserved]',
    ]);
    expect(both.commands).toEqual(['for-each-ref', 'cat-file', 'cat-file']);
  });

  it('starts only the one for-each-ref when there is no other branch', async () => {
    const repo = makeRepo();
    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    const { found, commands } = await repo.traced();
    expect(found).toEqual([]);
    expect(commands).toEqual(['for-each-ref']);
  });

  it('returns nothing in a repository with no commit yet', async () => {
    const repo = makeRepo({ commit: false });
    repo.write('rfcs/draft/RFC-0001-first.md');
    const { found, commands } = await repo.traced();
    expect(found).toEqual([]);
    expect(commands).toEqual(['for-each-ref']);
  });

  it('on an unborn branch, every branch is another', async () => {
    const repo = makeRepo();
    repo.git('switch', '--quiet', '--orphan', 'fresh');
    const found = await idsElsewhere(repo.dir, repo.env, DEFAULT_CONFIG);
    expect(summary(found)).toEqual(['RFC-0001 rfcs/draft/RFC-0001-first.md [main]']);
  });

  it('with HEAD detached, skips the branches on its commit and reads the others', async () => {
    const repo = makeRepo();
    repo.git('switch', '--quiet', '-c', 'feature');
    repo.write('rfcs/draft/RFC-0002-second.md');
    repo.commit('second');
    repo.git('switch', '--quiet', '--detach', 'main');
    const { found, commands } = await repo.traced();
    expect(summary(found)).toEqual(['RFC-0001 rfcs/draft/RFC-0001-first.md [feature]', 'RFC-0002 rfcs/draft/RFC-0002-second.md [feature]']);
    expect(commands).toEqual(['for-each-ref', 'cat-file', 'cat-file']);
  });

  it('reads folders and file names with spaces and non-ASCII letters, a root below the top of the work tree, and nested kinds', async () => {
    const repo = makeRepo();
    const config: Config = {
      ...DEFAULT_CONFIG,
      kinds: {
        ...DEFAULT_KINDS,
        rfc: { ...DEFAULT_KINDS.rfc!, folder: 'design docs/rfcs' },
        note: { ...DEFAULT_KINDS.rfc!, name: 'note', prefix: 'NOTE', folder: 'design docs/rfcs/notes' },
      },
    };
    repo.write('handbook/README.md'); // the root: the folder archdoc's configuration is in
    repo.commit('handbook');
    repo.git('switch', '--quiet', '-c', 'spaces');
    repo.write('handbook/design docs/rfcs/draft/RFC-0003-café au lait.md');
    repo.write('handbook/design docs/rfcs/notes/NOTE-0004-a note.md');
    repo.write('handbook/design docs/rfcs/notes/RFC-0005-not-an-rfc.md'); // in the notes kind's folder
    repo.commit('spaces');
    repo.git('switch', '--quiet', 'main');
    const found = await idsElsewhere(path.join(repo.dir, 'handbook'), repo.env, config);
    expect(summary(found)).toEqual([
      'NOTE-0004 design docs/rfcs/notes/NOTE-0004-a note.md [spaces]',
      'RFC-0003 design docs/rfcs/draft/RFC-0003-café au lait.md [spaces]',
    ]);
    expect(found[1]!.blob).toBe(repo.git('rev-parse', 'spaces:handbook/design docs/rfcs/draft/RFC-0003-café au lait.md'));
  });

  it('reads a sha256 repository', async () => {
    const repo = makeRepo({ objectFormat: 'sha256' });
    repo.git('switch', '--quiet', '-c', 'feature');
    repo.write('docs/adr/deep/er/ADR-0002-deep.md');
    repo.commit('deep');
    repo.git('switch', '--quiet', 'main');
    const found = await idsElsewhere(repo.dir, repo.env, DEFAULT_CONFIG);
    expect(summary(found)).toEqual(['ADR-0002 docs/adr/deep/er/ADR-0002-deep.md [feature]', 'RFC-0001 rfcs/draft/RFC-0001-first.md [feature]']);
    expect(found[0]!.blob).toMatch(/^[0-9a-f]{64}$/);
  });

  it('returns nothing outside a repository, or when git cannot be run', async () => {
    expect(await idsElsewhere(tempDir(), testEnv(tempDir()), DEFAULT_CONFIG)).toEqual([]);
    const repo = makeRepo();
    repo.git('branch', 'other');
    repo.git('commit', '--quiet', '--allow-empty', '-m', 'move on');
    expect(await idsElsewhere(repo.dir, { ...repo.env, PATH: tempDir() }, DEFAULT_CONFIG)).toEqual([]);
  });
});

describe('readBlobTexts', () => {
  it('reads the texts of the blobs asked for in one process, leaving out what git does not have', async () => {
    const repo = makeRepo();
    repo.write('rfcs/draft/RFC-0002-ünïcode.md', '---\ntitle: Ünïcode\n---\n');
    repo.commit('second');
    const one = repo.git('rev-parse', 'HEAD:rfcs/draft/RFC-0001-first.md');
    const two = repo.git('rev-parse', 'HEAD:rfcs/draft/RFC-0002-ünïcode.md');
    const texts = await readBlobTexts(repo.dir, repo.env, [one, two, one, '0'.repeat(40), 'not an id\nHEAD']);
    expect(texts).toEqual(
      new Map([
        [one, '# rfcs/draft/RFC-0001-first.md\n'],
        [two, '---\ntitle: Ünïcode\n---\n'],
      ]),
    );
    expect(await readBlobTexts(repo.dir, repo.env, [])).toEqual(new Map());
    expect(await readBlobTexts(tempDir(), repo.env, [one])).toEqual(new Map());
  });
});
