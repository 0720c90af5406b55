/**
 * The documents on the repository's other branches (local and remote-tracking) and in number
 * reservations, read without checking anything out: one `git for-each-ref` lists every branch and
 * reservation, then one `git cat-file --batch` per depth of the kinds' folders reads the trees
 * there, each tree once however many branches share it. Nothing else is started, so a repository
 * with no other branch and no reservation costs the one for-each-ref. What is made of the result
 * is decided in src/core/elsewhere.ts.
 */
import type { Config } from '../core/config.js';
import type { ElsewhereDoc } from '../core/elsewhere.js';
import { formatId } from '../core/ids.js';
import { numberOfName } from '../core/file-names.js';
import type { KindDef } from '../core/kinds.js';
import { GitError, runGit, runGitBytes } from './git.js';
import { RESERVATION_PREFIX } from './reservation.js';
import { kindOfPath } from './store.js';

export type { ElsewhereDoc };

/**
 * A tree as the walk needs it: its sub-folders worth entering, as [name, object id], and its
 * Markdown files, as [name, offset of the object id in `body`] (most ids are never needed: only
 * one blob per document is kept, so they are read from the bytes when wanted).
 */
interface Tree {
  dirs: Array<[string, string]>;
  files: Array<[string, number]>;
  body: Buffer;
  idBytes: number;
}

const blobOf = (tree: Tree, at: number) => tree.body.toString('hex', at, at + tree.idBytes);

/** One object `git cat-file --batch` gave back; undefined in its place for a name that resolves to nothing. */
interface BatchObject {
  oid: string;
  type: string;
  body: Buffer;
}

const OID = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const HEADER = /^([0-9a-f]{40}(?:[0-9a-f]{24})?) ([a-z]+) (\d+)$/;
// Object id, object type, `*` on the branch HEAD is on, the target of a symbolic ref, the ref name.
const REF_FORMAT = '%(objectname)%00%(objecttype)%00%(HEAD)%00%(symref)%00%(refname)';

/** The objects `requests` name, in their order: one `git cat-file --batch` for them all. */
async function catFile(root: string, env: NodeJS.ProcessEnv, requests: string[]): Promise<Array<BatchObject | undefined>> {
  if (requests.length === 0) return [];
  // --buffer: git writes its output in large blocks rather than flushing after every object.
  const out = await runGitBytes(root, ['cat-file', '--batch', '--buffer'], env, requests.map((r) => `${r}\n`).join(''));
  const objects: Array<BatchObject | undefined> = [];
  let at = 0;
  for (let i = 0; i < requests.length && at < out.length; i++) {
    const eol = out.indexOf(0x0a, at);
    if (eol === -1) break;
    // `<oid> <type> <size>`, then the object and a newline; else `<request> missing` (or ambiguous) alone.
    const m = HEADER.exec(out.toString('latin1', at, eol));
    if (!m) {
      objects.push(undefined);
      at = eol + 1;
      continue;
    }
    const size = Number(m[3]);
    objects.push({ oid: m[1]!, type: m[2]!, body: out.subarray(eol + 1, eol + 1 + size) });
    at = eol + 1 + size + 1;
  }
  return objects;
}

/**
 * A binary tree object: entries `<mode> <name>\0<id bytes>`, the id as long as the tree's own
 * (20 bytes in a sha1 repository, 32 in a sha256 one). Folders the store's walk would not enter
 * (dot folders, node_modules) are left out, and so are files other than regular `.md` ones.
 */
function parseTree(body: Buffer, idBytes: number): Tree {
  const tree: Tree = { dirs: [], files: [], body, idBytes };
  for (let at = 0; at < body.length; ) {
    const space = body.indexOf(0x20, at);
    const nul = space === -1 ? -1 : body.indexOf(0, space + 1);
    if (nul === -1 || nul + 1 + idBytes > body.length) break;
    const modeLength = space - at;
    const start = at;
    at = nul + 1 + idBytes;
    // By the mode's bytes, not its number: `40000` a folder, `100644` or `100755` a file.
    if (modeLength === 5 && body[start] === 0x34) {
      const name = body.toString('utf8', space + 1, nul);
      if (name !== 'node_modules' && !name.startsWith('.')) tree.dirs.push([name, body.toString('hex', nul + 1, at)]);
    } else if (modeLength === 6 && body[start] === 0x31 && body[start + 1] === 0x30 && body[start + 2] === 0x30 && isMarkdown(body, nul)) {
      tree.files.push([body.toString('utf8', space + 1, nul), nul + 1]);
    }
  }
  return tree;
}

/** Whether the name ending at `end` ends in `.md`, in any case, read from its bytes. */
function isMarkdown(body: Buffer, end: number): boolean {
  return body[end - 3] === 0x2e && (body[end - 2]! | 0x20) === 0x6d && (body[end - 1]! | 0x20) === 0x64;
}

