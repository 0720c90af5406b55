import { asText } from '../../document.js';
import { numberInFilename } from '../../ids.js';
import { keyAt, type Rule } from '../types.js';

/** The id in the frontmatter and the number in the filename agree. */
export const idMismatch: Rule<'id-mismatch'> = {
  id: 'id-mismatch',
  severity: 'error',
  description: 'the id in the frontmatter and the one in the filename (PREFIX-NNNN-slug.md) agree',
  run: ({ docs, config }) =>
    docs.flatMap((d) => {
      if (!d.parsed || d.num === undefined) return [];
      const filename = d.path.slice(d.path.lastIndexOf('/') + 1);
      const fileNum = numberInFilename(filename, d.kind.prefix);
      const raw = asText(d.data[d.kind.idKey]);
      if (fileNum === undefined) {
        return [{ path: d.path, line: keyAt(d, d.kind.idKey), col: 1, message: `the filename does not start with the id; rename it to ${d.id}-<slug>.md` }];
      }
      if (raw && fileNum !== d.num) {
        return [
          {
            path: d.path,
            line: keyAt(d, d.kind.idKey),
            col: 1,
            message: `${d.kind.idKey} is ${d.id} but the filename says ${d.kind.prefix}-${String(fileNum).padStart(config.idPadding, '0')}; make them agree`,
          },
        ];
      }
      return [];
    }),
};
