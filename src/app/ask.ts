/** `net ask`: record a withdrawal from the relationship, after the same check as `net check`; later, its outcome. */
import { newId } from './ids.js';
import { ASK_SIZE } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import { NotFoundError, UsageError } from '../core/errors.js';
import type { ContactWithSummary, JournalEvent } from '../core/types.js';
import { MAX_VALUE, MIN_VALUE, type AskKind, type AskOutcome } from '../core/vocabulary.js';
import { appendEventNote, findAsksByIdPrefix, listOpenAsks } from '../store/capital.js';
import { MIN_ID_PREFIX, toShortId } from '../core/referrals.js';
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
  /** What came of it, added to the ask's note. */
  note?: string;
  /** The ask's id or a prefix of it (net show and this command's error list them); the only open ask when left out. */
  id?: string;
}

export interface OutcomeResult extends AskResult {
  /** The outcome the ask had before: pending for an ask that was open. */
  previous: AskOutcome;
}

/** Several asks are open and none was named: the person picks one (--id, or a choice on a terminal). */
export class SeveralOpenAsksError extends UsageError {
  constructor(
    readonly contactName: string,
    readonly asks: readonly JournalEvent[],
  ) {
    super(
      `${contactName} has ${asks.length} open asks: ${asks.map((a) => `${toShortId(a.id)} (${a.kind}, ${a.occurredOn}${a.note ? `: ${a.note.split('\n')[0]}` : ''})`).join('; ')}`,
      `name one with --id, for example net ask ${JSON.stringify(contactName)} --outcome yes --id ${toShortId(asks[0]!.id)}`,
    );
  }
}

function pickAsk(store: Store, contact: ContactWithSummary, id: string | undefined): JournalEvent {
  if (id !== undefined) {
    const prefix = id.trim();
    if (!/^[0-9a-f-]+$/i.test(prefix) || prefix.length < MIN_ID_PREFIX) throw new UsageError(`"${id}" is not an ask id`, `give at least ${MIN_ID_PREFIX} characters of the id net show prints`);
    const found = findAsksByIdPrefix(store, contact.id, prefix);
    if (found.length === 0) throw new NotFoundError(`${contact.name} has no ask with id ${id}`, [], `net ask ${JSON.stringify(contact.name)} --outcome yes, without --id, lists the open ones`);
    if (found.length > 1) throw new NotFoundError(`the id ${id} could mean several asks`, found.map((e) => toShortId(e.id)), 'give more of the id');
    return found[0]!;
  }
  const open = listOpenAsks(store, contact.id);
  if (!open.length) throw new UsageError(`${contact.name} has no open ask`, `record one first, for example net ask "${contact.name}" --for favour`);
  if (open.length > 1) throw new SeveralOpenAsksError(contact.name, open);
  return open[0]!;
}

/** Closes the loop on an ask: the only open one, or the one named by --id. */
export function closeAsk(store: Store, input: OutcomeInput, clock: Clock): OutcomeResult {
  const contact = getContact(store, input.contactId);
  const ask = pickAsk(store, contact, input.id);
  const day = input.date ?? clock.today;
  checkDate(day, clock.today, '--date');
  if (day < ask.occurredOn) throw new UsageError(`--date ${day} is before the ask of ${ask.occurredOn}`, 'give the day the answer came');
  const outcomeOn = input.outcome === 'pending' ? null : day;
  store.updateEventOutcome(ask.id, input.outcome, outcomeOn as string, clock.timestamp);
  if (input.note) appendEventNote(store, ask.id, input.note, clock.timestamp);
  store.refreshSummary(contact.id);
  const note = input.note ? (ask.note ? `${ask.note}\n${input.note}` : input.note) : ask.note;
  return { contact: getContact(store, contact.id), event: { ...ask, outcome: input.outcome, outcomeOn, note, updatedAt: clock.timestamp }, previous: ask.outcome as AskOutcome };
}
