/**
 * One run of net: builds the program for the arguments, runs it, and turns every error into one line and an exit
 * code, which it returns (cli/main.ts hands it to the process). In-process tests run it with strings for streams.
 */
import { CommanderError, type Command } from 'commander';
import { findIsoDate, toIsoDate } from '../core/dates.js';
import { editDistance } from '../core/edit-distance.js';
import { NetError, NotFoundError, OutputError, UsageError } from '../core/errors.js';
import { toJournalError } from '../app/journal-errors.js';
import { wantsColor } from '../ui/palette.js';
import { toTerminalField } from '../ui/terminal-text.js';
import { createContext, type CliContext } from './context.js';
import { journalCode, loadJournalCode } from './journal-code.js';
import { findEntry } from './commands.js';
import { buildProgram, COMMAND_NAMES, findCommandName, toOwnFlags } from './program.js';
import type { Io, Writer } from './startup/std-streams.js';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?$/;

/** NET_NOW pins "today" (YYYY-MM-DD or an ISO timestamp) for tests and for planning; read nowhere else. */
function readClock(env: NodeJS.ProcessEnv): { now: Date; today: string } {
  const pinned = env.NET_NOW?.trim();
  if (pinned) {
    const day = findIsoDate(pinned);
    if (day) return { now: new Date(`${day}T12:00:00`), today: day };
    const instant = ISO_INSTANT.test(pinned) && findIsoDate(pinned.slice(0, 10)) ? new Date(pinned) : undefined;
    if (instant && !Number.isNaN(instant.getTime())) return { now: instant, today: toIsoDate(instant) };
    throw new UsageError(`NET_NOW "${pinned}" is not a date`, 'set it to YYYY-MM-DD or an ISO timestamp such as 2026-03-14T09:00:00Z, or unset it');
  }
  const now = new Date();
  return { now, today: toIsoDate(now) };
}

/** One line, whatever the message holds (a name from the journal, a path the user typed). */
function describe(err: NetError): string {
  const candidates = err instanceof NotFoundError && err.candidates.length ? ` (${err.candidates.join(', ')})` : '';
  return `net: ${toTerminalField(`${err.message}${candidates}${err.hint ? `; ${err.hint}` : ''}`)}\n`;
}

/** Where the journal is, for errors raised after it was opened. */
export interface JournalState {
  path?: string;
  /** The command's transaction committed before the error: its write is in the journal. */
  savedTo?: string;
}

/**
 * Commander's guesses at a mistyped command or option, kept only when close: at most one edit in three letters of the
 * longer word ("chek" is one edit from check, "lgo" one from log). Commander goes up to three edits, which made
 * "nope" a guess at snooze: a guess that far off is noise.
 */
export function toCloseGuesses(message: string): string {
  const typed = /^unknown (?:command|option) '-{0,2}([^']*)'/.exec(message)?.[1];
  const said = /\n\(Did you mean (?:one of )?([^)]*)\?\)/.exec(message);
  if (typed === undefined || !said) return message;
  const close = said[1]!.split(', ').filter((guess) => {
    const word = guess.replace(/^-{1,2}/, '');
    return 3 * editDistance(typed, word, true) <= Math.max(typed.length, word.length);
  });
  const guesses = close.length === 0 ? '' : close.length === 1 ? `\n(Did you mean ${close[0]}?)` : `\n(Did you mean one of ${close.join(', ')}?)`;
  return message.replace(said[0], guesses);
}

export function report(err: unknown, debug: boolean, command: string | undefined, stderr: Writer, journal: JournalState = {}): number {
  if (err instanceof OutputError && journal.savedTo) {
    // The write landed; only its confirmation was lost. Exit 0, so that a script does not run it (and write it) twice.
    stderr.write(`net: saved in ${toTerminalField(journal.savedTo)}, but the confirmation could not be printed (${err.reason}); do not run it again\n`);
    return 0;
  }
  if (err instanceof CommanderError) {
    if (err.exitCode === 0) return 0; // --help, --version
    // Commander puts "(Did you mean due?)" on a second line: keep it, on the one line, when it is close (toCloseGuesses).
    const message = toCloseGuesses(err.message.replace(/^error:\s*/i, ''))
      .replace(/\n\(Did you mean ([^)]*)\)/, ' (did you mean $1)')
      .replace(/\n[\s\S]*/, '')
      .replace(/\.$/, '');
    const help = command && (COMMAND_NAMES as string[]).includes(command) && !/unknown command/.test(message) ? `net ${command} --help` : 'net --help';
    stderr.write(`net: ${message}; see ${help}\n`);
    return 2;
  }
  if (err instanceof Error && err.name === 'ExitPromptError') {
    stderr.write('net: cancelled; nothing was written\n');
    return 130;
  }
  // An SQLite error says something of the journal only by its code (locked, damaged, disk full); any other is a bug.
  const known = err instanceof NetError ? err : toJournalError(err, journal.path ?? 'in use');
  if (known) {
    stderr.write(describe(known));
    if (debug && err instanceof Error) stderr.write(`${err.stack}\n`);
    return known.exitCode;
  }
  const message = err instanceof Error ? err.message : String(err);
  stderr.write(`net: unexpected error: ${toTerminalField(message.split('\n')[0]!)}; please report it (NET_DEBUG=1 shows the details)\n`);
  if (debug && err instanceof Error) stderr.write(`${err.stack}\n`);
  return 1;
}

