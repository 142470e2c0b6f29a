/**
 * An empty journal in memory, as openMemory (store/db.ts) makes one, for tests that make hundreds: the migrations run
 * once, and each journal after that is a copy of the migrated file (better-sqlite3 opens a serialized database in
 * memory). Migrating costs about 15 ms a journal, a copy a fraction of one. Tests of the migrations themselves use
 * openMemory.
 */
import { newDatabase, openMemory, type Db } from '../../src/store/db.js';

let migrated: Buffer | undefined;

export function emptyMemoryJournal(): Db {
  if (!migrated) {
    const db = openMemory();
    migrated = db.serialize();
    db.close();
  }
  // newDatabase takes a path in its type; better-sqlite3 takes a serialized database as well.
  const db = newDatabase(migrated as unknown as string);
  db.pragma('foreign_keys = ON');
  return db;
}
