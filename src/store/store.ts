/** The journal's one door: every SQL statement of net lives in this folder, prepared once per process. */
import type Database from 'better-sqlite3';
import { DEFAULT_HALF_LIFE_DAYS, extendSummary, summarize, type ContactRows } from '../core/summary.js';
import { DEFAULT_DATE_WINDOW_DAYS } from '../core/important-dates.js';
import type { Answer, Contact, ContactPoint, ContactSummary, ContactWithSummary, Fact, FollowUp, JournalEvent, PointKind } from '../core/types.js';
import type { IsoDate } from '../core/dates.js';
import { nextHlc } from '../core/hlc.js';
import type { NamedContact } from '../core/names.js';
import { findContactsByEmail, insertPoint } from './points.js';
import { PROFILE_KEYS, SUMMARY_KEYS, toAnswer, toColumn, toContact, toEvent, toFact, toFollowUp, toSelectList, type Row } from './rows.js';

type Db = Database.Database;

/** What a summary is made of, per event: the figures without ids or notes. */
type EventFigures = Pick<JournalEvent, 'type' | 'kind' | 'value' | 'occurredOn'>;

export type ContactPatch = Partial<Pick<Contact, 'name' | 'company' | 'role' | 'metOn' | 'howMet' | 'everyDays' | 'snoozedUntil' | 'note' | 'url' | 'birthday' | 'givenName' | 'familyName'>>;

/** The summary columns, each read back under its field's name. */
const SUMMARY_SELECT = SUMMARY_KEYS.map((k) => `${toColumn(k)} AS ${k}`).join(', ');
const SUMMARY_SET = SUMMARY_KEYS.map((k) => `${toColumn(k)} = @${k}`).join(', ');
const PROFILE_INSERT = `INSERT INTO contacts (${toSelectList(PROFILE_KEYS)}, name_key) VALUES (${PROFILE_KEYS.map((k) => `@${k}`).join(', ')}, @nameKey)`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/*
 * The pages SQLite keeps in memory during a read transaction: 64 of 4 KB, where its default is 16 MB. A command that
 * reads reads most pages once, so a larger cache keeps nothing it uses again; and each page it first caches takes a
 * fresh allocation, whose memory costs a page fault (and its zeroing) on first touch. On our machines that came to
 * about 25 µs a page, more than SQLite's own work on it: perf over the count of contacts_due_for_good (237 pages on
 * 50,000 contacts) showed malloc, page faults and the heap's trim above SQLite's b-tree code, 7.3 ms a count, and 1.9
 * with a small cache, which reuses the same memory. CPU time in paired rounds (load 4 to 5): `net due` on 50,000
 * contacts 174 → 157 ms, `net ideas "Ada Abbott"` 177 → 154 (on 5,000: 168 → 162), check and show unchanged. The
 * interior pages that lookups come back to stay, as the cache evicts the least recently used. Writes keep the
 * default: a page they change must stay cached until the transaction commits.
 */
export const READ_CACHE_PAGES = 64;

export class Store {
  private readonly statements = new Map<string, Database.Statement>();
  private savepoints = 0;

  constructor(
    readonly db: Db,
    /** The file in use, or null for the empty in-memory journal that reads of a missing file get. */
    readonly path: string | null,
  ) {}

  /** A prepared statement, cached for the process. Area modules in src/store/ (due.ts, transfer.ts…) use it too. */
  stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  /** A transaction of this process committed: what the command wrote is in the journal, whatever happens next. */
  committed = false;

  /** The wall clock, in ms, that sync's clock readings start from (the command's clock: NET_NOW pins it). */
  wallClock: () => number = Date.now;

  /** Whether `net sync` captures changes; read at the first write (undefined: not read yet). */
  private capturing: boolean | undefined;

  /**
   * Every write transaction begins by taking the next reading of sync's hybrid logical clock, which the capture
   * triggers stamp its changes with (store/sync-capture.ts); before `net sync init` this is one read of a one-row table.
   */
  private stampWrite(): void {
    if (this.capturing === false) return;
    let state: { capture: number; hlc: string; machine: string | null } | undefined;
    try {
      state = this.stmt('SELECT capture, hlc, machine FROM sync_state WHERE id = 1').get() as typeof state;
    } catch {
      state = undefined; // a journal older than sync (net doctor examines one as it is)
    }
    this.capturing = state?.capture === 1 && state.machine !== null;
    if (!this.capturing) return;
    this.stmt('UPDATE sync_state SET hlc = ? WHERE id = 1').run(nextHlc(state!.hlc, this.wallClock(), state!.machine!));
  }

