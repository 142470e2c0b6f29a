import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/summary.js';
import { findListWidths } from '../../../src/store/contacts-extra.js';
import { MIGRATIONS, migrate } from '../../../src/store/migrations.js';
import { Store } from '../../../src/store/store.js';

/** A version 14 journal: contacts with no tag, one tag, and several (one of them with a letter beyond ASCII). */
function journalAtV14(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.filter((m) => m.version <= 14));
  const contact = db.prepare("INSERT INTO contacts (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')");
  const fact = db.prepare("INSERT INTO facts (id, contact_id, kind, text, text_key, created_at, updated_at) VALUES (?, ?, ?, ?, lower(?), '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')");
  contact.run('c1', 'Jane Doe', 'jane doe');
  contact.run('c2', 'Sam Lee', 'sam lee');
  contact.run('c3', 'Ann Kay', 'ann kay');
  fact.run('f1', 'c1', 'tag', 'bni', 'bni');
  fact.run('f2', 'c1', 'tag', 'müller-club', 'müller-club');
  fact.run('f3', 'c1', 'service', 'a very long service that is not a tag', 'a very long service that is not a tag');
  fact.run('f4', 'c2', 'tag', 'client', 'client');
  return db;
}

describe('migration 15: the stage counts and the tags width from small indexes', () => {
  it("keeps each contact's tags length as the summary computes it from its rows", () => {
    const db = journalAtV14();
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(15);
    const store = new Store(db, null);
    const stored = db.prepare('SELECT id, tags_length FROM contacts ORDER BY id').raw().all();
    expect(stored).toEqual([
      ['c1', '#bni #müller-club'.length],
      ['c2', '#client'.length],
      ['c3', 0],
    ]);
    for (const [id, length] of stored as [string, number][]) expect(summarize(store.readContactRows(id), 180).tagsLength).toBe(length);
    expect(findListWidths(store).tags).toBe(17);
    expect(findListWidths(store, 'CLIENT').tags).toBe(7);
    db.close();
  });

  it('gives the tags width from one index entry, and indexes what the stage is counted from', () => {
    const db = journalAtV14();
    migrate(db);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan('SELECT coalesce(max(tags_length), 0) FROM contacts')).toMatch(/SEARCH contacts USING COVERING INDEX contacts_tags_length/);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'contacts_stage'").pluck().get()).toBe(1);
    db.close();
  });
});
