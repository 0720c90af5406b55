import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { renderTemplate, type TemplateData } from '../../src/core/template.js';

const data: TemplateData = {
  id: 'RFC-0001',
  title: 'Adopt PostgreSQL',
  author: 'Ada',
  date: '2026-11-25',
  status: 'DRAFT',
  kind: 'rfc',
  number: '1',
  status_word: 'Draft',
};

describe('renderTemplate', () => {
  it('inserts the documented variables, with or without spaces, as they are', () => {
    expect(renderTemplate('# <%= it.id %>: <%=it.title%>\n\nBy <%~ it.author %> on <%= it.date %> (<%= it.status %>, <%= it.kind %>)\n', data, 't')).toBe(
      '# RFC-0001: Adopt PostgreSQL\n\nBy Ada on 2026-11-25 (DRAFT, rfc)\n',
    );
  });

  it('copies text without tags byte for byte', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('<%')),
        (text) => {
          expect(renderTemplate(text, data, 't')).toBe(text);
        },
      ),
    );
  });

  it('never reads what it inserts as a template: values with tags stay text', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        expect(renderTemplate('<%= it.title %>', { ...data, title }, 't')).toBe(title);
      }),
    );
  });

  const refused: Array<[string, number]> = [
    ["ok\n<% process.getBuiltinModule('fs').writeFileSync('/tmp/x', 'y') %>", 2],
    ['<%= it.title.constructor.constructor("return process")() %>', 1],
    ['<%~ include("./other") %>', 1],
    ['<% layout("./base") %>', 1],
    ['<%= it.secret %>', 1],
    ['<%- it.title %>', 1],
    ['a\nb\n<%= it.title', 3],
    ['<%= it.title -%>', 1],
  ];
  it.each(refused)('refuses %j with its line, exit 2', (text, line) => {
    let caught: unknown;
    try {
      renderTemplate(text, data, '.archdoc/templates/rfc.md.eta');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).exitCode).toBe(2);
    expect((caught as UsageError).message).toMatch(new RegExp(`^\\.archdoc/templates/rfc\\.md\\.eta:${line}: `));
    expect((caught as UsageError).message).not.toContain('\n');
  });
});
