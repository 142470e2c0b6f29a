/** A contact's emails and phones (contact_points, schema 10): each with its label and position, the first the main one. */
import { toPointKey } from '../core/profile.js';
import type { ContactPoint, ContactWithSummary, PointKind } from '../core/types.js';
import { toContact, type Row } from './rows.js';
import type { Store } from './store.js';

const toPoint = (r: Row): ContactPoint => ({
  id: String(r.id),
  contactId: String(r.contact_id),
  kind: String(r.kind) as PointKind,
  value: String(r.value),
  label: r.label === null || r.label === undefined ? null : String(r.label),
  position: Number(r.position),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
});

/** Adds a point; one the contact already has (the same kind and key) is left as it is: returns false. */
export function insertPoint(store: Store, p: ContactPoint): boolean {
  return (
    store
      .stmt(
        `INSERT INTO contact_points (id, contact_id, kind, value, value_key, label, position, created_at, updated_at)
         VALUES (@id, @contactId, @kind, @value, @valueKey, @label, @position, @createdAt, @updatedAt)
         ON CONFLICT (contact_id, kind, value_key) DO NOTHING`,
      )
      .run({ ...p, valueKey: toPointKey(p.kind, p.value) }).changes > 0
  );
}

/** The point of this kind and value (compared by key), if the contact has it. */
export function findPoint(store: Store, contactId: string, kind: PointKind, value: string): ContactPoint | undefined {
  const row = store.stmt('SELECT * FROM contact_points WHERE contact_id = ? AND kind = ? AND value_key = ?').get(contactId, kind, toPointKey(kind, value)) as Row | undefined;
  return row ? toPoint(row) : undefined;
}

export function updatePointLabel(store: Store, id: string, label: string | null, updatedAt: string): void {
  store.stmt('UPDATE contact_points SET label = ?, updated_at = ? WHERE id = ?').run(label, updatedAt, id);
}

/** Removes one point, by its value compared by key; false when the contact has no such point. */
export function deletePoint(store: Store, contactId: string, kind: PointKind, value: string): boolean {
  return store.stmt('DELETE FROM contact_points WHERE contact_id = ? AND kind = ? AND value_key = ?').run(contactId, kind, toPointKey(kind, value)).changes > 0;
}

/** Removes every point of a kind; returns how many there were. */
export function deletePoints(store: Store, contactId: string, kind: PointKind): number {
  return store.stmt('DELETE FROM contact_points WHERE contact_id = ? AND kind = ?').run(contactId, kind).changes;
}

/** A contact's points, emails first, each kind in its order (the main one first). */
export function listPoints(store: Store, contactId: string): ContactPoint[] {
  return (store.stmt('SELECT * FROM contact_points WHERE contact_id = ? ORDER BY kind, position, created_at, id').all(contactId) as Row[]).map(toPoint);
}

/** The position after the contact's last point of a kind. */
export function nextPointPosition(store: Store, contactId: string, kind: PointKind): number {
  return store.stmt('SELECT coalesce(max(position) + 1, 0) FROM contact_points WHERE contact_id = ? AND kind = ?').pluck().get(contactId, kind) as number;
}

/**
 * The contacts that have any of these emails, case-insensitive, through the index on the points' keys: for imports
 * that match people, and for calendars and mail later. In the order of the emails given, each contact once.
 */
export function findContactsByEmail(store: Store, emails: readonly string[]): ContactWithSummary[] {
  if (!emails.length) return [];
  const keys = JSON.stringify(emails.map((e) => toPointKey('email', e)));
  const rows = store
    .stmt(
      // CROSS JOIN keeps the emails first: otherwise SQLite may read every email point and look each up in the list.
      `SELECT c.* FROM json_each(?) k CROSS JOIN contact_points p ON p.kind = 'email' AND p.value_key = k.value JOIN contacts c ON c.id = p.contact_id
       GROUP BY c.id ORDER BY min(k.key)`,
    )
    .all(keys) as Row[];
  return rows.map(toContact);
}

/** Every contact's points in one query, keyed by contact id, each kind in its order: for exports of every contact. */
export function listPointsByContact(store: Store): Map<string, ContactPoint[]> {
  const map = new Map<string, ContactPoint[]>();
  for (const r of store.stmt('SELECT * FROM contact_points ORDER BY contact_id, kind, position, created_at, id').all() as Row[]) {
    const p = toPoint(r);
    const list = map.get(p.contactId);
    if (list) list.push(p);
    else map.set(p.contactId, [p]);
  }
  return map;
}
