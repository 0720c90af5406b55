/**
 * The command registry: declares commands and options for commander, nothing else. What each
 * command does is in src/entry/actions.ts, which imports a command's module only when it runs, so
 * `--help` and `--version` load almost nothing. Runs that need no help, suggestion or error from
 * commander are parsed without it, from a description of this registry (src/entry/quick-parse.ts).
 */
import { Command, Option } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../adapters/package-root.js';
import { colourLevel } from '../terminal/stdio.js';
import type { System } from '../terminal/system.js';
import { article, DEFAULT_KINDS, inSentence, type GuardSpec } from '../core/kinds.js';
import { ACTIONS, type Action, type Opts, type RunStatus } from './actions.js';
import { QUESTIONS } from '../core/recommend.js';

/** The parser of repeatable options: each use adds its value. */
export const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The package's version, written into the bundle by the build; read from package.json when run from source. */
declare const __ARCHDOC_VERSION__: string | undefined;

function version(): string {
  if (typeof __ARCHDOC_VERSION__ === 'string') return __ARCHDOC_VERSION__;
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')).version as string;
  } catch {
    return '0.0.0';
  }
}

/** Options of the command merged with the program's global ones (`--cwd`, `--debug`). */
function all(cmd: Command): Opts {
  return cmd.optsWithGlobals() as Opts;
}

/** Commander's action for `name`: its positional arguments, then its options, then the command. */
function run(name: string, actions: Readonly<Record<string, Action>>, system: System, status: RunStatus) {
  return async (...a: unknown[]) => {
    const cmd = a[a.length - 1] as Command;
    await actions[name]!(a.slice(0, -2) as Array<string | undefined>, all(cmd), system, status);
  };
}

/** The built-in kinds with commands of their own (`create-rfc`, `rfc-status`, `list-rfcs`, ...). */
const KINDS = Object.values(DEFAULT_KINDS).map((k) => ({
  name: k.name,
  prefix: k.prefix,
  label: inSentence(k.label),
  a: article(inSentence(k.label)),
  plural: inSentence(k.plural),
  create: k.commands!.create!,
  status: k.commands!.status!,
  list: k.commands!.list!,
}));

/** The built-in workflow of a kind, for `--help` (a repository's config may change it). */
function workflowHelp(kind: string): string {
  const k = DEFAULT_KINDS[kind]!;
  const lines = Object.entries(k.transitions)
    .filter(([, to]) => to.length)
    .map(([from, to]) => `  ${from.padEnd(12)} → ${to.join(', ')}`);
  const guards = Object.entries(k.guards ?? {}).map(([to, gs]) => `  ${to.padEnd(12)} ${gs.map(describeGuard).join('; ')}`);
  return `\nWorkflow (built-in; .archdoc.yml can change it):\n${lines.join('\n')}${guards.length ? `\nGuards:\n${guards.join('\n')}` : ''}\n\nExamples:\n  archdoc ${k.commands!.status} ${k.prefix}-0001\n  archdoc ${k.commands!.status} 1 --set ${k.transitions[k.initial]![0]} --comment "Ready"`;
}

function describeGuard(g: GuardSpec): string {
  switch (g.type) {
    case 'reviewers-named':
      return `a reviewer named${g.warn_below ? ` (warns below ${g.warn_below})` : ''}`;
    case 'reviewer-approved':
      return 'a reviewer approved (--reviewer "Name:approved")';
    case 'sections':
      return `sections written: ${g.sections.join(', ')}`;
    case 'no-placeholders':
      return 'no [template placeholders] left';
    case 'by':
      return g.required === false ? 'optional --by <id>' : 'needs --by <id>';
    case 'linked-status':
      return `${g.field} must be ${g.statuses.join('/')}`;
  }
}

