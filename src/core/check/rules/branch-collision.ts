import { collisions } from '../../elsewhere.js';
import { keyAt, type Rule } from '../types.js';

/**
 * A number another branch (or a reservation) gives to a different document: the two will collide
 * when the branches meet. Caught here, before the merge, while renumbering one is still cheap.
 */
export const branchCollision: Rule<'branch-collision'> = {
  id: 'branch-collision',
  severity: 'warning',
  description: "no other branch, local or remote-tracking, and no number reservation gives a document's id to a different document",
  run: ({ docs, elsewhere }) =>
    elsewhere?.length
      ? collisions(docs, elsewhere).map(({ doc, other }) => {
          const title = other.title ? `"${other.title}"` : other.basename;
          const id = doc.id ?? other.id;
          const message = other.refs.includes('reserved')
            ? `${id} is reserved for ${title} (${other.basename}); give this one a new number: archdoc renumber ${doc.path}`
            : `${id} is also the id of ${title} on ${other.refs.join(', ')} (${other.path}); give one of them a new number before the branches meet: archdoc renumber ${doc.path}`;
          return { path: doc.path, line: keyAt(doc, doc.kind.idKey), col: 1, message };
        })
      : [],
};
