/**
 * How many terminal columns text takes, counted by grapheme cluster (what a reader sees as one
 * character): East Asian wide and fullwidth characters (`認`, `Ａ`) and emoji (`🚀`, `👩‍💻`, `❤️`, flags)
 * take two, combining marks, variation selectors and zero-width characters none, anything else one.
 * archdoc's own colour codes (SGR) take none. Pure: no I/O.
 */

/** East Asian Width W and F (Unicode 15.1, EastAsianWidth.txt), emoji apart: those are told by their properties. */
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f],
  [0x2329, 0x232a],
  [0x2e80, 0x2e99],
  [0x2e9b, 0x2ef3],
  [0x2f00, 0x2fd5],
  [0x2ff0, 0x2fff],
  [0x3000, 0x303e],
  [0x3041, 0x3096],
  [0x3099, 0x30ff],
  [0x3105, 0x312f],
  [0x3131, 0x318e],
  [0x3190, 0x31e3],
  [0x31ef, 0x321e],
  [0x3220, 0x3247],
  [0x3250, 0x4dbf],
  [0x4e00, 0xa48c],
  [0xa490, 0xa4c6],
  [0xa960, 0xa97c],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe52],
  [0xfe54, 0xfe66],
  [0xfe68, 0xfe6b],
  [0xff01, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x16fe4],
  [0x16ff0, 0x16ff1],
  [0x17000, 0x187f7],
  [0x18800, 0x18cd5],
  [0x18d00, 0x18d08],
  [0x1aff0, 0x1aff3],
  [0x1aff5, 0x1affb],
  [0x1affd, 0x1affe],
  [0x1b000, 0x1b122],
  [0x1b132, 0x1b132],
  [0x1b150, 0x1b152],
  [0x1b155, 0x1b155],
  [0x1b164, 0x1b167],
  [0x1b170, 0x1b2fb],
  [0x1f200, 0x1f202],
  [0x1f210, 0x1f23b],
  [0x1f240, 0x1f248],
  [0x1f250, 0x1f251],
  [0x1f260, 0x1f265],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = WIDE[mid]!;
    if (cp < from) hi = mid - 1;
    else if (cp > to) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Characters that take no column on their own: marks, format characters (ZWJ, ZWSP, BOM, bidi), controls, Hangul vowel and final jamo. */
// Regular expressions of Unicode properties are built on first use: the bundle writes them as
// `new RegExp(...)`, which compiles them when the module loads, a few tenths of a millisecond that
// every run would pay, though most never measure anything but ASCII.
const lazy = (source: string, flags: string) => {
  let re: RegExp | undefined;
  return () => (re ??= new RegExp(source, flags));
};
const ZERO_WIDTH = lazy(String.raw`^(?:\p{M}|\p{Cc}|\p{Cf}|[\u1160-\u11ff\ud7b0-\ud7ff])$`, 'u');
const PICTOGRAPHIC = lazy(String.raw`\p{Extended_Pictographic}`, 'u');
const EMOJI_PRESENTATION = lazy(String.raw`^\p{Emoji_Presentation}`, 'u');
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** The width of one grapheme cluster: 0, 1 or 2. */
export function clusterWidth(cluster: string): number {
  const cp = cluster.codePointAt(0);
  if (cp === undefined) return 0;
  if (cp >= 0x20 && cp < 0x7f && cluster.length === 1) return 1;
  // An emoji: one shown as emoji by default, or a pictograph asked to be one (U+FE0F), a keycap (1️⃣).
  if (EMOJI_PRESENTATION().test(cluster)) return 2;
  if (cluster.length > 1 && (cluster.includes('\u20e3') || (cluster.includes('\ufe0f') && PICTOGRAPHIC().test(cluster)))) return 2;
  if (isWide(cp)) return 2;
  // A soft hyphen shows as a hyphen in terminals that show it at all.
  if (cp === 0xad) return 1;
  // A cluster made of zero-width characters only (a lone ZWJ or combining mark) takes none.
  if (ZERO_WIDTH().test(String.fromCodePoint(cp))) {
    for (const c of cluster) if (!ZERO_WIDTH().test(c)) return clusterWidth(cluster.slice(cluster.indexOf(c)));
    return 0;
  }
  // A spacing mark (Devanagari's ा, Bengali's ো) takes a column of its own after its letter, as wcwidth counts it.
  return 1 + (cluster.length > 1 ? (cluster.slice(1).match(SPACING_MARK())?.length ?? 0) : 0);
}

