import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/store/migrations.js';

describe('migration 9: given and family names', () => {
  it('adds the name parts to a version 8 journal, empty: net never guesses them from the name', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 8));
    db.exec(`INSERT INTO contacts (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Kate Brown, MBA', 'kate brown, mba', 't', 't')`);
    migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    expect(db.prepare('SELECT name, given_name, family_name FROM contacts').raw().all()).toEqual([['Kate Brown, MBA', null, null]]);
    db.close();
  });
});
