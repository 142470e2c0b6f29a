/**
 * `net list`: contacts in name order. The widths of the columns come first, from SQLite; then the contacts, one at a
 * time, so that a list of any length starts printing at once and holds one contact in memory, not all of them.
 */
import { findListWidths, iterateListedContacts, listProfileFacts, type ListedContact, type ListedFact, type ListWidths } from '../store/contacts-extra.js';
import type { Store } from '../store/store.js';

export type { ListedContact };

export interface ListFilter {
  tag?: string;
}

export interface ListResult {
  widths: ListWidths;
  /** True when the journal has no contacts at all (not merely none with the tag). */
  journalEmpty: boolean;
  /** The contacts in name order, read as they are asked for. */
  contacts: Iterable<ListedContact>;
  /** A contact's profile facts, for the JSON list. */
  factsOf(contactId: string): ListedFact[];
}

export function listContacts(store: Store, filter: ListFilter): ListResult {
  const widths = findListWidths(store, filter.tag);
  return {
    widths,
    journalEmpty: widths.none && store.countContacts() === 0,
    contacts: { [Symbol.iterator]: () => iterateListedContacts(store, filter.tag) },
    factsOf: (contactId) => listProfileFacts(store, contactId),
  };
}
