/**
 * The command tree and the global options, made from the registry (cli/commands.ts). Only the command named in the
 * arguments has its module loaded: a start compiles one command, not all of them. The others stand in the tree with
 * their name, usage and summary and no action, enough for the overview help and for "did you mean" on a mistyped name.
 */
import { Command, Option } from 'commander';
import type { EventEmitter } from 'node:events';
import { COMMANDS, findEntry, type CommandEntry } from './commands.js';
import type { CliContext } from './context.js';
import { HELP_WIDTH } from './options.js';
import { readVersion, VERSION_FLAGS } from './version.js';

export const COMMAND_NAMES: string[] = COMMANDS.map((c) => c.name);

const OVERVIEW = `
Givers gain: record what you give after each meeting, see each morning whom to
reach out to, and check before you ask a favour whether you have invested enough
to ask.

Examples:
  $ net add "Jane Doe" --company Acme --tag bni --every 3w
  $ net log jane --touch coffee --gave article --note "sent the pricing piece"
  $ net due
  $ net check jane --for introduction
`;

/** The arguments with the flags that the command named shadows (see CommandEntry.shadows) read as its own. */
export function toOwnFlags(args: readonly string[]): string[] {
  const at = args.indexOf(findCommandName(args) ?? '');
  const shadows = at < 0 ? undefined : findEntry(args[at])?.shadows;
  if (!shadows) return [...args];
  const end = args.indexOf('--') < 0 ? args.length : args.indexOf('--');
  return args.map((a, i) => (i > at && i < end && Object.hasOwn(shadows, a) ? shadows[a]! : a));
}

/** The command named in the arguments: the first word that is not an option (--db takes a value). */
export function findCommandName(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--db') i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/**
 * `args` are the words after `net`: only the command they name is loaded (every command with `loadAll`, for tests that
 * inspect each one); the rest are listed from the registry.
 */
export async function buildProgram(ctx: CliContext, args: readonly string[], { loadAll = false } = {}): Promise<Command> {
  const program = new Command('net')
    .description('A networking journal that nudges you to give before you ask.')
    // Read only when asked for: finding the package file costs every start a file search and a parse.
    .version(args.some((a) => VERSION_FLAGS.includes(a)) ? readVersion() : '', '-V, --version', 'print the version')
    // -v as well, as many tools spell it (commander takes one short flag for its version): hidden, it does what -V does.
    .addOption(new Option('-v', 'print the version').hideHelp())
    // commander's Command is an EventEmitter, though its types leave emit out: -v runs -V's own listener.
    .on('option:v', () => (program as unknown as EventEmitter).emit('option:version'))
    .option('--db <path>', 'the journal file (default: $NET_DB, else $XDG_DATA_HOME/net/journal.db, else ~/.local/share/net/journal.db)')
    .option('--json', 'print the result as JSON, for scripts')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR works too)')
    .option('--debug', 'show the details of unexpected errors')
    .helpOption('-h, --help', 'show help for a command')
    // Listed in the overview; cli/run.ts reads `net help log` as `net log --help` before parsing (toHelpArgs).
    .helpCommand('help [command]', 'show help for a command: net help log')
    .showSuggestionAfterError(true)
    .exitOverride()
    // Commander's defaults ask process.stdout for its width and colours, which builds node's stream (about a fifth of
    // `net --help`'s time): net's help has no colour, and only a terminal has a width.
    .configureOutput({
      outputError: () => undefined,
      writeOut: (text) => ctx.io.stdout.write(text),
      writeErr: (text) => ctx.io.stderr.write(text),
      getOutHelpWidth: () => ctx.io?.columns?.(1) ?? HELP_WIDTH,
      getErrHelpWidth: () => ctx.io?.columns?.(2) ?? HELP_WIDTH,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    // A command not loaded has no options yet: its line in the overview shows its usage from the registry all the same,
    // less "[options]" (nearly all have some), so that the summaries have room to wrap within 80 columns.
    .configureHelp({ subcommandTerm: (cmd) => `${cmd.name()} ${(findEntry(cmd.name())?.usage ?? '[command]').replace(/^\[options\]\s*/, '')}`.trim() })
    .addHelpText('after', OVERVIEW);
  const named = findEntry(findCommandName(args));
  const wanted: readonly CommandEntry[] = loadAll ? COMMANDS : named ? [named] : [];
  const loaded = new Map(await Promise.all(wanted.map(async (entry) => [entry.name, (await entry.load()).setup] as const)));
  // A command named runs alone: the others are in the tree only for the overview help and for "did you mean" after
  // a mistyped name, and making each (a Command with its settings and arguments) is work every start paid.
  for (const entry of named && !loadAll ? [named] : COMMANDS) {
    const cmd = program.command(`${entry.name} ${entry.usage.replace(/^\[options\]\s*/, '')}`.trim()).description(entry.summary);
    loaded.get(entry.name)?.(cmd, ctx);
  }
  return program;
}
