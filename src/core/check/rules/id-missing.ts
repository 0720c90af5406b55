import { naming } from '../../file-names.js';
import { documentRule, type DocumentRule } from '../types.js';

/** Every document carries an id of its kind's shape. */
export const idMissing: DocumentRule<'id-missing'> = documentRule({
  id: 'id-missing',
  severity: 'error',
  description: 'the id field (rfc_id, tech_spec_id, adr_id, ...) is present and shaped like PREFIX-0001',
  judge: () => (d) => {
    const own = d.problems
      .filter((p) => p.rule === 'id-missing')
      .map((p) => ({ path: d.path, line: p.line, col: p.col, message: `${p.message}; add \`${d.kind.idKey}: ${d.kind.prefix}-XXXX\`` }));
    if (own.length || !d.parsed || d.kind.idKey in d.data || 'id' in d.data) return own;
    // Named by number or by date (adr-tools, MADR, log4brains): the file name is the id, or there is none.
    const by = naming(d.kind).by;
    if (by === 'date' || ((by === 'number' || d.kind.frontmatter === 'optional') && d.num !== undefined)) return own;
    return [{ path: d.path, line: 1, col: 1, message: `no ${d.kind.idKey} in the frontmatter; add \`${d.kind.idKey}: ${d.id ?? `${d.kind.prefix}-XXXX`}\`` }];
  },
});
