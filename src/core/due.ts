/**
 * `net due`: whom to reach out to today, and why. Farming, not hunting: schedule additional times to connect, and give
 * first. Pure: every figure comes from a contact's summary row, the day and the half-life.
 *
 * Urgency is a sum of weighted terms, as in taskwarrior's `task next`. Each term is a pure function worth 0..1;
 * a contact is listed when the sum is above zero.
 *
 *   term        weight  worth 0..1                                                        listed when
 *   followUp      12    0.75 when due today, rising to 1 at 14 days late                  a follow-up is due today or earlier
 *   cadence        6    r / (1 + r), r = days overdue / cadence                           days since last touch > cadence
 *   received       4    1 on the day, falling to 0.5 at 60 days                           they gave you something, not acknowledged since
 *   openAsk        3    0.5 at 15 days, rising to 1 at 60 days                            an ask has waited more than 14 days
 *   goingCold      2    1 − e^(−loss/0.02), loss = balance · ln2 / halfLife per day       deep or growing, half a cadence without a touch
 *   neverMet       1    1                                                                 added 7 to 60 days ago and not met yet
 *   thankReferral  5    1 on the day, falling to 0.5 at 30 days, then 0.5                 a referral they gave you was marked won, no
 *                                                                                         touchpoint or give of yours on or after that day
 *   referralCheck  2    0.5 at 22 days, rising to 1 at 60 days                            a referral you gave is still open or contacted
 *                                                                                         22 to 180 days after its last change
 *   importantDate  3    1 on the day, falling to 0.5 at the window's end                  a birthday or custom date within the date
 *                                                                                         window (default 7 days; February 29 → 28)
 *
 * Closed business from a referral they gave is the strongest thank-you (5 > received's 4). The amount it closed
 * never weighs: the relationship is not worth more because the deal was bigger.
 * The follow-up weight is set so that a follow-up due today (0.75 · 12 = 9) outranks any overdue cadence (< 6).
 * The cadence is the contact's own (`--every`) or their stage's default (STAGE_CADENCE_DAYS); the last touch is the
 * latest touchpoint or give, else the day they met, else the day they were added. A follow-up planned for a later
 * day stands in for the cadence: the user has already scheduled the next time to connect, so cadence, going cold and
 * never met stay quiet until it falls due. A snoozed contact is not listed before the snooze date.
 */
import { hasMet, MIN_CLOSE_DEPTH, STAGE_CADENCE_DAYS, STANDING_FIELDS, toStage, type Stage } from './capital.js';
import { JOURNAL_POINT_NEEDS, toDepth, toKnownSince } from './checklist.js';
import { addDays, type IsoDate } from './dates.js';
import { DEFAULT_DATE_WINDOW_DAYS, toImportantDates, toUpcoming, type Occasion } from './important-dates.js';
import { REFERRAL_CHECK_DAYS, REFERRAL_CHECK_UNTIL_DAYS } from './referrals.js';
import { toEpochScale } from './summary.js';
import type { ContactWithSummary } from './types.js';

export const DUE_WEIGHTS = { followUp: 12, cadence: 6, received: 4, openAsk: 3, goingCold: 2, neverMet: 1, thankReferral: 5, referralCheck: 2, importantDate: 3 } as const;
export type DueTerm = keyof typeof DUE_WEIGHTS;
export const DUE_TERMS = Object.keys(DUE_WEIGHTS) as DueTerm[];
/**
 * A table of weights, DUE_WEIGHTS unless a caller (a test) passes another: the scores here and the SQL that ranks and
 * bounds them in store/due.ts are both computed from the table they are given. Every weight is above zero: a term
 * weighing nothing would still count its contacts as due.
 */
export type DueWeights = Readonly<Record<DueTerm, number>>;

/** Something received is "recent" for this long: past it, a thank-you is no longer the next step. */
export const RECEIVED_WINDOW_DAYS = 60;
/** How much of its worth a thank-you for something received loses over that window. */
export const RECEIVED_FADE = 0.5;
/** An ask older than this without an outcome wants its loop closed. */
export const OPEN_ASK_DAYS = 14;
/** A contact never met shows gently from a week after being added until two months after. */
export const NEVER_MET_FROM_DAYS = 7;
export const NEVER_MET_UNTIL_DAYS = 60;
/** The daily loss of balance at which going cold is worth 1 − 1/e (a balance of about 5 at a 180-day half-life). */
export const COLD_LOSS_REF = 0.02;
/** Only these stages can go cold: the relationships with something to lose. */
export const COLD_STAGES: readonly Stage[] = ['deep', 'growing'];
/** A follow-up due today is worth this much, rising to 1 over the ramp's days. */
export const FOLLOW_UP_START = 0.75;
export const FOLLOW_UP_RAMP_DAYS = 14;
/** An open ask is worth this much on its first day past OPEN_ASK_DAYS, rising to 1 at OPEN_ASK_FULL_DAYS. */
export const OPEN_ASK_START = 0.5;
export const OPEN_ASK_FULL_DAYS = 60;

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

