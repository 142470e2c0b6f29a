/** `net show`: one contact's profile and the relationship's history. */
import { toStanding, type Standing } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import type { ContactWithSummary, FollowUp, JournalEvent } from '../core/types.js';
import type { Store } from '../store/store.js';
import { getContact } from './resolve.js';
import { listDatedFacts, listIntroLinks, type DatedFact } from '../store/ideas.js';
import { listOccasions } from './dates.js';
import type { Occasion } from '../core/important-dates.js';

export interface ShowResult {
  contact: ContactWithSummary;
  /** With the day each met need was met. */
  facts: DatedFact[];
  /** Newest first. */
  events: JournalEvent[];
  /** Open and done, latest due first. */
  followUps: FollowUp[];
  /** Balance, depth and stage today: the same figures `net check` and `net balance` give. */
  standing: Standing;
  /** The birthday and custom dates, soonest first. */
  occasions: Occasion[];
  /** The contact's `net intro` gives, by event id: whom each introduced them to. */
  introductions: Map<string, { id: string; name: string }>;
}

export function showContact(store: Store, contactId: string, today: IsoDate): ShowResult {
  const contact = getContact(store, contactId);
  return {
    contact,
    facts: listDatedFacts(store, contactId),
    events: store.listEvents(contactId),
    followUps: store.listFollowUps(contactId),
    standing: toStanding(contact, today, store.halfLifeDays()),
    occasions: listOccasions(store, contact, today),
    introductions: listIntroLinks(store, contactId),
  };
}
