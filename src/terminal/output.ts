/**
 * Output: colour and the two streams. Colour is off for non-TTY output and when NO_COLOR is set
 * (chalk alone ignores NO_COLOR on a TTY), and on with FORCE_COLOR.
 */
import { colourLevel } from './stdio.js';
import type { System } from './system.js';

export { colourLevel };

/** The colours archdoc uses; chalk provides them when colour is on. */
export interface Colours {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

const same = (text: string) => text;
/** No colour: what a pipe, a file or NO_COLOR gets. */
export const plainColours: Colours = { bold: same, dim: same, green: same, yellow: same, red: same };

export interface Output {
  out(text?: string): void;
  err(text?: string): void;
  c: Colours;
}

export async function systemOutput(system: System): Promise<Output> {
  const level = colourLevel(system.env, system.stdout.isTTY());
  // chalk loads only when there is colour to show: it pulls in tty and, through it, Node's
  // networking, which list and check otherwise never load.
  const c = level === 0 ? plainColours : new (await import('chalk')).Chalk({ level });
  return {
    out: (t = '') => system.stdout.write(`${t}\n`),
    err: (t = '') => system.stderr.write(`${t}\n`),
    c,
  };
}

/** Pads cells to aligned columns; the last column is not padded. Widths count code points. */
export function table(rows: string[][], maxWidths: number[] = []): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes that take no width
  const len = (s: string) => [...s.replace(/\u001b\[[0-9;]*m/g, '')].length;
  const widths: number[] = [];
  for (const r of rows) for (const [i, cell] of r.entries()) widths[i] = Math.min(Math.max(widths[i] ?? 0, len(cell)), maxWidths[i] ?? Infinity);
  return rows.map((r) =>
    r
      .map((cell, i) => {
        const max = maxWidths[i] ?? Infinity;
        let text = cell;
        if (len(text) > max) text = `${[...text].slice(0, max - 1).join('')}…`;
        return i === r.length - 1 ? text : text + ' '.repeat(Math.max(0, widths[i]! - len(text)));
      })
      .join('  ')
      .trimEnd(),
  );
}