/** Days a follow-up is late (0 when due today); negative or null when none is due. */
export function followUpTerm(daysLate: number | null): number {
  if (daysLate === null || daysLate < 0) return 0;
  return clamp01(FOLLOW_UP_START + ((1 - FOLLOW_UP_START) * Math.min(daysLate, FOLLOW_UP_RAMP_DAYS)) / FOLLOW_UP_RAMP_DAYS);
}

/** Monotonic in days overdue relative to the cadence; 0 until the cadence has passed. */
export function cadenceTerm(daysOverdue: number, cadenceDays: number | null): number {
  if (cadenceDays === null || !(cadenceDays > 0) || !(daysOverdue > 0)) return 0;
  const r = daysOverdue / cadenceDays;
  return clamp01(r / (1 + r));
}

/** Something they gave `daysAgo` days ago, not followed by a touchpoint or give of the user's. */
export function receivedTerm(daysAgo: number | null, acknowledged: boolean): number {
  if (daysAgo === null || acknowledged || daysAgo < 0 || daysAgo > RECEIVED_WINDOW_DAYS) return 0;
  return clamp01(1 - (RECEIVED_FADE * daysAgo) / RECEIVED_WINDOW_DAYS);
}

/** The oldest ask still waiting for an outcome, `ageDays` old. */
export function openAskTerm(ageDays: number | null): number {
  if (ageDays === null || !(ageDays > OPEN_ASK_DAYS)) return 0;
  return clamp01(OPEN_ASK_START + ((1 - OPEN_ASK_START) * (ageDays - OPEN_ASK_DAYS)) / (OPEN_ASK_FULL_DAYS - OPEN_ASK_DAYS));
}

/** How fast a deep or growing relationship's balance fades, per day, when it is eligible at all. */
export function goingColdTerm(dailyLoss: number, eligible: boolean): number {
  if (!eligible || !(dailyLoss > 0)) return 0;
  return clamp01(1 - Math.exp(-dailyLoss / COLD_LOSS_REF));
}

export function neverMetTerm(addedDaysAgo: number, met: boolean): number {
  return !met && addedDaysAgo >= NEVER_MET_FROM_DAYS && addedDaysAgo <= NEVER_MET_UNTIL_DAYS ? 1 : 0;
}

const THANK_FADE_DAYS = 30;
const REFERRAL_CHECK_FULL_DAYS = 60;

/** A referral they gave was marked won `daysAgo` days ago, and the user has not reached out on or after that day. */
export function thankReferralTerm(daysAgo: number | null, acknowledged: boolean): number {
  if (daysAgo === null || acknowledged || daysAgo < 0) return 0;
  return clamp01(1 - (0.5 * Math.min(daysAgo, THANK_FADE_DAYS)) / THANK_FADE_DAYS);
}

/** The latest change of a referral the user gave, still open or contacted, `ageDays` old. */
export function referralCheckTerm(ageDays: number | null): number {
  if (ageDays === null || !(ageDays > REFERRAL_CHECK_DAYS) || ageDays > REFERRAL_CHECK_UNTIL_DAYS) return 0;
  return clamp01(0.5 + (0.5 * (Math.min(ageDays, REFERRAL_CHECK_FULL_DAYS) - REFERRAL_CHECK_DAYS)) / (REFERRAL_CHECK_FULL_DAYS - REFERRAL_CHECK_DAYS));
}

/** The soonest important date, `inDays` ahead (null when none falls within the window). */
export function importantDateTerm(inDays: number | null, windowDays: number): number {
  if (inDays === null || inDays < 0 || inDays > windowDays) return 0;
  return windowDays > 0 ? clamp01(1 - (0.5 * inDays) / windowDays) : 1;
}

/** What a standing reads but what they gave the user, which the urgency never weighs. */
const DUE_STANDING_FIELDS = STANDING_FIELDS.filter((f): f is Exclude<(typeof STANDING_FIELDS)[number], 'received'> => f !== 'received');
/** The columns that `net due` reads, nothing else: the store selects and maps exactly these. */
export const DUE_FIELDS = ['id', 'name', 'snoozedUntil', 'createdAt', 'lastReceivedOn', 'openAskOn', 'birthday', 'wonReferralOn', 'referralCheckOn', 'importantDates', ...DUE_STANDING_FIELDS] as const;
export type DueContact = Pick<ContactWithSummary, (typeof DUE_FIELDS)[number]>;

