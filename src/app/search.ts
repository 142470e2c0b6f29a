/** `net search`: contacts and events found by what was written about them. */
import { parseSearchQuery } from '../core/search.js';
import { searchContacts, searchEvents, type ContactHit, type EventHit, type SearchHits } from '../store/search.js';
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
  const { words, match } = parseSearchQuery(input.text);
  return { words, contacts: searchContacts(store, match, input.limit), events: searchEvents(store, match, input.limit) };
}

export type { ContactSearchField, EventSearchField } from '../store/search.js';
