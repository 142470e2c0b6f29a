/**
 * `net due` reads one row per contact from the summary columns, never events. SQLite counts who is due with the rules
 * of core/due.ts written as SQL, and hands JavaScript only the contacts that could make the page, for core to score.
 */
import { addDays, type IsoDate } from '../core/dates.js';
import { STAGE_CADENCE_DAYS, type Stage } from '../core/capital.js';
import {
  COLD_LOSS_REF,
  COLD_STAGES,
  DUE_FIELDS,
  DUE_WEIGHTS,
  FOLLOW_UP_RAMP_DAYS,
  FOLLOW_UP_START,
  NEVER_MET_FROM_DAYS,
  NEVER_MET_UNTIL_DAYS,
  OPEN_ASK_DAYS,
  OPEN_ASK_FULL_DAYS,
  OPEN_ASK_START,
  RECEIVED_FADE,
  RECEIVED_WINDOW_DAYS,
  toDueScore,
  type DueContact,
  type DueTerm,
  type DueWeights,
} from '../core/due.js';
import { FRESH_DAYS_SQL, FRESH_SQL, MET_SQL, NET_SQL, REF_JD_SQL, STAGE_SQL, toStandingParams } from './standing-sql.js';
import { DEFAULT_DATE_WINDOW_DAYS, toMonthDaysAhead } from '../core/important-dates.js';
import { maxOf, minOf } from '../core/numbers.js';
import { REFERRAL_CHECK_DAYS, REFERRAL_CHECK_UNTIL_DAYS } from '../core/referrals.js';
import { toRowReader, toSelectList } from './rows.js';
import type { Store } from './store.js';

/** The columns read, and their mapper. */
const COLUMNS = toSelectList(DUE_FIELDS);
const toDueContact = toRowReader(DUE_FIELDS);
const COLUMN_COUNT = DUE_FIELDS.length;
/** The name is not in the cap's index: those queries read the name key in its place. */
const CAP_COLUMNS = toSelectList(DUE_FIELDS, { name: 'name_key' });

/*
 * Who is due, term by term, exactly as core/due.ts scores above zero: a follow-up due; something received within the
 * received window and not acknowledged; an ask waiting past OPEN_ASK_DAYS; a referral they gave marked won and not
 * thanked; a referral the user gave without news for REFERRAL_CHECK_DAYS to REFERRAL_CHECK_UNTIL_DAYS; added within the
 * never-met window and not met; a birthday or date within the window; or, with no follow-up planned ahead, the cadence
 * passed or a relationship of a COLD_STAGES stage going cold (half a cadence without a touch). The stage is worked out
 * (store/standing-sql.ts) only where the cadence depends on it: between half the shortest stage cadence and the longest
 * since the last touch, or half an own cadence with a positive balance.
 *
 * Every number is core's, written into the SQL here: the thresholds as parameters (toDueParams) or literals, the stage
 * cadences from STAGE_CADENCE_DAYS, and the weights of the cap and the bound from the weights table the caller scores
 * with (DUE_WEIGHTS unless a test passes another).
 */
const SINCE = `(@jd - ${REF_JD_SQL})`;
const PLANNED = 'coalesce(next_follow_up_on > @day, 0)';
const IN_WINDOW = 'IN (SELECT value FROM json_each(@monthDays))';
/*
 * Two values of migration 15's contacts_due_rest, NULL for most contacts so that its entries stay small (the id and the
 * time added took 60 of its 140 bytes a contact; on 50,000 contacts the index went from 2,200 pages to 1,016, and the
 * count of those not due for good reads about 290 where it read 630, at some 30 µs a page read cold): the id of a
 * contact with important dates (only they have rows in `dates`), and the time a contact not met was added.
 */
export const DATED_ID_SQL = 'CASE WHEN important_dates IS NOT NULL THEN id END';
export const UNMET_ADDED_SQL = `CASE ${MET_SQL} WHEN 0 THEN created_at END`;
const HAS_DATE_IN_WINDOW = `(substr(birthday, -5) ${IN_WINDOW} OR ${DATED_ID_SQL} IN (SELECT contact_id FROM dates WHERE substr(date, -5) ${IN_WINDOW}))`;
/** The terms that come and go: a received gift's window, a referral's check, a new contact's first weeks, a date. */
const PASSING_DUE = `((last_received_on >= @receivedSince AND last_received_on <= @day AND NOT coalesce(last_touch_on >= last_received_on, 0))
  OR (referral_check_on >= @checkSince AND referral_check_on < @checkBefore)
  OR (${UNMET_ADDED_SQL} >= @addedSince AND ${UNMET_ADDED_SQL} < @addedBefore AND NOT ${PLANNED})
  OR ${HAS_DATE_IN_WINDOW})`;
