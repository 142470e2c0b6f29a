/** Schema versions, held in PRAGMA user_version. Each migration and its version bump share one transaction. */
import type Database from 'better-sqlite3';
import { takeOtherPointLines } from '../core/import/records.js';
import { toPointKey } from '../core/profile.js';
import { POINT_KINDS } from '../core/types.js';
import { dropCaptureTriggers } from './sync-capture.js';
import { readSchemaVersion, refuseNewerSchema } from './schema-version.js';

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

/**
 * Version 3: needs and introductions (issue 8). `facts.done_on` is the day a need was met: `net edit --met-need` turns
 * the fact's kind from 'need' into 'met-need' and dates it, so that the journal keeps what was once needed while
 * matching reads open needs alone. `events.link_id` pairs the two gives that one `net intro` records, so that each
 * side's timeline names the other and an introduced pair is not suggested again. A soft link (no foreign key): removing
 * one contact leaves the other's give as it was. The partial index keeps "which pairs were introduced" to the few
 * linked rows among a million events; the role and company indexes let `net ideas` read the distinct roles and
 * companies it matches needs against without scanning every contact.
 */
const v3: Migration = {
  version: 3,
  name: 'needs met and introduction links',
  up(db) {
    db.exec(`
      ALTER TABLE facts ADD COLUMN done_on TEXT;
      ALTER TABLE events ADD COLUMN link_id TEXT;
      CREATE INDEX events_link ON events(link_id) WHERE link_id IS NOT NULL;
      CREATE INDEX contacts_role_key ON contacts(lower(role)) WHERE role IS NOT NULL;
      CREATE INDEX contacts_company_key ON contacts(lower(company)) WHERE company IS NOT NULL;
    `);
  },
};

/**
 * Version 4: referral outcomes and important dates (issue 9). A referral given or received can name its prospect and
 * carry how it went: `status` (open, contacted, won, lost), the day it last changed, the business it closed (`amount`,
 * reported, never scored) and a note on the outcome. Referrals logged before this version are marked open from the
 * day they were logged, so that `net referral` can move them on. `dates` holds the user's own important days of a
 * contact (a work anniversary), one per label; the birthday stays a contact column (v2).
 * Summary columns keep `net due` on one row per contact: the latest won referral received, the latest change of an
 * unresolved referral given, and the custom dates as text. The month-day indexes let `net due` find the dates of the
 * coming days without a scan, and events by day and type let `net report` count a window of weeks quickly.
 */
const v4: Migration = {
  version: 4,
  name: 'referral outcomes and important dates',
  up(db) {
    db.exec(`
      ALTER TABLE events ADD COLUMN prospect TEXT;
      ALTER TABLE events ADD COLUMN status TEXT;
      ALTER TABLE events ADD COLUMN status_on TEXT;
      ALTER TABLE events ADD COLUMN amount REAL;
      ALTER TABLE events ADD COLUMN status_note TEXT;
      UPDATE events SET status = 'open', status_on = occurred_on WHERE kind = 'referral' AND type IN ('gave', 'received');
      CREATE INDEX events_referral_day ON events(occurred_on) WHERE status IS NOT NULL;
      CREATE INDEX events_day_type ON events(occurred_on, type);

      ALTER TABLE contacts ADD COLUMN won_referral_on TEXT;
      ALTER TABLE contacts ADD COLUMN referral_check_on TEXT;
      ALTER TABLE contacts ADD COLUMN important_dates TEXT;
      CREATE INDEX contacts_birthday_day ON contacts(substr(birthday, -5)) WHERE birthday IS NOT NULL;
      -- What core/summary.ts gives for the referrals just marked open (no referral is won yet, no custom date exists).
      UPDATE contacts SET referral_check_on = (SELECT max(occurred_on) FROM events e WHERE e.contact_id = contacts.id AND e.type = 'gave' AND e.kind = 'referral');

      CREATE TABLE dates (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        date TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (contact_id, label COLLATE NOCASE)
      );
      CREATE INDEX dates_day ON dates(substr(date, -5));
    `);
  },
};

/**
 * Version 5: a covering index for one contact's figures. `net check` sums a contact's events by type, kind, value and
 * day; with only (contact_id, occurred_on) indexed, each event cost a read of its table row, scattered across the file
 * because a journal is written over years. Carrying those columns in the index makes the read one contiguous range.
 * It replaces the old index, which it covers.
 */
