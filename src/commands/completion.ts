/** `archdoc completion bash|zsh|fish`: a completion script generated from the command registry. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;

interface Spec {
  name: string;
  description: string;
  options: Array<{ flag: string; description: string }>;
}

function specs(program: Command): Spec[] {
  return program.commands
    .filter((c) => c.name() !== 'help')
    .map((c) => ({
      name: c.name(),
      description: c.description(),
      options: c.options.flatMap((o) => [o.long, o.short].filter((f): f is string => !!f).map((flag) => ({ flag, description: o.description }))),
    }));
}

const STATUSES = 'DRAFT REVIEW APPROVED IN_PROGRESS COMPLETED REJECTED ABANDONED SUPERSEDED REFERENCE ARCHIVED PROPOSED ACCEPTED DEPRECATED';

export function bashScript(program: Command): string {
  const all = specs(program);
  const cases = all.map((s) => `    ${s.name}) opts="${s.options.map((o) => o.flag).join(' ')} --help" ;;`).join('\n');
  return `# archdoc bash completion. Install: archdoc completion bash > ~/.local/share/bash-completion/completions/archdoc
_archdoc() {
  local cur prev opts
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=( $(compgen -W "${all.map((s) => s.name).join(' ')} --help --version" -- "$cur") )
    return 0
  fi
  case "$prev" in
    --set|--status) COMPREPLY=( $(compgen -W "${STATUSES}" -- "$cur") ); return 0 ;;
    --format) COMPREPLY=( $(compgen -W "table list json csv text github mermaid dot" -- "$cur") ); return 0 ;;
    --layout) COMPREPLY=( $(compgen -W "by-status flat" -- "$cur") ); return 0 ;;
    --type|create) COMPREPLY=( $(compgen -W "rfc tech-spec adr" -- "$cur") ); return 0 ;;
    completion) COMPREPLY=( $(compgen -W "bash zsh fish" -- "$cur") ); return 0 ;;
  esac
  case "\${COMP_WORDS[1]}" in
${cases}
    *) opts="--help" ;;
  esac
  COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
}
complete -F _archdoc archdoc
`;
}

export function zshScript(program: Command): string {
  return `#compdef archdoc
# archdoc zsh completion. Install: archdoc completion zsh > "\${fpath[1]}/_archdoc"
autoload -U +X bashcompinit && bashcompinit
${bashScript(program).split('\n').slice(1).join('\n')}`;
}

const fishEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");

export function fishScript(program: Command): string {
  const all = specs(program);
  const lines = ['# archdoc fish completion. Install: archdoc completion fish > ~/.config/fish/completions/archdoc.fish', 'complete -c archdoc -f'];
  for (const s of all) lines.push(`complete -c archdoc -n '__fish_use_subcommand' -a '${s.name}' -d '${fishEscape(s.description)}'`);
  for (const s of all) {
    for (const o of s.options) {
      const flag = o.flag.startsWith('--') ? `-l '${o.flag.slice(2)}'` : `-s '${o.flag.slice(1)}'`;
      lines.push(`complete -c archdoc -n '__fish_seen_subcommand_from ${s.name}' ${flag} -d '${fishEscape(o.description)}'`);
    }
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
