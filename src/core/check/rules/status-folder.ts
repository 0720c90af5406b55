import { statusFolderPattern } from '../../kinds.js';
import { keyAt, type Rule } from '../types.js';

/** With the by-status layout a document lives in its status's folder; with flat, in the kind's folder. */
export const statusFolderRule: Rule<'status-folder'> = {
  id: 'status-folder',
  severity: 'error',
  description: 'the file is in the folder its status and layout require (by-status: rfcs/review/ for REVIEW, ...)',
  run: ({ docs, config }) =>
    docs.flatMap((d) => {
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
    }),
};