/** What the cadence counts from. */
export interface DueReference {
  on: IsoDate;
  what: 'last touch' | 'met' | 'added';
}

export interface DueTermValue {
  term: DueTerm;
  value: number;
  weight: number;
  /** value × weight */
  score: number;
}

/**
 * Why a contact is due, one per term above zero, with the figures the words need: ui/messages/due.ts says them.
 *
 *   code             term           figures
 *   follow-up        followUp       the day planned, days late (0: today)
 *   cadence-overdue  cadence        days overdue, the cadence, whether it is their own, what it counts from
 *   received         received       the day they gave
 *   ask-open         openAsk        the day asked, days waited
 *   going-cold       goingCold      the stage, the balance, what it loses in a month without a touch
 *   never-met        neverMet       the day added
 *   referral-won     thankReferral  the day it was marked won
 *   referral-open    referralCheck  the day of its last change
 *   important-date   importantDate  the occasions in the window, soonest first
 */
export type DueReason =
  | { code: 'follow-up'; plannedOn: IsoDate; daysLate: number }
  | { code: 'cadence-overdue'; days: number; every: number; own: boolean; from: DueReference }
  | { code: 'received'; receivedOn: IsoDate }
  | { code: 'ask-open'; askedOn: IsoDate; days: number }
  | { code: 'going-cold'; stage: Stage; balance: number; monthlyLoss: number }
  | { code: 'never-met'; addedOn: IsoDate }
  | { code: 'referral-won'; wonOn: IsoDate }
  | { code: 'referral-open'; changedOn: IsoDate }
  | { code: 'important-date'; occasions: Occasion[] };

/**
 * The one next step, from the weightiest reason: give first to those the user barely knows, a one-to-one for the
 * closer; thank; close the loop.
 */
export type DueAction =
  | 'follow-up'
  | 'send-something'
  | 'suggest-one-to-one'
  | 'thank'
  | 'close-the-loop'
  | 'pass-something-on'
  | 'get-to-know'
  | 'thank-for-referral'
  | 'ask-how-it-went'
  | 'call-today'
  | 'mark-the-day'
  | 'give-after-early-ask';

export interface DueItem {
  id: string;
  name: string;
  score: number;
  /** Most weighty first. */
  reasons: DueReason[];
  nextAction: DueAction;
  lastTouch: IsoDate | null;
  stage: Stage;
  /** The contact's own cadence, else the stage's; null for someone not met yet. */
  cadenceDays: number | null;
  /** Every term, in table order (zeros included), for --explain. */
  terms: DueTermValue[];
}

/** The day the contact was added, from its ISO timestamp. */
export const toAddedOn = (createdAt: string): IsoDate => createdAt.slice(0, 10);

export function toReference(c: Pick<DueContact, 'lastTouchOn' | 'metOn' | 'createdAt'>): DueReference {
  if (c.lastTouchOn) return { on: c.lastTouchOn, what: 'last touch' };
  if (c.metOn) return { on: c.metOn, what: 'met' };
  return { on: toAddedOn(c.createdAt), what: 'added' };
}

export interface DueStanding {
  stage: Stage;
  balance: number;
  cadenceDays: number | null;
  reference: DueReference;
  met: boolean;
}

/*
 * Scoring runs on every candidate row (tens of thousands in a big journal), so the hot path avoids what it can: day
 * numbers without the arrays of core/dates.ts, the day and its fading scale kept across calls, and the checklist read
 * only when the relationship could be growing at all (an upper bound of its depth below 3 gives the same stage).
 */
const DAY_MS = 86_400_000;
const dayNumber = (d: IsoDate) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY_MS;

// The day scored is the same for every row: its day number and fading scale are kept for the next call.
let scored = { day: '', dayNo: 0, halfLifeDays: 0, scale: 1 };
function dayNumberOf(day: IsoDate): number {
  if (scored.day !== day) scored = { day, dayNo: dayNumber(day), halfLifeDays: 0, scale: 1 };
  return scored.dayNo;
}
function scaleOf(day: IsoDate, halfLifeDays: number): number {
  if (scored.day !== day || scored.halfLifeDays !== halfLifeDays) scored = { day, dayNo: dayNumber(day), halfLifeDays, scale: toEpochScale(day, halfLifeDays) };
  return scored.scale;
}
/** Days from `from` to `day`, the day being scored. */
const dayDiff = (from: IsoDate, day: IsoDate) => dayNumberOf(day) - dayNumber(from);