/** Every term but the cadence's: the passing ones, and those that last (a follow-up due, an ask past its days, a thank-you). */
const EVENT_DUE = `(next_follow_up_on <= @day OR open_ask_on < @askBefore
  OR (won_referral_on <= @day AND NOT coalesce(last_touch_on >= won_referral_on, 0)) OR ${PASSING_DUE})`;

const STAGE_CADENCES = (Object.entries(STAGE_CADENCE_DAYS) as [Stage, number | null][]).filter((e): e is [Stage, number] => e[1] !== null);
/** The shortest and the longest cadence a stage gives: before half the one nobody is due by cadence; after the other, all who have one are. */
const SHORTEST_CADENCE = minOf(STAGE_CADENCES.map(([, days]) => days));
const LONGEST_CADENCE = maxOf(STAGE_CADENCES.map(([, days]) => days));
/*
 * Due by cadence or going cold, with the stage worked out once: every way to be due that needs no stage first, then
 * one CASE on the stage, each stage's branch saying when the row is due given the tests before it failed. Written
 * with the stage in three places (a close stage for an own cadence, for the long unmet, and the stage's cadence), the
 * SQL was 8,800 characters, of which SQLite prepares two, and each row could work the stage out three times.
 *
 *   no stage needed      due          an own cadence passed; met, without an own cadence, past the longest one
 *                        not due      a follow-up planned ahead; without an own cadence, under half the shortest;
 *                                     with one, under half of it or a balance not above zero (nothing to go cold)
 *   the stage, when      own cadence  past the longest (unmet)      otherwise, from the stage's cadence
 *   close (cold)         due          due                            past it, or half of it with a balance above zero
 *   other                not due      not due                        past it
 */
const OWN_CADENCE_PASSED = `every_days > 0 AND ${SINCE} > every_days`;
const ownOrLong = `every_days IS NOT NULL OR ${SINCE} > ${LONGEST_CADENCE}`;
const stageDue = (stage: Stage): string | null => {
  const days = STAGE_CADENCE_DAYS[stage];
  if (COLD_STAGES.includes(stage)) return days === null ? ownOrLong : `${ownOrLong} OR ${SINCE} > ${days} OR (${SINCE} * 2 >= ${days} AND ${NET_SQL} > 0)`;
  return days === null ? null : `every_days IS NULL AND ${SINCE} <= ${LONGEST_CADENCE} AND ${SINCE} > ${days}`;
};
const STAGE_DUE = (Object.keys(STAGE_CADENCE_DAYS) as Stage[]).flatMap((stage) => {
  const due = stageDue(stage);
  return due === null ? [] : [`WHEN '${stage}' THEN ${due}`];
});
const PACE_DUE = `(CASE
  WHEN ${PLANNED} THEN 0
  WHEN ${OWN_CADENCE_PASSED} THEN 1
  WHEN every_days IS NULL AND ${SINCE} > ${LONGEST_CADENCE} AND ${MET_SQL} = 1 THEN 1
  WHEN every_days IS NULL AND ${SINCE} * 2 < ${SHORTEST_CADENCE} THEN 0
  WHEN every_days IS NOT NULL AND NOT (${SINCE} * 2 >= every_days AND ${NET_SQL} > 0) THEN 0
  ELSE CASE ${STAGE_SQL} ${STAGE_DUE.join(' ')} ELSE 0 END
  END)`;

/** `weight * condition`, written as migration 6 wrote its index: a weight of 1 without the product, one of 0 not at all. */
const weighted = (weight: number, condition: string) => (weight === 0 ? '' : weight === 1 ? ` + ${condition}` : ` + ${weight} * ${condition}`);

