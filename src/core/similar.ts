/** Similar titles, to warn before creating a near-duplicate. */
import { MAX_SLUG_LENGTH } from './slug.js';
import { beginsWithin, editDistance } from './suggest.js';

/** Printable ASCII only. One object: a regular expression literal in a function makes a new one each call. */
const ASCII = /^[\x20-\x7e]*$/;

const STOP = new Set(['a', 'an', 'the', 'for', 'of', 'to', 'in', 'on', 'and', 'with', 'at', 'by', 'use', 'using']);

function words(title: string): string[] {
  // Most titles are ASCII: they need neither unicode folding nor the unicode-aware split, which
  // cost more than the rest of the comparison when create checks every title of a kind.
  const parts = ASCII.test(title)
    ? title.toLowerCase().split(/[^a-z0-9]+/)
    : title
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u);
  const out: string[] = [];
  for (const w of parts) if (w && !STOP.has(w)) out.push(singular(w));
  return out;
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

/**
 * Whether a slug's words can begin a title within `edits` edits, judged by its long words alone
 * without building them: joined with one space (a plural's s left out) they are at most `length`
 * long, and at most `edits` of their letters are more than the title has of that letter (`have`,
 * by character code): each such letter needs an edit, whatever the edits do to the rest (the bag
 * distance, a lower bound of the edit distance). Only words longer than any stop word count, so
 * both are at most what `words(slug)` would give.
 */
function longWordsFit(slug: string, length: number, have: Int32Array, edits: number): boolean {
  const left = LEFT;
  left.set(have);
  let total = -1;
  let excess = 0;
  let run = 0;
  let runExcess = 0;
  let start = 0;
  for (let i = 0; i <= slug.length; i++) {
    const c = i < slug.length ? slug.charCodeAt(i) : 0;
    if (isWordChar(c)) {
      if (run++ === 0) start = i;
      continue;
    }
    if (run > 5) {
      // A plural's s is not in the word `words` keeps.
      const plural = (slug.charCodeAt(i - 1) | 32) === 115 ? 1 : 0;
      total += run + 1 - plural;
      for (let k = start; k < i - plural; k++) if (--left[slug.charCodeAt(k) | 32]! < 0) runExcess++;
      excess += runExcess;
      if (total > length || excess > edits) return false;
    }
    run = 0;
    runExcess = 0;
  }
  return true;
}

/** longWordsFit's counts of the letters left, reused: create calls it for every document of a kind. */
const LEFT = new Int32Array(128);

/** Whether `word` stands in `text` as a word of its own, or with a plural's s. */
function standsAlone(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    let end = at + word.length;
    if (text.charCodeAt(end) === 115) end += end + 1 >= text.length || !isWordChar(text.charCodeAt(end + 1)) ? 1 : 0;
    if ((at === 0 || !isWordChar(text.charCodeAt(at - 1))) && (end >= text.length || !isWordChar(text.charCodeAt(end)))) return true;
  }
  return false;
}

/** Plurals compare as their singular: "caches" is "cache". */
const singular = (w: string) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);

/**
 * Whether two titles name the same thing: the same words in any order (ignoring little words and
 * plurals), or a typo apart. Titles that differ in a number ("Phase 1", "Phase 2") are different.
 */
export function similarTitles(a: string, b: string): boolean {
  return similarTo(a)(b);
}

