/** `net ask`: record a withdrawal from the relationship, after the same check as `net check`; later, its outcome. */
import { newId } from './ids.js';
import { ASK_SIZE } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { ContactWithSummary, JournalEvent } from '../core/types.js';
import { MAX_VALUE, MIN_VALUE, type AskKind, type AskOutcome } from '../core/vocabulary.js';
import { findLatestOpenAsk } from '../store/capital.js';
import type { Store } from '../store/store.js';
import { checkContact, type CheckOutcome } from './check.js';
import type { Clock } from './clock.js';
import { getContact, NO_ANSWERS, resolveContact, type Answers } from './resolve.js';

export interface AskInput {
  contactId: string;
  kind: AskKind;
  /** 1..5: how much it draws on the relationship; ASK_SIZE[kind] when left out. */
  size?: number;
  note?: string;
  /** The day it was asked; today when left out. */
  date?: IsoDate;
}

export interface AskResult {
  contact: ContactWithSummary;
  event: JournalEvent;
}

/** `--size 1..5`. */
export function parseAskSize(text: string): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < MIN_VALUE || n > MAX_VALUE) {
    throw new UsageError(`size "${text}" is not a whole number from ${MIN_VALUE} to ${MAX_VALUE}`, 'use --size 1 (a small favour) to --size 5 (an introduction to someone important)');
  }
  return n;
}

function checkDate(date: IsoDate, today: IsoDate, flag: string): void {
  if (date > today) throw new UsageError(`${flag} ${date} is in the future`, 'record what has happened, today or earlier');
  if (date < '1900-01-01') throw new UsageError(`${flag} ${date} is too long ago`, 'give a date after 1900');
}

/** `net ask <name> --for <kind>`: the contact by name, and whether to record the ask when the check finds it premature. */
export interface AskRequest extends Omit<AskInput, 'contactId'> {
  name: string;
  /** Record it although premature (marked so); otherwise a premature ask is not recorded. */
  anyway: boolean;
  /** List the events behind the check's figures (what --json prints). */
  eventIds?: boolean;
}

export interface AskDecision {
  /** The check as it stood in the transaction that recorded the ask (or did not). */
  check: CheckOutcome;
  recorded: AskResult | null;
}

/**
 * Resolves, checks and records in the caller's one transaction, so the verdict recorded is the verdict of the journal
 * as written: a premature ask is recorded only `anyway`, marked premature.
 */
export function askContact(store: Store, req: AskRequest, clock: Clock, answers: Answers = NO_ANSWERS): AskDecision {
  const contact = resolveContact(store, req.name, answers);
  const input: AskInput = { contactId: contact.id, kind: req.kind, size: req.size, note: req.note, date: req.date };
  checkDate(input.date ?? clock.today, clock.today, '--date');
  const check = checkContact(store, { contactId: contact.id, kind: input.kind, eventIds: req.eventIds }, clock.today);
  const premature = check.result.verdict === 'premature';
  if (premature && !req.anyway) return { check, recorded: null };
  return { check, recorded: insertAsk(store, check.contact, input, premature, clock) };
}

/** Records the ask as pending; `premature` marks one recorded although the check advised against it. */
export function recordAsk(store: Store, input: AskInput, premature: boolean, clock: Clock): AskResult {
  checkDate(input.date ?? clock.today, clock.today, '--date');
  return insertAsk(store, getContact(store, input.contactId), input, premature, clock);
}

function insertAsk(store: Store, contact: ContactWithSummary, input: AskInput, premature: boolean, clock: Clock): AskResult {
  const event: JournalEvent = {
    id: newId(),
    contactId: contact.id,
    type: 'ask',
    kind: input.kind,
    value: input.size ?? ASK_SIZE[input.kind],
    note: input.note ?? null,
    occurredOn: input.date ?? clock.today,
    outcome: 'pending',
    outcomeOn: null,
    premature,
    createdAt: clock.timestamp,
    updatedAt: clock.timestamp,
  };
  store.insertEvent(event);
  store.refreshSummary(contact.id);
  return { contact: getContact(store, contact.id), event };
}

export interface OutcomeInput {
  contactId: string;
  outcome: AskOutcome;
  /** The day the answer came; today when left out. */
  date?: IsoDate;
}

/** Closes the loop on the contact's latest open ask. */
export function closeAsk(store: Store, input: OutcomeInput, clock: Clock): AskResult {
  const contact = getContact(store, input.contactId);
  const open = findLatestOpenAsk(store, contact.id);
  if (!open) throw new UsageError(`${contact.name} has no open ask`, `record one first, for example net ask "${contact.name}" --for favour`);
  const day = input.date ?? clock.today;
  checkDate(day, clock.today, '--date');
  if (day < open.occurredOn) throw new UsageError(`--date ${day} is before the ask of ${open.occurredOn}`, 'give the day the answer came');
  const outcomeOn = input.outcome === 'pending' ? null : day;
  store.updateEventOutcome(open.id, input.outcome, outcomeOn as string, clock.timestamp);
  store.refreshSummary(contact.id);
  return { contact: getContact(store, contact.id), event: { ...open, outcome: input.outcome, outcomeOn, updatedAt: clock.timestamp } };
}
