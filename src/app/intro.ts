/** `net intro`: one introduction between two contacts, recorded as a give to each, the two gives linked. */
import { newId } from './ids.js';
import { toBalance } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { ContactWithSummary, JournalEvent } from '../core/types.js';
import { DEFAULT_VALUE } from '../core/vocabulary.js';
import { linkEvents, listIntroductionDays } from '../store/ideas.js';
import type { Store } from '../store/store.js';
import { checkContact, type CheckOutcome } from './check.js';
import type { Clock } from './clock.js';
import { getContact } from './resolve.js';

export interface IntroInput {
  aId: string;
  bId: string;
  note?: string;
  /** The day of the introduction; today when left out. */
  date?: IsoDate;
  /** 1..5: what it is worth to each of them. */
  value?: number;
}

export interface IntroCheck {
  /** Each as the one being recommended: `net check --to-refer`. */
  checks: [CheckOutcome, CheckOutcome];
  ready: boolean;
}

export interface IntroResult {
  contacts: [ContactWithSummary, ContactWithSummary];
  events: [JournalEvent, JournalEvent];
  /** Each one's balance after the introduction. */
  balances: [number, number];
}

/** Throws for bad input, so that nothing is asked about a command that cannot be recorded. */
function checkInput(store: Store, input: IntroInput, today: IsoDate): [ContactWithSummary, ContactWithSummary] {
  const a = getContact(store, input.aId);
  const b = getContact(store, input.bId);
  if (a.id === b.id) throw new UsageError(`cannot introduce ${a.name} to themselves`, 'name two different people: net intro <a> <b>');
  const day = input.date ?? today;
  if (day > today) throw new UsageError(`--date ${day} is in the future`, 'record an introduction you have made, today or earlier');
  if (day < '1900-01-01') throw new UsageError(`--date ${day} is too long ago`, 'give a date after 1900');
  if (listIntroductionDays(store, a.id, b.id).includes(day)) {
    throw new UsageError(`${a.name} and ${b.name} were already introduced on ${day}`, `see net show ${JSON.stringify(a.name)}`);
  }
  return [a, b];
}

/** Does the user know each of them well enough to vouch for them? */
export function checkBeforeIntro(store: Store, input: IntroInput, today: IsoDate): IntroCheck {
  const [a, b] = checkInput(store, input, today);
  const check = (id: string) => checkContact(store, { contactId: id, kind: 'introduction', toRefer: true }, today);
  const checks: [CheckOutcome, CheckOutcome] = [check(a.id), check(b.id)];
  return { checks, ready: checks.every((c) => c.result.verdict === 'ready') };
}

export function recordIntro(store: Store, input: IntroInput, clock: Clock): IntroResult {
  const [a, b] = checkInput(store, input, clock.today);
  const day = input.date ?? clock.today;
  const give = (contactId: string): JournalEvent => ({
    id: newId(),
    contactId,
    type: 'gave',
    kind: 'introduction',
    value: input.value ?? DEFAULT_VALUE,
    note: input.note ?? null,
    occurredOn: day,
    outcome: null,
    outcomeOn: null,
    premature: false,
    createdAt: clock.timestamp,
    updatedAt: clock.timestamp,
  });
  const events: [JournalEvent, JournalEvent] = [give(a.id), give(b.id)];
  for (const e of events) store.insertEvent(e);
  linkEvents(store, events[0], events[1]);
  for (const c of [a, b]) {
    // A give is reaching out, as in `net log --gave`: it closes the follow-ups it answers.
    store.closeFollowUps(c.id, day, clock.timestamp);
    store.refreshSummary(c.id);
  }
  const contacts: [ContactWithSummary, ContactWithSummary] = [getContact(store, a.id), getContact(store, b.id)];
  const halfLifeDays = store.halfLifeDays();
  return { contacts, events, balances: [toBalance(contacts[0], clock.today, halfLifeDays), toBalance(contacts[1], clock.today, halfLifeDays)] };
}
