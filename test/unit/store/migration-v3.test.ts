import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/store/migrations.js';

const columns = (db: Database.Database, table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);

describe('migration 3: needs met and introduction links', () => {
  it('adds facts.done_on and events.link_id to a version 2 journal and keeps its rows', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.version <= 2));
    db.exec(`INSERT INTO contacts (id, name, name_key, created_at, updated_at) VALUES ('c1', 'Jane Doe', 'jane doe', 't', 't');
      INSERT INTO facts (id, contact_id, kind, text, text_key, created_at, updated_at) VALUES ('f1', 'c1', 'service', 'Valuations', 'valuations', 't', 't');
      INSERT INTO events (id, contact_id, type, kind, occurred_on, created_at, updated_at) VALUES ('e1', 'c1', 'gave', 'introduction', '2026-01-01', 't', 't');`);
    migrate(db);
    expect(columns(db, 'facts')).toContain('done_on');
    expect(columns(db, 'events')).toContain('link_id');
    expect(db.prepare('SELECT id, done_on FROM facts').all()).toEqual([{ id: 'f1', done_on: null }]);
    expect(db.prepare('SELECT id, link_id FROM events').all()).toEqual([{ id: 'e1', link_id: null }]);
    // The partial index serves "which pairs were introduced" without reading every event.
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT e.contact_id FROM events e JOIN events o ON o.id = e.link_id WHERE e.link_id IS NOT NULL").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/USING (COVERING )?INDEX events_link/);
  });
});