const v5: Migration = {
  version: 5,
  name: 'covering index for a contact\'s figures',
  up(db) {
    db.exec(`
      CREATE INDEX events_contact_figures ON events(contact_id, occurred_on, type, kind, value, id);
      DROP INDEX events_contact_day;
    `);
  },
};

/**
 * Version 6: indexes for the lists that must stay quick on 50,000 contacts, each on expressions of a contact's summary
 * columns alone, so that SQLite keeps them in step with every write.
 * - contacts_balance: `net balance` reads its first page in balance order (the stored fading sums order contacts as
 *   their balances do, on any day).
 * - contacts_due_cap: the most urgency a contact's row allows on any day, with every column core scores, so that
 *   `net due` scores the few contacts that could make the page, read from the index rather than from rows scattered
 *   over the file.
 * - contacts_due_for_good: the day from which a contact stays due whatever day it is (a follow-up's day, an ask's
 *   fifteenth day, a won referral not yet thanked, the cadence passed for good; '9999-12-31' when nothing does), so
 *   that most of the due are counted from a narrow index.
 * - contacts_due_rest: the same day with every value the rules read for the rest (store/standing-sql.ts
 *   ROW_EXPRESSIONS and the dates of the terms that come and go): `net due` and the stage counts of `net balance`
 *   work those out from the index alone, never reading the wide contact rows.
 * store/due.ts and store/standing-sql.ts must keep these very expressions for SQLite to use the indexes;
 * test/unit/store/due.test.ts and standing-sql.test.ts check that it does.
 */
const v6: Migration = {
  version: 6,
  name: 'indexes for the morning list',
  up(db) {
    db.exec(`
      CREATE INDEX contacts_due_cap ON contacts((8 + 12 * (next_follow_up_on IS NOT NULL) + 4 * coalesce(last_received_on > coalesce(last_touch_on, ''), 0)
        + 3 * (open_ask_on IS NOT NULL) + (touch_count = 0 AND give_count = 0 AND met_on IS NULL)
        + 5 * coalesce(won_referral_on > coalesce(last_touch_on, ''), 0) + 2 * (referral_check_on IS NOT NULL)
        + 3 * (birthday IS NOT NULL OR important_dates IS NOT NULL)),
        snoozed_until, every_days, met_on, created_at, first_event_on, last_touch_on, touch_count, give_count, invested, withdrawn,
        last_received_on, open_ask_on, next_follow_up_on, recent_touch_gap, service_count, family_count, goal_count, answers_yes,
        birthday, won_referral_on, referral_check_on, important_dates, name_key, id);
      CREATE INDEX contacts_due_rest ON contacts(min(coalesce(next_follow_up_on, '9999-12-31'), coalesce(date(open_ask_on, '+15 days'), '9999-12-31'),
        CASE WHEN won_referral_on > coalesce(last_touch_on, '') THEN won_referral_on ELSE '9999-12-31' END,
        CASE WHEN next_follow_up_on IS NOT NULL THEN '9999-12-31'
          WHEN every_days > 0 THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+' || (every_days + 1) || ' days')
          WHEN every_days IS NULL AND (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL) THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+91 days')
          ELSE '9999-12-31' END),
        snoozed_until,
        julianday(coalesce(last_touch_on, met_on, substr(created_at, 1, 10))), every_days, (invested - withdrawn),
        (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL),
        (answers_yes + (service_count >= 3) + (family_count >= 1) + (goal_count >= 5)),
        min(coalesce(met_on, first_event_on), coalesce(first_event_on, met_on)),
        CASE WHEN touch_count >= 3 AND recent_touch_gap <= coalesce(every_days, 90) THEN julianday(last_touch_on) + coalesce(every_days, 90) END,
        next_follow_up_on, last_received_on, last_touch_on, referral_check_on, created_at, substr(birthday, -5), id);
      CREATE INDEX contacts_due_for_good ON contacts(min(coalesce(next_follow_up_on, '9999-12-31'), coalesce(date(open_ask_on, '+15 days'), '9999-12-31'),
        CASE WHEN won_referral_on > coalesce(last_touch_on, '') THEN won_referral_on ELSE '9999-12-31' END,
        CASE WHEN next_follow_up_on IS NOT NULL THEN '9999-12-31'
          WHEN every_days > 0 THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+' || (every_days + 1) || ' days')
          WHEN every_days IS NULL AND (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL) THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+91 days')
          ELSE '9999-12-31' END), snoozed_until);
      CREATE INDEX contacts_balance ON contacts((invested - withdrawn) DESC, name_key);
    `);
  },
};

