/**
 * Opens the journal file: owner-only permissions, WAL, foreign keys, a busy timeout, migrated to the latest schema.
 * The migrations' code is the caller's to give (store/db.ts gives it always; the command line's session loads it only
 * when the journal needs it: journalNeedsMigrations), so that opening a journal at the latest version compiles none of it.
 */
import type Database from 'better-sqlite3';
import { newDatabase } from './sqlite.js';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError } from '../core/errors.js';
import { toJournalError } from './journal-errors.js';
import { LATEST_VERSION, readSchemaVersion, refuseNewerSchema } from './schema-version.js';
import { ensureCapture } from './sync-capture.js';

export type Db = Database.Database;

/** Brings a journal to the latest schema: store/migrations.ts's migrate(). */
export type Migrate = (db: Db) => void;

export interface OpenOptions {
  /** Create the file (and, when allowed, its folder) if missing. Reads of a missing journal get an empty one in memory. */
  write: boolean;
  /** Create missing parent folders (only for the default location; an explicit --db must name an existing folder). */
  createFolder: boolean;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * What the file's first bytes say: nothing (an empty file), an SQLite file, one in WAL mode (bytes 18 and 19, the
 * format's write and read versions, are 2: SQLite keeps the mode across opens), or something else.
 */
function readHeader(path: string): 'empty' | 'sqlite' | 'wal' | 'other' {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(20);
    const n = readSync(fd, buf, 0, 20, 0);
    if (n === 0) return 'empty';
    if (buf.toString('latin1', 0, 16) !== SQLITE_HEADER) return 'other';
    return buf[18] === 2 && buf[19] === 2 ? 'wal' : 'sqlite';
  } finally {
    closeSync(fd);
  }
}

/** A path that is neither a file nor a folder: net never opens one (a named pipe would keep it waiting forever). */
export type OddFileKind = 'named-pipe' | 'socket' | 'device';

/** What kind of odd file `st` is; undefined for a file or a folder. */
export function findOddFileKind(st: Stats): OddFileKind | undefined {
  if (st.isFIFO()) return 'named-pipe';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device';
  return undefined;
}

const ODD_FILE_WORDS: Record<OddFileKind, string> = { 'named-pipe': 'a named pipe', socket: 'a socket', device: 'a device' };

/**
 * What the journal path holds: 'missing', 'empty' (a file of no bytes, which the first write makes a journal), or a
 * journal ('wal' when it is in WAL mode already).
 */
function checkPath(path: string, opts: OpenOptions): 'missing' | 'empty' | 'journal' | 'wal' {
  // stat, never open, before knowing it is a file: opening a named pipe waits for a writer forever.
  const st = statOrUndefined(path);
  if (st) {
    if (st.isDirectory()) throw new StoreError(`${path} is a folder, not a journal file`, 'give --db the path of a file, for example --db ~/journal.db');
    const odd = findOddFileKind(st);
    if (odd) throw new StoreError(`${path} is ${ODD_FILE_WORDS[odd]}, not a journal file`, 'give --db or NET_DB the path of a file, for example --db ~/journal.db');
    const header = readHeader(path);
    if (header === 'other') throw new StoreError(`${path} is not a net journal (not an SQLite file)`, 'check the path given with --db or NET_DB');
    return st.size === 0 ? 'empty' : header === 'wal' ? 'wal' : 'journal';
  }
  const folder = dirname(path);
  if (!existsSync(folder)) {
    // A folder the user named must exist, for reads too: a mistyped one would otherwise read as an empty journal.
    if (!opts.createFolder) throw new StoreError(`the folder ${folder} does not exist`, `create it first (mkdir -p ${folder}) or give another path with --db or NET_DB`);
    if (!opts.write) return 'missing';
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } else if (!statSync(folder).isDirectory()) {
    throw new StoreError(`${folder} is not a folder`, 'choose a --db path inside a folder');
  }
  return 'missing';
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined; // the folder check below says what is missing
    throw err;
  }
}

/** Any error while the journal is being opened: a failure to open it, whatever its code. */
function toStoreError(err: unknown, path: string): StoreError {
  const message = err instanceof Error ? err.message : String(err);
  return toJournalError(err, path) ?? new StoreError(`cannot use the journal ${path}: ${message}`, 'run net doctor to check it');
}

/**
 * Opens (or, for writes, creates) the journal. A read of a missing journal, or of an empty file, returns an empty
 * in-memory one: reading writes nothing. The first write makes an empty file a journal, owner-only like a new one.
 */
export function openJournalFile(path: string, opts: OpenOptions, migrate: Migrate | undefined): Db {
  const state = checkPath(path, opts);
  const journal = state === 'journal' || state === 'wal';
  if (!journal && !opts.write) return openMemoryJournal(migrate);
  let db: Db | undefined;
  try {
    if (state === 'missing') closeSync(openSync(path, 'a', 0o600)); // create it owner-only before SQLite does, with the umask's say
    db = newDatabase(path, { timeout: 5000 });
    if (!journal) chmodSync(path, 0o600);
    // A journal from a newer net is refused before anything is written: switching to WAL rewrites the file header.
    refuseNewerSchema(readSchemaVersion(db), LATEST_VERSION);
    // Setting the mode costs about a millisecond even when it is WAL already, as it is at nearly every open.
    if (state !== 'wal') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // A write's statement journals (each statement that fires a trigger keeps one, to undo itself half-way: the search
    // documents, a contact's main email and phone) stay in memory. SQLite's default spills one past 64 KB into a
    // temporary file, which a contact's row with its indexes and search document passes: an import of 6,000 contacts
    // made 577,000 writes to that file (a third of its time), a new machine joining by sync spent 49 s of 92 in
    // them, and even `net log` opened, wrote 150 KB to and removed one. In memory, each is freed as its statement ends.
    // Reads keep the default, so that a large sort of theirs may go to a file.
    if (opts.write) db.pragma('temp_store = MEMORY');
    // At the latest version (every open but the first after an upgrade) the migrations are not needed, nor loaded.
    if (readSchemaVersion(db) !== LATEST_VERSION) needMigrate(migrate)(db);
    ensureCapture(db);
    return db;
  } catch (err) {
    db?.close();
    if (err instanceof StoreError) throw err;
    throw toStoreError(err, path);
  }
}

export function openMemoryJournal(migrate: Migrate | undefined): Db {
  const db = newDatabase(':memory:');
  db.pragma('foreign_keys = ON');
  needMigrate(migrate)(db);
  ensureCapture(db);
  return db;
}

function needMigrate(migrate: Migrate | undefined): Migrate {
  if (!migrate) throw new Error('the journal needs its migrations, which were not loaded (journalNeedsMigrations said otherwise)');
  return migrate;
}

/**
 * Whether opening the journal at `path` may need the migrations: unless its file header (bytes 60–63, the
 * user_version that PRAGMA reads) says the latest version or above. A header can only lag behind a version written
 * to the WAL and not yet checkpointed, never run ahead of it, so "no" is always right; a newer net's journal is
 * refused without the migrations (refuseNewerSchema).
 */
export function journalNeedsMigrations(path: string): boolean {
  let fd: number;
  try {
    if (!statSync(path).isFile()) return false; // a folder or an odd file: opening it fails before any migration
    fd = openSync(path, 'r');
  } catch {
    return true; // missing: a read gets an empty journal in memory, a write creates one; both are migrated
  }
  try {
    const buf = Buffer.alloc(64);
    if (readSync(fd, buf, 0, 64, 0) < 64) return true;
    return buf.readUInt32BE(60) < LATEST_VERSION;
  } finally {
    closeSync(fd);
  }
}

export { toJournalError };
