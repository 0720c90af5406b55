import { fieldLinks, looksLikeFilePath, markdownLinks, resolveLink } from '../../links.js';
import { documentRule, keyAt, type DocumentRule, type RawFinding } from '../types.js';

/** Links resolve: id references in link fields, and relative Markdown links to other files. */
export const brokenLink: DocumentRule<'broken-link'> = documentRule({
  id: 'broken-link',
  severity: 'error',
  description: 'decision_ref, supersedes, superseded_by, related_* and relative Markdown links point at something that exists',
  judge: ({ index, exists }) => {
    const knownPrefix = new Set(index.prefixes);
    return (d) => {
      const out: RawFinding[] = [];
      if (!d.parsed) return out;
      for (const l of fieldLinks(d, index)) {
        // A link the body states (`Superseded by [X](x.md)` in a record of another tool) is found
        // at the status's line; as a Markdown link it is judged with the others below, once.
        const inBody = !(l.field in d.data);
        const line = !inBody ? keyAt(d, l.field) : d.bodyStatus ? d.bodyLine + d.bodyStatus.line - 1 : keyAt(d, 'status');
        if (l.target) {
          if (!index.byId.has(l.target)) out.push({ path: d.path, line, col: 1, message: `${l.field} names ${l.target}, which does not exist` });
          continue;
        }
        if (inBody && typeof l.raw === 'string' && markdownLinks(d.body).some((m) => m.target === l.raw)) continue;
        // Free text that names no document of a known kind: an id of an unknown kind is not ours to judge.
        const text = typeof l.raw === 'string' ? l.raw : JSON.stringify(l.raw);
        // A path to a file that is no document (notes, a diagram): relative to the document, or to the root.
        if (typeof l.raw === 'string' && looksLikeFilePath(l.raw)) {
          const p = l.raw.trim().replace(/^\.\//, '');
          if (exists(resolveLink(d.path, p)) || (!p.startsWith('../') && exists(p))) continue;
          out.push({ path: d.path, line, col: 1, message: `${l.field} names ${l.raw}, a file that does not exist` });
          continue;
        }
        const m = /\b([A-Za-z]+)-\d+/.exec(text);
        if (m && !knownPrefix.has(m[1]!.toUpperCase())) continue;
        out.push({
          path: d.path,
          line,
          col: 1,
          message: `${l.field} entry ${JSON.stringify(l.raw)} names no document; write an id like ${index.prefixes[0] ?? 'RFC'}-0001`,
        });
      }
      for (const link of markdownLinks(d.body)) {
        const target = resolveLink(d.path, link.target);
        if (!exists(target)) {
          out.push({ path: d.path, line: d.bodyLine + link.line - 1, col: 1, message: `link to ${link.target} is broken: ${target} does not exist` });
        }
      }
      return out;
    };
  },
});
