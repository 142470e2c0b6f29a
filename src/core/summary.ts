/**
 * The per-contact summary, computed from a contact's own rows. The store keeps it in columns, refreshed in the same
 * transaction as every write, so that `net due` and `net balance` read one row per contact instead of every event.
 *
 * Fading sums are stored at a fixed epoch so that adding an event is plain addition and reading is one multiplication:
 *
 *   stored  S = Σ weight_i · 2^((day_i − EPOCH) / halfLife)
 *   at day t:  S · 2^(−(t − EPOCH) / halfLife) = Σ weight_i · 2^(−(t − day_i) / halfLife)
 */
import { daysBetween, toDayNumber, type IsoDate } from './dates.js';
import { toDatesText, type ImportantDate } from './important-dates.js';
import { isUnresolved } from './referrals.js';
import { toTagsText, toTextLength } from './tags.js';
import { SUMMARY_FIELDS, type Answer, type ContactSummary, type Fact, type FollowUp, type JournalEvent } from './types.js';
import type { Channel } from './vocabulary.js';

export const DECAY_EPOCH: IsoDate = '2000-01-01';
export const DEFAULT_HALF_LIFE_DAYS = 180;

/**
 * Touchpoints are small deposits: time spent together, more when it is one to one and in person.
 *
 *   channel                          deposit
 *   one-to-one, coffee, lunch        1.0
 *   video, call                      0.75
 *   event, other                     0.5
 *   message, email                   0.25
 */
export const TOUCH_DEPOSIT: Record<Channel, number> = {
  'one-to-one': 1,
  coffee: 1,
  lunch: 1,
  video: 0.75,
  call: 0.75,
  event: 0.5,
  other: 0.5,
  message: 0.25,
  email: 0.25,
};

/** What one event puts in (positive) or takes out (negative) of the balance, before fading. */
export function toBalanceWeight(event: Pick<JournalEvent, 'type' | 'kind' | 'value'>): number {
  switch (event.type) {
    case 'touch':
      return TOUCH_DEPOSIT[event.kind as Channel] ?? 0.5;
    case 'gave':
      return event.value ?? 0;
    case 'ask':
      return -(event.value ?? 0);
    default:
      return 0; // what they gave the user is never netted against the balance, nor shown beside it
  }
}

const EPOCH_DAY = toDayNumber(DECAY_EPOCH);

/** 2^((day − EPOCH)/halfLife): the factor that puts a weight on the stored scale. */
export function toEpochScale(day: IsoDate, halfLifeDays: number): number {
  return 2 ** ((toDayNumber(day) - EPOCH_DAY) / halfLifeDays); // daysBetween(DECAY_EPOCH, day), the epoch's day once
}

/** Reads a stored fading sum as of `today`. */
export function readFaded(stored: number, today: IsoDate, halfLifeDays: number): number {
  return stored / toEpochScale(today, halfLifeDays);
}

export interface ContactRows {
  events: readonly Pick<JournalEvent, 'type' | 'kind' | 'value' | 'occurredOn' | 'outcome' | 'status' | 'statusOn'>[];
  facts: readonly Pick<Fact, 'kind' | 'text'>[];
  followUps: readonly Pick<FollowUp, 'dueOn' | 'doneOn'>[];
  answers: readonly Pick<Answer, 'answer'>[];
  /** The contact's custom important dates (the birthday is a column of its own). */
  dates?: readonly ImportantDate[];
}

const maxDate = (a: IsoDate | null, b: IsoDate) => (a === null || b > a ? b : a);
const earliest = (a: IsoDate | null, b: IsoDate) => (a === null || b < a ? b : a);

type Weighed = Pick<JournalEvent, 'type' | 'kind' | 'value' | 'occurredOn'>;
const canonicalKey = (e: Weighed) => `${e.occurredOn}\u0000${e.type}\u0000${e.kind}\u0000${e.value ?? ''}`;
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Field by field, the same order as comparing canonical keys while no field holds a NUL, without building a string per
// event; and an input already in order (as the store reads it) costs one comparison per event.
const compareFields = (a: Weighed, b: Weighed) =>
  compareText(a.occurredOn, b.occurredOn) || compareText(a.type, b.type) || compareText(a.kind, b.kind) || (a.value === b.value ? 0 : compareText(`${a.value ?? ''}`, `${b.value ?? ''}`));
const hasNul = (e: Weighed) => e.occurredOn.includes('\u0000') || e.type.includes('\u0000') || e.kind.includes('\u0000') || (typeof e.value === 'string' && (e.value as string).includes('\u0000'));

/**
 * Events in one fixed order (day, type, kind, value). Floating-point sums depend on the order of their terms, so
 * summing in this order makes every figure depend on the journal alone, never on the order its rows were inserted.
 */
export function toCanonicalOrder<T extends Weighed>(events: readonly T[]): T[] {
  if (!events.some(hasNul)) return [...events].sort(compareFields);
  return events
    .map((e) => [canonicalKey(e), e] as const)
    .sort(([a], [b]) => compareText(a, b))
    .map(([, e]) => e);
}

/** A summary being built event by event, in canonical order. */
interface SummaryFold {
  s: ContactSummary;
  /** Touchpoint days so far (all of them, or at least the latest three before the events added). */
  touchDays: IsoDate[];
  day: IsoDate | '';
  dayScale: number;
}

