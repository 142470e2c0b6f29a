import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { newDatabase, openDatabase, type Db } from '../../../src/store/db.js';
import { LATEST_VERSION } from '../../../src/store/migrations.js';

let dir: string;
let db: Db | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-db-'));
});
afterEach(() => {
  db?.close();
  db = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;

describe('openDatabase', () => {
  it('creates a new journal 0600 in a 0700 folder when it creates the folder', () => {
    const path = join(dir, 'data', 'net', 'journal.db');
    db = openDatabase(path, { write: true, createFolder: true });
    expect(mode(join(dir, 'data', 'net'))).toBe(0o700);
    expect(mode(path)).toBe(0o600);
  });

  it('keeps a new journal 0600 whatever the umask', () => {
    const old = process.umask(0);
    try {
      db = openDatabase(join(dir, 'journal.db'), { write: true, createFolder: false });
    } finally {
      process.umask(old);
    }
    expect(mode(join(dir, 'journal.db'))).toBe(0o600);
  });

  it('opens with WAL, foreign keys and the latest schema', () => {
    db = openDatabase(join(dir, 'journal.db'), { write: true, createFolder: false });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
  });

  it('switches a journal in rollback mode to WAL when it opens it, and one in WAL mode stays so', () => {
    const path = join(dir, 'journal.db');
    openDatabase(path, { write: true, createFolder: false }).close();
    const other = newDatabase(path);
    other.pragma('journal_mode = DELETE');
    other.close();
    db = openDatabase(path, { write: false, createFolder: false });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    db = openDatabase(path, { write: false, createFolder: false });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('gives an empty journal in memory for a read of a missing file, and creates nothing', () => {
    db = openDatabase(join(dir, 'missing', 'journal.db'), { write: false, createFolder: true });
    expect(db.memory).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['a folder', () => (mkdirSync(join(dir, 'folder.db')), join(dir, 'folder.db')), /is a folder, not a journal file/],
    ['a file that is not SQLite', () => (writeFileSync(join(dir, 'notes.txt'), 'dear diary, today I met Jane\n'), join(dir, 'notes.txt')), /is not a net journal/],
    ['a missing folder for an explicit path', () => join(dir, 'nowhere', 'journal.db'), /the folder .*nowhere does not exist/],
    ['a path under a file', () => (writeFileSync(join(dir, 'file'), ''), join(dir, 'file', 'journal.db')), /is not a folder/],
  ])('refuses %s with a StoreError (exit 5)', (_, makePath, message) => {
    const path = makePath();
    let err: unknown;
    try {
      db = openDatabase(path, { write: true, createFolder: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).message).toMatch(message);
    expect((err as StoreError).exitCode).toBe(5);
    expect((err as StoreError).hint).toBeTruthy();
  });

  it('leaves a non-SQLite file as it was', () => {
    const path = join(dir, 'notes.txt');
    writeFileSync(path, 'keep me');
    expect(() => openDatabase(path, { write: true, createFolder: false })).toThrow(StoreError);
    expect(statSync(path).size).toBe(7);
  });
});