function addCreateOptions(cmd: Command, kind?: string): Command {
  cmd
    .option('--author <name>', 'author (default: git user.name)')
    .option('--force', 'create even when a document with a similar title exists')
    .option('-y, --yes', 'never prompt; fail on a missing value instead')
    .option('--no-interactive', 'never prompt (same as --yes)')
    .option('--no-commit', 'write the file but do not commit it')
    .option('--offline', 'with numbering.reserve in the config: take the next number this clone knows, without reserving it')
    .option('--open', 'then open it in your editor ($VISUAL, $EDITOR, git core.editor, vi) and check what you wrote; commits none of your edits');
  cmd.option('--reviewer <name>', 'add a reviewer, "Name" or "Name:approved" (repeatable)', collect);
  cmd.option('--relates-to <id>', 'a document it relates to, any kind (sets relates_to; repeatable)', collect);
  if (!kind || kind === 'tech-spec') cmd.option('--rfc <id>', 'the RFC this spec implements (sets decision_ref)');
  if (!kind || kind === 'adr') cmd.option('--supersedes <id>', 'the ADR this one replaces (marks it SUPERSEDED)');
  return cmd;
}

/** What `create` asks at a terminal, what `--open` does, and examples. */
function createHelp(command: string, kind?: string): string {
  const link = kind === 'tech-spec' ? ' --rfc RFC-0001' : kind === 'adr' ? ' --supersedes ADR-0001' : '';
  const title =
    kind === 'tech-spec'
      ? 'Orders service API'
      : kind === 'adr'
        ? 'Use ULIDs for order ids'
        : kind === 'system-design'
          ? 'Checkout platform'
          : 'Adopt PostgreSQL';
  return `
At a terminal, what no option gives is asked: the title, reviewers (comma-separated), the RFC a
tech spec implements, the ADR an ADR supersedes, and related documents (relates_to). Every
question can be skipped; -y or --no-interactive, or no terminal, asks nothing.
--open opens the new document in your editor once it is committed, then prints what check finds
in it. Your edits are not committed: commit them yourself (a status change commits only its own
change). Without a terminal --open starts no editor.

Examples:
  archdoc ${command}
  archdoc ${command} "${title}"${link} --reviewer "Alice Chen" --open
  archdoc ${command} "${title}" --relates-to RFC-0002 --relates-to ADR-0004 --yes`;
}

/** `new`'s answers, each with its `--no-` form, and the options of create it passes on. */
function addNewOptions(cmd: Command): Command {
  for (const q of QUESTIONS) {
    cmd.option(`--${q.flag}`, `answer yes: ${q.text}`).option(`--no-${q.flag}`, 'answer no');
  }
  return cmd
    .option('--explain', 'print the recommendation and the answers that led to it; create nothing')
    .option('--author <name>', 'author (default: git user.name)')
    .option('--reviewer <name>', 'add a reviewer, "Name" or "Name:approved" (repeatable)', collect)
    .option('--relates-to <id>', 'a document it relates to, any kind (sets relates_to; repeatable)', collect)
    .option('--rfc <id>', 'for a tech spec: the RFC it implements (sets decision_ref)')
    .option('--supersedes <id>', 'a document of the kind created that it replaces (marks it SUPERSEDED)')
    .option('--force', 'create even when a document with a similar title exists')
    .option('-y, --yes', 'never prompt: create what the answers given recommend (needs the title and enough answers)')
    .option('--no-interactive', 'never prompt (same as --yes)')
    .option('--no-commit', 'write the file but do not commit it');
}

const newHelp = `
The rules read the answers in this order; the first that matches decides:
  1. --whole-system      Is it a whole system's shape? yes: a system design
  2. --approach-decided  Is the approach already decided, and only the how is missing? yes: a tech spec
  3. --several-options   Are there several viable options? no: an ADR
  4. --cross-team, --costly-to-reverse, --needs-review
                         Does it cross team boundaries? Is it costly to reverse? Does it need
                         stakeholder review? any yes: an RFC; all no: an ADR
Each answer has a --no- form. At a terminal the questions still needed are asked, the
recommendation is shown with its reason, and you confirm it or choose another kind. With --yes
(or without a terminal) nothing is asked: --whole-system and --approach-decided count as no when
not given; the others must be given when the recommendation turns on them.

Examples:
  archdoc new
  archdoc new "Split the orders service" --several-options --cross-team --yes
  archdoc new "Orders service API" --approach-decided --reviewer "Alice Chen" --yes
  archdoc new "Checkout platform" --whole-system --explain`;

