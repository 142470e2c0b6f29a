/**
 * The completion scripts `net completion <shell>` prints. zsh's and fish's are @bomb.sh/tab's (Cobra's scripts, which
 * pass words with spaces and quotes whole, show descriptions and honour the no-file-names directive); they call
 * `net complete -- <words>`. zsh's inserts a completion as it is given, so it asks for zsh's quoting (--zsh: a name
 * with spaces comes back as Jane\ Doe); fish quotes what it inserts. Its bash script is not used: it needs bash-completion's _get_comp_words_by_ref, evaluates
 * the words unquoted (a quoted name breaks it), filters names by a case-sensitive prefix ("ja" loses "Jane Doe") and
 * inserts "Jane Doe" unquoted. Net's own, below, speaks the same protocol and asks for bash's quoting (--bash).
 */
import { script } from '@bomb.sh/tab';
import type { Shell } from './shells.js';

const BASH = `# bash completion for net
# Load it in this shell: source <(net completion bash); for every shell, add that line to ~/.bashrc.
_net_complete() {
    local line directive=0
    local -a reply=()
    while IFS= read -r line; do
        case $line in
            :*) directive=\${line#:} ;;
            ?*) reply+=("\${line%%$'\\t'*}") ;;
        esac
    done < <(net complete --bash -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)
    COMPREPLY=("\${reply[@]}")
    # 4: nothing but net's own words fit here; otherwise, with none of those, bash completes file names.
    if (( (directive & 4) != 0 )); then compopt +o default 2>/dev/null; else compopt -o default 2>/dev/null; fi
}
complete -o default -o nosort -F _net_complete net 2>/dev/null || complete -o default -F _net_complete net
`;

/** @bomb.sh/tab writes its scripts with console.log: caught here, as text. */
function fromTab(shell: 'zsh' | 'fish'): string {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...parts: unknown[]) => lines.push(parts.join(' '));
  try {
    script(shell, 'net', 'net');
  } finally {
    console.log = log;
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The call each script makes, as @bomb.sh/tab writes it in zsh's; a test runs the script in zsh, so a change shows. */
const TAB_ZSH_CALL = ' complete -- ';

export function toCompletionScript(shell: Shell): string {
  if (shell === 'bash') return BASH;
  const script = fromTab(shell);
  if (shell === 'fish') return script;
  if (!script.includes(TAB_ZSH_CALL)) throw new Error('@bomb.sh/tab wrote a zsh script without "complete --": see src/cli/completion/scripts.ts');
  return script.replace(TAB_ZSH_CALL, ' complete --zsh -- ');
}
