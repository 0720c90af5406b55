/**
 * Fenced code blocks as CommonMark reads them: a fence is three or more backticks or tildes,
 * indented by at most three spaces; a backtick fence's info string has no backtick; the block ends
 * at a fence of the same character, at least as long, with nothing after it but spaces (so
 * ```` ```python ```` never closes a block), or at the end of the document. Every reader of
 * Markdown bodies in archdoc goes through this one tracker. Pure.
 */

const OPENING = /^ {0,3}(`{3,}|~{3,})([^\r\n]*)/;
const CLOSING = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/;

export class Fences {
  /** The open fence's character and length, while inside a block. */
  #open: { char: string; length: number } | undefined;

  /** Whether the lines fed so far leave a block open. */
  get inside(): boolean {
    return this.#open !== undefined;
  }

  /**
   * Feeds the next line; true when it belongs to a fenced block (the fences included). A line that
   * starts with neither a space, a backtick nor a tilde cannot open or close one: callers that
   * skip feeding such lines lose nothing.
   */
  feed(line: string): boolean {
    const open = this.#open;
    if (open) {
      const m = CLOSING.exec(line);
      if (m && m[1]![0] === open.char && m[1]!.length >= open.length) this.#open = undefined;
      return true;
    }
    const m = OPENING.exec(line);
    if (!m || (m[1]![0] === '`' && m[2]!.includes('`'))) return false;
    this.#open = { char: m[1]![0]!, length: m[1]!.length };
    return true;
  }
}

/** Whether a line may open or close a fence (its first character is a space, a backtick or a tilde). */
export function mayBeFence(line: string, at = 0): boolean {
  const c = line.charCodeAt(at);
  return c === 96 || c === 126 || c === 32;
}
