/** What every command gets: the clock, the journal (opened lazily), output, and whether a person is at a terminal. */
import { existsSync, rmSync } from 'node:fs';
import type { IsoDate } from '../core/dates.js';
import { openDatabase } from '../store/db.js';
import { Store } from '../store/store.js';
import { createOutput, type Output } from '../ui/output.js';
import { makePalette, type ChalkConstructor } from '../ui/palette.js';
import { toTerminalText } from '../ui/terminal-text.js';
import { resolveJournalPath, type JournalPath } from './journal-path.js';
import { isTerminal, stderr, stdout } from './std-streams.js';

export interface GlobalOptions {
  db?: string;
  json?: boolean;
  color?: boolean;
  debug?: boolean;
}

export interface CliContext {
  readonly now: Date;
  readonly today: IsoDate;
  readonly env: NodeJS.ProcessEnv;
  /** A person at a terminal: prompts and pick lists are allowed. */
  readonly interactive: boolean;
  readonly out: Output;
  journal(): JournalPath;
  /** Opens the journal: for reads a missing file is an empty journal; writes create it. */
  store(mode: 'read' | 'write'): Store;
  /** A verdict's exit code (3: premature), printed output unaffected; main.ts applies it. */
  exitCode: 0 | 3;
  /** An ISO timestamp for created_at/updated_at. */
  timestamp(): string;
  /** Closes the journal; after a failed command, removes a journal file that this process created and left empty. */
  close(failed?: boolean): void;
  /** The journal file this command opened and committed a write to, if any: main.ts says it was saved whatever follows. */
  savedTo(): string | undefined;
  /** The journal file this command opened, if any, for errors raised after it was opened. */
  openedPath(): string | undefined;
  /** Where file content (an export, a calendar) is printed: exact into a pipe or a file; shown safely on a terminal. */
  rawOutput(): (chunk: string) => void;
}

export function createContext(now: Date, today: IsoDate, env: NodeJS.ProcessEnv, globals: () => GlobalOptions, chalk?: ChalkConstructor): CliContext {
  let out: Output | undefined;
  let store: Store | undefined;
  let storeMode: 'read' | 'write' | undefined;
  // The file this process created, if any: a command that fails must not leave a new empty journal behind.
  let createdPath: string | undefined;
  // Asked only when a command needs to know: node loads its terminal and socket code to answer.
  let interactive: boolean | undefined;
  const journal = () => resolveJournalPath(globals().db, env);
  return {
    now,
    today,
    env,
    get interactive() {
      interactive ??= env.CI !== 'true' && isTerminal(0) && isTerminal(1);
      return interactive;
    },
    get out() {
      if (!out) {
        const g = globals();
        const json = Boolean(g.json);
        const palette = makePalette({ env, isTTY: () => isTerminal(1), flagNoColor: g.color === false, json }, chalk);
        out = createOutput(json, palette, { stdout, stderr });
      }
      return out;
    },
    journal,
    store(mode) {
      if (store && (storeMode === 'write' || mode === 'read')) return store;
      store?.close();
      const { path, source } = journal();
      if (mode === 'write' && !existsSync(path)) createdPath = path;
      const db = openDatabase(path, { write: mode === 'write', createFolder: source === 'default' || source === 'XDG_DATA_HOME' });
      store = new Store(db, db.memory ? null : path);
      storeMode = mode;
      return store;
    },
    exitCode: 0,
    timestamp: () => now.toISOString(),
    savedTo: () => (store?.committed && store.path ? store.path : undefined),
    openedPath: () => store?.path ?? undefined,
    rawOutput() {
      if (!isTerminal(1)) return (chunk) => stdout.write(chunk);
      return (chunk) => stdout.write(toTerminalText(chunk.replace(/\r\n/g, '\n'), false));
    },
    close(failed) {
      if (failed && createdPath && store?.path === createdPath && store.countContacts() === 0) {
        store.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${createdPath}${suffix}`, { force: true });
        return;
      }
      store?.close();
    },
  };
}
