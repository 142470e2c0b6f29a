import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { toCompletionScript } from '../completion/scripts.js';
import { SHELLS, type Shell } from '../completion/shells.js';
import type { CliContext } from '../context.js';
import { withExamples, withText } from '../options.js';

const INSTALL = `
Install it once (a new shell then completes net's commands, flags, values, tags and your contacts' names):
  bash  echo 'source <(net completion bash)' >> ~/.bashrc
  zsh   echo 'source <(net completion zsh)' >> ~/.zshrc        (after compinit)
  fish  net completion fish > ~/.config/fish/completions/net.fish`;

function parseShell(text: string): Shell {
  const shell = SHELLS.find((s) => s === text.trim().toLowerCase());
  if (!shell) throw new UsageError(`no completion for "${text}"`, `net completion takes one of: ${SHELLS.join(', ')}`);
  return shell;
}

export function setup(cmd: Command, ctx: CliContext): void {
  withText(cmd, INSTALL);
  withExamples(cmd, ['net completion bash > ~/.local/share/bash-completion/completions/net', 'net completion zsh', 'net completion fish > ~/.config/fish/completions/net.fish']).action(
    (shell: string) => {
      const script = toCompletionScript(parseShell(shell));
      if (ctx.out.json) ctx.out.emit({ shell, script }, () => script);
      else ctx.rawOutput()(script);
    },
  );
}
