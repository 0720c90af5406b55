import { sectionOf, sectionText } from '../../sections.js';
import { holdsIn } from '../statuses.js';
import { documentRule, type DocumentRule, type RawFinding } from '../types.js';

/** Words that argue by assertion instead of by the criteria. */
export const LOADED_WORDS = ['obviously', 'clearly', 'best', 'no-brainer', 'no brainer', 'of course', 'undoubtedly', 'everyone knows', 'simply the'];

const SOURCE = `\\b(${LOADED_WORDS.map((w) => w.replace(/[-\s]/g, '[-\\s]')).join('|')})\\b`;
const PATTERN = new RegExp(SOURCE, 'gi');
/** The same words, for a yes/no answer: most lines have none, and `matchAll` copies its regex. */
const ANY = new RegExp(SOURCE, 'i');

/** The Options Analysis weighs options; loaded words decide instead. */
export const loadedWord: DocumentRule<'loaded-word'> = documentRule({
  id: 'loaded-word',
  severity: 'warning',
  description: 'the Options Analysis of an RFC in REVIEW or later (by default) avoids loaded words such as "obviously", "clearly", "best", "no-brainer"',
  judge: () => (d) => {
    if (!d.parsed || !holdsIn(d.kind, d.status, 'loaded-word')) return [];
    const analysis = sectionOf(d, 'Options Analysis');
    // Most analyses have none of the words: one test of the whole text, no lines split.
    if (!analysis || !ANY.test(sectionText(analysis))) return [];
    const out: RawFinding[] = [];
    const lines = analysis.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (!ANY.test(line)) continue;
      for (const m of line.matchAll(PATTERN)) {
        out.push({
          path: d.path,
          line: d.bodyLine + analysis.line + i,
          col: (m.index ?? 0) + 1,
          message: `loaded word "${m[0]}" in Options Analysis; argue from the evaluation criteria instead`,
        });
      }
    }
    return out;
  },
});
