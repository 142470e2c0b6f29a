/** `net search`: contacts and events found by what was written about them. */
import { parseSearchQuery, toMatchQuery } from '../core/search.js';
import { listTerms, searchContacts, searchEvents, type ContactHit, type EventHit, type SearchHits } from '../store/search.js';
import type { Store } from '../store/store.js';

export interface SearchInput {
  text: string;
  /** The most contacts and the most events shown. */
  limit: number;
}

export interface SearchResult {
  words: string[];
  contacts: SearchHits<ContactHit>;
  events: SearchHits<EventHit>;
}

export function searchJournal(store: Store, input: SearchInput): SearchResult {
  const { words } = parseSearchQuery(input.text);
  // Each index with the words' own terms: a word may start different words in contacts and in events.
  const contacts = toMatchQuery(words, (w) => listTerms(store, 'search_contacts', w));
  const events = toMatchQuery(words, (w) => listTerms(store, 'search_events', w));
  return { words, contacts: searchContacts(store, contacts, input.limit), events: searchEvents(store, events, input.limit) };
}

export type { ContactSearchField, EventSearchField } from '../store/search.js';
