/** `net list`: contacts in name order with their profile facts, read in two queries whatever the journal's size. */
import { listContactsForList, listFactsByContact, type ListedContact, type ListedFact } from '../store/contacts-extra.js';
import type { Store } from '../store/store.js';

export interface ListFilter {
  tag?: string;
}

export interface ListResult {
  contacts: ListedContact[];
  factsByContact: Map<string, ListedFact[]>;
  /** True when the journal has no contacts at all (not merely none with the tag). */
  journalEmpty: boolean;
}

export function listContacts(store: Store, filter: ListFilter): ListResult {
  const contacts = listContactsForList(store, filter.tag);
  const factsByContact = contacts.length ? listFactsByContact(store, filter.tag) : new Map<string, ListedFact[]>();
  return { contacts, factsByContact, journalEmpty: contacts.length === 0 && store.countContacts() === 0 };
}