/**
 * Version 7: one contact's events read from indexes alone. Every write recomputes the contact's summary from its events'
 * outcome, status and status_on as well as the figures of v5; with those only in the table, `net log` on a contact of
 * thousands of events read as many scattered table rows. This index carries them too and replaces v5's, which it covers;
 * v5's goes first, so that the new one reuses its pages instead of growing the file. `net show` names whom each
 * `net intro` give introduced: the partial index finds a contact's few linked events without reading the others.
 * `net ideas` reads the open needs whose key contains a stem, with their text: carrying the text in the facts index
 * (which it replaces) spares a table read per need found. Likewise done_on in the follow-ups index: every write sums up
 * a contact's open follow-ups, `net log` closes them and `net show` reads those of the days it shows, each without
 * reading the rows of the many done ones.
 */
const v7: Migration = {
  version: 7,
  name: 'index-only reads of a contact\'s summary, links, wishes and follow-ups',
  up(db) {
    db.exec(`
      DROP INDEX events_contact_figures;
      CREATE INDEX events_contact_summary ON events(contact_id, occurred_on, type, kind, value, outcome, status, status_on, id);
      CREATE INDEX events_contact_link ON events(contact_id, id, link_id) WHERE link_id IS NOT NULL;
      DROP INDEX facts_kind_text;
      CREATE INDEX facts_kind_text_cover ON facts(kind, text_key, contact_id, text);
      DROP INDEX follow_ups_contact;
      CREATE INDEX follow_ups_contact_done ON follow_ups(contact_id, due_on, done_on);
    `);
  },
};

/**
 * Version 8: contacts in the order `net ideas` ranks the holders of an offer (the journal's knowledge of them, then
 * their balance). It read every holder of each matched service, role or company and sorted them all to keep the best
 * thirty: on 50,000 contacts a dozen services with 6,000 holders each cost 300 ms. With these indexes the thirty are
 * the first entries of a range. The role and company indexes replace v3's, whose keys they start with.
 */
const v8: Migration = {
  version: 8,
  name: 'contacts in the order of what the journal knows of them',
  up(db) {
    db.exec(`
      DROP INDEX contacts_role_key;
      DROP INDEX contacts_company_key;
      CREATE INDEX contacts_known ON contacts((answers_yes + service_count + family_count) DESC, (invested - withdrawn) DESC, id);
      CREATE INDEX contacts_role_known ON contacts(lower(role), (answers_yes + service_count + family_count) DESC, (invested - withdrawn) DESC, id)
        WHERE role IS NOT NULL;
      CREATE INDEX contacts_company_known ON contacts(lower(company), (answers_yes + service_count + family_count) DESC, (invested - withdrawn) DESC, id)
        WHERE company IS NOT NULL;
    `);
  },
};

/**
 * Version 9: a contact's given and family names as their source gave them (issue 14). Address books and LinkedIn give
 * the parts of a name separately; net kept only the display name, and its vCard export rebuilt `N` by splitting that at
 * the last space ("Kate Brown, MBA" became `N:MBA;Kate Brown\,;;;`). Both stay null until an import, `net add --given`
 * or `net edit --family` says what they are: net never guesses them from the display name.
 */
const v9: Migration = {
  version: 9,
  name: 'given and family names',
  up(db) {
    db.exec(`
      ALTER TABLE contacts ADD COLUMN given_name TEXT;
      ALTER TABLE contacts ADD COLUMN family_name TEXT;
    `);
  },
};

/**
 * Version 10: several emails and phones per contact (issue 16). A contact had one email and one phone; an import put the
 * others into the note as "Other email: …" and "Other phone: …" lines, where nothing could match them. Each is now a
 * row of contact_points with its label where the source gave one (work, home, mobile) and its position (0: the main
 * one). The contacts' email and phone columns stay, kept equal to the main point of each kind by triggers, so that
 * lists and every reader of one email go on reading one column. value_key (an email in lower case, a phone without its
 * spaces and punctuation: core/profile.ts toPointKey) lets net find a contact by any of its emails through an index.
 * Existing emails and phones become the main points; the note lines become points after them, and leave the note (a
 * value that is neither an email nor a phone stays there).
 */
