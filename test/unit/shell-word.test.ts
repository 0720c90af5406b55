/** Words archdoc prints in a command for pasting read back, through a real POSIX shell, as the words they were. */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/terminal/output.js';

describe('shellWord', () => {
  it('gives back every word through sh, quoted singly or doubly', () => {
    const words = fc
      .sample(
        fc.oneof(
          fc.string({
            unit: fc.constantFrom(
              'a',
              ' ',
              "'",
              '"',
              '$',
              '`',
              '\\',
              ';',
              '|',
              '&',
              '*',
              '?',
              '(',
              ')',
              '<',
              '>',
              '~',
              '#',
              '!',
              '{',
              '}',
              '\n',
              'é',
              '-',
              '=',
            ),
          }),
          fc.string({ unit: 'grapheme', maxLength: 12 }),
        ),
        { numRuns: 400, seed: 7 },
      )
      .filter((w) => !w.includes('\0'));
    for (const double of [false, true]) {
      // One shell for all of them: printf writes each word back, ended by a NUL.
      const script = `printf '%s\\0' ${words.map((w) => shellWord(w, double)).join(' ')}`;
      const back = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
      expect(back).toEqual(words);
    }
  });

  it('leaves a word the shell reads as it is alone', () => {
    expect(shellWord('RFC-0001')).toBe('RFC-0001');
    expect(shellWord('docs/my index.md')).toBe("'docs/my index.md'");
    expect(shellWord('Adopt PostgreSQL', true)).toBe('"Adopt PostgreSQL"');
  });
});
