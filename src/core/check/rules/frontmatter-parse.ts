import { documentRule, type DocumentRule } from '../types.js';

/** The frontmatter must exist, start on line 1, close, and parse as `key: value` YAML. */
export const frontmatterParse: DocumentRule<'frontmatter-parse'> = documentRule({
  id: 'frontmatter-parse',
  severity: 'error',
  description: 'the frontmatter exists, starts on line 1, is closed by `---`, and parses as YAML key: value pairs',
  judge: () => (d) => d.problems.filter((p) => p.rule === 'frontmatter-parse').map((p) => ({ path: d.path, line: p.line, col: p.col, message: p.message })),
});