const v10: Migration = {
  version: 10,
  name: 'several emails and phones',
  up(db) {
    db.exec(`
      CREATE TABLE contact_points (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        value_key TEXT NOT NULL,
        label TEXT,
        position INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (contact_id, kind, value_key)
      );
      CREATE INDEX contact_points_value ON contact_points(kind, value_key);
      DROP INDEX contacts_email;
    `);
    for (const kind of POINT_KINDS) {
      const main = `(SELECT value FROM contact_points p WHERE p.contact_id = contacts.id AND p.kind = '${kind}' ORDER BY position, created_at, id LIMIT 1)`;
      db.exec(`
        CREATE TRIGGER contact_points_${kind}_insert AFTER INSERT ON contact_points WHEN new.kind = '${kind}' BEGIN
          UPDATE contacts SET ${kind} = ${main} WHERE id = new.contact_id;
        END;
        CREATE TRIGGER contact_points_${kind}_delete AFTER DELETE ON contact_points WHEN old.kind = '${kind}' BEGIN
          UPDATE contacts SET ${kind} = ${main} WHERE id = old.contact_id;
        END;
        CREATE TRIGGER contact_points_${kind}_update AFTER UPDATE ON contact_points WHEN new.kind = '${kind}' OR old.kind = '${kind}' BEGIN
          UPDATE contacts SET ${kind} = ${main} WHERE id IN (new.contact_id, old.contact_id);
        END;
      `);
    }
    const insert = db.prepare(
      `INSERT INTO contact_points (id, contact_id, kind, value, value_key, label, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (contact_id, kind, value_key) DO NOTHING`,
    );
    const setNote = db.prepare('UPDATE contacts SET note = ? WHERE id = ?');
    const rows = db.prepare('SELECT id, email, phone, note, created_at FROM contacts WHERE email IS NOT NULL OR phone IS NOT NULL OR note LIKE ?').all('%Other %') as {
      id: string;
      email: string | null;
      phone: string | null;
      note: string | null;
      created_at: string;
    }[];
    for (const c of rows) {
      const other = takeOtherPointLines(c.note);
      const points = { email: [c.email, ...other.emails], phone: [c.phone, ...other.phones] };
      for (const kind of POINT_KINDS) {
        let position = 0;
        for (const value of points[kind]) {
          // Ids from the contact's own (a migration has no clock or random source of its own): stable, and unique.
          if (value) insert.run(`${c.id}-${kind}-${position}`, c.id, kind, value, toPointKey(kind, value), position++, c.created_at, c.created_at);
        }
      }
      if (other.note !== c.note) setNote.run(other.note, c.id);
    }
  },
};

/** What a contact's search document says about them beyond its own columns: its facts, one a line. */
const CONTACT_ABOUT = (id: string) => `(SELECT group_concat(text, char(10) ORDER BY kind, created_at, text_key) FROM facts WHERE contact_id = ${id})`;

/**
 * Version 11: the full-text index of `net search` (issue 16). SQLite's FTS5, with the unicode61 tokenizer that folds
 * case and takes accents off (remove_diacritics 2: "cafe" finds "Café", "muller" "Müller"), and prefix indexes of two
 * and three characters, so that the first letters of a word find it at once. Two indexes: one document per contact
 * (name, company, role, how met, its facts — services, goals, needs, ideal referrals, family, tags — and its note)
 * and one per event that has words (its note, the prospect of a referral, the note on how it went).
 *
 * Each index reads its text from a table of documents (external content: snippets come from there) whose rowid is an
 * INTEGER PRIMARY KEY, so that no VACUUM can renumber it under the index. Triggers keep the documents equal to the
 * journal's rows and the indexes equal to the documents, in the transaction of every write, whatever writes: a command,
 * an import, a merge. The tables' names start with search_: derived from the others, they are never exported.
 */
