/** `net intro`: one introduction between two contacts, recorded as a give to each, the two gives linked. */
import { newId } from './ids.js';
import { hasMet, toBalance, type CheckAdvice } from '../core/capital.js';
import { toIntroSide, type IntroRole } from '../core/ideas.js';
import { findIntroRoles } from './ideas.js';
import type { IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { ContactWithSummary, JournalEvent } from '../core/types.js';
import { DEFAULT_VALUE } from '../core/vocabulary.js';
import { linkEvents, listIntroductionDays } from '../store/ideas.js';
import type { Store } from '../store/store.js';
import { checkContact, type CheckOutcome } from './check.js';
import type { Clock } from './clock.js';
import { getContact, NO_ANSWERS, resolveContact, type Answers } from './resolve.js';

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
  /** `net check --to-refer` on each. */
  checks: [CheckOutcome, CheckOutcome];
  /** Whom the introduction vouches for (recommended) and who receives them (core/ideas.ts toIntroSide). */
  roles: [IntroRole, IntroRole];
  /** Each side's readiness in its role, and what to do first. */
  sides: [{ ready: boolean; learnFirst: CheckAdvice[] }, { ready: boolean; learnFirst: CheckAdvice[] }];
  ready: boolean;
}

export interface IntroResult {
  contacts: [ContactWithSummary, ContactWithSummary];
  events: [JournalEvent, JournalEvent];
  /** Each one's balance after the introduction. */
  balances: [number, number];
}

/** `net intro <a> <b>`: the two by name, and whether to record the introduction when either is not ready. */
export interface IntroRequest extends Omit<IntroInput, 'aId' | 'bId'> {
  a: string;
  b: string;
  /** Record it although the user may not know one of them well enough to vouch for them. */
  anyway: boolean;
}

export interface IntroOutcome {
  /** The checks as they stood in the transaction that recorded it (or did not). */
  check: IntroCheck;
  recorded: IntroResult | null;
}

/** Throws for bad input, so that nothing is asked about a command that cannot be recorded. */
function checkInput(a: ContactWithSummary, b: ContactWithSummary, store: Store, input: Omit<IntroInput, 'aId' | 'bId'>, today: IsoDate): void {
  if (a.id === b.id) throw new UsageError(`cannot introduce ${a.name} to themselves`, 'name two different people: net intro <a> <b>');
  const day = input.date ?? today;
  if (day > today) throw new UsageError(`--date ${day} is in the future`, 'record an introduction you have made, today or earlier');
  if (day < '1900-01-01') throw new UsageError(`--date ${day} is too long ago`, 'give a date after 1900');
  if (listIntroductionDays(store, a.id, b.id).includes(day)) {
    throw new UsageError(`${a.name} and ${b.name} were already introduced on ${day}`, `see net show ${JSON.stringify(a.name)}`);
  }
}

/** Can the user vouch for the one recommended, and have they met the one who receives them? */
function checkBoth(store: Store, a: ContactWithSummary, b: ContactWithSummary, today: IsoDate): IntroCheck {
  const check = (id: string) => checkContact(store, { contactId: id, kind: 'introduction', toRefer: true }, today);
  const checks: [CheckOutcome, CheckOutcome] = [check(a.id), check(b.id)];
  const roles = findIntroRoles(store, a, b, today);
  const side = (i: 0 | 1) => toIntroSide(roles[i], { name: checks[i].contact.name, met: hasMet(checks[i].contact), referral: checks[i].result });
  const sides: IntroCheck['sides'] = [side(0), side(1)];
  return { checks, roles, sides, ready: sides.every((s) => s.ready) };
}

/**
 * Resolves both names, validates, checks and records in the caller's one transaction: an introduction that is not
 * ready is recorded only `anyway`.
 */
export function introduce(store: Store, req: IntroRequest, clock: Clock, answers: Answers = NO_ANSWERS): IntroOutcome {
  const a = resolveContact(store, req.a, answers);
  const b = resolveContact(store, req.b, answers);
  checkInput(a, b, store, req, clock.today);
  const check = checkBoth(store, a, b, clock.today);
  if (!check.ready && !req.anyway) return { check, recorded: null };
  return { check, recorded: insertIntro(store, a, b, req, clock) };
}

/** Records the introduction by ids, checked as `introduce` checks it but recorded whatever the checks say. */
export function recordIntro(store: Store, input: IntroInput, clock: Clock): IntroResult {
  const [a, b] = [getContact(store, input.aId), getContact(store, input.bId)];
  checkInput(a, b, store, input, clock.today);
  return insertIntro(store, a, b, input, clock);
}

function insertIntro(store: Store, a: ContactWithSummary, b: ContactWithSummary, input: Omit<IntroInput, 'aId' | 'bId'>, clock: Clock): IntroResult {
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
