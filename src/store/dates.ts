/** The SQL of a contact's custom important dates (the birthday is a contact column). */
import type { ImportantDate } from '../core/important-dates.js';
import type { Row } from './rows.js';
import type { Store } from './store.js';

export interface DateRow extends ImportantDate {
  id: string;
  contactId: string;
  createdAt: string;
  updatedAt: string;
}

/** Adds the date, or changes the date of the same label (any case). Returns whether anything changed. */
export function upsertDate(store: Store, d: DateRow): boolean {
  const existing = store.stmt('SELECT date FROM dates WHERE contact_id = ? AND label = ? COLLATE NOCASE').get(d.contactId, d.label) as Row | undefined;
  if (existing && existing.date === d.date) return false;
  if (existing) {
    store.stmt('UPDATE dates SET date = @date, label = @label, updated_at = @updatedAt WHERE contact_id = @contactId AND label = @label COLLATE NOCASE').run(d);
  } else {
    store.stmt('INSERT INTO dates (id, contact_id, label, date, created_at, updated_at) VALUES (@id, @contactId, @label, @date, @createdAt, @updatedAt)').run(d);
  }
  return true;
}

export function deleteDate(store: Store, contactId: string, label: string): boolean {
  return store.stmt('DELETE FROM dates WHERE contact_id = ? AND label = ? COLLATE NOCASE').run(contactId, label).changes > 0;
}

export function listDates(store: Store, contactId: string): DateRow[] {
  return store
    .stmt('SELECT id, contact_id AS contactId, label, date, created_at AS createdAt, updated_at AS updatedAt FROM dates WHERE contact_id = ? ORDER BY substr(date, -5), label COLLATE NOCASE')
    .all(contactId) as DateRow[];
}