const v11: Migration = {
  version: 11,
  name: 'full-text search',
  up(db) {
    const tokenize = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'";
    db.exec(`
      CREATE TABLE search_contact_docs (doc_id INTEGER PRIMARY KEY, contact_id TEXT NOT NULL UNIQUE, name TEXT, company TEXT, role TEXT, how_met TEXT, about TEXT, note TEXT);
      CREATE TABLE search_event_docs (doc_id INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE, contact_id TEXT NOT NULL, note TEXT, prospect TEXT, outcome TEXT);
      INSERT INTO search_contact_docs (contact_id, name, company, role, how_met, about, note)
        SELECT id, name, company, role, how_met, ${CONTACT_ABOUT('contacts.id')}, note FROM contacts ORDER BY created_at, id;
      INSERT INTO search_event_docs (event_id, contact_id, note, prospect, outcome)
        SELECT id, contact_id, note, prospect, status_note FROM events WHERE coalesce(note, prospect, status_note) IS NOT NULL ORDER BY created_at, id;
      CREATE VIRTUAL TABLE search_contacts USING fts5(name, company, role, how_met, about, note, content = 'search_contact_docs', content_rowid = 'doc_id', ${tokenize});
      CREATE VIRTUAL TABLE search_events USING fts5(note, prospect, outcome, content = 'search_event_docs', content_rowid = 'doc_id', ${tokenize});
      INSERT INTO search_contacts (search_contacts) VALUES ('rebuild');
      INSERT INTO search_events (search_events) VALUES ('rebuild');
    `);
    // The documents to the indexes: FTS5's external-content triggers.
    const sync = (docs: string, index: string, columns: string[]) => {
      const list = columns.join(', ');
      const values = (row: string) => columns.map((c) => `${row}.${c}`).join(', ');
      return `
        CREATE TRIGGER ${docs}_insert AFTER INSERT ON ${docs} BEGIN
          INSERT INTO ${index} (rowid, ${list}) VALUES (new.doc_id, ${values('new')});
        END;
        CREATE TRIGGER ${docs}_delete AFTER DELETE ON ${docs} BEGIN
          INSERT INTO ${index} (${index}, rowid, ${list}) VALUES ('delete', old.doc_id, ${values('old')});
        END;
        CREATE TRIGGER ${docs}_update AFTER UPDATE ON ${docs} BEGIN
          INSERT INTO ${index} (${index}, rowid, ${list}) VALUES ('delete', old.doc_id, ${values('old')});
          INSERT INTO ${index} (rowid, ${list}) VALUES (new.doc_id, ${values('new')});
        END;`;
    };
    db.exec(sync('search_contact_docs', 'search_contacts', ['name', 'company', 'role', 'how_met', 'about', 'note']));
    db.exec(sync('search_event_docs', 'search_events', ['note', 'prospect', 'outcome']));
    // The journal's rows to the documents.
    const event = (row: string) => `${row}.id, ${row}.contact_id, ${row}.note, ${row}.prospect, ${row}.status_note`;
    db.exec(`
      CREATE TRIGGER search_contact_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO search_contact_docs (contact_id, name, company, role, how_met, about, note)
          VALUES (new.id, new.name, new.company, new.role, new.how_met, ${CONTACT_ABOUT('new.id')}, new.note);
      END;
      CREATE TRIGGER search_contact_update AFTER UPDATE OF name, company, role, how_met, note ON contacts BEGIN
        UPDATE search_contact_docs SET name = new.name, company = new.company, role = new.role, how_met = new.how_met, note = new.note WHERE contact_id = new.id;
      END;
      CREATE TRIGGER search_contact_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM search_contact_docs WHERE contact_id = old.id;
      END;
      CREATE TRIGGER search_fact_insert AFTER INSERT ON facts BEGIN
        UPDATE search_contact_docs SET about = ${CONTACT_ABOUT('new.contact_id')} WHERE contact_id = new.contact_id;
      END;
      CREATE TRIGGER search_fact_delete AFTER DELETE ON facts BEGIN
        UPDATE search_contact_docs SET about = ${CONTACT_ABOUT('old.contact_id')} WHERE contact_id = old.contact_id;
      END;
      CREATE TRIGGER search_fact_update AFTER UPDATE OF kind, text ON facts BEGIN
        UPDATE search_contact_docs SET about = ${CONTACT_ABOUT('new.contact_id')} WHERE contact_id = new.contact_id;
      END;
      CREATE TRIGGER search_event_insert AFTER INSERT ON events WHEN coalesce(new.note, new.prospect, new.status_note) IS NOT NULL BEGIN
        INSERT INTO search_event_docs (event_id, contact_id, note, prospect, outcome) VALUES (${event('new')});
      END;
      CREATE TRIGGER search_event_update AFTER UPDATE OF note, prospect, status_note ON events BEGIN
        DELETE FROM search_event_docs WHERE event_id = new.id;
        INSERT INTO search_event_docs (event_id, contact_id, note, prospect, outcome) SELECT ${event('new')} WHERE coalesce(new.note, new.prospect, new.status_note) IS NOT NULL;
      END;
      CREATE TRIGGER search_event_delete AFTER DELETE ON events BEGIN
        DELETE FROM search_event_docs WHERE event_id = old.id;
      END;
    `);
  },
};

/**
 * Version 12: where imported touchpoints came from (issue 18). A touchpoint read from a calendar or a mailbox keeps its
 * source: for a meeting, the event's UID and its occurrence (the RECURRENCE-ID of one of a series, empty for a single
 * event); for a message, its Message-ID. One row per source and contact, so that importing the same calendar or a
 * newer export of it never logs twice, and a meeting moved to another day moves its touchpoint (event_id). event_id is
 * null where the source was already covered by a touchpoint the user logged (or, for mail, by that day's email).
 */
