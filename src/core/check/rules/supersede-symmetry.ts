import { linksIn } from '../../links.js';
import type { DocRecord } from '../../document.js';
import { documentRule, keyAt, type DocumentRule, type RawFinding } from '../types.js';

/** `superseded_by` on one side has `supersedes` on the other, and SUPERSEDED names its successor. */
export const supersedeSymmetry: DocumentRule<'supersede-symmetry'> = documentRule({
  id: 'supersede-symmetry',
  severity: 'error',
  description: 'superseded_by and supersedes name each other, and a SUPERSEDED document names its successor',
  judge: ({ index }) => {
    // What a document names in a field, from its frontmatter or, for records of other tools, its body.
    const named = (d: DocRecord, field: 'supersedes' | 'superseded_by') =>
      linksIn(d, field, index)
        .filter((l) => l.target)
        .map((l) => l.target!);
    // A record in archdoc's shape keeps its back-link in frontmatter; records of other tools (MADR,
    // log4brains) write it in prose if at all, so none is asked of them.
    const keepsLinks = (d: DocRecord) => d.kind.frontmatter !== 'optional' || d.kind.idKey in d.data;
    return (d) => {
      const out: RawFinding[] = [];
      if (!d.parsed || !d.id) return out;
      for (const succ of named(d, 'superseded_by')) {
        const other = index.byId.get(succ)?.[0];
        if (other && keepsLinks(other) && !named(other, 'supersedes').includes(d.id)) {
          out.push({
            path: d.path,
            line: keyAt(d, 'superseded_by'),
            col: 1,
            message: `superseded_by ${succ}, but ${succ} does not list ${d.id} in supersedes; add \`supersedes: ${d.id}\` to ${other.path}`,
          });
        }
      }
      for (const pred of named(d, 'supersedes')) {
        const other = index.byId.get(pred)?.[0];
        if (other && keepsLinks(other) && !named(other, 'superseded_by').includes(d.id)) {
          out.push({
            path: d.path,
            line: keyAt(d, 'supersedes'),
            col: 1,
            message: `supersedes ${pred}, but ${pred} does not name ${d.id} in superseded_by; add \`superseded_by: ${d.id}\` to ${other.path}`,
          });
        }
      }
      // A record whose body names its successor (`Superseded by [3. X](0003-x.md)`) names it too;
      // the tools that write so keep no back-link in frontmatter, so none is asked for above.
      if (d.kind.supersededStatus && d.status === d.kind.supersededStatus && !linksIn(d, 'superseded_by', index).length) {
        out.push({ path: d.path, line: keyAt(d, 'status'), col: 1, message: `${d.status} without superseded_by; name the replacing ${d.kind.label}` });
      }
      return out;
    };
  },
});