  /** Sync was set up or left in this process: the next write reads whether it captures again. */
  forgetCapture(): void {
    this.capturing = undefined;
  }

  /** One transaction per command: everything in fn is written, or nothing is. */
  tx<T>(fn: () => T): T {
    const result = this.db
      .transaction(() => {
        this.stampWrite();
        return fn();
      })
      .immediate();
    this.committed = true;
    return result;
  }

  /**
   * For a write that awaits between its statements (a streamed import), which db.transaction() cannot span: one
   * transaction all the same, begun as tx() begins its own (IMMEDIATE: the write lock first); inside another, a
   * savepoint, as db.transaction() nests.
   */
  begin(): { commit(): void; rollback(): void } {
    if (this.db.inTransaction) {
      const name = `net_open_${++this.savepoints}`;
      this.db.exec(`SAVEPOINT ${name}`);
      return { commit: () => this.db.exec(`RELEASE ${name}`), rollback: () => this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`) };
    }
    this.db.exec('BEGIN IMMEDIATE');
    this.stampWrite();
    return {
      commit: () => this.db.exec('COMMIT'),
      rollback: () => {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
      },
    };
  }

  /** Reads that must agree with each other (a report, an export): one snapshot of the journal. */
  read<T>(fn: () => T): T {
    // In a journal in memory the cache holds the journal itself; within a transaction, what it has written.
    if (this.path === null || this.db.inTransaction) return this.db.transaction(fn).deferred();
    const kept = this.db.pragma('cache_size', { simple: true }) as number;
    this.db.exec(`PRAGMA cache_size = ${READ_CACHE_PAGES}`);
    try {
      return this.db.transaction(fn).deferred();
    } finally {
      this.db.exec(`PRAGMA cache_size = ${kept}`);
    }
  }

  /** Inside a transaction: foreign keys are checked at its commit, so that rows may arrive in any order (a merge). */
  deferForeignKeys(): void {
    this.db.pragma('defer_foreign_keys = ON');
  }


  /** A consistent copy of the journal into `file`, by SQLite's online backup: safe while another net writes. */
  async backupTo(file: string): Promise<void> {
    await this.db.backup(file);
  }

  /** The whole journal file as bytes, one consistent snapshot (for an encrypted backup). */
  serialize(): Buffer {
    return this.read(() => this.db.serialize());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- settings -------------------------------------------------------------------------------------------------

  findSetting(key: string): string | undefined {
    const row = this.stmt('SELECT value FROM settings WHERE key = ?').get(key) as Row | undefined;
    return row ? String(row.value) : undefined;
  }

  setSetting(key: string, value: string, at: string): void {
    this.stmt('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(key, value, at);
  }

  halfLifeDays(): number {
    const v = Number(this.findSetting('half_life_days'));
    return Number.isFinite(v) && v > 0 ? v : DEFAULT_HALF_LIFE_DAYS;
  }

  /** How many days ahead `net due` lists birthdays and important dates (`net config date-window`). */
  dateWindowDays(): number {
    const v = Number(this.findSetting('date_window_days'));
    return Number.isFinite(v) && v > 0 ? v : DEFAULT_DATE_WINDOW_DAYS;
  }

  // ---- contacts -------------------------------------------------------------------------------------------------

  /**
   * The contact's row; an email or phone given becomes its main point (contact_points, schema 10), which the email and
   * phone columns are kept equal to.
   */
  insertContact(c: Contact, nameKey: string): void {
    this.stmt(PROFILE_INSERT).run({ ...c, email: null, phone: null, note: c.note ?? null, url: c.url ?? null, birthday: c.birthday ?? null, givenName: c.givenName ?? null, familyName: c.familyName ?? null, nameKey });
    for (const kind of ['email', 'phone'] as const) {
      const value = c[kind];
      if (value) insertPoint(this, { id: `${c.id}-${kind}-0`, contactId: c.id, kind, value, label: null, position: 0, createdAt: c.createdAt, updatedAt: c.updatedAt });
    }
  }

  /**
   * A contact new to the journal with its emails and phones (the first of each kind at position 0) and its facts, in a
   * transaction whose foreign keys are deferred: its points and facts first, then its row with its main email and phone,
   * so that the triggers that keep the row and its search document equal to them find no row to rewrite, and the
   * document is written once, whole, by the row's own trigger (an import: a fact after the row rewrote the document
   * and its index entries each time).
   */
  insertContactWithChildren(c: Contact, nameKey: string, points: readonly ContactPoint[], facts: readonly Fact[]): void {
    // Set only when it is not: setting a flag of SQLite's makes it prepare every statement again.
    if (!this.stmt('PRAGMA defer_foreign_keys').pluck().get()) this.deferForeignKeys();
    for (const p of points) insertPoint(this, p);
    for (const f of facts) this.insertFact(f);
    const main = (kind: PointKind) => points.find((p) => p.kind === kind && p.position === 0)?.value ?? null;
    this.stmt(PROFILE_INSERT).run({ ...c, email: main('email'), phone: main('phone'), note: c.note ?? null, url: c.url ?? null, birthday: c.birthday ?? null, givenName: c.givenName ?? null, familyName: c.familyName ?? null, nameKey });
  }

  updateContact(id: string, patch: ContactPatch, updatedAt: string, nameKey?: string): void {
    const keys = (Object.keys(patch) as (keyof ContactPatch)[]).filter((k) => patch[k] !== undefined);
    const sets = keys.map((k) => `${toColumn(k)} = @${k}`);
    if (nameKey !== undefined) sets.push('name_key = @nameKey');
    sets.push('updated_at = @updatedAt');
    this.db.prepare(`UPDATE contacts SET ${sets.join(', ')} WHERE id = @id`).run({ ...patch, id, updatedAt, nameKey });
  }

  deleteContact(id: string): void {
    this.stmt('DELETE FROM contacts WHERE id = ?').run(id);
  }

  findContact(id: string): ContactWithSummary | undefined {
    const row = this.stmt('SELECT * FROM contacts WHERE id = ?').get(id) as Row | undefined;
    return row ? toContact(row) : undefined;
  }

  /** The contact that has this email among its points, case-insensitive. */
  findContactByEmail(email: string): ContactWithSummary | undefined {
    return findContactsByEmail(this, [email])[0];
  }

  /** Contacts whose name key is exactly `key`: one look-up in the name index, in its order. */
  findNamesByKey(key: string): NamedContact[] {
    return this.stmt('SELECT id, name FROM contacts WHERE name_key = ?').all(key) as NamedContact[];
  }

  /** Contacts whose key equals the query key, starts with it, or has a word that starts with it. */
  findNameCandidates(key: string, limit = 50): NamedContact[] {
    const like = escapeLike(key);
    return this.stmt(
      `SELECT id, name FROM contacts
       WHERE name_key = @key OR name_key LIKE @prefix ESCAPE '\\' OR name_key LIKE @word ESCAPE '\\'
       ORDER BY name_key LIMIT @limit`,
    ).all({ key, prefix: `${like}%`, word: `% ${like}%`, limit }) as NamedContact[];
  }

  listNames(): string[] {
    return (this.stmt('SELECT name FROM contacts ORDER BY name_key').pluck().all() as string[]);
  }

  countContacts(): number {
    return this.stmt('SELECT count(*) FROM contacts').pluck().get() as number;
  }

  /** Whether any contact has the tag (case-insensitive). */
  hasTag(tag: string): boolean {
    return this.stmt("SELECT 1 FROM facts WHERE kind = 'tag' AND text_key = ? LIMIT 1").pluck().get(tag.toLowerCase()) !== undefined;
  }

  /** Contacts in name order, optionally only those with a tag (case-insensitive). */
  listContacts(filter: { tag?: string } = {}): ContactWithSummary[] {
    const rows = filter.tag
      ? this.stmt(
          `SELECT c.* FROM facts f JOIN contacts c ON c.id = f.contact_id
           WHERE f.kind = 'tag' AND f.text_key = ? ORDER BY c.name_key`,
        ).all(filter.tag.toLowerCase())
      : this.stmt('SELECT * FROM contacts ORDER BY name_key').all();
    return (rows as Row[]).map(toContact);
  }

  // ---- facts ----------------------------------------------------------------------------------------------------

  /** Adds a profile fact; a fact the contact already has (same kind, same text ignoring case) is left as it is. */
  insertFact(f: Fact): boolean {
    const r = this.stmt(
      `INSERT INTO facts (id, contact_id, kind, text, text_key, created_at, updated_at)
       VALUES (@id, @contactId, @kind, @text, @textKey, @createdAt, @updatedAt)
       ON CONFLICT (contact_id, kind, text_key) DO NOTHING`,
    ).run({ ...f, textKey: f.text.toLowerCase() });
    return r.changes > 0;
  }

  deleteFact(contactId: string, kind: string, text: string): boolean {
    return this.stmt('DELETE FROM facts WHERE contact_id = ? AND kind = ? AND text_key = ?').run(contactId, kind, text.toLowerCase()).changes > 0;
  }

  listFacts(contactId: string): Fact[] {
    return (this.stmt('SELECT * FROM facts WHERE contact_id = ? ORDER BY kind, created_at, text_key').all(contactId) as Row[]).map(toFact);
  }

  /** Tags of many contacts at once, keyed by contact id. */
  listTagsByContact(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const r of this.stmt("SELECT contact_id, text FROM facts WHERE kind = 'tag' ORDER BY text_key").all() as Row[]) {
      const id = String(r.contact_id);
      map.set(id, [...(map.get(id) ?? []), String(r.text)]);
    }
    return map;
  }

  // ---- events ---------------------------------------------------------------------------------------------------

  insertEvent(e: JournalEvent): void {
    this.stmt(
      `INSERT INTO events (id, contact_id, type, kind, value, note, occurred_on, outcome, outcome_on, premature, prospect, status, status_on, amount, status_note, created_at, updated_at)
       VALUES (@id, @contactId, @type, @kind, @value, @note, @occurredOn, @outcome, @outcomeOn, @premature, @prospect, @status, @statusOn, @amount, @statusNote, @createdAt, @updatedAt)`,
    ).run({ ...e, premature: e.premature ? 1 : 0, prospect: e.prospect ?? null, status: e.status ?? null, statusOn: e.statusOn ?? null, amount: e.amount ?? null, statusNote: e.statusNote ?? null });
  }

  updateEventOutcome(id: string, outcome: string, outcomeOn: string, updatedAt: string): void {
    this.stmt('UPDATE events SET outcome = ?, outcome_on = ?, updated_at = ? WHERE id = ?').run(outcome, outcomeOn, updatedAt, id);
  }

  /** The ids of a contact's events of each type, newest first (same day: by id, descending). */
  listEventIdsByType(contactId: string): Record<JournalEvent['type'], string[]> {
    const ids: Record<JournalEvent['type'], string[]> = { gave: [], touch: [], ask: [], received: [] };
    const rows = this.stmt('SELECT type, id FROM events INDEXED BY events_contact_summary WHERE contact_id = ? ORDER BY occurred_on DESC, id DESC').raw().all(contactId) as [JournalEvent['type'], string][];
    for (const [type, id] of rows) ids[type]?.push(id);
    return ids;
  }

  /** A contact's events, newest first (same day: latest recorded first). */
  listEvents(contactId: string, limit = -1): JournalEvent[] {
    return (this.stmt('SELECT * FROM events WHERE contact_id = ? ORDER BY occurred_on DESC, created_at DESC, id DESC LIMIT ?').all(contactId, limit) as Row[]).map(toEvent);
  }

  // ---- follow-ups -----------------------------------------------------------------------------------------------

  insertFollowUp(f: FollowUp): void {
    this.stmt(
      `INSERT INTO follow_ups (id, contact_id, due_on, note, scheduled_on, done_on, created_at, updated_at)
       VALUES (@id, @contactId, @dueOn, @note, @scheduledOn, @doneOn, @createdAt, @updatedAt)`,
    ).run(f);
  }

  /** Reaching out on `day` closes the open follow-ups scheduled before that day or due by it. */
  closeFollowUps(contactId: string, day: string, updatedAt: string): number {
    return this.stmt('UPDATE follow_ups SET done_on = @day, updated_at = @updatedAt WHERE contact_id = @contactId AND done_on IS NULL AND (scheduled_on < @day OR due_on <= @day)').run({ day, updatedAt, contactId }).changes;
  }

  /** Latest due first; with `since`, only the open ones and those due on or after that day. */
  listFollowUps(contactId: string, since?: IsoDate): FollowUp[] {
    const rows = since === undefined
      ? this.stmt('SELECT * FROM follow_ups WHERE contact_id = ? ORDER BY due_on DESC, created_at DESC').all(contactId)
      : this.stmt('SELECT * FROM follow_ups WHERE contact_id = ? AND (done_on IS NULL OR due_on >= ?) ORDER BY due_on DESC, created_at DESC').all(contactId, since);
    return (rows as Row[]).map(toFollowUp);
  }

  // ---- checklist answers ----------------------------------------------------------------------------------------

  upsertAnswer(a: Answer): void {
    this.stmt(
      `INSERT INTO answers (id, contact_id, point, answer, answered_on, created_at, updated_at)
       VALUES (@id, @contactId, @point, @answer, @answeredOn, @createdAt, @updatedAt)
       ON CONFLICT (contact_id, point) DO UPDATE SET answer = excluded.answer, answered_on = excluded.answered_on, updated_at = excluded.updated_at`,
    ).run({ ...a, answer: a.answer ? 1 : 0 });
  }

  listAnswers(contactId: string): Answer[] {
    return (this.stmt('SELECT * FROM answers WHERE contact_id = ? ORDER BY point').all(contactId) as Row[]).map(toAnswer);
  }

  // ---- summary --------------------------------------------------------------------------------------------------

  readContactRows(contactId: string): ContactRows {
    return {
      // In the order of events_contact_summary, close to the canonical order, which summarize() then sorts in one pass.
      events: this.stmt(
        'SELECT type, kind, value, occurred_on AS occurredOn, outcome, status, status_on AS statusOn FROM events WHERE contact_id = ? ORDER BY occurred_on, type, kind, value',
      ).all(contactId) as ContactRows['events'],
      facts: this.stmt('SELECT kind, text FROM facts WHERE contact_id = ?').all(contactId) as ContactRows['facts'],
      followUps: this.stmt('SELECT due_on AS dueOn, done_on AS doneOn FROM follow_ups WHERE contact_id = ?').all(contactId) as ContactRows['followUps'],
      answers: (this.stmt('SELECT answer FROM answers WHERE contact_id = ?').all(contactId) as Row[]).map((r) => ({ answer: Number(r.answer) === 1 })),
      dates: this.stmt('SELECT label, date FROM dates WHERE contact_id = ?').all(contactId) as ContactRows['dates'],
    };
  }

  /** Recomputes one contact's summary columns from its rows; every write calls it inside its transaction. */
  refreshSummary(contactId: string): void {
    this.writeSummary(contactId, summarize(this.readContactRows(contactId), this.halfLifeDays()));
  }

  /**
   * After a write that only added events (and opened or closed follow-ups): when the events all fall after the
   * contact's last one, the stored summary is extended with them (core/summary.ts extendSummary), which gives what
   * refreshSummary would without reading every event again; otherwise it is refreshed.
   */
  refreshSummaryAfterAdding(contactId: string, added: ContactRows['events']): void {
    const before = this.stmt(`SELECT ${SUMMARY_SELECT} FROM contacts WHERE id = ?`).get(contactId) as ContactSummary | undefined;
    const last = before?.lastEventOn ?? null;
    // Events added on the last day are in the table already: the touchpoint days before them leave theirs out.
    const onLastDay = added.filter((e) => e.occurredOn === last);
    const addedTouches = onLastDay.filter((e) => e.type === 'touch').length;
    const recentTouchDays = () =>
      (this.stmt("SELECT occurred_on FROM events WHERE contact_id = ? AND type = 'touch' AND occurred_on <= ? ORDER BY occurred_on DESC LIMIT ?").pluck().all(contactId, last, 3 + addedTouches) as string[])
        .slice(addedTouches)
        .reverse();
    const lastDay = () =>
      onLastDay.length
        ? (this.stmt('SELECT occurred_on AS occurredOn, type, kind, value FROM events INDEXED BY events_contact_summary WHERE contact_id = ? AND occurred_on = ?').all(contactId, last) as EventFigures[])
        : [];
    const nextFollowUpOn = () => (this.stmt('SELECT min(due_on) FROM follow_ups WHERE contact_id = ? AND done_on IS NULL').pluck().get(contactId) as string | null) ?? null;
    const summary = before && last !== null ? extendSummary(before, added, recentTouchDays(), nextFollowUpOn(), this.halfLifeDays(), lastDay()) : null;
    if (summary) this.writeSummary(contactId, summary);
    else this.refreshSummary(contactId);
  }

  private writeSummary(contactId: string, summary: ContactSummary): void {
    this.stmt(`UPDATE contacts SET ${SUMMARY_SET} WHERE id = @id`).run({ ...summary, id: contactId });
  }

  refreshAllSummaries(): void {
    for (const id of this.stmt('SELECT id FROM contacts').pluck().all() as string[]) this.refreshSummary(id);
  }
}
