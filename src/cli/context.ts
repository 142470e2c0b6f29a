/** What every command gets: the clock, the journal (opened once, lazily), output, and whether a person can be asked. */
import type { Clock } from '../app/clock.js';
import type { Answers } from '../app/resolve.js';
import type { Session, Store } from '../app/session.js';
import type { IsoDate } from '../core/dates.js';
import { createOutput, type Output } from '../ui/output.js';
import { makePalette, type ChalkConstructor } from '../ui/palette.js';
import { toTerminalText } from '../ui/terminal-text.js';
import { journalCode } from './journal-code.js';
import { mayCreateFolder, resolveJournalPath, type JournalPath } from './journal-path.js';
import type { Io } from './startup/std-streams.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
}

export interface CliContext {
  readonly now: Date;
  readonly today: IsoDate;
  /** The calendar day for events and the instant for created_at/updated_at. */
  readonly clock: Clock;
  readonly env: NodeJS.ProcessEnv;
  readonly io: Io;
  /** A person at a terminal: prompts and pick lists are allowed. */
  readonly interactive: boolean;
  /** A question may be asked: a person is at the terminal and the output is not JSON. */
  readonly canAsk: boolean;
  readonly out: Output;
  journalPath(): JournalPath;
  /**
   * Opens the journal for the command, once: 'write' creates a missing file, 'read' of a missing one reads an empty
   * journal. read() and write() open it as they need; a command that reads before it writes (a guided flow) opens it
   * for writing first, so that both use one connection.
   */
  open(mode: 'read' | 'write'): Session;
  /** fn in one read transaction, asked again after any question a person answers (whom an ambiguous name means). */
  read<T>(fn: (store: Store, answers: Answers) => T): Promise<T>;
  /** fn in one IMMEDIATE transaction: resolves, validates and writes; asked again as read() is. */
  write<T>(fn: (store: Store, answers: Answers) => T): Promise<T>;
  /** A verdict's exit code (3: premature), printed output unaffected; run.ts applies it. */
  exitCode: 0 | 3;
  /** Closes the journal; after a failed command, removes a journal file that this command created and left empty. */
  close(failed?: boolean): void;
  /** The journal file this command opened and committed a write to, if any: run.ts says it was saved whatever follows. */
  savedTo(): string | undefined;
  /** The journal file this command opened, if any, for errors raised after it was opened. */
  openedPath(): string | undefined;
  /** Where file content (an export, a calendar) is printed: exact into a pipe or a file; shown safely on a terminal. */
  rawOutput(): (chunk: string) => void;
}

/**
 * A question cannot wait for a person inside a transaction: an IMMEDIATE one holds the journal's write lock, and other
 * nets give up after five seconds. So a command runs its whole unit of work (resolve, validate, write) in one
 * transaction; when the unit meets something only a person can settle, it throws, the transaction rolls back having
 * written nothing, the question is asked with no transaction open, and the unit runs again from the start with the
 * answer. What it checks is therefore always checked again against the journal as it is when the write happens: a
 * contact picked and then removed by another net is "no longer in the journal", a verdict that changed in between is
 * the verdict recorded.
 */
async function settle<T>(ctx: CliContext, answers: Answers, run: () => T): Promise<T> {
  const { AmbiguousNameError, UnknownNameError } = journalCode();
  for (let round = 0; ; round++) {
    try {
      return run();
    } catch (err) {
      // A journal that keeps changing under the questions: stop asking rather than loop.
      if (!ctx.canAsk || round >= 5) throw err;
      if (err instanceof AmbiguousNameError) {
        const { pickContact } = await import('../ui/prompts.js');
        answers.pick(err.query, await pickContact(`"${err.query}" could mean several people. Which one?`, err.choices));
      } else if (err instanceof UnknownNameError && err.addable !== undefined && err.lookAlikes.length) {
        // A name close to someone's is likelier a typo than someone new: they are offered first, adding after.
        const { pickLookAlikeOrAdd, ADD, STOP } = await import('../ui/prompts.js');
        const answer = await pickLookAlikeOrAdd(err.query, err.lookAlikes, err.addable);
        if (answer === STOP) throw err;
        if (answer === ADD) answers.add(err.query);
        else answers.pick(err.query, answer);
      } else if (err instanceof UnknownNameError && err.addable !== undefined) {
        const { confirmAddContact } = await import('../ui/prompts.js');
        if (!(await confirmAddContact(err.addable))) throw err;
        answers.add(err.query);
      } else {
        throw err;
      }
    }
  }
}

export function createContext(now: Date, today: IsoDate, io: Io, globals: () => GlobalOptions, chalk?: ChalkConstructor): CliContext {
  const env = io.env;
  let out: Output | undefined;
  let session: Session | undefined;
  // Asked only when a command needs to know: node loads its terminal and socket code to answer.
  let interactive: boolean | undefined;
  // The journal's code is loaded by run() before the command runs (cli/journal-code.ts), not when the context is made.
  let answers: Answers | undefined;
  const theAnswers = () => (answers ??= new (journalCode().Answers)());
  const journalPath = () => resolveJournalPath(globals().db, env);
  const ctx: CliContext = {
    now,
    today,
    clock: { today, timestamp: now.toISOString() },
    env,
    io,
    get interactive() {
      interactive ??= env.CI !== 'true' && io.isTerminal(0) && io.isTerminal(1);
      return interactive;
    },
    get canAsk() {
      return !ctx.out.json && ctx.interactive;
    },
    get out() {
      if (!out) {
        const g = globals();
        const json = Boolean(g.json);
        const palette = makePalette({ env, isTTY: () => io.isTerminal(1), flagNoColor: g.color === false, json }, chalk);
        out = createOutput(json, palette, io);
      }
      return out;
    },
    journalPath,
    open(mode) {
      if (session && (session.mode === 'write' || mode === 'read')) return session;
      session?.close(false);
      const where = journalPath();
      session = journalCode().openSession(where.path, mode, mayCreateFolder(where), now);
      return session;
    },
    read: (fn) => settle(ctx, theAnswers(), () => ctx.open('read').read((store) => fn(store, theAnswers()))),
    write: (fn) => settle(ctx, theAnswers(), () => ctx.open('write').write((store) => fn(store, theAnswers()))),
    exitCode: 0,
    savedTo: () => (session?.committed && session.path ? session.path : undefined),
    openedPath: () => session?.path ?? undefined,
    rawOutput() {
      if (!io.isTerminal(1)) return (chunk) => io.stdout.write(chunk);
      return (chunk) => io.stdout.write(toTerminalText(chunk.replace(/\r\n/g, '\n'), false));
    },
    close(failed) {
      session?.close(Boolean(failed));
    },
  };
  return ctx;
}
