/**
 * Body templates: text with `<%= it.name %>` tags (Eta's syntax) for the documented variables, and
 * nothing else. A template comes from the repository, so anyone who can push a commit could write
 * one: it is data, never code. Every other tag (code, `include`, `layout`, raw blocks, unknown
 * variables) is refused with the line it stands on, before anything is written.
 */
import { UsageError } from './errors.js';

/** The variables a template may use, in the order the documentation lists them. */
export const TEMPLATE_VARIABLES = ['id', 'title', 'author', 'date', 'status', 'kind', 'number', 'status_word'] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateData = Record<TemplateVariable, string>;

/** `<%= it.title %>` or `<%~ it.title %>` (the same here: values are inserted as they are). */
const VARIABLE_TAG = /^<%[=~]\s*it\.([A-Za-z_$][\w$]*)\s*%>$/;

/** Renders `text`; `file` names the template in messages. Throws a UsageError (exit 2) for a tag that is not a variable. */
export function renderTemplate(text: string, data: TemplateData, file: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('<%', at);
    if (open === -1) return out + text.slice(at);
    const close = text.indexOf('%>', open + 2);
    const line = text.slice(0, open).split('\n').length;
    if (close === -1) throw new UsageError(`${file}:${line}: a template tag opened with <% is never closed with %>`);
    const tag = text.slice(open, close + 2);
    const name = VARIABLE_TAG.exec(tag)?.[1];
    if (name === undefined || !(TEMPLATE_VARIABLES as readonly string[]).includes(name)) {
      const shown = tag.length > 60 ? `${tag.slice(0, 57)}...` : tag;
      throw new UsageError(
        `${file}:${line}: templates may only insert variables, like <%= it.title %> (${TEMPLATE_VARIABLES.join(', ')}); found ${JSON.stringify(shown)}`,
      );
    }
    out += text.slice(at, open) + data[name as TemplateVariable];
    at = close + 2;
  }
}
