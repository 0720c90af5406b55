import { asText } from '../../document.js';
import { formatId } from '../../ids.js';
import { naming, newFileName, numberOfName } from '../../file-names.js';
import { documentRule, keyAt, type DocumentRule } from '../types.js';

/** The id in the frontmatter and the number in the filename agree. */
export const idMismatch: DocumentRule<'id-mismatch'> = documentRule({
  id: 'id-mismatch',
  severity: 'error',
  description: 'the id in the frontmatter and the one in the filename (PREFIX-NNNN-slug.md) agree',
  judge:
    ({ config }) =>
    (d) => {
      if (!d.parsed || d.num === undefined) return [];
      const filename = d.path.slice(d.path.lastIndexOf('/') + 1);
      const by = naming(d.kind).by;
      if (by === 'date') return [];
      const fileNum = numberOfName(d.kind, filename);
      const raw = asText(d.data[d.kind.idKey]);
      if (fileNum === undefined) {
        const wanted = by === 'number' ? newFileName(d.kind, { num: d.num, slug: '<slug>', today: '' }) : `${d.id}-<slug>.md`;
        return [
          {
            path: d.path,
            line: keyAt(d, d.kind.idKey),
            col: 1,
            message: `the filename does not start with the ${by === 'number' ? 'number' : 'id'}; rename it to ${wanted}`,
          },
        ];
      }
      if (raw && fileNum !== d.num) {
        return [
          {
            path: d.path,
            line: keyAt(d, d.kind.idKey),
            col: 1,
            message: `${d.kind.idKey} is ${d.id} but the filename says ${formatId(d.kind.prefix, fileNum, config.idPadding)}; make them agree`,
          },
        ];
      }
      return [];
    },
});
