import { statusFolderPattern } from '../../kinds.js';
import { documentRule, keyAt, type DocumentRule } from '../types.js';

/** With the by-status layout a document lives in its status's folder; with flat, in the kind's folder. */
export const statusFolderRule: DocumentRule<'status-folder'> = documentRule({
  id: 'status-folder',
  severity: 'error',
  description: 'the file is in the folder its status and layout require (by-status: rfcs/review/ for REVIEW, ...)',
  judge:
    ({ config }) =>
    (d) => {
      if (!d.statusKnown || !d.status) return [];
      const layout = d.kind.layout ?? config.layout;
      const folder = d.path.slice(0, d.path.lastIndexOf('/'));
      const { pattern, text } = statusFolderPattern(d.kind, d.status, layout);
      if (pattern.test(folder)) return [];
      const how = layout === 'flat' ? '' : ` (archdoc ${d.kind.commands?.status ?? 'status'} moves files itself when it changes a status)`;
      return [
        {
          path: d.path,
          line: keyAt(d, 'status'),
          col: 1,
          message: `status ${d.status} belongs in ${text}/, but the file is in ${folder}/; move it there${how}`,
        },
      ];
    },
});
