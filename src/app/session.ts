/**
 * The journal as one command holds it: one connection, opened once. Reads of a missing journal get an empty one in
 * memory and create nothing; a write creates the file, and a command that then fails takes away the file it created
 * while it is still empty, so that a failing command never leaves a new journal behind.
 */
import { existsSync, rmSync } from 'node:fs';
import { journalNeedsMigrations, openJournalFile, type Migrate } from '../store/journal-file.js';
import { Store } from '../store/store.js';

export type { Store };

export interface Session {
  readonly mode: 'read' | 'write';
  /** The journal file, or null for the empty journal in memory that a read of a missing (or empty) file gets. */
  readonly path: string | null;
  /** A transaction of this command committed: what it wrote is in the journal, whatever happens next. */
  readonly committed: boolean;
  /** fn in one read transaction: what it reads is one snapshot. */
  read<T>(fn: (store: Store) => T): T;
  /** fn in one IMMEDIATE transaction: everything it writes is kept, or nothing is. */
  write<T>(fn: (store: Store) => T): T;
  /** fn with the journal and no transaction, for a use case that opens its own (import, export, backup). */
  use<T>(fn: (store: Store) => T): T;
  close(failed: boolean): void;
}

let migrate: Migrate | undefined;

/**
 * Loads the migrations if the journal at `path` needs them; the command line calls it before a command runs, since
 * opening stays synchronous. A journal at the latest version (nearly every open) needs none: measured with paired
 * CPU-time rounds, not loading them (about 55 KB of JavaScript) saves a few percent of `show`, `log` and `due`.
 */
export async function prepareSession(path: string): Promise<void> {
  if (!migrate && journalNeedsMigrations(path)) migrate = (await import('../store/migrations.js')).migrate;
}

/** `now`: the command's clock, which sync's clock readings start from. Call prepareSession(path) first. */
export function openSession(path: string, mode: 'read' | 'write', createFolder: boolean, now?: Date): Session {
  const created = mode === 'write' && !existsSync(path);
  const db = openJournalFile(path, { write: mode === 'write', createFolder }, migrate);
  const store = new Store(db, db.memory ? null : path);
  if (now) store.wallClock = () => now.getTime();
  return {
    mode,
    path: store.path,
    get committed() {
      return store.committed;
    },
    read: (fn) => store.read(() => fn(store)),
    write: (fn) => store.tx(() => fn(store)),
    use: (fn) => fn(store),
    close(failed) {
      if (failed && created && store.countContacts() === 0) {
        store.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
        return;
      }
      store.close();
    },
  };
}