/*
 * Within a cap, the most each contact could score on the day: the follow-up, received, ask terms exactly, the cadence
 * as if it were the shortest it can be (own, else the shortest a stage gives), never met only for those not met, going
 * cold exactly but for the stage (its loss at the contact's balance, once half the shortest cadence has passed), the
 * three only with nothing planned ahead, and the others at their weight. Only contacts whose bound reaches the last of
 * the page so far are handed to core. Read from the cap's index, like the cap. On the heavy benchmark journal, never
 * met and going cold taken so took the contacts scored for a page of 20 from 173 to 111, then 95.
 */
function toBoundSql(w: DueWeights): string {
  return `(CASE WHEN next_follow_up_on <= @day THEN ${w.followUp} * min(1, ${FOLLOW_UP_START} + ${1 - FOLLOW_UP_START} * min(@jd - julianday(next_follow_up_on), ${FOLLOW_UP_RAMP_DAYS}) / ${FOLLOW_UP_RAMP_DAYS}) ELSE 0 END
  + CASE WHEN ${PLANNED} THEN 0 ELSE ${w.neverMet} * (${MET_SQL} = 0)
      + CASE WHEN ${NET_SQL} > 0 AND ${SINCE} * 2 >= coalesce(every_days, ${SHORTEST_CADENCE}) THEN ${w.goingCold} * (1 - exp(-${NET_SQL} / @scale * @coldRate)) ELSE 0 END
      + CASE WHEN ${SINCE} > coalesce(every_days, ${SHORTEST_CADENCE}) THEN ${w.cadence} * (${SINCE} - coalesce(every_days, ${SHORTEST_CADENCE})) / ${SINCE} ELSE 0 END END
  + CASE WHEN last_received_on >= @receivedSince AND last_received_on <= @day AND NOT coalesce(last_touch_on >= last_received_on, 0)
      THEN ${w.received} * (1 - ${RECEIVED_FADE} * (@jd - julianday(last_received_on)) / ${RECEIVED_WINDOW_DAYS}) ELSE 0 END
  + CASE WHEN open_ask_on < @askBefore THEN ${w.openAsk} * min(1, ${OPEN_ASK_START} + ${1 - OPEN_ASK_START} * (@jd - julianday(open_ask_on) - ${OPEN_ASK_DAYS}) / (${OPEN_ASK_FULL_DAYS} - ${OPEN_ASK_DAYS})) ELSE 0 END
  + ${w.thankReferral} * coalesce(won_referral_on > coalesce(last_touch_on, ''), 0) + ${w.referralCheck} * (referral_check_on IS NOT NULL)
  + ${w.importantDate} * (birthday IS NOT NULL OR important_dates IS NOT NULL))`;
}
/** Rounding in SQL and in JavaScript may differ in the last bits: the bound is trusted only beyond this. */
export const BOUND_MARGIN = 1e-6;

/**
 * Which rows allow each term at all (null: every row), in the order of migration 6's index contacts_due_cap: a cadence
 * and going cold always; a follow-up only with one planned; a thank-you only for a won referral not yet thanked; …
 */
const CAP_TERMS: Record<DueTerm, string | null> = {
  cadence: null,
  goingCold: null,
  followUp: '(next_follow_up_on IS NOT NULL)',
  received: "coalesce(last_received_on > coalesce(last_touch_on, ''), 0)",
  openAsk: '(open_ask_on IS NOT NULL)',
  neverMet: '(touch_count = 0 AND give_count = 0 AND met_on IS NULL)',
  thankReferral: "coalesce(won_referral_on > coalesce(last_touch_on, ''), 0)",
  referralCheck: '(referral_check_on IS NOT NULL)',
  importantDate: '(birthday IS NOT NULL OR important_dates IS NOT NULL)',
};

/*
 * The most urgent few without scoring everyone: no contact's urgency can exceed its cap, the sum of the weights of the
 * terms its row allows at all. Migration 6 indexes this very expression (as the default weights write it), so SQLite
 * hands over the contacts one cap at a time, highest first, and core scores them; once the last of the page scores
 * above the next cap, nobody left can reach the page. With the bound, on 50,000 contacts core scores about 200 of the
 * 38,000 due. Other weights give another expression, which SQLite works out row by row: slower, never wrong.
 */
