/** `net show`: one contact's profile and the relationship's history. */
import { toStanding, type Standing } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import type { ContactWithSummary, Fact, FollowUp, JournalEvent } from '../core/types.js';
import type { Store } from '../store/store.js';
import { getContact } from './resolve.js';

export interface ShowResult {
  contact: ContactWithSummary;
  facts: Fact[];
  /** Newest first. */
  events: JournalEvent[];
  /** Open and done, latest due first. */
  followUps: FollowUp[];
  /** Balance, depth and stage today: the same figures `net check` and `net balance` give. */
  standing: Standing;
}

export function showContact(store: Store, contactId: string, today: IsoDate): ShowResult {
  const contact = getContact(store, contactId);
  return {
    contact,
    facts: store.listFacts(contactId),
    events: store.listEvents(contactId),
    followUps: store.listFollowUps(contactId),
    standing: toStanding(contact, today, store.halfLifeDays()),
  };
}
