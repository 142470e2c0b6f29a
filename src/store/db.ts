/**
 * Opens the journal file (store/journal-file.ts) with the migrations always at hand: for every use but the command
 * line's session (app/session.ts), which loads them only when the journal needs them.
 */
import { openJournalFile, openMemoryJournal, type Db, type OpenOptions } from './journal-file.js';
import { migrate } from './migrations.js';

export { findOddFileKind, toJournalError, type Db, type OddFileKind, type OpenOptions } from './journal-file.js';
export { newDatabase } from './sqlite.js';

/** Opens (or, for writes, creates) the journal, migrated to the latest schema: see openJournalFile. */
export function openDatabase(path: string, opts: OpenOptions): Db {
  return openJournalFile(path, opts, migrate);
}

export function openMemory(): Db {
  return openMemoryJournal(migrate);
}
