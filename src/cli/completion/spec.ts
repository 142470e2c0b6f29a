/**
 * What tab completion knows of net's commands, made from the command tree itself (every command's module loaded) when
 * net is built: rolldown.config.mjs writes it into the completion bundle. Completing a word then loads no command, no
 * commander, no chalk: this data, and one query of the name index for names.
 */
import type { Command, Option } from 'commander';
import { ASK_KINDS, CHANNELS, GIVE_KINDS } from '../../core/vocabulary.js';
import { SHELLS } from './shells.js';

/** Where the values of an option or an argument come from. */
export type ValueSource = 'none' | 'file' | 'names' | 'tags' | 'log-words' | { words: string[] };

export interface OptionSpec {
  /** The long flag, and the short one when there is one. */
  flags: string[];
  description: string;
  takesValue: boolean;
  values: ValueSource;
}

export interface CommandSpec {
  name: string;
  summary: string;
  options: OptionSpec[];
  /** The positional arguments in order; the last may be variadic. */
  args: { name: string; variadic: boolean; values: ValueSource }[];
}

export interface CompletionSpec {
  globals: OptionSpec[];
  commands: CommandSpec[];
}

/** Option values by flag: the fixed vocabulary, tags from the journal, files. */
const OPTION_VALUES: Record<string, ValueSource> = {
  '--touch': { words: [...CHANNELS] },
  '--gave': { words: [...GIVE_KINDS] },
  '--received': { words: [...GIVE_KINDS] },
  '--for': { words: [...ASK_KINDS] },
  '--tag': 'tags',
  '--untag': 'tags',
  '--db': 'file',
  '--html': 'file',
  '--format': { words: ['json', 'csv', 'vcf'] },
};

/** Argument values by the argument's name in the command's usage. */
const ARG_VALUES: Record<string, ValueSource> = { name: 'names', a: 'names', b: 'names', file: 'file', shell: { words: [...SHELLS] }, what: 'log-words' };

function toOptionSpec(o: Option): OptionSpec {
  const flags = [o.long, o.short].filter((f): f is string => Boolean(f));
  const takesValue = o.required || o.optional;
  return { flags, description: o.description, takesValue, values: takesValue ? (OPTION_VALUES[o.long ?? ''] ?? 'none') : 'none' };
}

export function toCompletionSpec(program: Command): CompletionSpec {
  const help = { flags: ['--help', '-h'], description: 'show help for a command', takesValue: false, values: 'none' as const };
  const commands: CommandSpec[] = program.commands.map((cmd) => ({
    name: cmd.name(),
    summary: cmd.description(),
    options: [...cmd.options.map(toOptionSpec), help],
    args: cmd.registeredArguments.map((a) => ({ name: a.name(), variadic: a.variadic, values: ARG_VALUES[a.name()] ?? 'none' })),
  }));
  // commander's help command (net help <command>) is listed by its help, not in program.commands.
  const helpCommand = program.createHelp().visibleCommands(program).find((c) => !program.commands.includes(c));
  if (helpCommand) commands.push({ name: helpCommand.name(), summary: helpCommand.description(), options: [], args: [{ name: 'command', variadic: false, values: { words: commands.map((c) => c.name) } }] });
  // A hidden flag (-v, beside -V) is not offered: it is there for the hands that type it.
  return { globals: [...program.options.filter((o) => !o.hidden).map(toOptionSpec), help], commands };
}