export function toCapSql(w: DueWeights): string {
  const terms = Object.entries(CAP_TERMS) as [DueTerm, string | null][];
  const always = terms.filter(([, condition]) => condition === null).reduce((sum, [term]) => sum + w[term], 0);
  return `(${always}${terms.map(([term, condition]) => (condition === null ? '' : weighted(w[term], condition))).join('')})`;
}

/*
 * The day from which a contact stays due, whatever day it is: a follow-up's day; an ask's first day past OPEN_ASK_DAYS;
 * a won referral not yet thanked; or, with no follow-up planned, the cadence passed for good (an own cadence, else the
 * longest a stage gives after the last touch of someone met: no stage waits longer). Migration 6 indexes it, so the
 * count reads most of the due from the index and works the rules out only for the rest.
 */
export const DUE_FROM_SQL = `min(coalesce(next_follow_up_on, '9999-12-31'), coalesce(date(open_ask_on, '+${OPEN_ASK_DAYS + 1} days'), '9999-12-31'),
  CASE WHEN won_referral_on > coalesce(last_touch_on, '') THEN won_referral_on ELSE '9999-12-31' END,
  CASE WHEN next_follow_up_on IS NOT NULL THEN '9999-12-31'
    WHEN every_days > 0 THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+' || (every_days + 1) || ' days')
    WHEN every_days IS NULL AND ${MET_SQL} THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+${LONGEST_CADENCE + 1} days')
    ELSE '9999-12-31' END)`;

/** The SQL of one weights table, built once for each. */
const built = new WeakMap<DueWeights, { cap: string; bound: string }>();
export function dueSqlOf(w: DueWeights): { cap: string; bound: string } {
  let sql = built.get(w);
  if (!sql) built.set(w, (sql = { cap: toCapSql(w), bound: toBoundSql(w) }));
  return sql;
}

const NOT_SNOOZED = '(snoozed_until IS NULL OR snoozed_until <= @day)';
const TAGGED = "id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag)";
/** Written without the tag test when there is no tag: a reference to `id` would send every count to the table rows. */
const listed = (tag: string | undefined) => (tag === undefined ? NOT_SNOOZED : `${NOT_SNOOZED} AND ${TAGGED}`);

export interface DueFilter {
  day: IsoDate;
  /** How many days ahead birthdays and important dates are listed. */
  dateWindowDays?: number;
  /** Only contacts with this tag (any case). */
  tag?: string;
}

export interface DuePage {
  /** Most urgent first, unscored (core/due.ts scores them again, with words). */
  contacts: DueContact[];
  /** How many are due in all. */
  total: number;
}

/** The values the due queries read: the day's numbers and the thresholds of core's terms, as days. */
export function toDueParams(filter: DueFilter & { halfLifeDays: number }) {
  const day = filter.day;
  return {
    ...toStandingParams(day, filter.halfLifeDays),
    monthDays: JSON.stringify(toMonthDaysAhead(day, filter.dateWindowDays ?? DEFAULT_DATE_WINDOW_DAYS)),
    checkSince: addDays(day, -REFERRAL_CHECK_UNTIL_DAYS),
    checkBefore: addDays(day, -REFERRAL_CHECK_DAYS),
    tag: filter.tag === undefined ? null : filter.tag.toLowerCase(),
    receivedSince: addDays(day, -RECEIVED_WINDOW_DAYS),
    askBefore: addDays(day, -OPEN_ASK_DAYS),
    // created_at is a timestamp: compare against day boundaries as strings.
    addedSince: addDays(day, -NEVER_MET_UNTIL_DAYS),
    addedBefore: addDays(day, -NEVER_MET_FROM_DAYS + 1),
    // Going cold's daily loss per unit of balance, over the loss at which it is worth 1 − 1/e (core's goingColdTerm).
    coldRate: Math.LN2 / filter.halfLifeDays / COLD_LOSS_REF,
  };
}

interface Ranked {
  contact: DueContact;
  score: number;
  nameKey: string;
}

/** Most urgent first; equal urgency by name, then id, as SQLite orders text. */
const byUrgency = (a: Ranked, b: Ranked) => b.score - a.score || (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.contact.id < b.contact.id ? -1 : 1);

