import { fieldLinks, referencedId, referencesIn } from '../../links.js';
import { keyAt, type RawFinding, type Rule } from '../types.js';

/** `superseded_by` on one side has `supersedes` on the other, and SUPERSEDED names its successor. */
export const supersedeSymmetry: Rule<'supersede-symmetry'> = {
  id: 'supersede-symmetry',
  severity: 'error',
  description: 'superseded_by and supersedes name each other, and a SUPERSEDED document names its successor',
  run: ({ docs, index }) => {
    const out: RawFinding[] = [];
    const ids = (v: unknown) =>
      referencesIn(v)
        .map((r) => referencedId(r, index))
        .filter((x): x is string => !!x);
    for (const d of docs) {
      if (!d.parsed || !d.id) continue;
      for (const succ of ids(d.data.superseded_by)) {
        const other = index.byId.get(succ)?.[0];
        if (other && !ids(other.data.supersedes).includes(d.id)) {
          out.push({
            path: d.path,
            line: keyAt(d, 'superseded_by'),
            col: 1,
            message: `superseded_by ${succ}, but ${succ} does not list ${d.id} in supersedes; add \`supersedes: ${d.id}\` to ${other.path}`,
          });
        }
      }
      for (const pred of ids(d.data.supersedes)) {
        const other = index.byId.get(pred)?.[0];
        if (other && !ids(other.data.superseded_by).includes(d.id)) {
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
      const named = ids(d.data.superseded_by).length > 0 || fieldLinks(d, index).some((l) => l.field === 'superseded_by');
      if (d.kind.supersededStatus && d.status === d.kind.supersededStatus && !named) {
        out.push({ path: d.path, line: keyAt(d, 'status'), col: 1, message: `${d.status} without superseded_by; name the replacing ${d.kind.label}` });
      }
    }
    return out;
  },
};
