/**
 * Output: colour and the two streams. Colour is off for non-TTY output and when NO_COLOR is set
 * (chalk alone ignores NO_COLOR on a TTY), and on with FORCE_COLOR.
 */
import { colourLevel } from './stdio.js';
import type { System } from './system.js';
import { displayWidth, padEnd, truncate } from './width.js';

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
  /** One line of text on stdout; a control character in it (a newline too) is shown escaped. */
  out(text?: string): void;
  /** One line of text on stderr, escaped the same way. */
  err(text?: string): void;
  /** Text printed as it is: JSON, whose serialiser escapes every control character itself. */
  raw(text: string): void;
  c: Colours;
}

/** Colour codes archdoc writes itself (SGR: `ESC [ ... m`): kept when colour is on. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes this keeps
const SGR = /\u001b\[[0-9;]*m/y;

/**
 * A line made safe for a terminal: every control character (C0, DEL, C1) from a document's title,
 * a file name or a message is shown as an escape (`\x1b`, `\n`), so no document can move the
 * cursor, retitle the terminal or start a new line (a forged `::error` annotation, say). With
 * colour on, archdoc's own colour codes are kept.
 */
export function printable(text: string, keepColours = false): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this escapes
  if (!/[\u0000-\u001f\u007f-\u009f]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (keepColours && code === 0x1b) {
      SGR.lastIndex = i;
      const m = SGR.exec(text);
      if (m) {
        out += m[0];
        i += m[0].length - 1;
        continue;
      }
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      out += code === 10 ? '\\n' : code === 13 ? '\\r' : code === 9 ? '\\t' : `\\x${code.toString(16).padStart(2, '0')}`;
    } else out += text[i];
  }
  return out;
}

export async function systemOutput(system: System): Promise<Output> {
  const level = colourLevel(system.env, system.stdout.isTTY());
  // chalk loads only when there is colour to show: it pulls in tty and, through it, Node's
  // networking, which list and check otherwise never load.
  const c = level === 0 ? plainColours : new (await import('chalk')).Chalk({ level });
  return {
    out: (t = '') => system.stdout.write(`${printable(t, level > 0)}\n`),
    err: (t = '') => system.stderr.write(`${printable(t, level > 0)}\n`),
    raw: (t) => system.stdout.write(`${t}\n`),
    c,
  };
}

/**
 * Pads cells to aligned columns; the last column is not padded. Widths are terminal columns
 * (src/terminal/width.ts): a CJK character or an emoji takes two, a combining mark none. A cell
 * wider than its column's maximum is cut between grapheme clusters and ends in `…`. Control
 * characters in a cell are measured as they will be printed: escaped (see `printable`).
 */
export function table(rows: string[][], maxWidths: number[] = []): string[] {
  const cells = rows.map((r) => r.map((cell, i) => truncate(printable(cell, true), maxWidths[i] ?? Infinity)));
  const widths: number[] = [];
  for (const r of cells) for (const [i, cell] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
  return cells.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : padEnd(cell, widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * A word of a command line archdoc prints for pasting into a POSIX shell: as it is when it holds
 * nothing the shell reads, else in quotes (double quotes when `double`, as archdoc prints titles).
 */
export function shellWord(word: string, double = false): string {
  if (!double && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return double ? `"${word.replace(/[\\"$`]/g, '\\$&')}"` : `'${word.replace(/'/g, "'\\''")}'`;
}