/** At least toDepth's score: the counted points exactly, known a year exactly, and regular appointments as if it held. */
export function toDepthUpperBound(c: DueContact, day: IsoDate): number {
  const since = toKnownSince(c);
  const need = JOURNAL_POINT_NEEDS;
  const knownAYear = since !== null && dayDiff(since, day) >= need.knownDays ? 1 : 0;
  return c.answersYes + (c.serviceCount >= need.services ? 1 : 0) + (c.familyCount >= need.family ? 1 : 0) + (c.goalCount >= need.goals ? 1 : 0) + knownAYear + 1;
}

export function toDueStanding(c: DueContact, day: IsoDate, halfLifeDays: number): DueStanding {
  const balance = (c.invested - c.withdrawn) / scaleOf(day, halfLifeDays); // = toBalance
  const upper = toDepthUpperBound(c, day);
  const depth = upper < MIN_CLOSE_DEPTH ? upper : toDepth(c, day).score;
  const knownSince = toKnownSince(c);
  const knownDays = knownSince ? Math.max(0, dayDiff(knownSince, day)) : null;
  const met = hasMet(c);
  const stage = toStage(depth, knownDays, balance, met);
  return { stage, balance, cadenceDays: c.everyDays ?? STAGE_CADENCE_DAYS[stage], reference: toReference(c), met };
}

/** When the contact next falls due by cadence (the reference day plus the cadence); null without a cadence. */
export function toNextDueOn(standing: Pick<DueStanding, 'cadenceDays' | 'reference'>): IsoDate | null {
  return standing.cadenceDays === null ? null : addDays(standing.reference.on, standing.cadenceDays);
}

interface DueParts {
  standing: DueStanding;
  values: Record<DueTerm, number>;
  overdue: number;
  followUpLate: number | null;
  askAge: number | null;
  occasions: Occasion[];
}

function toDueParts(c: DueContact, day: IsoDate, halfLifeDays: number, dateWindowDays: number): DueParts | null {
  if (c.snoozedUntil !== null && c.snoozedUntil > day) return null;
  const s = toDueStanding(c, day, halfLifeDays);
  const since = dayDiff(s.reference.on, day);
  const planned = c.nextFollowUpOn !== null && c.nextFollowUpOn > day;
  const followUpLate = c.nextFollowUpOn !== null ? dayDiff(c.nextFollowUpOn, day) : null;
  const receivedAgo = c.lastReceivedOn !== null ? dayDiff(c.lastReceivedOn, day) : null;
  const acknowledged = c.lastReceivedOn !== null && c.lastTouchOn !== null && c.lastTouchOn >= c.lastReceivedOn;
  const askAge = c.openAskOn !== null ? dayDiff(c.openAskOn, day) : null;
  const dailyLoss = (Math.max(0, s.balance) * Math.LN2) / halfLifeDays;
  const coldEligible = !planned && COLD_STAGES.includes(s.stage) && s.cadenceDays !== null && since * 2 >= s.cadenceDays;
  const overdue = s.cadenceDays === null ? 0 : since - s.cadenceDays;
  // Summary fields added later may be missing on objects built by hand: `== null` reads them as none.
  const wonOn = c.wonReferralOn ?? null;
  const thanked = wonOn !== null && c.lastTouchOn !== null && c.lastTouchOn >= wonOn;
  const occasions = c.birthday == null && c.importantDates == null ? [] : toUpcoming(toImportantDates(c.birthday, c.importantDates), day, dateWindowDays);
  const values: Record<DueTerm, number> = {
    followUp: followUpTerm(followUpLate),
    cadence: planned ? 0 : cadenceTerm(overdue, s.cadenceDays),
    received: receivedTerm(receivedAgo, acknowledged),
    openAsk: openAskTerm(askAge),
    goingCold: goingColdTerm(dailyLoss, coldEligible),
    neverMet: planned ? 0 : neverMetTerm(dayDiff(toAddedOn(c.createdAt), day), s.met),
    thankReferral: thankReferralTerm(wonOn === null ? null : dayDiff(wonOn, day), thanked),
    referralCheck: referralCheckTerm(c.referralCheckOn == null ? null : dayDiff(c.referralCheckOn, day)),
    importantDate: importantDateTerm(occasions[0]?.inDays ?? null, dateWindowDays),
  };
  return { standing: s, values, overdue, followUpLate, askAge, occasions };
}

