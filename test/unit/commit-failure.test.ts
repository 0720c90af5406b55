/** What archdoc says when git's commit fails: one line naming the cause, git's own lines after it, and what to do. */
import { describe, expect, it } from 'vitest';
import { commitFailure, lockedIndex } from '../../src/adapters/git.js';

describe('a failed commit', () => {
  it("ends git's first line with one period, whether git wrote one or not", () => {
    for (const first of ['error: the hook said no.', 'error: the hook said no', 'error: the hook said no...']) {
      const e = commitFailure(new Error(`${first}\nhook output line\n`));
      expect(e.message).toBe('Nothing changed: git commit failed: error: the hook said no.');
      expect(e.details).toEqual(['  hook output line', 'Fix the cause (a pre-commit hook, say), then run the command again.']);
    }
  });

  it('names a locked index and how to free it, instead of git advice about editors', () => {
    const message =
      "fatal: Unable to create '/repo/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\nan editor opened by 'git commit'.";
    expect(lockedIndex(message)).toBe('/repo/.git/index.lock');
    const e = commitFailure(new Error(message));
    expect(e.message).toBe("Nothing changed: git's index is locked (/repo/.git/index.lock exists).");
    expect(e.details.join('\n')).toContain('remove the file');
    expect(lockedIndex('fatal: pathspec did not match any files')).toBeUndefined();
    // git in another language quotes the same path.
    expect(lockedIndex("fatal: Konnte '/repo/.git/index.lock' nicht erstellen: Die Datei existiert.")).toBe('/repo/.git/index.lock');
  });
});
