/**
 * Output: colour and the two streams. Colour is off for non-TTY output and when NO_COLOR is set
 * (chalk alone ignores NO_COLOR on a TTY), and on with FORCE_COLOR.
 */
import { Chalk, type ChalkInstance } from 'chalk';

export interface Output {
  out(text?: string): void;
  err(text?: string): void;
  c: ChalkInstance;
}

export function colourLevel(env: NodeJS.ProcessEnv, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') return force === '2' ? 2 : force === '3' ? 3 : 1;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (force === '0' || force === 'false') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}

export function consoleOutput(): Output {
  const c = new Chalk({ level: colourLevel(process.env, process.stdout.isTTY === true) });
  return {
    out: (t = '') => process.stdout.write(t + '\n'),
    err: (t = '') => process.stderr.write(t + '\n'),
    c,
  };
}

/** Pads cells to aligned columns; the last column is not padded. Widths count code points. */
export function table(rows: string[][], maxWidths: number[] = []): string[] {
  const len = (s: string) => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => (widths[i] = Math.min(Math.max(widths[i] ?? 0, len(cell)), maxWidths[i] ?? Infinity)));
  return rows.map((r) =>
    r
      .map((cell, i) => {
        const max = maxWidths[i] ?? Infinity;
        let text = cell;
        if (len(text) > max) text = [...text].slice(0, max - 1).join('') + '…';
        return i === r.length - 1 ? text : text + ' '.repeat(Math.max(0, widths[i]! - len(text)));
      })
      .join('  ')
      .trimEnd(),
  );
}
