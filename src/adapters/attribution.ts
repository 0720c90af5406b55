/**
 * Which of two documents that carry one id (two branches each created RFC-0002, then met) a line
 * of another document means: git blame gives the commit that wrote the line, and the line means
 * the document whose creation that commit descends from. A line written after both, or not yet
 * committed, could mean either: it is left for a person to read.
 */
import { runGit } from './git.js';

export type Side = 'this' | 'other' | 'unknown';

async function ok(root: string, env: NodeJS.ProcessEnv, args: string[]): Promise<boolean> {
  try {
    await runGit(root, args, env);
    return true;
  } catch {
    return false;
  }
}

/** The commit that first added a file of this name, anywhere in the tree; undefined when none did. */
async function creation(root: string, env: NodeJS.ProcessEnv, basename: string): Promise<string | undefined> {
  try {
    // A glob pathspec finds the name in any folder; its own wildcard characters are escaped.
    const name = basename.replace(/[*?[\]\\]/g, '\\$&');
    const out = await runGit(root, ['log', '--format=%H', '--diff-filter=A', '--', `:(glob)**/${name}`], env);
    return out.trim().split('\n').filter(Boolean).pop();
  } catch {
    return undefined;
  }
}

/** The commit that wrote each line of `rel` (1-based), as the work tree has it; uncommitted lines have none. */
async function blame(root: string, env: NodeJS.ProcessEnv, rel: string): Promise<Map<number, string>> {
  const lines = new Map<number, string>();
  let out: string;
  try {
    out = await runGit(root, ['blame', '--porcelain', '--', rel], env);
  } catch {
    return lines;
  }
  // Each group starts `<hash> <orig line> <final line> [<count>]`; an all-zero hash is not committed.
  for (const m of out.matchAll(/^([0-9a-f]{40,64}) \d+ (\d+)(?: \d+)?$/gm)) {
    if (!/^0+$/.test(m[1]!)) lines.set(Number(m[2]), m[1]!);
  }
  return lines;
}

/**
 * A function telling, for a line of one of `files`, whether it was written on the side of the
 * document named `thisName` ('this'), on the side of one of `otherNames` ('other'), or cannot be
 * told ('unknown'). Reads git once per file and once per commit met; call it only for shared ids.
 */
export async function lineSides(
  root: string,
  env: NodeJS.ProcessEnv,
  thisName: string,
  otherNames: string[],
  files: string[],
): Promise<(rel: string, line: number) => Side> {
  const mine = await creation(root, env, thisName);
  const theirs = (await Promise.all(otherNames.map((n) => creation(root, env, n)))).filter((c): c is string => !!c);
  const blames = new Map<string, Map<number, string>>();
  for (const rel of files) blames.set(rel, await blame(root, env, rel));
  const sides = new Map<string, Side>();
  for (const commits of blames.values()) {
    for (const commit of new Set(commits.values())) {
      if (sides.has(commit)) continue;
      const onThis = !!mine && (await ok(root, env, ['merge-base', '--is-ancestor', mine, commit]));
      let onOther = false;
      for (const t of theirs) if (!onOther) onOther = await ok(root, env, ['merge-base', '--is-ancestor', t, commit]);
      sides.set(commit, onThis && !onOther ? 'this' : onOther && !onThis ? 'other' : 'unknown');
    }
  }
  return (rel, line) => {
    const commit = blames.get(rel)?.get(line);
    return commit ? (sides.get(commit) ?? 'unknown') : 'unknown';
  };
}
