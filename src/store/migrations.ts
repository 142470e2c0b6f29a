/** Schema versions, held in PRAGMA user_version. Each migration and its version bump share one transaction. */
import type Database from 'better-sqlite3';
import { StoreError } from '../core/errors.js';

type Db = Database.Database;

export interface Migration {
  version: number;
  name: string;
  up(db: Db): void;
}

/**
 * Version 1: the journal. Contacts with their profile facts, the events between the user and them (touchpoints,
 * gives, received, asks), scheduled follow-ups, the user's checklist answers and journal settings.
 * The summary columns on contacts (first_event_on … answers_yes) are what core/summary.ts computes from a contact's
 * rows, refreshed in the same transaction as every write, so that `net due` and `net balance` read one row per contact
 * rather than every event. Every user row has a UUID and created/updated timestamps so that journals can be merged.
 */
const v1: Migration = {
  version: 1,
  name: 'journal',
  up(db) {
    db.exec(`
      CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL,
        company TEXT,
        role TEXT,
        email TEXT,
        phone TEXT,
        met_on TEXT,
        how_met TEXT,
        every_days INTEGER,
        snoozed_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        first_event_on TEXT,
        last_event_on TEXT,
        last_touch_on TEXT,
        touch_count INTEGER NOT NULL DEFAULT 0,
        give_count INTEGER NOT NULL DEFAULT 0,
        received_count INTEGER NOT NULL DEFAULT 0,
        ask_count INTEGER NOT NULL DEFAULT 0,
        invested REAL NOT NULL DEFAULT 0,
        withdrawn REAL NOT NULL DEFAULT 0,
        received REAL NOT NULL DEFAULT 0,
        last_received_on TEXT,
        open_ask_on TEXT,
        next_follow_up_on TEXT,
        recent_touch_gap INTEGER,
        service_count INTEGER NOT NULL DEFAULT 0,
        family_count INTEGER NOT NULL DEFAULT 0,
        goal_count INTEGER NOT NULL DEFAULT 0,
        answers_yes INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX contacts_name_key ON contacts(name_key);
      CREATE INDEX contacts_email ON contacts(email COLLATE NOCASE) WHERE email IS NOT NULL;

      CREATE TABLE facts (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        text_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (contact_id, kind, text_key)
      );
      CREATE INDEX facts_kind_text ON facts(kind, text_key, contact_id);

      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        kind TEXT NOT NULL,
        value INTEGER,
        note TEXT,
        occurred_on TEXT NOT NULL,
        outcome TEXT,
        outcome_on TEXT,
        premature INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX events_contact_day ON events(contact_id, occurred_on);

      CREATE TABLE follow_ups (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        due_on TEXT NOT NULL,
        note TEXT,
        scheduled_on TEXT NOT NULL,
        done_on TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX follow_ups_contact ON follow_ups(contact_id, due_on);

      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        point TEXT NOT NULL,
        answer INTEGER NOT NULL,
        answered_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (contact_id, point)
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};

/**
 * Version 2: what address books bring. A free note about the person (vCard NOTE), their profile URL (LinkedIn's
 * Connections export gives one per connection) and their birthday (`YYYY-MM-DD`, or `--MM-DD` when the year is
 * unknown, as vCard writes it), so that `net import` keeps these instead of dropping them and `net export` gives them back.
 */
const v2: Migration = {
  version: 2,
  name: 'contact note, url and birthday',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN note TEXT;
      ALTER TABLE contacts ADD COLUMN url TEXT;
      ALTER TABLE contacts ADD COLUMN birthday TEXT;
    `);
  },
};

export const MIGRATIONS: readonly Migration[] = [v1, v2];

export const LATEST_VERSION = MIGRATIONS.at(-1)!.version;

export function readSchemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, list: readonly Migration[] = MIGRATIONS): void {
  const current = readSchemaVersion(db);
  const latest = list.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new StoreError(
      `this journal was written by a newer net (schema ${current}; this net knows up to ${latest})`,
      'upgrade net to open it; the file was not changed',
    );
  }
  for (const m of list.filter((m) => m.version > current)) {
    db.transaction(() => {
      // Another net may have migrated while this one waited for the lock: re-read inside the transaction.
      if (readSchemaVersion(db) >= m.version) return;
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
