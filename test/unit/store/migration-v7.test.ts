import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/store/migrations.js';

const indexes = (db: Database.Database) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('events', 'facts', 'follow_ups') AND sql IS NOT NULL ORDER BY name").pluck().all() as string[]);
const plan = (db: Database.Database, sql: string, ...args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((p) => p.detail).join('\n');

describe('migration 7: index-only reads of a contact\'s summary, links, wishes and follow-ups', () => {
  it('replaces four indexes of a version 6 journal, keeps its rows, and serves those reads from indexes alone', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 6));
    db.exec(`INSERT INTO contacts (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Jane Doe', 'jane doe', 't', 't'), ('c2', 'Tom Baker', 'tom baker', 't', 't');
      INSERT INTO events (id, contact_id, type, kind, value, occurred_on, outcome, created_at, updated_at, link_id) VALUES
        ('e1', 'c1', 'gave', 'introduction', 3, '2026-01-01', NULL, 't', 't', 'e2'),
        ('e2', 'c2', 'gave', 'introduction', 3, '2026-01-01', NULL, 't', 't', 'e1'),
        ('e3', 'c1', 'ask', 'favour', 2, '2026-02-01', 'pending', 't', 't', NULL);
      INSERT INTO facts (id, contact_id, kind, text, text_key, created_at, updated_at) VALUES ('f1', 'c2', 'need', 'A Bookkeeper', 'a bookkeeper', 't', 't');`);
    expect(indexes(db)).toEqual(expect.arrayContaining(['events_contact_figures', 'facts_kind_text', 'follow_ups_contact']));
    migrate(db);
    expect(indexes(db)).not.toContain('events_contact_figures');
    expect(indexes(db)).not.toContain('facts_kind_text');
    expect(indexes(db)).not.toContain('follow_ups_contact');
    expect(indexes(db)).toEqual(expect.arrayContaining(['events_contact_summary', 'events_contact_link', 'facts_kind_text_cover', 'follow_ups_contact_done']));
    expect(db.prepare('SELECT id, text FROM facts').raw().all()).toEqual([['f1', 'A Bookkeeper']]);
    expect(db.prepare('SELECT id, link_id, outcome FROM events ORDER BY id').raw().all()).toEqual([['e1', 'e2', null], ['e2', 'e1', null], ['e3', null, 'pending']]);
    expect(plan(db, 'SELECT type, kind, value, occurred_on, outcome, status, status_on FROM events WHERE contact_id = ?', 'c1')).toMatch(/COVERING INDEX events_contact_summary/);
    expect(plan(db, 'SELECT e.id, o.contact_id FROM events e JOIN events o ON o.id = e.link_id WHERE e.contact_id = ? AND e.link_id IS NOT NULL', 'c1')).toMatch(/COVERING INDEX events_contact_link/);
    expect(plan(db, 'SELECT due_on, done_on FROM follow_ups WHERE contact_id = ?', 'c1')).toMatch(/COVERING INDEX follow_ups_contact_done/);
    expect(plan(db, "SELECT contact_id, kind, text FROM facts WHERE kind IN ('need') AND contact_id <> ? AND instr(text_key, ?) > 0", 'c1', 'book')).toMatch(/COVERING INDEX facts_kind_text_cover/);
  });
});
