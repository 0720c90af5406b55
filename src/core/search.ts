/**
 * Full-text search over titles and bodies: every document that holds the query's terms, ranked.
 * A term is a word of the query (any script), found where a word of the text starts: `cache` finds
 * "caches" and "cache-aside", not "ache" inside "cache". Scripts written without spaces between
 * words (Chinese, Japanese, Thai and the like) are matched anywhere, as a run of their characters
 * is no one word. A document's score counts each term found: in its id (best), its title, its
 * headings, then its body (a few times at most, so a long document does not win by length). A
 * document must hold every term; the one that holds the whole query as written ranks first.
 */
import type { DocRecord } from './document.js';

export interface SearchHit {
  doc: DocRecord;
  score: number;
  /** A line of the body (or the title) where the first term is found, trimmed to about 160 characters. */
  snippet: string;
}

/** The query's terms, lower case: words of letters and digits in any script, ids kept whole (`rfc-0003`). */
export function searchTerms(query: string): string[] {
  const terms = query
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}_-]*/gu);
  return [...new Set(terms ?? [])];
}

/**
 * Letters of scripts written without spaces between words (a term of them is found anywhere), and
 * the characters of a word. Made on first use: the bundle that holds this module serves other
 * commands, and a Unicode-property expression costs its compiling when it is made.
 */
let patterns: { unspaced: RegExp; wordCharacter: RegExp } | undefined;
const compiled = () =>
  (patterns ??= {
    unspaced: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u,
    wordCharacter: /[\p{L}\p{N}\p{M}]/u,
  });

/** Where `term` is found in `text` from `from` on, at the start of a word unless the term is of an unspaced script; -1 when nowhere. */
function find(text: string, term: string, from = 0): number {
  const { unspaced, wordCharacter } = compiled();
  const anywhere = unspaced.test(term);
  for (let at = text.indexOf(term, from); at !== -1; at = text.indexOf(term, at + 1)) {
    if (anywhere || at === 0 || !wordCharacter.test(text[at - 1]!)) return at;
  }
  return -1;
}

function count(text: string, term: string, cap: number): number {
  let n = 0;
  for (let at = find(text, term); at !== -1 && n < cap; at = find(text, term, at + term.length)) n++;
  return n;
}

function snippetOf(doc: DocRecord, term: string): string {
  const line = doc.body.split('\n').find((l) => find(l.toLowerCase(), term) !== -1 && !/^\s*(#|---|\|?\s*-{3})/.test(l)) ?? doc.title ?? '';
  const text = line.replace(/\s+/g, ' ').trim();
  if (text.length <= 160) return text;
  const at = Math.max(0, find(text.toLowerCase(), term) - 60);
  return `${at > 0 ? '…' : ''}${text.slice(at, at + 158).trim()}…`;
}

/** The documents that hold every term of `query`, best first (ties: by id, then path); at most `limit`. */
export function searchDocuments(docs: readonly DocRecord[], query: string, limit = 20): SearchHit[] {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const phrase = query.normalize('NFC').toLowerCase().trim();
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const id = (doc.id ?? '').toLowerCase();
    const title = (doc.title ?? '').normalize('NFC').toLowerCase();
    const body = doc.body.normalize('NFC').toLowerCase();
    const headings = body
      .split('\n')
      .filter((l) => l.startsWith('#'))
      .join('\n');
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = (id === term ? 20 : 0) + count(title, term, 3) * 6 + count(headings, term, 3) * 3 + count(body, term, 5);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (!all) continue;
    if (terms.length > 1 && (find(title, phrase) !== -1 || find(body, phrase) !== -1)) score += 10;
    hits.push({ doc, score, snippet: snippetOf(doc, terms[0]!) });
  }
  const key = (d: DocRecord) => `${d.id ?? ''}\u0000${d.path}`;
  hits.sort((a, b) => b.score - a.score || (key(a.doc) < key(b.doc) ? -1 : key(a.doc) > key(b.doc) ? 1 : 0));
  return hits.slice(0, Math.max(0, limit));
}
