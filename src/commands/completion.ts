/**
 * `archdoc completion bash|zsh|fish`: a completion script generated from the command registry.
 * Commands and options come from the registry; what depends on the repository at hand (document
 * ids, the statuses a document may move to next, the configured kinds) is asked of the hidden
 * `archdoc __complete` (src/commands/complete.ts) on each Tab. When that says nothing (archdoc
 * missing, outside a repository), statuses and kinds fall back to the built-in ones.
 */
import type { Command } from 'commander';
import { DEFAULT_KINDS } from '../core/kinds.js';
import { RELATION_NAMES } from '../core/relations.js';
import { UsageError } from '../core/errors.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

interface Spec {
  name: string;
  description: string;
  options: Array<{ flag: string; description: string; takesValue: boolean }>;
  /** The name of its first argument: `id` (status, show, renumber), `kind` (create). */
  firstArgument?: string;
  /** The built-in kind the command is for (`rfc-status`: rfc). */
  kind?: string;
}

/** The built-in kind each kind's own command is for. */
const KIND_OF_COMMAND = new Map(
  Object.values(DEFAULT_KINDS).flatMap((k) => Object.values(k.commands ?? {}).map((command): [string, string] => [command, k.name])),
);

function specs(program: Command): Spec[] {
  return program.commands
    .filter((c) => c.name() !== 'help' && !(c as unknown as { _hidden?: boolean })._hidden)
    .map((c) => {
      const first = c.registeredArguments[0]?.name();
      const kind = KIND_OF_COMMAND.get(c.name());
      return {
        name: c.name(),
        description: c.description(),
        options: c.options.flatMap((o) =>
          [o.long, o.short].filter((f): f is string => !!f).map((flag) => ({ flag, description: o.description, takesValue: o.required || o.optional })),
        ),
        ...(first ? { firstArgument: first } : {}),
        ...(kind ? { kind } : {}),
      };
    });
}

/** Options that take a value, of any command or of the program (`-C dir`): the words after them are no arguments. */
function valueOptions(program: Command, all: Spec[]): string[] {
  const flags = new Set<string>();
  for (const o of program.options) if (o.required || o.optional) for (const f of [o.long, o.short]) if (f) flags.add(f);
  for (const s of all) for (const o of s.options) if (o.takesValue) flags.add(o.flag);
  return [...flags];
}

/** A kind's built-in statuses; every built-in status without a kind. */
function builtInStatuses(kind?: string): string {
  const kinds = kind ? [DEFAULT_KINDS[kind]!] : Object.values(DEFAULT_KINDS);
  return [...new Set(kinds.flatMap((k) => Object.keys(k.statuses)))].join(' ');
}

const BUILT_IN_KINDS = Object.keys(DEFAULT_KINDS).join(' ');

