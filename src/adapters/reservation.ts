/**
 * Number reservation on a shared remote (`numbering: { reserve: <remote> }`): a number is taken by
 * creating the ref `refs/archdoc/ids/<kind>/<number>` there, with a push that only creates it
 * (`--force-with-lease=<ref>:` expects no ref). Two clones that race for one number: git lets one
 * push create the ref and refuses the other, which fetches what is reserved and tries the next.
 * The ref points at a commit (of the empty tree) whose message names the file, title and author,
 * so `check` can say what a number was reserved for.
 */
import { RefusedError } from '../core/errors.js';
import { holderEnv } from './git.js';

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** git, with `input` on stdin, giving back both streams: a push tells a refused ref on stdout and why on stderr. */
async function git(root: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<Ran> {
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('git', args, { cwd: root, env: holderEnv(env), input, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.error) return { code: null, stdout: '', stderr: r.error.message };
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** git's output, or a thrown Error carrying what it printed. */
async function gitOut(root: string, args: string[], env: NodeJS.ProcessEnv, input = ''): Promise<string> {
  const r = await git(root, args, env, input);
  if (r.code !== 0) throw new Error(r.stderr.trim() || r.stdout.trim() || `git ${args[0]} failed`);
  return r.stdout;
}

export const RESERVATION_PREFIX = 'refs/archdoc/ids';

export interface Reservation {
  /** Remote name or URL, from the configuration. */
  remote: string;
  /** Config key of the kind: `rfc`. */
  kindName: string;
  /** The lowest number acceptable: one above every number known here. */
  from: number;
  /** Only `from` will do (`renumber --to`): taken is a refusal, not a reason to try the next. */
  exact?: boolean;
  /** The file name the document will have with number `n`, and its title, recorded with the reservation. */
  basename(n: number): string;
  title: string;
  by: string;
  branch?: string;
}

/** The identity of a reservation's commit: the same for every clone, so no user setting is needed. */
const IDENTITY = { GIT_AUTHOR_NAME: 'archdoc', GIT_AUTHOR_EMAIL: 'archdoc@invalid', GIT_COMMITTER_NAME: 'archdoc', GIT_COMMITTER_EMAIL: 'archdoc@invalid' };

const TAKEN =
  /^!\t[^\n]*\[(rejected\]|remote rejected\] \([^)\n]*(failed to update ref|reference already exists|incorrect old value|but expected|stale info))/m;
/** A reachable remote that refused the ref for its own reasons (a hook, a namespace it does not allow). */
const REFUSED = /^!\t[^\n]*\[remote rejected\] \(([^\n]*)\)$/m;

const refOf = (kindName: string, n: number) => `${RESERVATION_PREFIX}/${kindName}/${n}`;

/** The remote could not be reached (or refused the push for a reason other than the number being taken). */
function unreachable(remote: string, e: unknown): RefusedError {
  const why = String((e as Error)?.message ?? e)
    .split('\n')
    .map((l) => l.replace(/^(fatal|error): /, '').trim())
    .filter(Boolean)[0];
  return new RefusedError(`Could not reserve a number on the remote "${remote}"${why ? `: ${why}` : ''}. Nothing was changed.`, [
    'Try again when the remote can be reached, or pass --offline to number from what this clone knows (check warns if the number collides later).',
  ]);
}

function taken(r: Reservation, n: number): RefusedError {
  return new RefusedError(`Number ${n} is already reserved on "${r.remote}" (${RESERVATION_PREFIX}/${r.kindName}/${n}); nothing was changed.`, [
    'Leave out --to to take the next free number.',
  ]);
}

/** Brings the remote's reservations of the kind here, so the next attempt and `check` see them. */
async function fetchReservations(root: string, env: NodeJS.ProcessEnv, remote: string, kindName: string): Promise<void> {
  const refs = `${RESERVATION_PREFIX}/${kindName}/*`;
  await gitOut(root, ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', remote, `+${refs}:${refs}`], env);
}

async function highestReserved(root: string, env: NodeJS.ProcessEnv, kindName: string): Promise<number> {
  const out = await gitOut(root, ['for-each-ref', '--format=%(refname)', `${RESERVATION_PREFIX}/${kindName}/`], env);
  let max = 0;
  for (const ref of out.split('\n')) {
    const n = Number(ref.slice(ref.lastIndexOf('/') + 1));
    if (ref && Number.isSafeInteger(n) && n > max) max = n;
  }
  return max;
}

/**
 * Reserves the lowest free number at or above `from` on the remote and records it here too.
 * Returns the number. A remote that cannot be reached is a RefusedError that suggests --offline.
 */
export async function reserveNumber(root: string, env: NodeJS.ProcessEnv, r: Reservation): Promise<number> {
  const withIdentity = { ...env, ...IDENTITY };
  try {
    await fetchReservations(root, env, r.remote, r.kindName);
  } catch (e) {
    throw unreachable(r.remote, e);
  }
  const tree = (await gitOut(root, ['mktree'], env)).trim();
  for (let attempt = 0; attempt < 50; attempt++) {
    const n = r.exact ? r.from : Math.max(r.from, (await highestReserved(root, env, r.kindName)) + 1);
    const ref = refOf(r.kindName, n);
    if (r.exact && (await git(root, ['rev-parse', '--verify', '--quiet', ref], env)).code === 0) throw taken(r, n);
    const message = [r.basename(n), '', `title: ${r.title.replace(/\s+/g, ' ')}`, `by: ${r.by}`, ...(r.branch ? [`branch: ${r.branch}`] : [])].join('\n');
    const commit = (await gitOut(root, ['commit-tree', tree], withIdentity, `${message}\n`)).trim();
    const pushed = await git(root, ['push', '--porcelain', '--no-verify', `--force-with-lease=${ref}:`, r.remote, `${commit}:${ref}`], env);
    if (pushed.code !== 0) {
      // `!	<src>:<dst>	[rejected] (stale info)`: someone holds the number; so does a push that lost
      // the race on the remote (`[remote rejected] (failed to update ref)`). Anything else: no remote.
      if (!TAKEN.test(pushed.stdout)) {
        const refused = REFUSED.exec(pushed.stdout);
        if (refused) {
          const said = pushed.stderr
            .split('\n')
            .filter((l) => l.startsWith('remote: '))
            .map((l) => `  ${l}`);
          throw new RefusedError(`The remote "${r.remote}" refused the reservation ${ref} (${refused[1]}); nothing was changed.`, [
            ...said.slice(0, 10),
            `Ask its administrators to allow refs under ${RESERVATION_PREFIX}/, or pass --offline to number from what this clone knows.`,
          ]);
        }
        throw unreachable(r.remote, new Error(pushed.stderr || pushed.stdout));
      }
      if (r.exact) throw taken(r, n);
      try {
        await fetchReservations(root, env, r.remote, r.kindName);
      } catch (again) {
        throw unreachable(r.remote, again);
      }
      continue;
    }
    await gitOut(root, ['update-ref', ref, commit], env);
    return n;
  }
  throw new RefusedError(`Could not reserve a number on "${r.remote}": every attempt found the number taken. Nothing was changed.`, [
    'Many clones are creating at once; run the command again.',
  ]);
}
