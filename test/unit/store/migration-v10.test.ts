import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../../src/store/migrations.js';
import { findContactsByEmail } from '../../../src/store/points.js';
import { Store } from '../../../src/store/store.js';

/** A version 9 journal as imports left it: the emails and phones beyond the first in the note. */
function journalAtV9(): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.filter((m) => m.version <= 9));
  const insert = db.prepare('INSERT INTO contacts (id, name, name_key, email, phone, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  insert.run('c1', 'Jane Doe', 'jane doe', 'jane@acme.example', '+44 7700 900123', 'Met at the BNI breakfast.\nOther email: jane.doe@mail.example, Jane@Home.example\nOther phone: +1 555 0101,,12#, 020 7946 0000', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
  insert.run('c2', 'Sam Lee', 'sam lee', null, null, 'Other phone: 07700 900999', '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z');
  insert.run('c3', 'Ann Kay', 'ann kay', 'ann@kay.example', null, 'Birthday: circa 1800\nOther email: not an address', '2025-01-03T00:00:00.000Z', '2025-01-03T00:00:00.000Z');
  insert.run('c4', 'Bo Li', 'bo li', null, null, null, '2025-01-04T00:00:00.000Z', '2025-01-04T00:00:00.000Z');
  return db;
}

const pointsOf = (db: Database.Database) => db.prepare('SELECT contact_id, kind, value, value_key, label, position FROM contact_points ORDER BY contact_id, kind, position').raw().all();

describe('migration 10: several emails and phones', () => {
  it('turns the email, the phone and the "Other email/phone" note lines into entries, and takes the lines out of the note', () => {
    const db = journalAtV9();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 10));
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(pointsOf(db)).toEqual([
      ['c1', 'email', 'jane@acme.example', 'jane@acme.example', null, 0],
      ['c1', 'email', 'jane.doe@mail.example', 'jane.doe@mail.example', null, 1],
      ['c1', 'email', 'Jane@Home.example', 'jane@home.example', null, 2],
      ['c1', 'phone', '+44 7700 900123', '+447700900123', null, 0],
      ['c1', 'phone', '+1 555 0101,,12#', '+15550101,,12#', null, 1],
      ['c1', 'phone', '020 7946 0000', '02079460000', null, 2],
      ['c2', 'phone', '07700 900999', '07700900999', null, 0],
      ['c3', 'email', 'ann@kay.example', 'ann@kay.example', null, 0],
    ]);
    expect(db.prepare('SELECT id, email, phone, note FROM contacts ORDER BY id').raw().all()).toEqual([
      ['c1', 'jane@acme.example', '+44 7700 900123', 'Met at the BNI breakfast.'],
      ['c2', null, '07700 900999', null],
      ['c3', 'ann@kay.example', null, 'Birthday: circa 1800\nOther email: not an address'],
      ['c4', null, null, null],
    ]);
    db.close();
  });

  it('keeps each contact\'s email and phone equal to its main entry, whatever writes the entries', () => {
    const db = journalAtV9();
    migrate(db, MIGRATIONS.filter((m) => m.version <= 10));
    db.prepare("DELETE FROM contact_points WHERE id = 'c1-email-0'").run();
    db.prepare("UPDATE contact_points SET position = 0 WHERE id = 'c1-phone-2'").run();
    db.prepare("INSERT INTO contact_points VALUES ('x', 'c4', 'email', 'bo@li.example', 'bo@li.example', 'work', 0, 't', 't')").run();
    expect(db.prepare("SELECT email, phone FROM contacts WHERE id IN ('c1', 'c4') ORDER BY id").raw().all()).toEqual([
      ['jane.doe@mail.example', '+44 7700 900123'], // position 0 first, then the oldest: the original main phone stays
      ['bo@li.example', null],
    ]);
    db.prepare("DELETE FROM contacts WHERE id = 'c1'").run();
    expect(db.prepare("SELECT count(*) FROM contact_points WHERE contact_id = 'c1'").pluck().get()).toBe(0);
    db.close();
  });

  it('finds contacts by any of their emails, case-insensitive, through the index', () => {
    const db = journalAtV9();
    migrate(db);
    const store = new Store(db, null);
    expect(findContactsByEmail(store, ['JANE@home.EXAMPLE', 'nobody@x.example', 'ann@kay.example', 'jane@acme.example']).map((c) => c.name)).toEqual(['Jane Doe', 'Ann Kay']);
    expect(findContactsByEmail(store, [])).toEqual([]);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT contact_id FROM contact_points WHERE kind = 'email' AND value_key = ?").all('x') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX contact_points_value/);
    db.close();
  });
});