export function bashScript(program: Command): string {
  const all = specs(program);
  const cases = all.map((s) => `    ${s.name}) opts="${s.options.map((o) => o.flag).join(' ')} --help" ;;`).join('\n');
  const idCommands = all
    .filter((s) => s.firstArgument === 'id')
    .map((s) => s.name)
    .join('|');
  const fallbackStatuses = Object.keys(DEFAULT_KINDS)
    .map((k) => `      ${k}) words="${builtInStatuses(k)}" ;;`)
    .join('\n');
  return `# archdoc bash completion. Install: archdoc completion bash > ~/.local/share/bash-completion/completions/archdoc
# Ids, statuses and kinds come from the repository at hand: archdoc __complete, silent on any error.
_archdoc_ask() {
  command archdoc __complete "$@" 2>/dev/null
}
_archdoc_statuses() {
  local words
  words=$(_archdoc_ask statuses "$@")
  if [ -z "$words" ]; then
    case "$kind" in
${fallbackStatuses}
      *) words="${builtInStatuses()}" ;;
    esac
  fi
  COMPREPLY=( $(compgen -W "$words" -- "$cur") )
}
_archdoc() {
  local cur prev cmd kind arg n i w words opts
  local -a cwd=() by=()
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # The program's own options first (-C dir, --debug), then the command.
  i=1
  while [ "$i" -lt "$COMP_CWORD" ]; do
    case "\${COMP_WORDS[i]}" in
      -C|--cwd) cwd=(--cwd "\${COMP_WORDS[i+1]}"); i=$((i+2)) ;;
      --cwd=*) cwd=(--cwd "\${COMP_WORDS[i]#--cwd=}"); i=$((i+1)) ;;
      -*) i=$((i+1)) ;;
      *) break ;;
    esac
  done
  if [ "$i" -ge "$COMP_CWORD" ]; then
    COMPREPLY=( $(compgen -W "${all.map((s) => s.name).join(' ')} --help --version" -- "$cur") )
    return 0
  fi
  cmd="\${COMP_WORDS[i]}"
  # The command's first argument (an id, create's kind): the first word after it that is no option or option value.
  arg=
  n=0
  i=$((i+1))
  while [ "$i" -lt "$COMP_CWORD" ]; do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      ${valueOptions(program, all).join('|')}) i=$((i+1)) ;;
      -*) ;;
      *) [ -z "$arg" ] && arg="$w"; n=$((n+1)) ;;
    esac
    i=$((i+1))
  done
  kind=
  case "$cmd" in
${all
  .filter((s) => s.kind)
  .map((s) => `    ${s.name}) kind=${s.kind} ;;`)
  .join('\n')}
    create) kind="$arg" ;;
  esac
  [ -n "$kind" ] && by=(--kind "$kind")
  case "$prev" in
    --set) _archdoc_statuses "$arg" "\${by[@]}" "\${cwd[@]}"; return 0 ;;
    --status) _archdoc_statuses "\${by[@]}" "\${cwd[@]}"; return 0 ;;
    --relates-to) COMPREPLY=( $(compgen -W "$(_archdoc_ask ids "\${cwd[@]}")" -- "$cur") ); return 0 ;;
    --kind)
      words=$(_archdoc_ask kinds "\${cwd[@]}")
      COMPREPLY=( $(compgen -W "\${words:-${BUILT_IN_KINDS}}" -- "$cur") ); return 0 ;;
    --rfc|--link-rfc) COMPREPLY=( $(compgen -W "$(_archdoc_ask ids --kind rfc "\${cwd[@]}")" -- "$cur") ); return 0 ;;
    --by|--supersedes) COMPREPLY=( $(compgen -W "$(_archdoc_ask ids "\${by[@]}" "\${cwd[@]}")" -- "$cur") ); return 0 ;;
    --type)
      words=$(_archdoc_ask kinds "\${cwd[@]}")
      COMPREPLY=( $(compgen -W "\${words:-${BUILT_IN_KINDS}}" -- "$cur") ); return 0 ;;
    --format)
      case "$cmd" in
        graph) words="mermaid dot" ;;
        check) words="text json github" ;;
        *) words="table list json csv" ;;
      esac
      COMPREPLY=( $(compgen -W "$words" -- "$cur") ); return 0 ;;
    --layout) COMPREPLY=( $(compgen -W "by-status flat" -- "$cur") ); return 0 ;;
    completion) COMPREPLY=( $(compgen -W "bash zsh fish" -- "$cur") ); return 0 ;;
    # Any other option's value (a file, a name, a comment): the shell's own completion, file names.
    ${valueOptions(program, all).join('|')}) COMPREPLY=(); return 0 ;;
  esac
  # check's arguments are files and folders.
  if [ "$cmd" = check ] && [ "\${cur#-}" = "$cur" ]; then COMPREPLY=(); return 0; fi
  # link and unlink: <from> <relation> <to>.
  if [ "$cmd" = link ] || [ "$cmd" = unlink ] && [ "\${cur#-}" = "$cur" ]; then
    case "$n" in
      1)
        words=$(_archdoc_ask relations "$arg" "\${cwd[@]}")
        COMPREPLY=( $(compgen -W "\${words:-${RELATION_NAMES.join(' ')}}" -- "$cur") ); return 0 ;;
      0|2) COMPREPLY=( $(compgen -W "$(_archdoc_ask ids "\${cwd[@]}")" -- "$cur") ); return 0 ;;
    esac
  fi
  if [ -z "$arg" ] && [ "\${cur#-}" = "$cur" ]; then
    case "$cmd" in
      create)
        words=$(_archdoc_ask kinds "\${cwd[@]}")
        COMPREPLY=( $(compgen -W "\${words:-${BUILT_IN_KINDS}}" -- "$cur") ); return 0 ;;
      ${idCommands}) COMPREPLY=( $(compgen -W "$(_archdoc_ask ids "\${by[@]}" "\${cwd[@]}")" -- "$cur") ); return 0 ;;
    esac
  fi
  case "$cmd" in
${cases}
    *) opts="--help" ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -o default -F _archdoc archdoc
`;
}

