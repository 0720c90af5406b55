/**
 * The person's editor, as git starts it: `$VISUAL`, else `$EDITOR`, else git's `core.editor`, else
 * `vi`; run as `sh -c '<editor> "$@"' <editor> <file>`, so the variable may hold arguments and
 * quotes (`code --wait`, `"/opt/My Editor/bin/ed" -n`), and the file is an argument of its own,
 * never part of the shell's text. The editor gets archdoc's terminal; archdoc waits for it.
 */

/** The editor command to run: the first set of `$VISUAL`, `$EDITOR`, git's `core.editor`, then `vi`. */
export async function editorCommand(env: NodeJS.ProcessEnv, coreEditor: () => Promise<string | undefined>): Promise<string> {
  for (const value of [env.VISUAL, env.EDITOR]) if (value?.trim()) return value.trim();
  return (await coreEditor())?.trim() || 'vi';
}

/** How an editor run ended: its exit code, or the signal that ended it. */
export interface EditorExit {
  code: number | null;
  signal?: string;
  /** The shell could not be started at all. */
  error?: string;
}

/** Starts an editor on a file at the terminal; resolves when it ends. */
export type EditorRunner = (command: string, file: string, options: { cwd: string; env: NodeJS.ProcessEnv }) => Promise<EditorExit>;

/**
 * Runs `command` on `file` through `sh -c`, with archdoc's standard streams. While the editor runs,
 * Ctrl-C and Ctrl-\ are the editor's (git does the same): archdoc ignores them and waits.
 */
export const runEditor: EditorRunner = async (command, file, { cwd, env }) => {
  // Loaded here: child_process costs a few ms to load, and only an editor needs it.
  const { spawn } = await import('node:child_process');
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGQUIT', ignore);
  try {
    return await new Promise<EditorExit>((resolve) => {
      const child = spawn('sh', ['-c', `${command} "$@"`, command, file], { cwd, env, stdio: 'inherit' });
      child.on('error', (e) => resolve({ code: null, error: e.message }));
      child.on('close', (code, signal) => resolve({ code, ...(signal ? { signal } : {}) }));
    });
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGQUIT', ignore);
  }
};
