import { keyAt, type Rule } from '../types.js';

/** No two documents share an id. */
export const duplicateId: Rule<'duplicate-id'> = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'no two documents share an id',
  run: ({ index }) => {
    const out = [];
    for (const [id, list] of index.byId) {
      if (list.length < 2) continue;
      for (const d of list) {
        const others = list.filter((o) => o !== d).map((o) => o.path);
        out.push({
          path: d.path,
          line: keyAt(d, d.kind.idKey),
          col: 1,
          message: `${id} is also used by ${others.join(', ')}; give one of them a new number: archdoc renumber ${d.path}`,
        });
      }
    }
    return out;
  },
};
