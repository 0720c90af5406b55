import { anyLine, sectionOf, sectionText, sections } from '../../sections.js';
import { holdsIn } from '../statuses.js';
import { documentRule, type DocumentRule, type RawFinding } from '../types.js';

/** Headings under the Options Analysis that sum the options up rather than name one (unless they start "Option"). */
const NOT_AN_OPTION = /\b(comparisons?|summary|overview|matrix|scor(e|es|ing)|criteria|recommendations?|conclusions?|trade-?offs)\b/i;

/**
 * A decision compares options against criteria set in advance: an Evaluation Criteria table, at
 * least two options, each with advantages and disadvantages. Holds in the statuses that name it
 * (by default: an RFC in REVIEW or later).
 */
export const decisionDiscipline: DocumentRule<'decision-discipline'> = documentRule({
  id: 'decision-discipline',
  severity: 'warning',
  description: 'an RFC in REVIEW or later (by default) has an Evaluation Criteria table and at least two options, each with advantages and disadvantages',
  judge: () => (d) => {
    if (!d.parsed || !holdsIn(d.kind, d.status, 'decision-discipline')) return [];
    const out: RawFinding[] = [];
    const criteria = sectionOf(d, 'Evaluation Criteria');
    if (!criteria || !anyLine(criteria, (l) => /^\s*\|.*\|/.test(l) && !/\[[A-Z]/.test(l) && !/^\s*\|[\s:|-]+\|\s*$/.test(l) && !/criterion/i.test(l))) {
      out.push({
        path: d.path,
        line: criteria ? d.bodyLine + criteria.line - 1 : d.bodyLine,
        col: 1,
        message: 'no Evaluation Criteria table with criteria filled in; set the criteria before comparing options',
      });
    }
    const analysis = sectionOf(d, 'Options Analysis');
    if (!analysis) {
      out.push({ path: d.path, line: d.bodyLine, col: 1, message: 'no "## Options Analysis" section; compare at least two options' });
      return out;
    }
    const options = sections(sectionText(analysis), 3).filter((o) => /^option\b/i.test(o.name) || !NOT_AN_OPTION.test(o.name));
    if (options.length < 2) {
      out.push({
        path: d.path,
        line: d.bodyLine + analysis.line - 1,
        col: 1,
        message: `Options Analysis has ${options.length} option${options.length === 1 ? '' : 's'}; compare at least two (### Option 1, ### Option 2)`,
      });
    }
    for (const o of options) {
      const text = sectionText(o);
      const line = d.bodyLine + analysis.line + o.line - 1;
      if (!/advantages|pros\b/i.test(text.replace(/disadvantages/gi, '')))
        out.push({ path: d.path, line, col: 1, message: `option "${o.name}" lists no advantages` });
      if (!/disadvantages|cons\b/i.test(text)) out.push({ path: d.path, line, col: 1, message: `option "${o.name}" lists no disadvantages` });
    }
    return out;
  },
});