const v12: Migration = {
  version: 12,
  name: 'touchpoint sources',
  up(db) {
    db.exec(`
      CREATE TABLE touchpoint_sources (
        id TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        source_key TEXT NOT NULL,
        contact_id TEXT NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
        event_id TEXT REFERENCES events(id) ON DELETE SET NULL,
        occurred_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (source, source_key, contact_id)
      );
      CREATE INDEX touchpoint_sources_event ON touchpoint_sources(event_id);
      CREATE INDEX touchpoint_sources_contact ON touchpoint_sources(contact_id);
    `);
  },
};

/**
 * Version 13 (issue 20): a journal a mile wide. A big address-book import leaves most contacts *fresh*: a name and the
 * day it was added, nothing else (store/standing-sql.ts FRESH_SQL). `net due` and `net balance` worked the rules out for
 * each of them (200,000 contacts: 180 ms of a 250 ms due). contacts_fresh holds them by the day they were added, so
 * that a day's fresh contacts are counted as one; contacts_due_rest is rebuilt with fresh-or-not first (then migration
 * 6's columns), so that the counts of the others no longer read past them. Fresh-or-not is an indexed value rather than
 * a partial index's condition: SQLite reads it from the index, where a partial index made it read every row.
 * contacts_name_width and contacts_about_width give `net list` the widths of its columns from an index (it read every
 * row of the journal for them before printing its first line: 200,000 contacts, a 250 MB scan), and facts_kind_contact
 * the widest tags of a contact in contact order, without a sort.
 */
const v13: Migration = {
  version: 13,
  name: 'fresh contacts counted a day at a time',
  up(db) {
    const fresh = `(first_event_on IS NULL AND met_on IS NULL AND next_follow_up_on IS NULL AND every_days IS NULL AND snoozed_until IS NULL
      AND birthday IS NULL AND important_dates IS NULL AND answers_yes = 0 AND service_count = 0 AND family_count = 0 AND goal_count = 0
      AND touch_count = 0 AND give_count = 0 AND invested = 0 AND withdrawn = 0 AND last_touch_on IS NULL AND last_received_on IS NULL
      AND open_ask_on IS NULL AND won_referral_on IS NULL AND referral_check_on IS NULL AND recent_touch_gap IS NULL)`;
    db.exec(`
      CREATE INDEX contacts_fresh ON contacts(${fresh}, substr(created_at, 1, 10));
      CREATE INDEX contacts_name_width ON contacts(length(name));
      CREATE INDEX facts_kind_contact ON facts(kind, contact_id, text);
      CREATE INDEX contacts_about_width ON contacts(length(CASE WHEN role <> '' AND company <> '' THEN role || ', ' || company ELSE coalesce(role, company, '') END));
      DROP INDEX contacts_due_rest;
      CREATE INDEX contacts_due_rest ON contacts(${fresh}, min(coalesce(next_follow_up_on, '9999-12-31'), coalesce(date(open_ask_on, '+15 days'), '9999-12-31'),
        CASE WHEN won_referral_on > coalesce(last_touch_on, '') THEN won_referral_on ELSE '9999-12-31' END,
        CASE WHEN next_follow_up_on IS NOT NULL THEN '9999-12-31'
          WHEN every_days > 0 THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+' || (every_days + 1) || ' days')
          WHEN every_days IS NULL AND (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL) THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+91 days')
          ELSE '9999-12-31' END),
        snoozed_until,
        julianday(coalesce(last_touch_on, met_on, substr(created_at, 1, 10))), every_days, (invested - withdrawn),
        (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL),
        (answers_yes + (service_count >= 3) + (family_count >= 1) + (goal_count >= 5)),
        min(coalesce(met_on, first_event_on), coalesce(first_event_on, met_on)),
        CASE WHEN touch_count >= 3 AND recent_touch_gap <= coalesce(every_days, 90) THEN julianday(last_touch_on) + coalesce(every_days, 90) END,
        next_follow_up_on, last_received_on, last_touch_on, referral_check_on, created_at, substr(birthday, -5), id);
    `);
  },
};