/** The reserved file name and title a reservation's commit records: its subject, then `title: …`. */
function reservationMessage(commit: Buffer): { basename: string; title?: string } {
  const text = commit.toString('utf8');
  const start = text.indexOf('\n\n');
  const lines = start === -1 ? [] : text.slice(start + 2).split('\n');
  const subject = (lines[0] ?? '').trim();
  const title = lines
    .find((l) => l.startsWith('title:'))
    ?.slice('title:'.length)
    .trim();
  return { basename: subject.slice(subject.lastIndexOf('/') + 1), ...(title ? { title } : {}) };
}

interface Reservation {
  kindName: string;
  kind: KindDef;
  num: number;
  commit: string;
}

/**
 * Every document id on the repository's other branches and in its number reservations. A branch
 * is any local or remote-tracking branch whose commit is not HEAD's; a document is a `.md` file in
 * a kind's folder whose name carries a number (`RFC-0007-x.md`). One file name found on several
 * branches is one entry naming them all. Never throws for what git says or lacks: outside a
 * repository, or when git fails, there is nothing elsewhere.
 */
export async function idsElsewhere(root: string, env: NodeJS.ProcessEnv, config: Config): Promise<ElsewhereDoc[]> {
  try {
    return await readElsewhere(root, env, config);
  } catch (e) {
    if (e instanceof GitError) return [];
    throw e;
  }
}