const sumTerms = (values: Record<DueTerm, number>, w: DueWeights) =>
  values.followUp * w.followUp +
  values.cadence * w.cadence +
  values.received * w.received +
  values.openAsk * w.openAsk +
  values.goingCold * w.goingCold +
  values.neverMet * w.neverMet +
  values.thankReferral * w.thankReferral +
  values.referralCheck * w.referralCheck +
  values.importantDate * w.importantDate;

/** The urgency alone (0 when nothing is due or the contact is snoozed): cheap enough to run on every candidate row. */
export function toDueScore(c: DueContact, day: IsoDate, halfLifeDays: number, dateWindowDays = DEFAULT_DATE_WINDOW_DAYS, weights: DueWeights = DUE_WEIGHTS): number {
  const parts = toDueParts(c, day, halfLifeDays, dateWindowDays);
  return parts ? sumTerms(parts.values, weights) : 0;
}

/**
 * Scores one contact as of `day`, with the reasons and the next action. Returns null when nothing is due (every term
 * 0) or the contact is snoozed; its score equals toDueScore. Never throws on odd data: a term that cannot be read is 0.
 */
export function scoreDue(c: DueContact, day: IsoDate, halfLifeDays: number, dateWindowDays = DEFAULT_DATE_WINDOW_DAYS, weights: DueWeights = DUE_WEIGHTS): DueItem | null {
  const parts = toDueParts(c, day, halfLifeDays, dateWindowDays);
  if (!parts) return null;
  const score = sumTerms(parts.values, weights);
  if (!(score > 0)) return null;
  const { standing: s, values, overdue, followUpLate, askAge, occasions } = parts;
  const terms = DUE_TERMS.map((term) => ({ term, value: values[term], weight: weights[term], score: values[term] * weights[term] }));
  const said: Record<DueTerm, () => { reason: DueReason; action: DueAction }> = {
    followUp: () => ({ reason: { code: 'follow-up', plannedOn: c.nextFollowUpOn ?? day, daysLate: followUpLate ?? 0 }, action: 'follow-up' }),
    cadence: () => ({
      reason: { code: 'cadence-overdue', days: overdue, every: s.cadenceDays ?? 0, own: c.everyDays !== null, from: s.reference },
      action: s.stage === 'acquaintance' || s.stage === 'stranger' ? 'send-something' : 'suggest-one-to-one',
    }),
    received: () => ({ reason: { code: 'received', receivedOn: c.lastReceivedOn ?? day }, action: 'thank' }),
    openAsk: () => ({ reason: { code: 'ask-open', askedOn: c.openAskOn ?? day, days: askAge ?? 0 }, action: 'close-the-loop' }),
    goingCold: () => ({
      reason: { code: 'going-cold', stage: s.stage, balance: s.balance, monthlyLoss: s.balance * (1 - 2 ** (-30 / halfLifeDays)) },
      action: 'pass-something-on',
    }),
    neverMet: () => ({ reason: { code: 'never-met', addedOn: toAddedOn(c.createdAt) }, action: 'get-to-know' }),
    thankReferral: () => ({ reason: { code: 'referral-won', wonOn: c.wonReferralOn ?? day }, action: 'thank-for-referral' }),
    referralCheck: () => ({ reason: { code: 'referral-open', changedOn: c.referralCheckOn ?? day }, action: 'ask-how-it-went' }),
    importantDate: () => ({ reason: { code: 'important-date', occasions }, action: occasions[0]?.inDays === 0 ? 'call-today' : 'mark-the-day' }),
  };
  const reasons = terms
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((t) => said[t.term]());
  // A gift not yet acknowledged comes first, whatever term ranks them: Givers Gain starts with thanks.
  const thanks = reasons.find((r) => r.action === 'thank-for-referral') ?? reasons.find((r) => r.action === 'thank');
  const nextAction = thanks?.action ?? reasons[0]!.action;
  return { id: c.id, name: c.name, score, reasons: reasons.map((w) => w.reason), nextAction, lastTouch: c.lastTouchOn, stage: s.stage, cadenceDays: s.cadenceDays, terms };
}

/**
 * An open ask that was made before the relationship was ready (recorded with --anyway, or imported so) is not a
 * loop to close by asking how it went: the next step is to give, with no ask attached.
 */
export function withEarlyAsk(item: DueItem): DueItem {
  return item.nextAction === 'close-the-loop' ? { ...item, nextAction: 'give-after-early-ask' } : item;
}
