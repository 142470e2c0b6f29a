/**
 * Opening a journal at the latest version needs no migrations (store/schema-version.ts, store/journal-file.ts): the
 * latest version is kept apart from the migrations list, so it must equal the list's last; and the file-header check
 * that decides whether the command line loads the migrations must say "needed" for every journal that is not current.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/store/db.js';
import { journalNeedsMigrations, openJournalFile } from '../../../src/store/journal-file.js';
import { MIGRATIONS } from '../../../src/store/migrations.js';
import { LATEST_VERSION, readSchemaVersion } from '../../../src/store/schema-version.js';
import { newDatabase } from '../../../src/store/sqlite.js';

const FIXTURE_V1 = resolve(import.meta.dirname, '../../fixtures/journal-v1.db');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-schema-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the latest schema version', () => {
  it('is the last migration’s, and every version from 1 has its migration', () => {
    expect(LATEST_VERSION).toBe(MIGRATIONS.at(-1)!.version);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
  });
});

describe('journalNeedsMigrations', () => {
  it('says yes for a missing file, an empty one and a journal from the first schema', () => {
    expect(journalNeedsMigrations(join(dir, 'missing.db'))).toBe(true);
    expect(journalNeedsMigrations(join(dir, 'no-folder', 'j.db'))).toBe(true);
    writeFileSync(join(dir, 'empty.db'), '');
    expect(journalNeedsMigrations(join(dir, 'empty.db'))).toBe(true);
    copyFileSync(FIXTURE_V1, join(dir, 'v1.db'));
    expect(journalNeedsMigrations(join(dir, 'v1.db'))).toBe(true);
  });

  it('says no for a journal at the latest version or a newer one, yes while its version waits in the WAL', () => {
    const file = join(dir, 'j.db');
    const db = openDatabase(file, { write: true, createFolder: false });
    // The new journal's schema is in the WAL, the file header still says 0: the answer errs on the side of loading.
    expect(journalNeedsMigrations(file)).toBe(true);
    db.close();
    expect(journalNeedsMigrations(file)).toBe(false);
    const raw = newDatabase(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(journalNeedsMigrations(file)).toBe(false);
  });

  it('says no for a folder, which opening refuses without any migration', () => {
    mkdirSync(join(dir, 'folder.db'));
    expect(journalNeedsMigrations(join(dir, 'folder.db'))).toBe(false);
  });
});

describe('openJournalFile without the migrations', () => {
  it('opens a journal at the latest version', () => {
    const file = join(dir, 'j.db');
    openDatabase(file, { write: true, createFolder: false }).close();
    const db = openJournalFile(file, { write: false, createFolder: false }, undefined);
    expect(readSchemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a newer journal as the migrations do, and leaves it unchanged', () => {
    const file = join(dir, 'j.db');
    openDatabase(file, { write: true, createFolder: false }).close();
    const raw = newDatabase(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openJournalFile(file, { write: false, createFolder: false }, undefined)).toThrow(
      `this journal was written by a newer net (schema ${LATEST_VERSION + 1}; this net knows up to ${LATEST_VERSION})`,
    );
  });

  it('fails as a bug, not silently, when an older journal is opened without them', () => {
    copyFileSync(FIXTURE_V1, join(dir, 'v1.db'));
    expect(() => openJournalFile(join(dir, 'v1.db'), { write: false, createFolder: false }, undefined)).toThrow(/needs its migrations/);
  });
});
