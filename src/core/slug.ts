/**
 * Filename slugs: lower-case kebab, capped, never a path. Latin letters fold to ASCII (`Café` is
 * `cafe`, `Straße` is `strasse`); letters of other scripts are kept as they are, with the marks
 * that belong to them (`認証方式の選定`, `प्रमाणीकरण-विधि`, `выбор-схемы`), in NFC (docs/adr,
 * "Keep the letters of every script in file names").
 */
import { characterBoundaries, wordBoundaries } from './words.js';

/** At most this many characters (code points)... */
export const MAX_SLUG_LENGTH = 60;
/** ...and this many bytes in UTF-8, so that a file name stays well under the 255 bytes file systems allow. */
export const MAX_SLUG_BYTES = 200;

/** Latin letters that have no decomposition to fold by: ß is ss, ł is l. */
const LATIN_FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', þ: 'th', ð: 'd', đ: 'd', ħ: 'h', ı: 'i', ł: 'l', ŧ: 't' };

const ASCII_WORD = /^[a-z0-9]$/;
// Unicode-property expressions are built on first use: the bundle writes some as `new RegExp`,
// compiled when the module loads, which every create would pay.
let unicode: { letter: RegExp; mark: RegExp; latin: RegExp } | undefined;
const tables = () => (unicode ??= { letter: /^[\p{L}\p{N}]$/u, mark: /^\p{M}$/u, latin: /^\p{Script=Latin}$/u });

export function slugify(title: string, maxLength = MAX_SLUG_LENGTH, maxBytes = MAX_SLUG_BYTES): string {
  // Plain ASCII, most titles: the same slug without the Unicode tables (built on first use, they
  // cost a create about a millisecond).
  if (/^[\x20-\x7e]*$/.test(title)) {
    return (
      cut(
        title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-+|-+$/g, ''),
        maxLength,
        maxBytes,
      ) || 'untitled'
    );
  }
  const { letter: LETTER, mark: MARK, latin: LATIN } = tables();
  let slug = '';
  let dash = false;
  // Whether the last letter kept is of a script whose marks are kept with it (not Latin, whose accents fold away).
  let marksKept = false;
  for (const ch of title.normalize('NFKD').toLowerCase()) {
    let kept: string | undefined;
    if (ASCII_WORD.test(ch)) {
      kept = ch;
      marksKept = false;
    } else if (MARK.test(ch)) {
      // A mark of a kept letter stays with it; a Latin accent (é is e + U+0301) folds away; any other mark parts words, as before.
      if (marksKept) kept = ch;
      else if (ch >= '\u0300' && ch <= '\u036f') continue;
    } else if (LETTER.test(ch)) {
      const latin = LATIN.test(ch);
      kept = (latin && LATIN_FOLDS[ch]) || ch;
      marksKept = !latin;
    } else marksKept = false;
    if (kept === undefined) dash = slug !== '';
    else {
      if (dash) slug += '-';
      slug += kept;
      dash = false;
    }
  }
  slug = slug.normalize('NFC');
  return cut(slug, maxLength, maxBytes) || 'untitled';
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** `slug` within `maxLength` characters and `maxBytes` bytes, cut at a word boundary when one is reasonably close. */
function cut(slug: string, maxLength: number, maxBytes: number): string {
  if (/^[\x20-\x7e]*$/.test(slug)) {
    if (slug.length <= Math.min(maxLength, maxBytes)) return slug;
    const max = Math.min(maxLength, maxBytes);
    let out = slug.slice(0, max);
    // Cut at a word boundary when one is reasonably close, so the slug does not end mid-word.
    const lastDash = out.lastIndexOf('-');
    if (lastDash > max / 2) out = out.slice(0, lastDash);
    return out.replace(/-+$/g, '');
  }
  // The longest start within both limits (a UTF-16 offset), back to where a character begins:
  // never between a letter and its marks, or inside a conjunct.
  let end = 0;
  let chars = 0;
  let bytes = 0;
  for (const ch of slug) {
    const b = utf8Length(ch.codePointAt(0)!);
    if (chars === maxLength || bytes + b > maxBytes) break;
    end += ch.length;
    chars++;
    bytes += b;
  }
  if (end === slug.length) return slug;
  end = Math.max(0, ...characterBoundaries(slug).filter((b) => b <= end));
  // A dash after the first half; else where a word ends, as the segmenter finds words in
  // scripts without spaces (認証|方式); else where the last whole character ends.
  const half = chars / 2;
  const charsTo = (offset: number) => Array.from(slug.slice(0, offset)).length;
  const lastDash = slug.lastIndexOf('-', end);
  let at = lastDash !== -1 && charsTo(lastDash) > half ? lastDash : -1;
  if (at === -1) at = Math.max(-1, ...wordBoundaries(slug).filter((b) => b <= end && charsTo(b) > half));
  return slug.slice(0, at === -1 ? end : at).replace(/-+$/g, '');
}