/** `similarTitles(title, other)` with `title` prepared once, for checking one title against many. */
export function similarTo(title: string): (other: string) => boolean {
  // A title without a letter or a digit (emoji, punctuation) is compared as written: the same is similar.
  if (!LETTER_OR_DIGIT.test(title)) {
    const key = asWritten(title);
    return (other) => key !== '' && asWritten(other) === key;
  }
  const match = matchWords(title);
  return (other) => match(words(other));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const asWritten = (title: string) => title.normalize('NFC').replace(/\s+/g, ' ').trim();

/** A typo apart: at most 2 edits, fewer for short titles, none below 10 characters. */
const editsAllowed = (joined: string) => (joined.length >= 10 ? Math.min(2, Math.floor(joined.length / 10)) : 0);

/**
 * `similarTo`, taking the other title as its words (see `words`). `slack` edits more pass: for the
 * words of a slug, where folding wrote two letters for one (ß is ss).
 */
function matchWords(title: string, slack = 0): (wb: string[]) => boolean {
  const wa = words(title);
  const sortedA = [...wa].sort().join(' ');
  const digitsA = wa.filter((x) => /\d/.test(x)).join(' ');
  const ja = wa.join(' ');
  const within = editsAllowed(ja) + (editsAllowed(ja) > 0 ? slack : 0);
  return (wb) => {
    if (wa.length === 0) return false;
    const jb = wb.join(' ');
    // The same words joined have the same length, and strings are at least their difference in
    // length apart: most titles end here, before sorting or comparing.
    if (wb.length === 0 || Math.abs(ja.length - jb.length) > within) return false;
    if (wb.filter((x) => /\d/.test(x)).join(' ') !== digitsA) return false;
    if (jb.length === ja.length && sortedA === [...wb].sort().join(' ')) return true;
    return within > 0 && editDistance(ja, jb) <= within;
  };
}

/**
 * A cheap first look for `create`, which compares a new title with every title of its kind: whether
 * a document whose file name carries `slug` (`adopt-postgresql` of `RFC-0012-adopt-postgresql.md`)
 * may have a title similar to `title`. The slug is the title, Latin letters folded to ASCII, and
 * cut short, so it passes when, read as a title, it is similar, or when it shares a word with
 * `title`; only those documents need their title read. A slug with letters of other scripts passes
 * when it has few enough of them to be a few edits from `title`. Undefined for a title with
 * non-ASCII letters, which folding can change: then every title is read.
 */
export function mayBeSimilarTo(title: string): ((slug: string) => boolean) | undefined {
  // Titles of other scripts, and titles compared as written (no letter or digit), read every document.
  if (!ASCII.test(title) || !LETTER_OR_DIGIT.test(title)) return undefined;
  const ascii = mayBeSimilarToAscii(title);
  const within = editsAllowed(words(title).join(' '));
  return (slug) => (ASCII.test(slug) ? ascii(slug) : nonAsciiLetters(slug) <= within);
}

/**
 * Letters and digits beyond ASCII in a slug as `words` reads a title: accents folded away. A slug
 * keeps the letters of scripts other than Latin (core/slug.ts), and each of them stands for at
 * least one in the title's words (the same letter; a Hangul syllable is its jamo in both), which
 * is an edit away from an ASCII title: a title similar to one has at most `editsAllowed` of them.
 * A file system's NFD name (macOS) reads the same.
 */
function nonAsciiLetters(slug: string): number {
  let n = 0;
  for (const ch of slug.normalize('NFKD')) if (ch > '\x7f' && (ch < '\u0300' || ch > '\u036f') && /^[\p{L}\p{N}]$/u.test(ch)) n++;
  return n;
}

/** `mayBeSimilarTo` for an ASCII title and a slug of ASCII letters: those of Latin titles. */
function mayBeSimilarToAscii(title: string): (slug: string) => boolean {
  const mine = words(title);
  const joined = mine.join(' ');
  const within = editsAllowed(joined);
  // A slug longer than MAX_SLUG_LENGTH was cut at a dash after its first half, before a word that
  // reached past the limit (at least 59 - length characters long), or inside a word at exactly 60.
  // A similar title's longest word is at most `within + 1` of ours in a row glued by edits, with
  // the letters its other edits add, a plural's s and what folding doubles (ß is ss; stop words
  // are shorter): a slug that would have been cut before a longer word than that was not cut.
  let glued = 0;
  for (let i = 0; i < mine.length; i++) {
    let run = 0;
    for (const w of mine.slice(i, i + within + 1)) run += w.length;
    glued = Math.max(glued, run);
  }
  const longest = Math.max(5, glued + 2 * within + 1);
  const mayBeCut = (slug: string) => slug.length > MAX_SLUG_LENGTH / 2 && (slug.length >= MAX_SLUG_LENGTH || MAX_SLUG_LENGTH - 1 - slug.length <= longest);
  // A cut slug shows a similar title's first words only: they begin ours within the edits allowed
  // (two more for letters that folding doubles), or, when the same words are in another order,
  // they are some of ours.
  const edits = within + 2;
  // How many of each letter and digit our words have, lower case, by character code.
  const have = new Int32Array(128);
  for (let i = 0; i < joined.length; i++) have[joined.charCodeAt(i)]!++;
  const cutAndAlike = (slug: string) => {
    if (!mayBeCut(slug)) return false;
    if (slug.length >= MAX_SLUG_LENGTH) return true;
    // Longer than ours by more than the edits allowed, or with more letters than ours have, it
    // cannot begin ours: most slugs end here.
    if (!longWordsFit(slug, joined.length + edits, have, edits)) return false;
    const shown = words(slug.replace(/-/g, ' '));
    const text = shown.join(' ');
    return text === '' || (text.length <= joined.length + edits && (beginsWithin(text, joined, edits) || someOfMine(shown)));
  };
  // The same words in another order: those shown are some of ours.
  const someOfMine = (shown: string[]) => {
    const left = [...mine];
    for (const w of shown) {
      const i = left.indexOf(w);
      if (i === -1) return false;
      left.splice(i, 1);
    }
    return true;
  };
  // Words with digits are the same in a similar title ("Phase 2" is not "Phase 12"), so a whole
  // slug has each of them as a word of its own, perhaps with a plural's s.
  const numbers = mine.filter((w) => /\d/.test(w));
  const hasNumbers = (slug: string) => {
    const lower = slug.toLowerCase();
    return numbers.every((n) => standsAlone(lower, n)) || !ASCII.test(slug);
  };
  // Three words or more: a similar title is at most two edits away, so one of these words is left
  // whole and stands in its slug, glued to its neighbours or not, unless the slug was cut.
  // One regular expression for all our words (letters and digits only): V8 runs it as native code.
  const anyWord = mine.length ? new RegExp(mine.join('|')) : undefined;
  const sharesWord = (slug: string) => !!anyWord?.test(slug);
  if (mine.length >= 3) return (slug) => (mayBeCut(slug) ? cutAndAlike(slug) : sharesWord(slug) && hasNumbers(slug));
  // A letter folding doubles (ß, æ, œ, þ) is an edit of a similar title, which has `within` at most: as many more in its slug.
  const similar = matchWords(title, within);
  const set = new Set(mine);
  return (slug) => {
    if (cutAndAlike(slug)) return true;
    if (!mayBeCut(slug) && !hasNumbers(slug)) return false;
    const wb = words(slug.replace(/-/g, ' '));
    return wb.some((w) => set.has(w)) || similar(wb);
  };
}
