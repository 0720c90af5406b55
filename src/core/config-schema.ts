/** The configuration file's schema, as JSON Schema. Validated against in src/core/config.ts. */
import { FILE_NAME_PATTERN } from './file-names.js';
import { STATUS_RULE_IDS } from './check/rule-ids.js';
import type { JsonSchema } from './schema.js';

const statusName: JsonSchema = { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' };
/**
 * A folder inside the work tree: relative, `/`-separated, no control character, no `.` or `..`
 * segment, no empty segment or trailing `/`, never the git directory. `[\s\S]` rather than `.`,
 * which would stop at a newline and let `x\n/../..` through.
 */
const FOLDER =
  '(?![\\s\\S]*[\\u0000-\\u001f\\u007f])(?!/)(?![A-Za-z]:)(?![\\s\\S]*(^|/)\\.\\.?(/|$))(?![\\s\\S]*//)(?![\\s\\S]*/$)(?![\\s\\S]*(^|/)[.][gG][iI][tT](/|$))[^\\\\]+';
const relFolder: JsonSchema = {
  type: 'string',
  minLength: 1,
  pattern: `^${FOLDER}$`,
  description: 'A folder relative to the repository root, with / separators: no `..`, no control characters, not .git.',
};

const guard: JsonSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { type: { enum: ['reviewers-named'] }, min: { type: 'integer', minimum: 0 }, warn_below: { type: 'integer', minimum: 0 } },
      required: ['type'],
      additionalProperties: false,
    },
    { type: 'object', properties: { type: { enum: ['reviewer-approved', 'no-placeholders'] } }, required: ['type'], additionalProperties: false },
    {
      type: 'object',
      properties: { type: { enum: ['sections'] }, sections: { type: 'array', items: { type: 'string', minLength: 1 } } },
      required: ['type', 'sections'],
      additionalProperties: false,
    },
    { type: 'object', properties: { type: { enum: ['by'] }, required: { type: 'boolean' } }, required: ['type'], additionalProperties: false },
    {
      type: 'object',
      properties: { type: { enum: ['linked-status'] }, field: { type: 'string' }, statuses: { type: 'array', items: statusName } },
      required: ['type', 'field', 'statuses'],
      additionalProperties: false,
    },
  ],
};

