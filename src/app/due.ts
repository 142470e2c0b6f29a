/** `net due`: the morning list, most urgent first. */
import { scoreDue, withEarlyAsk, type DueItem } from '../core/due.js';
import type { IsoDate } from '../core/dates.js';
import { listDueContacts, listEarlyOpenAsks } from '../store/due.js';
import type { Store } from '../store/store.js';

export interface DueInput {
  /** The day the list is for (today, or --on). */
  day: IsoDate;
  tag?: string;
  /** How many to return; undefined for all. */
  limit?: number;
}

export interface DueResult {
  day: IsoDate;
  /** The most urgent first, at most `limit`. */
  items: DueItem[];
  /** How many are due in all (items.length when nothing was left out). */
  total: number;
  /** The journal has no contacts at all. */
  emptyJournal: boolean;
}

export function listDue(store: Store, input: DueInput): DueResult {
  const halfLifeDays = store.halfLifeDays();
  const dateWindowDays = store.dateWindowDays();
  const page = listDueContacts(store, { day: input.day, tag: input.tag, limit: input.limit, halfLifeDays, dateWindowDays });
  // The store ranked them with the same score; here each gets its reasons and next action.
  const items = page.contacts.flatMap((c) => scoreDue(c, input.day, halfLifeDays, dateWindowDays) ?? []);
  const early = listEarlyOpenAsks(store, items.filter((i) => i.nextAction === 'close-the-loop').map((i) => i.id));
  for (const [n, item] of items.entries()) if (early.has(item.id)) items[n] = withEarlyAsk(item);
  return { day: input.day, items, total: page.total, emptyJournal: page.total === 0 && store.countContacts() === 0 };
}