/** Adds one event, the next in canonical order: the one step both summarize() and extendSummary() take. */
function addEvent(fold: SummaryFold, e: ContactRows['events'][number], halfLifeDays: number): void {
  const s = fold.s;
  // An ask alone does not make two people known to each other: known-since starts with a real exchange.
  if (e.type !== 'ask') s.firstEventOn = earliest(s.firstEventOn, e.occurredOn);
  s.lastEventOn = maxDate(s.lastEventOn, e.occurredOn);
  if (e.occurredOn !== fold.day) {
    fold.day = e.occurredOn; // in canonical order a day's events come together: one scale each day
    fold.dayScale = toEpochScale(fold.day, halfLifeDays);
  }
  const scaled = Math.abs(toBalanceWeight(e)) * fold.dayScale;
  if (e.type === 'touch' || e.type === 'gave') s.lastTouchOn = maxDate(s.lastTouchOn, e.occurredOn);
  if (e.type === 'touch') {
    s.touchCount++;
    s.invested += scaled;
    fold.touchDays.push(e.occurredOn);
  } else if (e.type === 'gave') {
    s.giveCount++;
    s.invested += scaled;
  } else if (e.type === 'received') {
    s.receivedCount++;
    s.received += (e.value ?? 0) * fold.dayScale;
    s.lastReceivedOn = maxDate(s.lastReceivedOn, e.occurredOn);
  } else if (e.type === 'ask') {
    s.askCount++;
    s.withdrawn += scaled;
    if (e.outcome === 'pending') s.openAskOn = earliest(s.openAskOn, e.occurredOn);
  }
  if (e.kind === 'referral' && e.status) {
    const changed = e.statusOn ?? e.occurredOn;
    if (e.type === 'received' && e.status === 'won') s.wonReferralOn = maxDate(s.wonReferralOn, changed);
    if (e.type === 'gave' && isUnresolved(e.status)) s.referralCheckOn = maxDate(s.referralCheckOn, changed);
  }
}

const EMPTY_SUMMARY = Object.fromEntries(
  Object.entries(SUMMARY_FIELDS).map(([field, kind]) => [field, kind === 'count' || kind === 'sum' ? 0 : null]),
) as ContactSummary;

/** The summary of a contact with no rows: zero counts and sums, no dates. */
export const toEmptySummary = (): ContactSummary => ({ ...EMPTY_SUMMARY });

export function summarize(rows: ContactRows, halfLifeDays: number): ContactSummary {
  const s = toEmptySummary();
  const fold: SummaryFold = { s, touchDays: [], day: '', dayScale: 0 };
  for (const e of toCanonicalOrder(rows.events)) addEvent(fold, e, halfLifeDays);
  s.importantDates = toDatesText(rows.dates ?? []);
  s.recentTouchGap = toRecentTouchGap(fold.touchDays);
  for (const f of rows.facts) {
    if (f.kind === 'service') s.serviceCount++;
    else if (f.kind === 'family') s.familyCount++;
    else if (f.kind === 'goal') s.goalCount++;
  }
  s.tagsLength = toTextLength(toTagsText(rows.facts.filter((f) => f.kind === 'tag').map((f) => f.text)));
  for (const f of rows.followUps) if (f.doneOn === null) s.nextFollowUpOn = earliest(s.nextFollowUpOn, f.dueOn);
  s.answersYes = rows.answers.filter((a) => a.answer).length;
  return s;
}

/**
 * The summary after events were added that all come, in canonical order, after the contact's events before them, from
 * the summary before them: the same steps summarize() takes, on the same running sums, so the result is identical to
 * summarizing every row again (test/unit/store/summary-append.test.ts), without reading the thousands of events of a
 * long relationship. `recentTouchDays` are the latest three touchpoint days before them (the gap is read from the last
 * three); the next follow-up is read afresh, since a touchpoint closes follow-ups. `lastDay`: every event now on the
 * day of the last one before (the added ones among them), asked only when events were added on that day. Null when
 * the events do not all come after the others: then summarize() it is.
 */
export function extendSummary(
  before: ContactSummary,
  added: ContactRows['events'],
  recentTouchDays: readonly IsoDate[],
  nextFollowUpOn: IsoDate | null,
  halfLifeDays: number,
  lastDay: readonly Weighed[] = [],
): ContactSummary | null {
  const last = before.lastEventOn;
  const ordered = toCanonicalOrder(added);
  if (last !== null && ordered.length && !comesAfter(ordered[0]!, last, added, lastDay)) return null;
  const fold: SummaryFold = { s: { ...before, nextFollowUpOn }, touchDays: [...recentTouchDays], day: '', dayScale: 0 };
  for (const e of ordered) addEvent(fold, e, halfLifeDays);
  fold.s.recentTouchGap = toRecentTouchGap(fold.touchDays);
  return fold.s;
}

/**
 * Whether `first` (the first added event in canonical order) and so every added event comes at or after every event
 * before them. On the last day, the day's events that sort after `first` must all be added ones: an event before them
 * that sorts after one added would be summed after it by summarize(). Events equal in the order (day, type, kind,
 * value) add the very same terms (their weight and value are those four fields' alone), so their order changes no
 * bit: ten touchpoints of one kind logged on one day (issue 19's everyday sync) extend the summary.
 */
function comesAfter(first: Weighed, last: IsoDate, added: readonly Weighed[], lastDay: readonly Weighed[]): boolean {
  if (first.occurredOn !== last) return first.occurredOn > last;
  if (added.some(hasNul) || lastDay.some(hasNul)) return false;
  const later = (e: Weighed) => compareFields(e, first) > 0;
  return lastDay.filter(later).length === added.filter((e) => e.occurredOn === last && later(e)).length;
}

/** The longest gap between consecutive days among the three most recent touchpoints (null with fewer than three). */
export function toRecentTouchGap(days: readonly IsoDate[]): number | null {
  if (days.length < 3) return null;
  const recent = [...days].sort().slice(-3);
  return Math.max(daysBetween(recent[0]!, recent[1]!), daysBetween(recent[1]!, recent[2]!));
}
