/** Where imported touchpoints came from (touchpoint_sources, schema 12): a meeting's occurrence or a message's id. */
import type { IsoDate } from '../core/dates.js';
import type { TouchpointSource } from '../core/touchpoints.js';
import type { Row } from './rows.js';
import type { Store } from './store.js';

export interface SourceRow {
  id: string;
  source: TouchpointSource;
  sourceKey: string;
  contactId: string;
  eventId: string | null;
  occurredOn: IsoDate;
  createdAt: string;
  updatedAt: string;
}

const toSource = (r: Row): SourceRow => ({
  id: String(r.id),
  source: String(r.source) as TouchpointSource,
  sourceKey: String(r.source_key),
  contactId: String(r.contact_id),
  eventId: r.event_id === null || r.event_id === undefined ? null : String(r.event_id),
  occurredOn: String(r.occurred_on),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

export function findSource(store: Store, source: TouchpointSource, key: string, contactId: string): SourceRow | undefined {
  const row = store.stmt('SELECT * FROM touchpoint_sources WHERE source = ? AND source_key = ? AND contact_id = ?').get(source, key, contactId) as Row | undefined;
  return row ? toSource(row) : undefined;
}

export function insertSource(store: Store, s: SourceRow): void {
  store
    .stmt(
      `INSERT INTO touchpoint_sources (id, source, source_key, contact_id, event_id, occurred_on, created_at, updated_at)
       VALUES (@id, @source, @sourceKey, @contactId, @eventId, @occurredOn, @createdAt, @updatedAt)`,
    )
    .run(s);
}

export function updateSource(store: Store, id: string, eventId: string | null, occurredOn: IsoDate, updatedAt: string): void {
  store.stmt('UPDATE touchpoint_sources SET event_id = ?, occurred_on = ?, updated_at = ? WHERE id = ?').run(eventId, occurredOn, updatedAt, id);
}

/** A touchpoint of the contact on a day: of this channel when one is given. The user's own (no source) first. */
export function findTouchOn(store: Store, contactId: string, day: IsoDate, channel?: string): { id: string; sourced: boolean } | undefined {
  const row = store
    .stmt(
      `SELECT e.id, EXISTS (SELECT 1 FROM touchpoint_sources s WHERE s.event_id = e.id) AS sourced FROM events e
       WHERE e.contact_id = ? AND e.occurred_on = ? AND e.type = 'touch' AND (? IS NULL OR e.kind = ?)
       ORDER BY sourced, e.created_at, e.id LIMIT 1`,
    )
    .get(contactId, day, channel ?? null, channel ?? null) as Row | undefined;
  return row ? { id: String(row.id), sourced: Boolean(row.sourced) } : undefined;
}

export function findEventDay(store: Store, eventId: string): IsoDate | undefined {
  return store.stmt('SELECT occurred_on FROM events WHERE id = ?').pluck().get(eventId) as IsoDate | undefined;
}

/** A meeting moved: its touchpoint goes with it (and its channel, if the meeting changed). */
export function moveTouch(store: Store, eventId: string, day: IsoDate, channel: string, updatedAt: string): void {
  store.stmt('UPDATE events SET occurred_on = ?, kind = ?, updated_at = ? WHERE id = ?').run(day, channel, updatedAt, eventId);
}

/** How many other sources share this touchpoint (a day's email stands for every message of that day). */
export function countSourcesOf(store: Store, eventId: string, exceptId: string): number {
  return store.stmt('SELECT count(*) FROM touchpoint_sources WHERE event_id = ? AND id <> ?').pluck().get(eventId, exceptId) as number;
}

/** The contact with this email (its key: core/profile.ts toPointKey), by the points' index: one look-up per address. */
export function findContactByEmailKey(store: Store, key: string): { id: string; name: string } | undefined {
  return store
    .stmt(`SELECT c.id, c.name FROM contact_points p JOIN contacts c ON c.id = p.contact_id WHERE p.kind = 'email' AND p.value_key = ? ORDER BY p.position LIMIT 1`)
    .get(key) as { id: string; name: string } | undefined;
}

/**
 * A mailbox import reads little of the journal but writes for a long while: a small page cache (better-sqlite3's
 * default is 16 MB) keeps the import of a several-gigabyte mbox within its memory budget, at no cost measured.
 */
export function useSmallPageCache(store: Store): void {
  store.db.pragma('cache_size = -2000');
}
