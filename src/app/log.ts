/** `net log`: what happened with a contact: a touchpoint, a give, something received, a follow-up. */
import { newId } from './ids.js';
import { UsageError } from '../core/errors.js';
import type { IsoDate } from '../core/dates.js';
import type { ContactWithSummary, FollowUp, JournalEvent } from '../core/types.js';
import { DEFAULT_VALUE, type GiveKind } from '../core/vocabulary.js';
import type { LogWords } from '../core/log-words.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { addContact, type AddInput } from './add.js';
import { getContact, NO_ANSWERS, resolveContact, type Answers } from './resolve.js';
import { parseContactName, toNameKey, type NamedContact } from '../core/names.js';
import { listRecentContacts } from '../store/contacts-extra.js';

/** What happened (core/log-words.ts LogWords: the fields the flags and the one-line words both fill), and with whom. */
export interface LogInput extends LogWords {
  /** The contact it happened with: a typed name, resolved in the transaction; an id (picked in the guided log); or
   * `newContact`, added in the same transaction. */
  name?: string;
  contactId?: string;
  newContact?: AddInput;
}

export interface LogResult {
  contact: ContactWithSummary;
  events: JournalEvent[];
  followUp: FollowUp | null;
  /** Follow-ups that this touchpoint or give closed. */
  closedFollowUps: number;
}

export function checkLogInput(input: LogInput, today: IsoDate): void {
  if (!input.touch && !input.gave && !input.received && !input.next) {
    throw new UsageError('nothing to log', 'say what happened after the name, for example net log jane coffee, or net log jane --gave article; --next plans a follow-up');
  }
  if (input.value !== undefined && !input.gave && !input.received) {
    throw new UsageError('--value goes with --gave or --received', 'for example --gave referral --value 4');
  }
  if (input.prospect !== undefined && input.gave !== 'referral' && input.received !== 'referral') {
    throw new UsageError('--prospect goes with --gave referral or --received referral', 'for example net log jane --gave referral --prospect "Tom Baker, needs a bookkeeper"');
  }
  const date = input.date ?? today;
  if (date > today) throw new UsageError(`--date ${date} is in the future`, 'log what has happened (today or earlier); schedule what is to come with --next');
  if (date < '1900-01-01') throw new UsageError(`--date ${date} is too long ago`, 'give a date after 1900');
  if (input.next !== undefined && input.next < today) throw new UsageError(`--next ${input.next} is in the past`, 'a follow-up is today or later, for example --next "in 2 weeks"');
}

/** What `input.name`, `contactId` or `newContact` names; an unknown name is added when the person said so (`answers`). */
function findLogContact(store: Store, input: LogInput, clock: Clock, answers: Answers): ContactWithSummary {
  if (input.newContact) return addContact(store, input.newContact, clock);
  if (input.name === undefined) return getContact(store, input.contactId ?? '');
  return resolveContact(store, input.name, answers, { offerToAdd: true }) ?? addContact(store, { name: parseContactName(input.name) }, clock);
}

/** Checks the input first (nothing about the contact is asked for a command that cannot be logged), then the name. */
export function logInteraction(store: Store, input: LogInput, clock: Clock, answers: Answers = NO_ANSWERS): LogResult {
  checkLogInput(input, clock.today);
  const contact = findLogContact(store, input, clock, answers);
  const date = input.date ?? clock.today;
  const note = input.note ?? null;
  const base = { contactId: contact.id, note, occurredOn: date, outcome: null, outcomeOn: null, premature: false, createdAt: clock.timestamp, updatedAt: clock.timestamp };
  const events: JournalEvent[] = [];
  if (input.touch) events.push({ ...base, id: newId(), type: 'touch', kind: input.touch, value: null });
  // A referral starts open, so that `net referral` can record how it went.
  const referral = (kind: GiveKind) => (kind === 'referral' ? { prospect: input.prospect ?? null, status: 'open', statusOn: date } : {});
  if (input.gave) events.push({ ...base, id: newId(), type: 'gave', kind: input.gave, value: input.value ?? DEFAULT_VALUE, ...referral(input.gave) });
  if (input.received) events.push({ ...base, id: newId(), type: 'received', kind: input.received, value: input.value ?? DEFAULT_VALUE, ...referral(input.received) });
  for (const e of events) store.insertEvent(e);

  // Reaching out (a touchpoint or a give) closes the follow-ups scheduled before that day or due by it.
  const closedFollowUps = input.touch || input.gave ? store.closeFollowUps(contact.id, date, clock.timestamp) : 0;
  let followUp: FollowUp | null = null;
  if (input.next) {
    followUp = { id: newId(), contactId: contact.id, dueOn: input.next, note, scheduledOn: date, doneOn: null, createdAt: clock.timestamp, updatedAt: clock.timestamp };
    store.insertFollowUp(followUp);
  }
  store.refreshSummaryAfterAdding(contact.id, events);
  return { contact: getContact(store, contact.id), events, followUp, closedFollowUps };
}

/** The guided log's search: with nothing typed, the contacts touched most recently; else those the term could mean. */
export function findLogCandidates(store: Store, term: string, limit: number): NamedContact[] {
  const key = toNameKey(term);
  return key ? store.findNameCandidates(key, limit) : listRecentContacts(store, limit);
}