function addStatusOptions(cmd: Command, kind?: string): Command {
  cmd
    .option('--set <status>', 'move to this status (case-insensitive)')
    .option('--comment <text>', 'why; recorded in the history with the status change')
    .option('--by <id>', 'the replacing document, for SUPERSEDED (and ARCHIVED specs)')
    .option('--no-commit', 'write the change but do not commit it');
  cmd.option('--reviewer <name>', 'add a reviewer, or set one\'s status: "Name", "Name:approved" (repeatable)', collect);
  if (!kind || kind === 'tech-spec') cmd.option('--link-rfc <id>', 'link the spec to an RFC (sets decision_ref)');
  return cmd;
}

function addListOptions(cmd: Command, kind?: string): Command {
  cmd
    .option('--status <status>', 'only this status (repeatable, or comma-separated)', collect)
    .option('--author <name>', 'only documents by this author')
    .option('--reviewer <name>', 'only documents waiting on this reviewer (me: your git user.name), oldest first')
    .option('--all', 'include archived documents')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'list', 'json', 'csv']).default('table'))
    .option('--json', 'same as --format json');
  if (!kind) cmd.option('--type <kind>', 'only this kind: rfc, tech-spec, adr, system-design or one from the config (repeatable, or comma-separated)', collect);
  if (!kind || kind === 'tech-spec') cmd.option('--rfc <id>', 'only specs implementing this RFC');
  return cmd;
}

/** Commands `buildProgram` can register on their own; any other word needs them all (help, suggestions). */
const SINGLE = new Set([
  'init',
  'create',
  'new',
  'edit',
  'status',
  'list',
  'check',
  'show',
  'search',
  'mcp',
  'renumber',
  'import',
  'link',
  'unlink',
  'index',
  'graph',
  ...KINDS.flatMap((k) => [k.create, k.status, k.list]),
]);

/**
 * The command a run names, when registering it alone gives the same result as registering all:
 * its first word is a command (not help, completion or a mistyped name), after the global options.
 */
function chosenCommand(argv: string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-C' || a === '--cwd') i++;
    else if (a === '--debug' || a.startsWith('--cwd=') || (a.startsWith('-C') && a.length > 2)) continue;
    else return SINGLE.has(a) ? a : undefined;
  }
  return undefined;
}

/**
 * The program for one run in `system`. A command that decides the exit code itself (`check`)
 * sets `status.exitCode`; errors are turned into exit codes by the caller (src/entry/main.ts).
 * Given `argv`, only the command it names is registered when that changes nothing the user sees:
 * registering every command and option costs a millisecond or two of each short run.
 */