/** Loads what opening the command's journal will need (app/session.ts); a path that cannot be resolved fails later, at open. */
async function prepareJournal(ctx: CliContext): Promise<void> {
  let path: string;
  try {
    path = ctx.journalPath().path;
  } catch {
    return;
  }
  await journalCode().prepareSession(path);
}

/**
 * `net help log` as git reads it: the help of `net log --help`; `net help` alone, the overview; a name that is no
 * command is the usage error that running it would be (with commander's "did you mean"), and so are `net nope --help`
 * and `net --help nope` (commander would answer a help flag before it looked at the name, with the overview and
 * exit 0); `net --help log` is log's help, as `net help log`.
 */
export function toHelpArgs(args: readonly string[]): string[] {
  const at = args.indexOf(findCommandName(args) ?? '');
  const isHelp = (a: string) => a === '--help' || a === '-h';
  // A help flag on either side of the name: `net --help nope` is the usage error too, `net --help log` log's help.
  if (at >= 0 && args[at] !== 'help' && !findEntry(args[at])) return args.filter((a) => !isHelp(a));
  if (at >= 0 && args[at] !== 'help' && args.slice(0, at).some(isHelp)) return [...args.filter((a, i) => i > at || !isHelp(a)), '--help'];
  if (at < 0 || args[at] !== 'help') return [...args];
  const topic = args.slice(at + 1).find((a) => !a.startsWith('-'));
  const before = args.slice(0, at);
  if (topic === undefined) return [...before, '--help'];
  return findEntry(topic) ? [...before, topic, '--help'] : [...before, topic];
}

/**
 * Whether the arguments are the program's own options alone (--db and its value, --json, --no-color, --debug), as
 * program.ts declares them: not the version's, which answers by itself, nor anything unknown, which is an error.
 */
function onlyProgramOptions(program: Command, args: readonly string[]): boolean {
  const own = program.options.filter((o) => o.long && o.long !== '--version');
  const takesValue = (arg: string | undefined) => own.some((o) => o.long === arg && (o.required || o.optional));
  return args.every((arg, i) => own.some((o) => arg === o.long || arg.startsWith(`${o.long}=`)) || takesValue(args[i - 1]));
}

/** `args`: the words after `net`. Returns the exit code; sets nothing on the process but, colour off, NO_COLOR in io.env. */
export async function run(words: readonly string[], io: Io): Promise<number> {
  const args = toOwnFlags(toHelpArgs(words));
  const env = io.env;
  let debug = env.NET_DEBUG === '1';
  let clock: { now: Date; today: string };
  try {
    clock = readClock(env);
  } catch (err) {
    return report(err, debug, findCommandName(args), io.stderr);
  }
  const { now, today } = clock;
  // Decided before parsing, from the raw arguments, so that chalk is loaded only when colour can be on.
  const colorOn = wantsColor({ env, isTTY: () => io.isTerminal(1), flagNoColor: args.includes('--no-color'), json: args.includes('--json') });
  // The questions colour through node's util.styleText, which reads the environment when inquirer loads and as it
  // draws (FORCE_COLOR beats NO_COLOR there, and an empty NO_COLOR counts): net's decision reaches them, and the
  // programs net starts, through it.
  if (colorOn) {
    delete env.NO_COLOR;
  } else {
    env.NO_COLOR ||= '1';
    delete env.FORCE_COLOR;
  }
  const chalk = colorOn ? (await import('chalk')).Chalk : undefined;
  const ctx = createContext(now, today, io, () => program.opts(), chalk);
  // A command loads the journal's code beside its own module; help, the version and a mistyped name do without it.
  const named = findEntry(findCommandName(args)) !== undefined;
  const [program] = await Promise.all([buildProgram(ctx, args), named ? loadJournalCode() : undefined]);
  // Once the options are parsed (--db), before the command runs: the migrations load only if its journal needs them.
  if (named) program.hook('preAction', () => prepareJournal(ctx));
  let code: number;
  try {
    // Bare `net`, or net with its global options alone (`net --db x`): what it can do, on stdout, exit 0. (Commander
    // would print the help on stderr and fail with "(outputHelp)".)
    if (onlyProgramOptions(program, args)) program.outputHelp();
    else await program.parseAsync(args, { from: 'user' });
    code = ctx.exitCode;
  } catch (err) {
    debug ||= Boolean(program.opts().debug);
    code = report(err, debug, findCommandName(args), io.stderr, { path: ctx.openedPath(), savedTo: ctx.savedTo() });
  }
  try {
    ctx.close(code !== 0);
  } catch {
    // closing after a failure must not hide the failure
  }
  return code;
}
