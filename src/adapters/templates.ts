/**
 * Body templates. A repository overrides a built-in template by placing
 * `.archdoc/templates/<name>.md.eta`. Only the body is templated: frontmatter is built as data, and
 * a template only inserts the documented variables (src/core/template.ts), so user text and
 * repository files are data, never code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { renderTemplate, type TemplateData } from '../core/template.js';
import { packageRoot } from './package-root.js';
import { readSmallFile } from './store.js';

export type { TemplateData };

export const builtinTemplates = () => path.join(packageRoot(), 'templates');

export function templatePath(root: string, name: string): string | undefined {
  const local = path.join(root, '.archdoc', 'templates', `${name}.md.eta`);
  if (fs.existsSync(local)) return local;
  const builtin = path.join(builtinTemplates(), `${name}.md.eta`);
  return fs.existsSync(builtin) ? builtin : undefined;
}

export function renderBody(root: string, name: string, data: TemplateData): string {
  const file = templatePath(root, name);
  // A heading is one line: a title with a newline keeps it in the frontmatter, not in `# ...`.
  const safe = { ...data, title: data.title.replace(/\s*[\r\n]+\s*/g, ' ') };
  if (!file) return `# ${safe.id}: ${safe.title}\n`;
  const local = !path.relative(root, file).startsWith('..');
  const shown = local ? path.relative(root, file) : `${name}.md.eta (built in)`;
  // A repository's template must be a small regular file inside it: not a link to a system file.
  return renderTemplate(readSmallFile(file, shown, local ? root : undefined), safe, shown);
}