/** How many are due on the day (with the tag, when given). */
export function countDue(store: Store, filter: DueFilter & { halfLifeDays: number }): number {
  const params = toDueParams(filter);
  const where = listed(filter.tag);
  const dueForGood = store.stmt(`SELECT count(*) FROM contacts WHERE ${DUE_FROM_SQL} <= @day AND ${where}`).pluck().get(params) as number;
  // Not due for good: only the passing terms and the cadence can make them due today. The fresh apart (never due for
  // good): without a tag, one of each day's stands for all of that day; with one, each is asked.
  const dueToday = `${DUE_FROM_SQL} > @day AND ${where} AND (${PASSING_DUE} OR ${PACE_DUE})`;
  const rest = store.stmt(`SELECT count(*) FROM contacts WHERE ${FRESH_SQL} = 0 AND ${dueToday}`).pluck().get(params) as number;
  const fresh = (
    filter.tag === undefined
      ? store.stmt(`SELECT coalesce(sum(fresh_count), 0) FROM ${FRESH_DAYS_SQL} JOIN contacts ON contacts.rowid = fresh_one WHERE ${dueToday}`)
      : store.stmt(`SELECT count(*) FROM contacts WHERE ${FRESH_SQL} = 1 AND ${dueToday}`)
  )
    .pluck()
    .get(params) as number;
  return dueForGood + rest + fresh;
}

/**
 * Everyone due on the day, most urgent first, read as they are asked for. A first pass reads the contacts in name order
 * (name key, then id: the order of equal urgency) and keeps, for each one due, its urgency and row number only; a
 * stable sort by urgency then leaves equals in name order, and the rows are read again one at a time in that order.
 * So `net due --all` holds 16 bytes per due contact, not each one's row and words (190,000 due: 740 MB before, 40 MB).
 */
export function iterateAllDue(store: Store, filter: DueFilter & { halfLifeDays: number; weights?: DueWeights }): { contacts: Iterable<DueContact>; total: number } {
  const weights = filter.weights ?? DUE_WEIGHTS;
  const dateWindow = filter.dateWindowDays ?? DEFAULT_DATE_WINDOW_DAYS;
  const rows = store
    .stmt(`SELECT ${COLUMNS}, rowid FROM contacts WHERE ${listed(filter.tag)} AND (${EVENT_DUE} OR ${PACE_DUE}) ORDER BY name_key, id`)
    .raw()
    .iterate(toDueParams(filter)) as IterableIterator<unknown[]>;
  let scores = new Float64Array(1024);
  let rowids = new Float64Array(1024);
  let total = 0;
  for (const r of rows) {
    const s = toDueScore(toDueContact(r), filter.day, filter.halfLifeDays, dateWindow, weights);
    if (!(s > 0)) continue;
    if (total === scores.length) {
      scores = grow(scores);
      rowids = grow(rowids);
    }
    scores[total] = s;
    rowids[total++] = r[COLUMN_COUNT] as number;
  }
  // Array.prototype.sort is stable: equal urgency keeps the name order they were read in.
  const order = Uint32Array.from({ length: total }, (_, k) => k).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const one = store.stmt(`SELECT ${COLUMNS} FROM contacts WHERE rowid = ?`).raw();
  function* contacts(): Generator<DueContact> {
    for (const k of order) {
      const row = one.get(rowids[k]) as unknown[] | undefined;
      if (row) yield toDueContact(row);
    }
  }
  return { contacts: { [Symbol.iterator]: contacts }, total };
}

function grow(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(a.length * 2);
  bigger.set(a);
  return bigger;
}

/**
 * The most urgent contacts on the day (at most `limit`; all without one) and how many are due in all, ranked by the
 * weights given (DUE_WEIGHTS unless a test passes others).
 */
