/** The command tree and the global options. */
import { Command } from 'commander';
import { createRequire } from 'node:module';
import type { CliContext } from './context.js';
import { registerAdd } from './commands/add.js';
import { registerLog } from './commands/log.js';
import { registerWhere } from './commands/where.js';
import { registerImport } from './commands/import.js';
import { registerExport } from './commands/export.js';
import { registerBackup } from './commands/backup.js';
import { registerCheck } from './commands/check.js';
import { registerAsk } from './commands/ask.js';
import { registerBalance } from './commands/balance.js';
import { registerDeepen } from './commands/deepen.js';
import { registerConfig } from './commands/config.js';
import { registerEdit } from './commands/edit.js';
import { registerList } from './commands/list.js';
import { registerShow } from './commands/show.js';
import { registerRm } from './commands/rm.js';
import { registerDue } from './commands/due.js';
import { registerSnooze } from './commands/snooze.js';
import { registerDoctor } from './commands/doctor.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

const OVERVIEW = `
Givers gain: record what you give after each meeting, see each morning whom to reach
out to, and check before you ask a favour whether you have invested enough to ask.

Examples:
  $ net add "Jane Doe" --company Acme --tag bni --every 3w
  $ net log jane --touch coffee --gave article --note "sent the pricing piece"
  $ net due
  $ net check jane --for introduction
`;

export function buildProgram(ctx: CliContext): Command {
  const program = new Command('net')
    .description('A networking journal that nudges you to give before you ask.')
    .version(version, '-V, --version', 'print the version')
    .option('--db <path>', 'the journal file (default: $NET_DB, else $XDG_DATA_HOME/net/journal.db, else ~/.local/share/net/journal.db)')
    .option('--json', 'print the result as JSON, for scripts')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR works too)')
    .option('--debug', 'show the details of unexpected errors')
    .helpOption('-h, --help', 'show help for a command')
    .addHelpCommand(false)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .addHelpText('after', OVERVIEW);
  registerAdd(program, ctx);
  registerLog(program, ctx);
  registerWhere(program, ctx);
  registerImport(program, ctx);
  registerExport(program, ctx);
  registerBackup(program, ctx);
  registerCheck(program, ctx);
  registerAsk(program, ctx);
  registerBalance(program, ctx);
  registerDeepen(program, ctx);
  registerConfig(program, ctx);
  registerEdit(program, ctx);
  registerList(program, ctx);
  registerShow(program, ctx);
  registerRm(program, ctx);
  registerDue(program, ctx);
  registerSnooze(program, ctx);
  registerDoctor(program, ctx);
  return program;
}
