import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { LATEST_VERSION, MIGRATIONS, migrate, readSchemaVersion, type Migration } from '../../../src/store/migrations.js';

const open: Database.Database[] = [];
const memory = () => {
  const db = new Database(':memory:');
  open.push(db);
  return db;
};
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const schema = (db: Database.Database) => db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
const tables = (db: Database.Database) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();

function counting(list: readonly Migration[]) {
  const runs: number[] = [];
  return { runs, list: list.map((m) => ({ ...m, up: (db: Database.Database) => (runs.push(m.version), m.up(db)) })) };
}

describe('migrate', () => {
  it('takes an empty database to the latest version', () => {
    const db = memory();
    expect(readSchemaVersion(db)).toBe(0);
    migrate(db);
    expect(readSchemaVersion(db)).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(expect.arrayContaining(['answers', 'contacts', 'events', 'facts', 'follow_ups', 'settings']));
  });

  it('does nothing when run again', () => {
    const db = memory();
    const { runs, list } = counting(MIGRATIONS);
    migrate(db, list);
    const before = schema(db);
    migrate(db, list);
    expect(runs).toEqual(MIGRATIONS.map((m) => m.version));
    expect(schema(db)).toEqual(before);
    expect(readSchemaVersion(db)).toBe(LATEST_VERSION);
  });

  it('runs only the migrations newer than the version', () => {
    const db = memory();
    const list: Migration[] = [
      { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'b', up: (d) => d.exec('CREATE TABLE b (x)') },
    ];
    migrate(db, list.slice(0, 1));
    const { runs, list: counted } = counting(list);
    migrate(db, counted);
    expect(runs).toEqual([2]);
    expect(tables(db)).toEqual(['a', 'b']);
  });

  it('rolls a failing migration back and keeps the version before it', () => {
    const db = memory();
    const list: Migration[] = [
      { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE b (x); INSERT INTO a VALUES (1)');
          throw new Error('half way');
        },
      },
    ];
    expect(() => migrate(db, list)).toThrow('half way');
    expect(readSchemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['a']);
    expect(db.prepare('SELECT count(*) FROM a').pluck().get()).toBe(0);
  });

  it('refuses a journal from a newer net and leaves the file untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'net-migrate-'));
    try {
      const path = join(dir, 'journal.db');
      const setup = new Database(path);
      setup.exec('CREATE TABLE future (x); INSERT INTO future VALUES (1)');
      setup.pragma(`user_version = ${LATEST_VERSION + 1}`);
      setup.close();
      const bytes = readFileSync(path);
      const mtime = statSync(path).mtimeMs;

      const db = new Database(path);
      try {
        expect(() => migrate(db)).toThrow(StoreError);
        expect(() => migrate(db)).toThrow(`schema ${LATEST_VERSION + 1}; this net knows up to ${LATEST_VERSION}`);
      } finally {
        db.close();
      }
      expect(readFileSync(path).equals(bytes)).toBe(true);
      expect(statSync(path).mtimeMs).toBe(mtime);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