export function listDueContacts(store: Store, filter: DueFilter & { halfLifeDays: number; limit?: number; weights?: DueWeights }): DuePage {
  const weights = filter.weights ?? DUE_WEIGHTS;
  const sql = dueSqlOf(weights);
  const params = toDueParams(filter);
  const dateWindow = filter.dateWindowDays ?? DEFAULT_DATE_WINDOW_DAYS;
  const where = listed(filter.tag);
  const total = countDue(store, filter);
  if (filter.limit === undefined) return { contacts: [...iterateAllDue(store, filter).contacts], total };
  const ranked: Ranked[] = [];
  const limit = filter.limit;
  /** The score a contact must reach to make the page: the last of a full page, else anything above zero. */
  const floor = () => (ranked.length >= limit ? ranked[limit - 1]!.score : 0);
  const nextCap = store.stmt(`SELECT max(${sql.cap}) FROM contacts WHERE ${sql.cap} < @below`).pluck();
  // The name is not in the cap's index: the contacts are scored with their name key in its place, and named at the end.
  // Highest bound first: once the page is full, the first contact whose bound is below its last ends the cap (on the
  // heavy benchmark journal, 77 contacts scored for a page of 20 became 58; on the extreme one, 174 became 47).
  const withCap = store
    .stmt(`SELECT ${CAP_COLUMNS}, name_key, ${sql.bound} AS bound FROM contacts WHERE ${sql.cap} = @cap AND ${where} AND ${sql.bound} + ${BOUND_MARGIN} >= @floor ORDER BY bound DESC`)
    .raw();
  for (let cap = nextCap.get({ below: Number.MAX_SAFE_INTEGER }) as number | null; cap !== null; cap = nextCap.get({ below: cap }) as number | null) {
    if (ranked.length >= limit && ranked[limit - 1]!.score > cap) break;
    for (const r of withCap.iterate({ ...params, cap, floor: floor() }) as IterableIterator<unknown[]>) {
      if ((r[COLUMN_COUNT + 1] as number) + BOUND_MARGIN < floor()) break;
      const contact = toDueContact(r);
      const s = toDueScore(contact, filter.day, filter.halfLifeDays, dateWindow, weights);
      if (!(s > 0) || (ranked.length >= limit && s < floor())) continue;
      const entry = { contact, score: s, nameKey: r[COLUMN_COUNT] as string };
      // Into its place on the page, which stays in order: past every one ranked before it.
      let at = ranked.length;
      while (at > 0 && byUrgency(entry, ranked[at - 1]!) < 0) at--;
      ranked.splice(at, 0, entry);
      if (ranked.length > limit) ranked.pop();
    }
  }
  const nameOf = store.stmt('SELECT name FROM contacts WHERE id = ?').pluck();
  return { contacts: ranked.map((r) => ({ ...r.contact, name: nameOf.get(r.contact.id) as string })), total };
}

/** Every contact with a cadence of their own or one that may come from their stage, for the calendar, in name order: read one at a time. */
export function* iterateCalendarContacts(store: Store, filter: Omit<DueFilter, 'day'>): Generator<DueContact> {
  const rows = store
    .stmt(
      `SELECT ${COLUMNS} FROM contacts
       WHERE (every_days IS NOT NULL OR touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL)
         AND (@tag IS NULL OR id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag))
       ORDER BY name_key, id`,
    )
    .raw()
    .iterate({ tag: filter.tag === undefined ? null : filter.tag.toLowerCase() }) as IterableIterator<unknown[]>;
  for (const row of rows) yield toDueContact(row);
}

export interface OpenFollowUp {
  id: string;
  contactId: string;
  name: string;
  dueOn: IsoDate;
  note: string | null;
}

/** Open follow-ups with their contact's name, earliest first: read one at a time. */
export function iterateOpenFollowUps(store: Store, filter: Omit<DueFilter, 'day'>): IterableIterator<OpenFollowUp> {
  return store
    .stmt(
      `SELECT f.id, f.contact_id AS contactId, c.name, f.due_on AS dueOn, f.note FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
       WHERE f.done_on IS NULL
         AND (@tag IS NULL OR f.contact_id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag))
       ORDER BY f.due_on, c.name_key, f.id`,
    )
    .iterate({ tag: filter.tag === undefined ? null : filter.tag.toLowerCase() }) as IterableIterator<OpenFollowUp>;
}

/** Of these contacts, those whose open ask was recorded as premature: one query for the page shown. */
export function listEarlyOpenAsks(store: Store, ids: readonly string[]): Set<string> {
  if (!ids.length) return new Set();
  const sql = "SELECT DISTINCT contact_id FROM events WHERE contact_id IN (SELECT value FROM json_each(?)) AND type = 'ask' AND outcome = 'pending' AND premature = 1";
  return new Set(store.stmt(sql).pluck().all(JSON.stringify(ids)) as string[]);
}
