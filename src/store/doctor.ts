/**
 * The SQL of `net doctor`. It opens the file itself, without migrating: a journal that is damaged, too new or too old
 * must be examined as it is, and without --fix it is opened read-only so that looking changes nothing.
 */
import type { ContactSummary } from '../core/types.js';
import { newDatabase } from './sqlite.js';
import { readSchemaVersion } from './schema-version.js';
import { toContact } from './rows.js';
import type { Row } from './rows.js';
import { Store } from './store.js';

export function openForExamination(path: string, write: boolean): Store {
  const db = newDatabase(path, { readonly: !write, fileMustExist: true, timeout: 5000 });
  if (write) db.pragma('foreign_keys = ON');
  return new Store(db, path);
}

/** Reads the schema (sqlite_master): the first read that fails on a file that is not a database or has a bad header. */
export function countTables(store: Store): number {
  return store.stmt("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
}

export function readVersion(store: Store): number {
  return readSchemaVersion(store.db);
}

/** PRAGMA integrity_check: ['ok'] when healthy, else up to `limit` descriptions of what is wrong. */
export function checkIntegrity(store: Store, limit = 20): string[] {
  return (store.db.pragma(`integrity_check(${limit})`) as Row[]).map((r) => String(r.integrity_check));
}

export interface DanglingRows {
  table: string;
  parent: string;
  count: number;
}

/** Rows whose foreign key points at nothing (PRAGMA foreign_key_check), counted per table. */
export function listDanglingRows(store: Store): DanglingRows[] {
  const counts = new Map<string, DanglingRows>();
  for (const r of store.db.pragma('foreign_key_check') as Row[]) {
    const key = `${String(r.table)}\u0000${String(r.parent)}`;
    const entry = counts.get(key) ?? { table: String(r.table), parent: String(r.parent), count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()];
}

export function listContactIds(store: Store): string[] {
  return store.stmt('SELECT id FROM contacts ORDER BY name_key, id').pluck().all() as string[];
}

/** One contact's name and stored summary columns. */
export function findStoredSummary(store: Store, id: string): { name: string; summary: ContactSummary } | undefined {
  const row = store.stmt('SELECT * FROM contacts WHERE id = ?').get(id) as Row | undefined;
  if (!row) return undefined;
  const { name, ...contact } = toContact(row);
  return { name, summary: contact };
}

/** Folds the write-ahead log into the journal and empties it. */
export function checkpointWal(store: Store): void {
  store.db.pragma('wal_checkpoint(TRUNCATE)');
}
