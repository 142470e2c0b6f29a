/**
 * The journal's schema version (PRAGMA user_version) and the latest one this net knows, without the migrations' code.
 * Opening a journal that is already at the latest version only compares two numbers, so the migrations (about 40 KB,
 * with the import code they pull in about 55 KB of JavaScript to compile) load only for a journal that is older, new,
 * or in memory (store/journal-file.ts, app/session.ts). A test holds LATEST_VERSION equal to the migrations list's last.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../core/errors.js';

/** The version of the last migration in store/migrations.ts; raise it with each new migration. */
export const LATEST_VERSION = 15;

export function readSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A journal written by a newer net is refused before anything is written. */
export function refuseNewerSchema(current: number, latest: number): void {
  if (current > latest) {
    throw new StoreError(
      `this journal was written by a newer net (schema ${current}; this net knows up to ${latest})`,
      'upgrade net to open it; the file was not changed',
    );
  }
}
