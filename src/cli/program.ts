/**
 * The command tree and the global options. Each command's module is imported only when that command runs: a start
 * compiles one command, not all of them. The others stand in the tree as entries of cli/command-list.ts (name,
 * arguments, summary, no action), enough for the overview help and for "did you mean" on a mistyped name.
 */
import { Command } from 'commander';
import { createRequire } from 'node:module';
import { COMMAND_LIST, type CommandName } from './command-list.js';
import type { CliContext } from './context.js';
import { stderr, stdout } from './std-streams.js';

type Register = (program: Command, ctx: CliContext) => void;

const COMMANDS: Record<CommandName, () => Promise<Register>> = {
  add: async () => (await import('./commands/add.js')).registerAdd,
  log: async () => (await import('./commands/log.js')).registerLog,
  due: async () => (await import('./commands/due.js')).registerDue,
  check: async () => (await import('./commands/check.js')).registerCheck,
  ask: async () => (await import('./commands/ask.js')).registerAsk,
  ideas: async () => (await import('./commands/ideas.js')).registerIdeas,
  intro: async () => (await import('./commands/intro.js')).registerIntro,
  show: async () => (await import('./commands/show.js')).registerShow,
  list: async () => (await import('./commands/list.js')).registerList,
  edit: async () => (await import('./commands/edit.js')).registerEdit,
  deepen: async () => (await import('./commands/deepen.js')).registerDeepen,
  balance: async () => (await import('./commands/balance.js')).registerBalance,
  snooze: async () => (await import('./commands/snooze.js')).registerSnooze,
  referral: async () => (await import('./commands/referral.js')).registerReferral,
  referrals: async () => (await import('./commands/referrals.js')).registerReferrals,
  report: async () => (await import('./commands/report.js')).registerReport,
  rm: async () => (await import('./commands/rm.js')).registerRm,
  import: async () => (await import('./commands/import.js')).registerImport,
  export: async () => (await import('./commands/export.js')).registerExport,
  backup: async () => (await import('./commands/backup.js')).registerBackup,
  config: async () => (await import('./commands/config.js')).registerConfig,
  doctor: async () => (await import('./commands/doctor.js')).registerDoctor,
  where: async () => (await import('./commands/where.js')).registerWhere,
};

export const COMMAND_NAMES = Object.keys(COMMAND_LIST) as CommandName[];

const isCommandName = (name: string | undefined): name is CommandName => name !== undefined && Object.hasOwn(COMMAND_LIST, name);

/** net's own package.json, looked for upwards: the build in dist/ and the bundle's chunks sit at different depths. */
function readVersion(): string {
  const require = createRequire(import.meta.url);
  for (const path of ['../package.json', '../../package.json', '../../../package.json']) {
    try {
      const pkg = require(path) as { name?: string; version?: string };
      if (pkg.name === 'net' && pkg.version) return pkg.version;
    } catch {
      // not at this depth
    }
  }
  return 'unknown';
}

const OVERVIEW = `
Givers gain: record what you give after each meeting, see each morning whom to reach
out to, and check before you ask a favour whether you have invested enough to ask.

Examples:
  $ net add "Jane Doe" --company Acme --tag bni --every 3w
  $ net log jane --touch coffee --gave article --note "sent the pricing piece"
  $ net due
  $ net check jane --for introduction
`;

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
 * inspect each one); the rest are listed from cli/command-list.ts.
 */
export async function buildProgram(ctx: CliContext, args: readonly string[], { loadAll = false } = {}): Promise<Command> {
  const program = new Command('net')
    .description('A networking journal that nudges you to give before you ask.')
    // Read only when asked for: finding the package file costs every start a file search and a parse.
    .version(args.includes('-V') || args.includes('--version') ? readVersion() : '', '-V, --version', 'print the version')
    .option('--db <path>', 'the journal file (default: $NET_DB, else $XDG_DATA_HOME/net/journal.db, else ~/.local/share/net/journal.db)')
    .option('--json', 'print the result as JSON, for scripts')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR works too)')
    .option('--debug', 'show the details of unexpected errors')
    .helpOption('-h, --help', 'show help for a command')
    .helpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => undefined, writeOut: (text) => stdout.write(text), writeErr: (text) => stderr.write(text) })
    // A listed command has no options of its own: its line in the overview comes from the list, as for a loaded one.
    .configureHelp({ subcommandTerm: (cmd) => (isCommandName(cmd.name()) ? `${cmd.name()} ${COMMAND_LIST[cmd.name() as CommandName].args}`.trim() : cmd.name()) })
    .addHelpText('after', OVERVIEW);
  const named = findCommandName(args);
  const loaded = new Map<string, Register>();
  const wanted = loadAll ? COMMAND_NAMES : isCommandName(named) ? [named] : [];
  await Promise.all(wanted.map(async (name) => loaded.set(name, await COMMANDS[name]())));
  for (const name of COMMAND_NAMES) {
    const register = loaded.get(name);
    if (register) register(program, ctx);
    else program.command(name).description(COMMAND_LIST[name].summary);
  }
  return program;
}