const kind: JsonSchema = {
  type: 'object',
  description: 'A document kind. Keys given here override the built-in kind of the same name; a new name defines a new kind.',
  additionalProperties: false,
  properties: {
    label: { type: 'string', minLength: 1, description: 'Human name, e.g. "PRD".' },
    plural: { type: 'string', minLength: 1 },
    prefix: { type: 'string', pattern: '^[A-Z]+$', description: 'Id prefix, e.g. PRD for PRD-0001.' },
    folder: relFolder,
    layout: { enum: ['by-status', 'flat'] },
    id_key: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'Frontmatter key holding the id.' },
    template: { type: 'string', pattern: '^[A-Za-z0-9_-]+$', description: 'Template name: .archdoc/templates/<name>.md.eta or the built-in one.' },
    statuses: {
      type: 'object',
      propertyNames: statusName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          folder: {
            type: 'string',
            pattern: `^$|^${FOLDER}$`,
            description:
              'Sub-folder in the by-status layout, relative to the kind folder ({year} is replaced by the year): no `..`, no control characters, not .git.',
          },
          archived: { type: 'boolean' },
          description: { type: 'string' },
        },
      },
    },
    initial: statusName,
    transitions: { type: 'object', propertyNames: statusName, additionalProperties: { type: 'array', items: statusName } },
    guards: { type: 'object', propertyNames: statusName, additionalProperties: { type: 'array', items: guard } },
    on_enter: {
      type: 'object',
      propertyNames: statusName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { dates: { type: 'array', items: { type: 'string' } }, archive: { type: 'boolean' } },
      },
    },
    fields: { type: 'array', items: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, description: 'Frontmatter keys written at creation.' },
    summary_section: { type: 'string' },
    required_sections: { type: 'array', items: { type: 'string' } },
    status_section: { type: 'string' },
    links: { type: 'object', additionalProperties: { type: 'string' }, description: 'Link fields and the kind they point at.' },
    create_links: { type: 'object', additionalProperties: { type: 'string' } },
    relations: {
      type: 'object',
      propertyNames: { enum: ['implements', 'relates-to', 'depends-on', 'amends'] },
      additionalProperties: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      description:
        'The typed links archdoc link adds, each relation with the frontmatter field it is stored in (default relates-to: relates_to, depends-on: depends_on, amends: amends, and implements for tech specs: decision_ref).',
    },
    order: { type: 'array', items: statusName },
    superseded_status: statusName,
    decision_discipline: { type: 'boolean' },
    approved_statuses: { type: 'array', items: statusName, description: 'Statuses that count as approved or later for check.' },
    frontmatter: {
      enum: ['required', 'optional'],
      description: 'optional: records may have no frontmatter; id from the file name, title from the first heading, status and date from the body.',
    },
    status_aliases: {
      type: 'object',
      additionalProperties: statusName,
      description: "Words the repository writes for statuses (case does not matter), to the kind's statuses: { implemented: COMPLETED }.",
    },
    section_names: {
      type: 'object',
      additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
      description:
        'Other headings a section goes by, for every rule and guard that looks for it: { Context: [Contexto], "Options Analysis": [Considered Options] }.',
    },
    file_name: {
      type: 'string',
      pattern: FILE_NAME_PATTERN,
      description:
        'How files are named: {id}-{slug}.md (RFC-0012-adopt-x.md, the default), {nnnn}-{slug}.md (0012-adopt-x.md; as many n as digits), {date}-{slug}.md (20261130-adopt-x.md, no number) or {yyyy-mm-dd}-{slug}.md.',
    },
    exclude: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        "File names (globs: * and ?) in the kind's folder that are not records. Default, for names without a number: README.md, index.md, template.md, *-template.md, template-*.md, _*.md.",
    },
    status_rules: {
      type: 'object',
      propertyNames: statusName,
      additionalProperties: { type: 'array', items: { enum: [...STATUS_RULE_IDS] } },
      description: 'The check rules that must hold in each status; a status not named keeps its default.',
    },
    approvals: {
      type: 'object',
      additionalProperties: false,
      description: 'How approvals count for the reviewer-approved guard.',
      properties: {
        min: { type: 'integer', minimum: 0, default: 1, description: 'Approving reviewers needed.' },
        exclude_author: { type: 'boolean', default: true, description: "The author's own approval does not count." },
        declined_blocks: { type: 'boolean', default: true, description: 'A declined review blocks approval.' },
        reset_on_draft: { type: 'boolean', default: true, description: 'Reviews go back to pending when the document returns to its initial status.' },
        reset_on_change: { type: 'boolean', default: true, description: 'An approval of an earlier text of the body does not count for a status change.' },
      },
    },
  },
};

export const CONFIG_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/archdoc/archdoc/archdoc.schema.json',
  title: 'archdoc configuration (.archdoc.yml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    id_padding: { type: 'integer', minimum: 1, maximum: 9, default: 4, description: 'Digits in an id number: 4 gives RFC-0001.' },
    layout: { enum: ['by-status', 'flat'], default: 'by-status', description: 'by-status moves a file to its status folder; flat keeps paths fixed.' },
    commit: { type: 'boolean', default: true, description: 'Commit every change to git.' },
    review_stale_days: { type: 'integer', minimum: 1, default: 14, description: 'check warns about documents in REVIEW longer than this.' },
    kinds: { type: 'object', propertyNames: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' }, additionalProperties: kind },
    numbering: {
      type: 'object',
      additionalProperties: false,
      description: 'How new documents get their numbers.',
      properties: {
        reserve: {
          type: 'string',
          // A remote's name or URL: never one that git would read as an option.
          pattern: '^[^-\\s][^\\s]*$',
          description:
            'A remote name or URL (never starting with "-", no spaces) on which each new number is reserved (refs/archdoc/ids/<kind>/<number>) before the document is created.',
        },
      },
    },
    rules: {
      type: 'object',
      description: 'Turn check rules off or change their severity.',
      additionalProperties: { enum: ['off', 'warning', 'error'] },
    },
  },
};
