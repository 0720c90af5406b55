import { placeholdersOf } from '../../sections.js';
import { holdsIn } from '../statuses.js';
import { documentRule, type DocumentRule } from '../types.js';

/** In the statuses that name this rule (by default: approved or later), no `[Template placeholder]` is left. */
export const placeholder: DocumentRule<'placeholder'> = documentRule({
  id: 'placeholder',
  severity: 'error',
  description: 'no template placeholder ([Component/Feature Name]-style brackets) is left in a status that asks for it (by default: approved or later)',
  judge: () => (d) => {
    if (!d.parsed || !holdsIn(d.kind, d.status, 'placeholder')) return [];
    return placeholdersOf(d).map((p) => ({
      path: d.path,
      line: d.bodyLine + p.line - 1,
      col: p.col,
      message: `template placeholder ${p.text.length > 60 ? `${p.text.slice(0, 57)}…]` : p.text} left in this ${d.status} document; replace it with real text`,
    }));
  },
});
