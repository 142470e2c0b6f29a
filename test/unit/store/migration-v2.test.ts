import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, readSchemaVersion } from '../../../src/store/migrations.js';

const columns = (db: Database.Database) => (db.pragma('table_info(contacts)') as { name: string }[]).map((c) => c.name);

describe('migration 2: contact note, url and birthday', () => {
  it('adds the three columns to a version 1 journal and keeps its contacts', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version === 1));
    db.prepare("INSERT INTO contacts (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Jane Doe', 'jane doe', 't', 't')").run();
    migrate(db);
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
    expect(columns(db)).toEqual(expect.arrayContaining(['note', 'url', 'birthday']));
    expect(db.prepare('SELECT name, note, url, birthday FROM contacts').all()).toEqual([{ name: 'Jane Doe', note: null, url: null, birthday: null }]);
    migrate(db); // a rerun is a no-op
    expect(readSchemaVersion(db)).toBe(MIGRATIONS.at(-1)!.version);
  });
});