/**
 * Version 14: sync's own state (issue 19), local to each machine: never synced, never exported (store/sync-tables.ts
 * LOCAL_TABLES). Nothing changes until `net sync init`: the capture triggers (store/sync-capture.ts, made from the one
 * declaration of synced tables and kept in step with it whenever the journal opens) stay quiet while
 * `sync_state.capture` is 0.
 * - sync_state, one row: whether changes are captured, this machine's id and name, its hybrid logical clock (the
 *   latest reading seen; during a write, the write's own reading, which the triggers stamp changes with), the remote,
 *   how its files are encrypted, the next batch's number and when the last sync ended.
 * - sync_fields: the clock of every change of a synced record, per column ('' a whole record, '-' its removal),
 *   whether this machine has yet to push it (`pending`), and for a pending change of a field the reading of the value
 *   it replaced (`base`), which tells another machine whether the change was made knowing of its own.
 * - sync_shadow: records that are not in their table: removed ones (kept so that a later edit from another machine can
 *   bring them back whole) and the second of two records that share a unique key (the same tag added on two machines).
 * - sync_machines: every machine taking part, the last of its batches applied here and its latest clock reading.
 * - sync_unpushed: batches made from pending changes but not yet pushed, so that a sync killed before its push writes
 *   the same batch again; a snapshot made with a batch has the batch's number (both are kept: one per number and kind).
 */
const v14: Migration = {
  version: 14,
  name: 'sync state',
  up(db) {
    db.exec(`
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        capture INTEGER NOT NULL DEFAULT 0,
        machine TEXT,
        label TEXT,
        hlc TEXT NOT NULL DEFAULT '',
        remote TEXT,
        keys TEXT,
        recipient TEXT,
        next_seq INTEGER NOT NULL DEFAULT 1,
        synced_at TEXT
      );
      INSERT INTO sync_state (id) VALUES (1);
      CREATE TABLE sync_fields (
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        col TEXT NOT NULL,
        hlc TEXT NOT NULL,
        pending INTEGER NOT NULL DEFAULT 0,
        base TEXT,
        PRIMARY KEY (tbl, id, col)
      );
      CREATE INDEX sync_fields_pending ON sync_fields(tbl, id) WHERE pending = 1;
      CREATE TABLE sync_shadow (
        tbl TEXT NOT NULL,
        id TEXT NOT NULL,
        parent TEXT,
        ukey TEXT,
        dead INTEGER NOT NULL,
        row TEXT NOT NULL,
        PRIMARY KEY (tbl, id)
      );
      CREATE INDEX sync_shadow_parent ON sync_shadow(parent, dead) WHERE parent IS NOT NULL;
      CREATE INDEX sync_shadow_ukey ON sync_shadow(tbl, ukey, dead) WHERE ukey IS NOT NULL;
      CREATE TABLE sync_machines (
        machine TEXT PRIMARY KEY,
        label TEXT,
        seq INTEGER NOT NULL DEFAULT 0,
        hlc TEXT NOT NULL DEFAULT '',
        synced_at TEXT
      );
      CREATE TABLE sync_unpushed (
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('batch', 'snapshot')),
        body BLOB NOT NULL,
        PRIMARY KEY (seq, kind)
      );
    `);
  },
};

/**
 * Version 15 (issue 20): the 50,000-contact journal's slow rows. Measured on the benchmark's extreme journal (50,000
 * contacts), CPU time of the first query in a process, where most of the cost is the pages read cold (about 30 µs
 * each on our machines: a read and fresh memory for each):
 * - contacts_stage holds exactly what a stage is worked out from (store/standing-sql.ts STAGE_COLUMNS): fresh-or-not
 *   first, as in contacts_due_rest, then the checklist points that do not change with the day, met, known since, the
 *   julianday until which appointments are regular (the later of the next follow-up and the end of the kept cadence)
 *   and the stored balance. `net balance` counted the stages over contacts_due_rest (2,200 pages, 110 ms); this index
 *   is 411 pages and the count about 35 ms.
 * - contacts.tags_length, a summary column (core/types.ts SUMMARY_FIELDS tagsLength): the length of a contact's tags as
 *   a list writes them, kept with the other summary columns; contacts_tags_length gives `net list` the width of its tags
 *   column from one index entry. It grouped every tag of the journal by contact (94,000 tags: 76 ms before the first
 *   line).
 * - contacts_due_rest is rebuilt with two of its values NULL for most contacts (store/due.ts DATED_ID_SQL and
 *   UNMET_ADDED_SQL): the id only for a contact with important dates, the time added only for one not met. The id
 *   and the time added took 60 of its 140 bytes a contact: 2,200 pages become 1,016, and `net due`'s count of those
 *   not due for good reads about 290 pages where it read 630.
 */
