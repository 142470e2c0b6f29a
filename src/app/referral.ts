/** `net referral`: how a referral given or received went: contacted, won (with the business it closed) or lost. */
import { daysBetween, type IsoDate } from '../core/dates.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import { MIN_ID_PREFIX, toShortId, type ReferralUpdate } from '../core/referrals.js';
import type { ContactWithSummary, JournalEvent } from '../core/types.js';
import { findLatestOpenReferral, findReferralsByIdPrefix, updateReferralStatus } from '../store/referrals.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { getContact } from './resolve.js';

export interface ReferralInput {
  contactId: string;
  status: ReferralUpdate;
  amount?: number;
  note?: string;
  /** The referral's id or a prefix of it (as `net show` prints); the latest open one when left out. */
  id?: string;
}

export interface ReferralResult {
  contact: ContactWithSummary;
  /** The referral after the change. */
  event: JournalEvent;
  previous: string;
  /** Days from the day it was logged to the change. */
  ageDays: number;
}

/** What can be checked before the journal is opened. */
export function checkReferralInput(input: Omit<ReferralInput, 'contactId'>): void {
  if (input.amount !== undefined && input.status !== 'won') {
    throw new UsageError(`--amount goes with --status won`, 'the amount is the business a won referral closed, for example --status won --amount 1200');
  }
  if (input.id !== undefined && !/^[0-9a-f-]+$/i.test(input.id.trim())) throw new UsageError(`"${input.id}" is not a referral id`, 'give the id net show prints beside the referral, for example --id 1a2b3c4d');
  if (input.id !== undefined && input.id.trim().length < MIN_ID_PREFIX) {
    throw new UsageError(`--id "${input.id}" is too short`, `give at least ${MIN_ID_PREFIX} characters of the id net show prints`);
  }
}

function pickReferral(store: Store, contact: ContactWithSummary, id: string | undefined): JournalEvent {
  if (id === undefined) {
    const open = findLatestOpenReferral(store, contact.id);
    if (!open) {
      throw new NotFoundError(`${contact.name} has no open referral`, [], `log one first (net log ${JSON.stringify(contact.name)} --gave referral --prospect "…"), or pick a closed one with --id from net show`);
    }
    return open;
  }
  const found = findReferralsByIdPrefix(store, contact.id, id.trim());
  if (found.length === 0) throw new NotFoundError(`${contact.name} has no referral with id ${id}`, [], `net show ${JSON.stringify(contact.name)} prints each referral's id`);
  if (found.length > 1) throw new NotFoundError(`the id ${id} could mean several referrals`, found.map((e) => toShortId(e.id)), 'give more of the id');
  return found[0]!;
}

export function updateReferral(store: Store, input: ReferralInput, clock: Clock): ReferralResult {
  checkReferralInput(input);
  const contact = getContact(store, input.contactId);
  const event = pickReferral(store, contact, input.id);
  const previous = event.status ?? 'open';
  if (previous === input.status && input.amount === undefined && input.note === undefined) {
    throw new UsageError(`the referral is already ${previous}`, 'give another --status, or an --amount or --note to record');
  }
  const today: IsoDate = clock.today;
  if (today < event.occurredOn) throw new UsageError(`the referral is dated ${event.occurredOn}, after today`, 'check the date it was logged on');
  updateReferralStatus(store, event.id, {
    status: input.status,
    // The day of the last change is what `net due` counts from; a note or amount alone keeps the status's day.
    statusOn: previous === input.status ? (event.statusOn ?? today) : today,
    amount: input.status === 'won' ? (input.amount ?? event.amount ?? null) : null,
    statusNote: input.note ?? event.statusNote ?? null,
    updatedAt: clock.timestamp,
  });
  store.refreshSummary(contact.id);
  const updated = store.listEvents(contact.id).find((e) => e.id === event.id)!;
  return { contact: getContact(store, contact.id), event: updated, previous, ageDays: daysBetween(event.occurredOn, today) };
}