export function buildProgram(system: System, status: RunStatus = { exitCode: 0 }, argv?: string[], actions = ACTIONS): Command {
  const action = (name: string) => run(name, actions, system, status);
  const only = argv && chosenCommand(argv);
  const wanted = (name: string) => !only || only === name;
  // A command's declaration, then its options.
  const withOptions = (cmd: Command, add: (c: Command) => Command): Command => add(cmd);
  const program = new Command('archdoc')
    .description('RFCs, ADRs and tech specs as numbered Markdown in git: enforced workflows, true links, clean commits.')
    .version(version(), '-V, --version', 'print the version')
    .option('-C, --cwd <dir>', 'run as if started in <dir>')
    .option('--debug', 'print stack traces for errors')
    // Help and errors are written like everything archdoc prints (src/terminal/stdio.ts); only a terminal
    // has a width and colours, and asking Node's stream first would create it.
    .configureOutput({
      writeOut: (s) => system.stdout.write(s),
      writeErr: (s) => system.stderr.write(s),
      getOutHelpWidth: () => system.stdout.columns() ?? 80,
      getErrHelpWidth: () => system.stderr.columns() ?? 80,
      getOutHasColors: () => colourLevel(system.env, system.stdout.isTTY()) > 0,
      getErrHasColors: () => colourLevel(system.env, system.stderr.isTTY()) > 0,
    })
    .showSuggestionAfterError()
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  archdoc init
  archdoc create-rfc "Adopt PostgreSQL" --reviewer "Alice Chen"
  archdoc rfc-status RFC-0001 --set REVIEW
  archdoc rfc-status 1 --reviewer "Alice Chen:approved"
  archdoc create-tech-spec "Orders service" --rfc RFC-0001
  archdoc list
  archdoc check

Exit codes: 0 success, 1 refused operation or check found errors, 2 usage or configuration error.`,
    );

  if (wanted('init'))
    withOptions(
      program
        .command('init')
        .description('write .archdoc.yml and the document folders, reading the records already there as they are')
        .addHelpText(
          'after',
          '\nExisting records are found by .adr-dir, .log4brains.yml and numbered or dated Markdown files, and the\nconfiguration reads them where and as they are: no record is changed. See docs/adopting.md.',
        ),
      (c) =>
        c
          .addOption(
            new Option('--layout <layout>', 'by-status moves files to status folders; flat keeps paths fixed')
              .choices(['by-status', 'flat'])
              .default('by-status'),
          )
          .option('--dir <folder>', 'keep every kind under this folder (docs gives docs/rfcs, docs/tech-specs, docs/adr, docs/system-designs)')
          .option('--force', 'overwrite an existing configuration')
          .option('--detect', 'find existing records again and set what it finds in the existing configuration, keeping the rest')
          .option('--no-commit', 'write the file but do not commit it'),
    ).action(action('init'));

  if (wanted('create'))
    withOptions(
      program
        .command('create')
        .description('create a document of any kind from its template, and commit it')
        .argument('<kind>', 'rfc, tech-spec, adr, system-design, or a kind from the config')
        .argument('[title]', 'the title (prompted for at a terminal when missing)')
        .addHelpText('after', () => createHelp('create rfc')),
      (c) => addCreateOptions(c),
    ).action(action('create'));

  if (wanted('new'))
    withOptions(
      program
        .command('new')
        .description('recommend an RFC, ADR, tech spec or system design from a few questions, then create it')
        .argument('[title]', 'the title (prompted for at a terminal when missing)')
        .addHelpText('after', newHelp),
      addNewOptions,
    ).action(action('new'));

  if (wanted('edit'))
    program
      .command('edit')
      .description('open a document in your editor, then print what check finds in it; commits nothing')
      .argument('<id>', 'RFC-0003, TS-12, adr-4, ..., or the path of its file')
      .addHelpText(
        'after',
        `
The editor is $VISUAL, else $EDITOR, else git's core.editor, else vi; like git, archdoc runs it
with sh, so it may carry arguments ("code --wait"). When it exits 0, the document's findings are
printed, as \`archdoc check <file>\` prints them; a failing editor exits 1. Your edits are never
committed: commit them yourself (a status change commits only its own change, on the committed text).
Without a terminal no editor is started: the document's path is printed, for scripts.

Examples:
  archdoc edit RFC-0003
  EDITOR="code --wait" archdoc edit 3
  $EDITOR "$(archdoc edit adr-4)"`,
      )
      .action(action('edit'));

  if (wanted('status'))
    withOptions(
      program
        .command('status')
        .description('show a document, or change its status or reviewers (one commit)')
        .argument('<id>', 'RFC-0007, TS-12, adr-4, ..., or the path of its file'),
      (c) => addStatusOptions(c),
    ).action(action('status'));

  if (wanted('list'))
    withOptions(program.command('list').description('list documents of every kind: a summary, then a table'), (c) => addListOptions(c)).action(action('list'));

  if (wanted('check'))
    withOptions(
      program
        .command('check')
        .description('validate every document (the CI gate): exit 0 clean, 1 errors found, 2 usage or config error')
        .argument('[paths...]', 'only the documents in these files or folders (links are still checked across the repository)'),
      (c) =>
        c
          .addOption(new Option('--format <format>', 'text, json, or github (Actions annotations)').choices(['text', 'json', 'github']).default('text'))
          .option('--strict', 'warnings fail the check too')
          .option('--staged', "check the documents as git's index holds them, those with staged changes only (pre-commit hooks)")
          .option('--base <ref>', 'check what changed since the merge base with <ref> (pull requests): workflow steps, ids, deletions, the documents touched'),
    ).action(action('check'));

  if (wanted('index'))
    withOptions(
      program
        .command('index')
        .description("write a Markdown index of the documents (id, title, status, date, links) into each kind folder's README.md (one commit)")
        .addHelpText(
          'after',
          '\nThe index goes between <!-- archdoc:index:start --> and <!-- archdoc:index:end -->; the rest of the file is kept\nas it is. Archived documents come after the others. A file written with --file remembers its options in its start\nmarker; without --file, index (and --check) keeps every index file of the repository current.\n\nExamples:\n  archdoc index\n  archdoc index --check\n  archdoc index --file docs/decisions.md --one-table --graph',
        ),
      (c) =>
        c
          .option('--check', 'write nothing; exit 1 when an index is missing or out of date (CI)')
          .option('--file <path>', 'this one index file (of every kind, unless --kind), instead of every index file of the repository')
          .option('--kind <kind>', 'only this kind (repeatable, or comma-separated)', collect)
          .option('--one-table', 'with --file: one table of every kind, with a kind column (the file remembers it)')
          .option('--no-one-table', 'with --file: a table per kind again, in a file written with --one-table')
          .option('--graph', 'also write the link graph (Mermaid) into the index file')
          .option('--no-commit', 'write the files but do not commit them'),
    ).action(action('index'));

  if (wanted('graph'))
    withOptions(
      program
        .command('graph')
        .description('print the link graph of the documents (implements, supersedes, depends on, amends, relates to)')
        .addHelpText(
          'after',
          '\nExamples:\n  archdoc graph\n  archdoc graph --format dot | dot -Tsvg > decisions.svg\n  archdoc graph --kind rfc,tech-spec --status APPROVED',
        ),
      (c) =>
        c
          .addOption(new Option('--format <format>', 'mermaid (GitHub and GitLab draw it) or dot (Graphviz)').choices(['mermaid', 'dot']).default('mermaid'))
          .option('--kind <kind>', 'only documents of this kind (repeatable, or comma-separated)', collect)
          .option('--status <status>', 'only documents in this status (repeatable, or comma-separated)', collect),
    ).action(action('graph'));

  if (wanted('completion'))
    program
      .command('completion')
      .description('print a shell completion script (bash, zsh or fish)')
      .argument('<shell>', 'bash, zsh or fish')
      .addHelpText(
        'after',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a zsh variable, for the user to paste
        '\nExamples:\n  archdoc completion bash > ~/.local/share/bash-completion/completions/archdoc\n  archdoc completion zsh > "${fpath[1]}/_archdoc"\n  archdoc completion fish > ~/.config/fish/completions/archdoc.fish',
      )
      .action(async (shell: string) => {
        system.stdout.write(await (await import('../commands/completion.js')).run(shell, program));
      });

  if (wanted('show'))
    withOptions(
      program
        .command('show')
        .description('show any document with its links (both ways) and its history')
        .argument('<id>', 'RFC-0003, TS-12, adr-4, ..., or the path of its file'),
      (c) => c.option('--json', 'print the document, its links, its history and what each next status needs, as JSON'),
    ).action(action('show'));

  if (wanted('mcp'))
    program
      .command('mcp')
      .description('serve archdoc to AI assistants over the Model Context Protocol (stdio): the same workflows, guards and commits')
      .addHelpText(
        'after',
        '\nStarted by an MCP client, not by hand: it reads requests on stdin and answers on stdout. Tools: list, show, create,\nset_status, review, link, check, search, next_steps; resources archdoc://<ID> and archdoc://index; prompts\ndraft_rfc, review_rfc, choose_document. Client configuration: docs/mcp.md.\n\nExample (a client\'s configuration):\n  { "mcpServers": { "archdoc": { "command": "npx", "args": ["--no-install", "archdoc", "mcp"] } } }',
      )
      .action(action('mcp'));

  if (wanted('search'))
    withOptions(
      program
        .command('search')
        .description('find the documents whose titles and bodies hold every word of a query, best first')
        .argument('<query>', 'words to find (any language); an id finds that document first')
        .addHelpText('after', '\nExamples:\n  archdoc search "event sourcing"\n  archdoc search postgres --type adr --json'),
      (c) =>
        c
          .option('--type <kind>', 'only this kind (repeatable, or comma-separated)', collect)
          .option('--limit <n>', 'at most this many results (default 20)')
          .option('--json', 'print the results as JSON'),
    ).action(action('search'));

  for (const [name, description, example] of [
    [
      'link',
      'add a typed link from one document to another, in its frontmatter (one commit)',
      'archdoc link TS-0001 implements RFC-0001\n  archdoc link RFC-0004 depends-on RFC-0002\n  archdoc link ADR-0007 relates-to TS-0003',
    ],
    ['unlink', 'remove a typed link from one document to another (one commit)', 'archdoc unlink RFC-0004 depends-on RFC-0002'],
  ] as const) {
    if (wanted(name))
      withOptions(
        program
          .command(name)
          .description(description)
          .argument('<from>', 'the document that holds the link: RFC-0004, TS-1, adr-7, or its path')
          .argument('<relation>', 'implements (tech specs: the RFC they implement), relates-to, depends-on or amends')
          .argument('<to>', 'the document linked to')
          .addHelpText(
            'after',
            `\nThe link is stored in <from>'s frontmatter (implements: decision_ref; relates_to, depends_on, amends: lists of ids)\nand shown from both ends by \`archdoc show\`; check reports links to documents that do not exist.\nSupersedes is a status change: archdoc adr-status ADR-0001 --set SUPERSEDED --by ADR-0002.\n\nExamples:\n  ${example}`,
          ),
        (c) => c.option('--no-commit', 'write the change but do not commit it'),
      ).action(action(name));
  }

  if (wanted('renumber'))
    withOptions(
      program
        .command('renumber')
        .description('give a document a number free on every branch: renames it and rewrites its id and every reference (one commit)')
        .argument('<id>', 'RFC-0003, TS-12, ..., or the path of its file (when two files share the id)')
        .addHelpText(
          'after',
          '\nExamples:\n  archdoc renumber RFC-0002\n  archdoc renumber rfcs/draft/RFC-0002-adopt-kafka.md --dry-run\n  archdoc renumber TS-0004 --to TS-0010',
        ),
      (c) =>
        c
          .option('--to <id>', 'this number instead of the next free one (refused when taken here, on a branch or by a reservation)')
          .option('--dry-run', 'print what would change, change nothing')
          .option('--offline', 'with numbering.reserve in the config: do not reserve the new number on the remote')
          .option('--no-commit', 'write the change but do not commit it'),
    ).action(action('renumber'));

  if (wanted('import'))
    withOptions(
      program
        .command('import')
        .description("convert records another tool wrote to archdoc's frontmatter and file names, links rewritten (one commit; optional)")
        .addHelpText('after', '\nExamples:\n  archdoc import --dry-run\n  archdoc import --type adr'),
      (c) =>
        c
          .option('--type <kind>', 'the kind to import, when more than one reads records of another tool')
          .option('--dry-run', 'print what would change, change nothing')
          .option('--no-commit', 'write the change but do not commit it'),
    ).action(action('import'));

  for (const k of KINDS) {
    if (wanted(k.create))
      withOptions(
        program
          .command(k.create)
          .description(`create ${k.a} from its template, and commit it (same as: create ${k.name})`)
          .argument('[title]', 'the title (prompted for at a terminal when missing)')
          .addHelpText('after', () => createHelp(k.create, k.name)),
        (c) => addCreateOptions(c, k.name),
      ).action(action(k.create));

    if (wanted(k.status))
      withOptions(
        program
          .command(k.status)
          .description(`show ${k.a}, or change its status or reviewers (one commit)`)
          .addHelpText('after', () => workflowHelp(k.name))
          .argument('<id>', `${k.label} id: ${k.prefix}-0007, 0007, 7, or the path of its file`),
        (c) => addStatusOptions(c, k.name),
      ).action(action(k.status));

    if (wanted(k.list))
      withOptions(program.command(k.list).description(`list ${k.plural}: a status summary, then a table`), (c) => addListOptions(c, k.name)).action(
        action(k.list),
      );
  }
  return program;
}