async function readElsewhere(root: string, env: NodeJS.ProcessEnv, config: Config): Promise<ElsewhereDoc[]> {
  const listed = await runGit(root, ['for-each-ref', `--format=${REF_FORMAT}`, 'refs/heads', 'refs/remotes', RESERVATION_PREFIX], env);
  /** Branch names by commit, and every branch with its commit, both in for-each-ref's order (by name). */
  const commits = new Map<string, string[]>();
  const branches: Array<[string, string]> = [];
  const reservations: Reservation[] = [];
  let headCommit: string | undefined;
  for (const line of listed.split('\n')) {
    const [oid, type, head, symref, refname] = line.split('\0');
    if (refname === undefined || !OID.test(oid!)) continue;
    if (refname.startsWith(`${RESERVATION_PREFIX}/`)) {
      // refs/archdoc/ids/<kind>/<number>
      const parts = refname.slice(RESERVATION_PREFIX.length + 1).split('/');
      const kindName = parts[0]!;
      const kind = Object.hasOwn(config.kinds, kindName) ? config.kinds[kindName] : undefined;
      if (parts.length === 2 && kind && /^\d{1,9}$/.test(parts[1]!) && type === 'commit')
        reservations.push({ kindName, kind, num: Number(parts[1]), commit: oid! });
      continue;
    }
    if (head === '*') headCommit = oid;
    if (symref || head === '*' || type !== 'commit') continue; // origin/HEAD names a branch listed anyway
    const name = refname.replace(/^refs\/(?:heads|remotes)\//, '');
    branches.push([name, oid!]);
    const names = commits.get(oid!);
    if (names) names.push(name);
    else commits.set(oid!, [name]);
  }
  if (headCommit) commits.delete(headCommit);

  // The kinds whose files the walk looks for, each with the folders of kinds nested in its own (whose
  // files are theirs), as kindOfPath decides; a kind that another with the same folder shadows has none.
  const kinds = Object.entries(config.kinds)
    .filter(([, kind]) => insideRoot(kind.folder) && kindOfPath(config, `${kind.folder}/x.md`) === kind)
    .map(([kindName, kind]) => ({
      kindName,
      kind,
      nested: new Set(
        Object.values(config.kinds)
          .map((k) => k.folder)
          .filter((f) => f.startsWith(`${kind.folder}/`)),
      ),
    }));
  const folders = [...new Set(kinds.map((k) => k.kind.folder))];
  if (folders.length === 0) commits.clear();
  if (commits.size === 0 && reservations.length === 0) return [];

  // First read: HEAD's commit when no branch is marked as HEAD's (detached, or not born yet: a
  // branch on HEAD's commit is no other branch), the reservations' commits, and each kind folder
  // of each branch's commit (`./`: relative to the root, which may lie below the top of the work tree).
  const askHead = headCommit === undefined && commits.size > 0;
  const folderRequests: Array<{ commit: string; folder: string }> = [];
  for (const commit of commits.keys()) for (const folder of folders) folderRequests.push({ commit, folder });
  const requests = [...(askHead ? ['HEAD'] : []), ...reservations.map((r) => r.commit), ...folderRequests.map(({ commit, folder }) => `${commit}:./${folder}`)];
  const first = await catFile(root, env, requests);
  let at = 0;
  if (askHead) {
    const head = first[at++];
    if (head?.type === 'commit') commits.delete(head.oid);
  }
  const found: ElsewhereDoc[] = [];
  for (const r of reservations) {
    const object = first[at++];
    if (object?.type !== 'commit') continue;
    const id = formatId(r.kind.prefix, r.num, config.idPadding);
    const { basename, title } = reservationMessage(object.body);
    const name = basename || id;
    found.push({ kindName: r.kindName, num: r.num, id, path: name, basename: name, refs: ['reserved'], ...(title ? { title } : {}) });
  }

  // The trees, level by level: one cat-file per depth, each tree asked for once.
  const trees = new Map<string, Tree>();
  const roots = new Map<string, string>(); // `<commit>\0<folder>` → tree
  for (const { commit, folder } of folderRequests) {
    const object = first[at++];
    if (object?.type !== 'tree' || !commits.has(commit)) continue;
    roots.set(`${commit}\0${folder}`, object.oid);
    if (!trees.has(object.oid)) trees.set(object.oid, parseTree(object.body, object.oid.length / 2));
  }
  const entered = new Set<string>(roots.values());
  for (let level = [...new Set(roots.values())]; level.length > 0; ) {
    const next: string[] = [];
    for (const oid of level) {
      for (const [, sub] of trees.get(oid)?.dirs ?? []) {
        if (entered.has(sub)) continue;
        entered.add(sub);
        next.push(sub);
      }
    }
    const unread = next.filter((oid) => !trees.has(oid));
    const objects = await catFile(root, env, unread);
    unread.forEach((oid, i) => {
      const object = objects[i];
      trees.set(oid, object?.type === 'tree' ? parseTree(object.body, oid.length / 2) : parseTree(Buffer.alloc(0), 0));
    });
    level = next;
  }

  // Every branch's documents, one entry per kind and file name. The walk goes down a kind's folders
  // a depth at a time, each folder (a tree at a path) once with every branch that has it.
  // Branches by the index of their commit in `commits`: an entry marks the commits it is on.
  const index = new Map([...commits.keys()].map((commit, i) => [commit, i]));
  const owners = branches.flatMap(([name, commit]) => (index.has(commit) ? [[name, index.get(commit)!] as const] : []));
  for (const { kindName, kind, nested } of kinds) {
    // By file name: the entry, or null for a name that carries no number of the kind.
    const byName = new Map<string, { doc: ElsewhereDoc; first: number; on: Uint8Array } | null>();
    let level = new Map<string, Folder>();
    for (const [commit, i] of index) {
      const top = roots.get(`${commit}\0${kind.folder}`);
      if (top) reach(level, kind.folder, top, [i]);
    }
    while (level.size > 0) {
      const next = new Map<string, Folder>();
      for (const { dir, oid, on } of level.values()) {
        const tree = trees.get(oid)!;
        const first = on.reduce((a, b) => Math.min(a, b));
        for (const [basename, blobAt] of tree.files) {
          let entry = byName.get(basename);
          if (entry === undefined) {
            const num = numberOfName(kind, basename);
            const doc =
              num === undefined
                ? undefined
                : {
                    kindName,
                    num,
                    id: formatId(kind.prefix, num, config.idPadding),
                    path: `${dir}/${basename}`,
                    basename,
                    refs: [],
                    blob: blobOf(tree, blobAt),
                  };
            entry = doc ? { doc, first, on: new Uint8Array(index.size) } : null;
            byName.set(basename, entry);
          } else if (entry && first < entry.first) {
            // Path and blob as the first branch (in for-each-ref's order) has them.
            entry.first = first;
            entry.doc.path = `${dir}/${basename}`;
            entry.doc.blob = blobOf(tree, blobAt);
          }
          if (entry) for (const i of on) entry.on[i] = 1;
        }
        for (const [name, sub] of tree.dirs) {
          const rel = `${dir}/${name}`;
          if (!nested.has(rel)) reach(next, rel, sub, on);
        }
      }
      level = next;
    }
    for (const entry of byName.values()) {
      if (!entry) continue;
      for (const [name, i] of owners) if (entry.on[i]) entry.doc.refs.push(name);
      found.push(entry.doc);
    }
  }
  return found.sort((a, b) =>
    a.kindName < b.kindName ? -1 : a.kindName > b.kindName ? 1 : a.num - b.num || (a.basename < b.basename ? -1 : a.basename > b.basename ? 1 : 0),
  );
}

/** Whether a kind's folder can be asked of cat-file: one line, inside the root (the configuration's schema says as much). */
function insideRoot(folder: string): boolean {
  return folder !== '' && !/\p{Cc}/u.test(folder) && !folder.startsWith('/') && !folder.split('/').includes('..');
}

/** A folder on the way down: a tree at a path, and the branches (by index) that have it there. */
interface Folder {
  dir: string;
  oid: string;
  on: number[];
}

function reach(level: Map<string, Folder>, dir: string, oid: string, on: number[]): void {
  const key = `${dir}\0${oid}`;
  const folder = level.get(key);
  if (folder) folder.on.push(...on);
  else level.set(key, { dir, oid, on: [...on] });
}

/**
 * The text of each blob, by its object id: one `git cat-file --batch` for them all, none when
 * there are none. A blob git does not have is left out, as is everything when git fails.
 */
export async function readBlobTexts(root: string, env: NodeJS.ProcessEnv, blobs: string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  const wanted = [...new Set(blobs)].filter((b) => OID.test(b));
  try {
    const objects = await catFile(root, env, wanted);
    wanted.forEach((oid, i) => {
      const object = objects[i];
      if (object?.type === 'blob') texts.set(oid, object.body.toString('utf8'));
    });
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
  }
  return texts;
}