const v15: Migration = {
  version: 15,
  name: 'stage counts and the tags width from small indexes',
  up(db) {
    db.exec(`
      CREATE INDEX contacts_stage ON contacts((first_event_on IS NULL AND met_on IS NULL AND next_follow_up_on IS NULL AND every_days IS NULL AND snoozed_until IS NULL
        AND birthday IS NULL AND important_dates IS NULL AND answers_yes = 0 AND service_count = 0 AND family_count = 0 AND goal_count = 0
        AND touch_count = 0 AND give_count = 0 AND invested = 0 AND withdrawn = 0 AND last_touch_on IS NULL AND last_received_on IS NULL
        AND open_ask_on IS NULL AND won_referral_on IS NULL AND referral_check_on IS NULL AND recent_touch_gap IS NULL),
        (answers_yes + (service_count >= 3) + (family_count >= 1) + (goal_count >= 5)),
        (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL),
        min(coalesce(met_on, first_event_on), coalesce(first_event_on, met_on)),
        max(coalesce(julianday(next_follow_up_on), 0), coalesce(CASE WHEN touch_count >= 3 AND recent_touch_gap <= coalesce(every_days, 90) THEN julianday(last_touch_on) + coalesce(every_days, 90) END, 0)),
        (invested - withdrawn));
      ALTER TABLE contacts ADD COLUMN tags_length INTEGER NOT NULL DEFAULT 0;
      UPDATE contacts SET tags_length = (SELECT sum(length(text) + 2) - 1 FROM facts WHERE facts.contact_id = contacts.id AND kind = 'tag')
        WHERE id IN (SELECT contact_id FROM facts WHERE kind = 'tag');
      CREATE INDEX contacts_tags_length ON contacts(tags_length);
      DROP INDEX contacts_due_rest;
      CREATE INDEX contacts_due_rest ON contacts((first_event_on IS NULL AND met_on IS NULL AND next_follow_up_on IS NULL AND every_days IS NULL AND snoozed_until IS NULL
        AND birthday IS NULL AND important_dates IS NULL AND answers_yes = 0 AND service_count = 0 AND family_count = 0 AND goal_count = 0
        AND touch_count = 0 AND give_count = 0 AND invested = 0 AND withdrawn = 0 AND last_touch_on IS NULL AND last_received_on IS NULL
        AND open_ask_on IS NULL AND won_referral_on IS NULL AND referral_check_on IS NULL AND recent_touch_gap IS NULL),
        min(coalesce(next_follow_up_on, '9999-12-31'), coalesce(date(open_ask_on, '+15 days'), '9999-12-31'),
          CASE WHEN won_referral_on > coalesce(last_touch_on, '') THEN won_referral_on ELSE '9999-12-31' END,
          CASE WHEN next_follow_up_on IS NOT NULL THEN '9999-12-31'
            WHEN every_days > 0 THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+' || (every_days + 1) || ' days')
            WHEN every_days IS NULL AND (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL) THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+91 days')
            ELSE '9999-12-31' END),
        snoozed_until,
        julianday(coalesce(last_touch_on, met_on, substr(created_at, 1, 10))), every_days, (invested - withdrawn),
        (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL),
        (answers_yes + (service_count >= 3) + (family_count >= 1) + (goal_count >= 5)),
        min(coalesce(met_on, first_event_on), coalesce(first_event_on, met_on)),
        CASE WHEN touch_count >= 3 AND recent_touch_gap <= coalesce(every_days, 90) THEN julianday(last_touch_on) + coalesce(every_days, 90) END,
        next_follow_up_on, last_received_on, last_touch_on, referral_check_on,
        CASE (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL) WHEN 0 THEN created_at END, substr(birthday, -5),
        CASE WHEN important_dates IS NOT NULL THEN id END);
    `);
  },
};

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15];

// The latest version and the version check live in schema-version.ts, which opening a journal loads without this module.
export { LATEST_VERSION, readSchemaVersion } from './schema-version.js';

export function migrate(db: Db, list: readonly Migration[] = MIGRATIONS): void {
  const current = readSchemaVersion(db);
  refuseNewerSchema(current, list.at(-1)?.version ?? 0);
  for (const m of list.filter((m) => m.version > current)) {
    db.transaction(() => {
      // Another net may have migrated while this one waited for the lock: re-read inside the transaction.
      if (readSchemaVersion(db) >= m.version) return;
      // A migration's own writes are made on every machine alike, never captured for sync; ensureCapture() (at every
      // open) makes the triggers again, from the declaration of the new schema.
      dropCaptureTriggers(db);
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}
