/**
 * What SQLite's errors say of the journal, in a module of its own: cli/run.ts reports every error through it, and it
 * loads nothing of the store (net --help runs without the journal's code: cli/journal-code.ts).
 */
import { StoreError } from '../core/errors.js';

/**
 * What an SQLite error says about the journal, if it says anything: locked, damaged, out of reach, its disk full or
 * failing. Any other code (SQLITE_ERROR of a query FTS5 or SQLite refused, a constraint, a misuse) is a fault of net,
 * not of the journal: undefined, and the caller reports it as a bug (exit 1), never as "run net doctor" (exit 5).
 */
export function toJournalError(err: unknown, path: string): StoreError | undefined {
  const code = String((err as { code?: unknown } | null)?.code ?? '').replace(/^(SQLITE_[A-Z]+)_.*/, '$1');
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new StoreError(`the journal ${path} is locked by another program`, 'wait for the other net command to finish and try again');
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new StoreError(`${path} is damaged or not a net journal`, 'restore it from a backup, or run net doctor to see what is wrong');
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY' || code === 'SQLITE_PERM') return new StoreError(`cannot open the journal ${path}`, 'check that the file and its folder are yours and writable');
  if (code === 'SQLITE_FULL') return new StoreError(`the disk that holds the journal ${path} is full`, 'free some space and run the command again; nothing was written');
  if (code === 'SQLITE_IOERR' || code === 'SQLITE_NOLFS' || code === 'SQLITE_PROTOCOL') return new StoreError(`cannot use the journal ${path}: ${message}`, 'run net doctor to check it');
  return undefined;
}
