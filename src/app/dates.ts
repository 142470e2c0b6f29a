/** Important dates of a contact: the custom ones (`--date-of`) beside the birthday, and their next occurrences. */
import { newId } from './ids.js';
import type { IsoDate } from '../core/dates.js';
import { toImportantDates, toOccasion, type ImportantDate, type Occasion } from '../core/important-dates.js';
import type { ContactWithSummary } from '../core/types.js';
import { deleteDate, listDates, upsertDate } from '../store/dates.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';

/** Adds or changes each date (by label); returns how many changed. The caller refreshes the contact's summary. */
export function saveImportantDates(store: Store, contactId: string, dates: readonly ImportantDate[], clock: Clock): number {
  let changed = 0;
  for (const d of dates) {
    if (upsertDate(store, { id: newId(), contactId, label: d.label, date: d.date, createdAt: clock.timestamp, updatedAt: clock.timestamp })) changed++;
  }
  return changed;
}

export function forgetImportantDate(store: Store, contactId: string, label: string): boolean {
  return deleteDate(store, contactId, label);
}

/** The birthday and the custom dates, each with when it next comes round, soonest first. */
export function listOccasions(store: Store, contact: Pick<ContactWithSummary, 'id' | 'birthday'>, today: IsoDate): Occasion[] {
  const dates = toImportantDates(contact.birthday, null).concat(listDates(store, contact.id).map((d) => ({ label: d.label, date: d.date })));
  return dates.map((d) => toOccasion(d, today)).sort((a, b) => a.inDays - b.inDays || a.label.localeCompare(b.label));
}