const SPACING_MARK = lazy(String.raw`\p{Mc}`, 'gu');

let segmenter: Intl.Segmenter | undefined | null;

/** What extends a cluster: marks, variation selectors, skin tones, ZWNJ (and ZWJ, taken apart below). */
const EXTEND = String.raw`[\p{M}\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u200c]`;
const PICTOGRAPH = String.raw`\p{Extended_Pictographic}${EXTEND}*`;

/**
 * Grapheme clusters where Intl.Segmenter is missing: CR LF; a flag; an emoji ZWJ sequence; any
 * other character but a control with what extends it; a control alone.
 */
// Built on first use: compiling its Unicode properties costs about half a millisecond, which every
// run would pay at start-up, and Node's own segmenter answers wherever it exists.
let roughCluster: RegExp | undefined;
const ROUGH_CLUSTER = () =>
  (roughCluster ??= new RegExp(
    [
      String.raw`\r\n`,
      String.raw`\p{Regional_Indicator}{2}(?:${EXTEND}|\u200d)*`,
      String.raw`${PICTOGRAPH}(?:\u200d${PICTOGRAPH})*(?:${EXTEND}|\u200d)*`,
      String.raw`(?:[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|[\u200c\u200d])(?:${EXTEND}|\u200d)*`,
      String.raw`[\s\S]`,
    ].join('|'),
    'gu',
  ));

/** The grapheme clusters of `text`, in order: Intl.Segmenter's, or a close rule where Node lacks it. */
export function graphemes(text: string): string[] {
  if (PRINTABLE_ASCII.test(text)) return text.split('');
  if (segmenter === undefined) segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  return roughGraphemes(text);
}

/** Grapheme clusters by a close rule, for a Node built without Intl.Segmenter: a character with its marks, selectors, skin tones and ZWJ sequence; a flag. */
export function roughGraphemes(text: string): string[] {
  return text.match(ROUGH_CLUSTER()) ?? [];
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes that take no width
const SGR = /\u001b\[[0-9;]*m/g;

/** The columns `text` takes in a terminal; colour codes (SGR) take none. */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let width = 0;
  for (const g of graphemes(plain)) width += clusterWidth(g);
  return width;
}

/** Colour codes and grapheme clusters, in order: the units a cut may fall between. */
function units(text: string): Array<{ text: string; colour: boolean }> {
  const out: Array<{ text: string; colour: boolean }> = [];
  let at = 0;
  for (const m of text.matchAll(SGR)) {
    for (const g of graphemes(text.slice(at, m.index))) out.push({ text: g, colour: false });
    out.push({ text: m[0], colour: true });
    at = m.index + m[0].length;
  }
  for (const g of graphemes(text.slice(at))) out.push({ text: g, colour: false });
  return out;
}

/**
 * `text` cut to at most `max` columns, ending in `…` when cut. The cut falls between grapheme
 * clusters, never inside one (an emoji sequence, a letter with its marks), so the text may end a
 * column short of `max` when a wide character does not fit. Colour codes are all kept.
 */
export function truncate(text: string, max: number): string {
  if (displayWidth(text) <= max) return text;
  if (max <= 0) return '';
  let out = '';
  let width = 0;
  let cut = false;
  for (const u of units(text)) {
    if (u.colour) out += u.text;
    else if (!cut) {
      const w = clusterWidth(u.text);
      if (width + w > max - 1) {
        out += '…';
        cut = true;
      } else {
        out += u.text;
        width += w;
      }
    }
  }
  return out;
}

/** `text` followed by spaces up to `width` columns (none when it is as wide already). */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
