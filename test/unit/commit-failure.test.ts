/** What archdoc says when git's commit fails: one line naming the cause, git's own lines after it, and what to do. */
import { describe, expect, it } from 'vitest';
import { commitFailure, gitFailure, lockFile } from '../../src/adapters/git.js';

describe('a failed commit', () => {
  it("ends git's first line with one period, whether git wrote one or not", () => {
    for (const first of ['error: the hook said no.', 'error: the hook said no', 'error: the hook said no...']) {
      const e = commitFailure(new Error(`${first}\nhook output line\n`));
      expect(e.message).toBe('Nothing changed: git commit failed: error: the hook said no.');
      expect(e.details).toEqual(['  hook output line', 'Fix the cause (a pre-commit hook, say), then run the command again.']);
    }
    // A line of periods alone is kept: the message says something.
    expect(commitFailure(new Error('...\n')).message).toBe('Nothing changed: git commit failed: ....');
  });

  it('says which file lies beyond a symbolic link, and what to do', () => {
    const e = commitFailure(new Error("fatal: pathspec 'docs/adr/README.md' is beyond a symbolic link"));
    expect(e.message).toBe('Nothing changed: git does not commit docs/adr/README.md, which lies beyond a symbolic link.');
  });

  it('names a lock file in the way and how to free it, instead of git advice about editors', () => {
    const message =
      "fatal: Unable to create '/repo/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'.";
    expect(lockFile(message)).toBe('/repo/.git/index.lock');
    const e = commitFailure(new Error(message));
    expect(e.message).toBe('Nothing changed: a git lock file is in the way (/repo/.git/index.lock exists).');
    expect(e.details.join('\n')).toContain('remove the file');
    expect(lockFile('fatal: pathspec did not match any files')).toBeUndefined();
    // git in another language quotes the same path.
    expect(lockFile("fatal: Konnte '/repo/.git/index.lock' nicht erstellen: Die Datei existiert.")).toBe('/repo/.git/index.lock');
    // HEAD's and a branch's locks too, and a path with a quote in it.
    expect(lockFile("fatal: cannot lock ref 'HEAD': Unable to create '/repo/.git/HEAD.lock': File exists.")).toBe('/repo/.git/HEAD.lock');
    expect(lockFile("fatal: Unable to create '/tmp/it's/.git/index.lock': File exists.")).toBe("/tmp/it's/.git/index.lock");
  });

  it("a failed move gives one reason to go in parentheses: the lock file and what to do, or git's first line as it reads", () => {
    expect(gitFailure(new Error("fatal: Unable to create '/r/.git/index.lock': File exists.\n\nAnother git process..."))).toEqual({
      why: 'a git lock file is in the way: /r/.git/index.lock exists',
      hints: expect.arrayContaining([expect.stringContaining('remove the file')]),
    });
    expect(gitFailure(new Error('\nfatal: bad source, source=a.md, destination=b.md.\n'))).toEqual({ why: 'bad source, source=a.md, destination=b.md' });
  });
});
