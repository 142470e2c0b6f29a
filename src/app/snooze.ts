/** `net snooze`: keep a contact off the morning list until a day, or clear that. */
import { UsageError } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import type { ContactWithSummary } from '../core/types.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { getContact } from './resolve.js';

export interface SnoozeInput {
  contactId: string;
  /** Not due before this day; null clears the snooze. */
  until: IsoDate | null;
}

export interface SnoozeResult {
  contact: ContactWithSummary;
  /** The snooze it had before. */
  previous: IsoDate | null;
}

export function checkSnoozeUntil(until: IsoDate, today: IsoDate): void {
  if (until < today) throw new UsageError(`${until} is in the past`, 'snooze until a later day, for example net snooze jane "next monday" or net snooze jane 2w');
  if (until === today) throw new UsageError(`${until} is today`, 'snooze until a later day, for example tomorrow or 1w');
}

export function snoozeContact(store: Store, input: SnoozeInput, clock: Clock): SnoozeResult {
  if (input.until !== null) checkSnoozeUntil(input.until, clock.today);
  const before = getContact(store, input.contactId);
  if (before.snoozedUntil !== input.until) store.updateContact(before.id, { snoozedUntil: input.until }, clock.timestamp);
  return { contact: getContact(store, before.id), previous: before.snoozedUntil };
}