export function zshScript(program: Command): string {
  return `#compdef archdoc
# archdoc zsh completion. Install: archdoc completion zsh > "\${fpath[1]}/_archdoc"
autoload -U +X bashcompinit && bashcompinit
${bashScript(program).split('\n').slice(1).join('\n').trimEnd()}
# Loaded from $fpath by the first Tab: complete that Tab too (\`complete\` above serves the next ones).
if [ "\${funcstack[1]}" = _archdoc ]; then _bash_complete -o default -F _archdoc; fi
`;
}

const fishEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

export function fishScript(program: Command): string {
  const all = specs(program);
  const takes = valueOptions(program, all);
  const lines = ['# archdoc fish completion. Install: archdoc completion fish > ~/.config/fish/completions/archdoc.fish', 'complete -c archdoc -f'];
  for (const s of all) lines.push(`complete -c archdoc -n '__fish_use_subcommand' -a '${s.name}' -d '${fishEscape(s.description)}'`);
  // Functions are called when a condition or a value is asked for, so they may follow the completions that name them.
  lines.push(
    '# Ids, statuses and kinds come from the repository at hand: archdoc __complete, silent on any error.',
    '# The words typed so far without options and their values: the command, then its arguments.',
    'function __archdoc_args',
    `    set -l takes ${takes.join(' ')}`,
    '    set -l words (commandline -opc)',
    '    set -e words[1]',
    '    set -l skip 0',
    '    for w in $words',
    '        if test $skip = 1',
    '            set skip 0',
    '            continue',
    '        end',
    '        if contains -- $w $takes',
    '            set skip 1',
    '            continue',
    '        end',
    "        string match -q -- '-*' $w; and continue",
    '        echo $w',
    '    end',
    'end',
    '# archdoc __complete, in the folder -C names when the command line has one.',
    'function __archdoc_ask',
    '    set -l words (commandline -opc)',
    '    set -l cwd',
    '    set -l i 1',
    '    while test $i -lt (count $words)',
    '        contains -- $words[$i] -C --cwd; and set cwd --cwd $words[(math $i + 1)]',
    '        set i (math $i + 1)',
    '    end',
    '    command archdoc __complete $argv $cwd 2>/dev/null',
    'end',
    '# Whether the command line is `archdoc <command>` with no argument yet.',
    'function __archdoc_first --argument-names command',
    '    set -l args (__archdoc_args)',
    '    test (count $args) -eq 1; and test "$args[1]" = "$command"',
    'end',
    "# Statuses: those the document named may move to next, else its kind's (`-`: any kind); the built-in ones (a comma-separated list) when archdoc says nothing.",
    'function __archdoc_statuses --argument-names kind fallback with_id',
    '    set -l args (__archdoc_args)',
    '    set -l ask statuses',
    '    test -n "$with_id"; and set -a ask $args[2]',
    '    test "$kind" != -; and set -a ask --kind $kind',
    '    set -l out (__archdoc_ask $ask)',
    '    if test (count $out) -gt 0',
    "        printf '%s\\n' $out",
    '    else',
    '        string split , -- $fallback',
    '    end',
    'end',
    '# Whether the command line is `archdoc <command>` with `count` arguments typed so far.',
    'function __archdoc_after --argument-names command count',
    '    set -l args (__archdoc_args)',
    '    test (count $args) -eq (math $count + 1); and test "$args[1]" = "$command"',
    'end',
    "# link and unlink's <relation>: those the first document's kind has; the built-in ones when archdoc says nothing.",
    'function __archdoc_relations',
    '    set -l args (__archdoc_args)',
    '    set -l out (__archdoc_ask relations $args[2])',
    '    if test (count $out) -gt 0',
    "        printf '%s\\n' $out",
    '    else',
    `        string split , -- ${RELATION_NAMES.join(',')}`,
    '    end',
    'end',
    'function __archdoc_kinds',
    '    set -l out (__archdoc_ask kinds)',
    '    if test (count $out) -gt 0',
    "        printf '%s\\n' $out",
    '    else',
    `        string split , -- ${BUILT_IN_KINDS.replace(/ /g, ',')}`,
    '    end',
    'end',
  );
  // What each option's value completes from.
  const values = (s: Spec, flag: string): string | undefined => {
    const kind = s.kind ?? '';
    const fallback = builtInStatuses(s.kind).replace(/ /g, ',');
    if (flag === '--set') return `(__archdoc_statuses ${kind || '-'} ${fallback} id)`;
    if (flag === '--status') return `(__archdoc_statuses ${kind || '-'} ${fallback})`;
    if (flag === '--rfc' || flag === '--link-rfc') return '(__archdoc_ask ids --kind rfc)';
    if (flag === '--by' || flag === '--supersedes') return `(__archdoc_ask ids${kind ? ` --kind ${kind}` : ''})`;
    if (flag === '--type') return '(__archdoc_kinds)';
    if (flag === '--layout') return 'by-status flat';
    return undefined;
  };
  for (const s of all) {
    for (const o of s.options) {
      const flag = o.flag.startsWith('--') ? `-l '${o.flag.slice(2)}'` : `-s '${o.flag.slice(1)}'`;
      const from = o.takesValue ? values(s, o.flag) : undefined;
      const value = from ? ` -x -a '${from}'` : o.takesValue ? ' -r' : '';
      lines.push(`complete -c archdoc -n '__fish_seen_subcommand_from ${s.name}' ${flag}${value} -d '${fishEscape(o.description)}'`);
    }
  }
  const idCommands = all.filter((s) => s.firstArgument === 'id');
  for (const s of idCommands) lines.push(`complete -c archdoc -n '__archdoc_first ${s.name}' -a '(__archdoc_ask ids${s.kind ? ` --kind ${s.kind}` : ''})'`);
  lines.push(`complete -c archdoc -n '__archdoc_first create' -a '(__archdoc_kinds)'`);
  // link and unlink: <from> <relation> <to>.
  for (const command of ['link', 'unlink']) {
    lines.push(
      `complete -c archdoc -n '__archdoc_after ${command} 0' -a '(__archdoc_ask ids)'`,
      `complete -c archdoc -n '__archdoc_after ${command} 1' -a '(__archdoc_relations)'`,
      `complete -c archdoc -n '__archdoc_after ${command} 2' -a '(__archdoc_ask ids)'`,
    );
  }
  lines.push(`complete -c archdoc -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`);
  return `${lines.join('\n')}\n`;
}

export async function run(shell: string, program: Command): Promise<string> {
  if (shell === 'bash') return bashScript(program);
  if (shell === 'zsh') return zshScript(program);
  if (shell === 'fish') return fishScript(program);
  throw new UsageError(`completion ${shell}: use one of ${SHELLS.join(', ')}`);
}
