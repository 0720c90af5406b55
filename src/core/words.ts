/**
 * Words in any script. Most scripts put spaces between words; Chinese, Japanese, Thai, Lao, Khmer
 * and Myanmar do not, and there words are found by ICU's dictionaries through Intl.Segmenter
 * (`認証方式の選定` is 認証 · 方式 · の · 選定). A Node built without them (no Intl, or small-icu,
 * which segments ideographs one by one) gets a rougher count. Pure: no I/O.
 */

/** Letters of the scripts written without spaces between words. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

let segmenter: Intl.Segmenter | null | undefined;

/** Intl.Segmenter by words, when this Node has it with the dictionaries that split Japanese; null otherwise. */
export function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter !== undefined) return segmenter;
  segmenter = null;
  try {
    if (typeof Intl === 'object' && typeof Intl.Segmenter === 'function') {
      const s = new Intl.Segmenter('ja', { granularity: 'word' });
      if (Array.from(s.segment('東京の天気')).filter((w) => w.isWordLike).length === 3) segmenter = s;
    }
  } catch {
    // no usable segmenter: the rough count stands in
  }
  return segmenter;
}

/** For tests: forget the segmenter found, or stand `s` in for it (null: none). */
export function useWordSegmenter(s?: Intl.Segmenter | null): void {
  segmenter = s;
}

/**
 * Words of a run without spaces, where no segmenter finds them: a run of ideographs counts one
 * word for every two (most Chinese and Japanese words have two), a run of kana or of letters of
 * another script one, a run of Thai, Lao, Khmer or Myanmar one for every five characters.
 */
function roughWords(chunk: string): number {
  let n = 0;
  for (const m of chunk.matchAll(
    /(\p{Script=Han}+)|(\p{Script=Hiragana}+)|([\p{Script=Katakana}\u30fc]+)|([\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+)|([\p{L}\p{N}]+)/gu,
  )) {
    const len = Array.from(m[0]).length;
    n += m[1] ? Math.ceil(len / 2) : m[4] ? Math.ceil(len / 5) : 1;
  }
  return Math.max(1, n);
}

/**
 * How many words `text` has: the words between spaces, and in scripts written without spaces,
 * the words ICU finds there. Text in scripts with spaces counts as it always has, by spaces.
 */
export function countWords(text: string): number {
  let n = 0;
  for (const chunk of text.split(/\s+/)) {
    if (!chunk) continue;
    if (!UNSPACED.test(chunk)) {
      n++;
      continue;
    }
    const s = wordSegmenter();
    n += s ? Math.max(1, Array.from(s.segment(chunk)).filter((w) => w.isWordLike).length) : roughWords(chunk);
  }
  return n;
}

/** Where words begin and end in `text` (UTF-16 offsets), as the segmenter finds them; empty without one. */
export function wordBoundaries(text: string): number[] {
  const s = wordSegmenter();
  if (!s) return [];
  const out: number[] = [];
  for (const w of s.segment(text)) out.push(w.index, w.index + w.segment.length);
  return out;
}

let graphemeSegmenter: Intl.Segmenter | null | undefined;

/**
 * Where characters as a reader sees them (grapheme clusters) begin in `text`, and its end (UTF-16
 * offsets): a cut there never parts a letter from its marks or splits a conjunct. Without
 * Intl.Segmenter, before every code point but a mark or a joiner, and after a joiner.
 */
export function characterBoundaries(text: string): number[] {
  if (graphemeSegmenter === undefined) {
    graphemeSegmenter = typeof Intl === 'object' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  const out: number[] = [];
  if (graphemeSegmenter) for (const g of graphemeSegmenter.segment(text)) out.push(g.index);
  else {
    let at = 0;
    let joined = false;
    for (const ch of text) {
      if (!joined && !/^[\p{M}\u200c\u200d]$/u.test(ch)) out.push(at);
      joined = ch === '\u200d';
      at += ch.length;
    }
  }
  out.push(text.length);
  return out;
}
