/**
 * Body templates, rendered with eta. A repository overrides a built-in template by placing
 * `.archdoc/templates/<name>.md.eta`. Only the body is templated: frontmatter is built as data, and
 * user text reaches a template as data (`it.title`), never as template code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from './package-root.js';

export const builtinTemplates = () => path.join(packageRoot(), 'templates');

export interface TemplateData {
  id: string;
  title: string;
  author: string;
  date: string;
  status: string;
  kind: string;
}

export function templatePath(root: string, name: string): string | undefined {
  const local = path.join(root, '.archdoc', 'templates', `${name}.md.eta`);
  if (fs.existsSync(local)) return local;
  const builtin = path.join(builtinTemplates(), `${name}.md.eta`);
  return fs.existsSync(builtin) ? builtin : undefined;
}

export async function renderBody(root: string, name: string, data: TemplateData): Promise<string> {
  const file = templatePath(root, name);
  // A heading is one line: a title with a newline keeps it in the frontmatter, not in `# ...`.
  const safe = { ...data, title: data.title.replace(/\s*[\r\n]+\s*/g, ' ') };
  if (!file) return `# ${safe.id}: ${safe.title}\n`;
  const { Eta } = await import('eta');
  const eta = new Eta({ autoEscape: false, autoTrim: false, useWith: false, cache: false });
  return eta.renderString(fs.readFileSync(file, 'utf8'), safe);
}
