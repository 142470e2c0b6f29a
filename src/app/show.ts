/** `net show`: one contact's profile and the relationship's history. */
import { toStanding, type Standing } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import type { ContactPoint, ContactWithSummary, FollowUp, JournalEvent } from '../core/types.js';
import { listPoints } from '../store/points.js';
import type { Store } from '../store/store.js';
import { getContact } from './resolve.js';
import { listDatedFacts, listIntroLinks, type DatedFact } from '../store/ideas.js';
import { listOccasions } from './dates.js';
import type { Occasion } from '../core/important-dates.js';

export interface ShowResult {
  contact: ContactWithSummary;
  /** With the day each met need was met. */
  facts: DatedFact[];
  /** Every email and phone, the main ones first. */
  points: ContactPoint[];
  /** Newest first: all of them, or the latest `limit`. */
  events: JournalEvent[];
  /** How many older events were left out. */
  earlierEvents: number;
  /** Open and done, latest due first. */
  followUps: FollowUp[];
  /** Balance, depth and stage today: the same figures `net check` and `net balance` give. */
  standing: Standing;
  /** The birthday and custom dates, soonest first. */
  occasions: Occasion[];
  /** The contact's `net intro` gives, by event id: whom each introduced them to. */
  introductions: Map<string, { id: string; name: string }>;
}

/** `limit`: the latest events only (a relationship of ten years has thousands); the summary counts the rest. */
export function showContact(store: Store, contactId: string, today: IsoDate, limit?: number): ShowResult {
  const contact = getContact(store, contactId);
  const events = store.listEvents(contactId, limit);
  const total = contact.touchCount + contact.giveCount + contact.receivedCount + contact.askCount;
  const earlierEvents = Math.max(0, total - events.length);
  // The text leaves out done follow-ups older than the events it shows (renderShow): those need not be read at all.
  const since = limit !== undefined && earlierEvents ? (events.at(-1)?.occurredOn ?? today) : undefined;
  return {
    contact,
    facts: listDatedFacts(store, contactId),
    points: listPoints(store, contactId),
    events,
    earlierEvents,
    followUps: store.listFollowUps(contactId, since),
    standing: toStanding(contact, today, store.halfLifeDays()),
    occasions: listOccasions(store, contact, today),
    introductions: listIntroLinks(store, contactId),
  };
}
