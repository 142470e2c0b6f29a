/** `net due`: the morning list, most urgent first. */
import { scoreDue, withEarlyAsk, type DueItem } from '../core/due.js';
import type { IsoDate } from '../core/dates.js';
import { iterateAllDue, listDueContacts, listEarlyOpenAsks } from '../store/due.js';
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
  /** With a tag, nobody due: the tag, when no contact has it at all (a mistyped tag, not a well-tended network). */
  unusedTag?: string;
}

/** Why a list came out empty, beside the list: the journal, or the tag asked for. */
function whyEmpty(store: Store, total: number, tag: string | undefined): Pick<DueResult, 'emptyJournal' | 'unusedTag'> {
  if (total > 0) return { emptyJournal: false };
  if (store.countContacts() === 0) return { emptyJournal: true };
  return tag === undefined || store.hasTag(tag) ? { emptyJournal: false } : { emptyJournal: false, unusedTag: tag };
}

export function listDue(store: Store, input: DueInput): DueResult {
  const halfLifeDays = store.halfLifeDays();
  const dateWindowDays = store.dateWindowDays();
  const page = listDueContacts(store, { day: input.day, tag: input.tag, limit: input.limit, halfLifeDays, dateWindowDays });
  // The store ranked them with the same score; here each gets its reasons and next action.
  const items = page.contacts.flatMap((c) => scoreDue(c, input.day, halfLifeDays, dateWindowDays) ?? []);
  const early = listEarlyOpenAsks(store, items.filter((i) => i.nextAction === 'close-the-loop').map((i) => i.id));
  for (const [n, item] of items.entries()) if (early.has(item.id)) items[n] = withEarlyAsk(item);
  return { day: input.day, items, total: page.total, ...whyEmpty(store, page.total, input.tag) };
}

export interface AllDueResult extends Omit<DueResult, 'items'> {
  /** Everyone due, most urgent first, scored as they are read: `net due --all` prints each as it comes. */
  items: Iterable<DueItem>;
}

/** `net due --all`: everyone due, without holding them all (a big address-book import leaves 190,000 due). */
export function listAllDue(store: Store, input: Omit<DueInput, 'limit'>): AllDueResult {
  const halfLifeDays = store.halfLifeDays();
  const dateWindowDays = store.dateWindowDays();
  const all = iterateAllDue(store, { day: input.day, tag: input.tag, halfLifeDays, dateWindowDays });
  function* items(): Generator<DueItem> {
    for (const c of all.contacts) {
      const item = scoreDue(c, input.day, halfLifeDays, dateWindowDays);
      // Few items close a loop; each of those asks the journal about its own open asks, as the page does in one go.
      if (item) yield item.nextAction === 'close-the-loop' && listEarlyOpenAsks(store, [item.id]).size ? withEarlyAsk(item) : item;
    }
  }
  return { day: input.day, items: { [Symbol.iterator]: items }, total: all.total, ...whyEmpty(store, all.total, input.tag) };
}
