/**
 * The stage of a relationship (core/capital.ts toStage, with core/checklist.ts toDepth) written as SQL over the summary
 * columns, so that SQLite can count stages and find who is due over 50,000 contacts without calling JavaScript once
 * per row (each call costs about 2 µs). It must agree with core exactly: test/unit/store/standing-sql.test.ts compares
 * the two on random contacts and days.
 *
 *   term      SQL                                                          core
 *   known     the earlier of met_on and first_event_on                      toKnownSince
 *   a year    known on or before @knownAYearBy                              'known-a-year'
 *   regular   a follow-up on or after @day, or enough touchpoints that      'regular-appointments'
 *             keep the cadence (own, else the default) with the last within it
 *   depth     yes answers + the services, family and goals points           toDepth
 *             + a year + regular
 *   deep      deep's depth, known on or before @deepKnownBy                 toStage
 *   growing   growing's depth, or its lesser depth with its balance and
 *             known on or before @growingKnownBy
 *
 * Every number comes from core's tables (STAGE_RULES, JOURNAL_POINT_NEEDS, REGULAR_DEFAULT_DAYS), written into the SQL
 * when this module loads: a rule changed in core changes the SQL with it.
 *
 * The day-free parts (ROW_EXPRESSIONS) are the columns of migration 6's index contacts_due_rest (rebuilt by 13 and 15), built here to the
 * letter of that index: SQLite then reads them from the index instead of working them out for every row. They are used
 * as values (`CASE x WHEN 1`, `x = 1`), never as bare conditions, which SQLite would not match against the index. When
 * a rule they carry changes, test/unit/store/frozen-indexes.test.ts fails and asks for a migration that rebuilds it.
 */
import { MIN_CLOSE_DEPTH, STAGE_RULES } from '../core/capital.js';
import { JOURNAL_POINT_NEEDS, REGULAR_DEFAULT_DAYS } from '../core/checklist.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { toEpochScale } from '../core/summary.js';

/** The parameters every expression below reads. */
export interface StandingParams {
  day: IsoDate;
  /** julianday(@day): SQLite's day number, so that `@jd - julianday(x)` is whole days from x to the day. */
  jd: number;
  /** The fading factor of the day: balance = (invested − withdrawn) / @scale. */
  scale: number;
  /** Known on or before this day: the checklist's known-a-year point holds. */
  knownAYearBy: IsoDate;
  /** Known on or before this day: long enough for deep. */
  deepKnownBy: IsoDate;
  /** Known on or before this day: long enough for growing on balance. */
  growingKnownBy: IsoDate;
}

const DAY_MS = 86_400_000;
/** julianday('1970-01-01') */
const UNIX_EPOCH_JD = 2440587.5;

/** The day number of a day, as SQLite's julianday() gives it. */
export const toJulianDay = (day: IsoDate): number => UNIX_EPOCH_JD + Date.parse(`${day}T00:00:00Z`) / DAY_MS;

export function toStandingParams(day: IsoDate, halfLifeDays: number): StandingParams {
  return {
    day,
    jd: toJulianDay(day),
    scale: toEpochScale(day, halfLifeDays),
    knownAYearBy: addDays(day, -JOURNAL_POINT_NEEDS.knownDays),
    deepKnownBy: addDays(day, -STAGE_RULES.deep.knownDays),
    growingKnownBy: addDays(day, -STAGE_RULES.growing.orKnownDays),
  };
}

/** julianday of the day the cadence counts from: the last touch, else the day they met, else the day they were added. */
export const REF_JD_SQL = 'julianday(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)))';
/**
 * A contact with nothing but its name and the day it was added: never met, no event, no follow-up, no cadence, no
 * snooze, no date, no checklist point (as a big address-book import leaves most of its contacts). Every column the
 * rules of due and of the stage read is then empty, so that all such contacts added on one day are due, and stand, as
 * any one of them does: `net due` and `net balance` count them a day at a time (migration 13's index contacts_fresh)
 * instead of one by one. Migration 13 indexes it, first in contacts_fresh and contacts_due_rest: used as a value
 * (`= 1`, `= 0`), never as a bare condition, as ROW_EXPRESSIONS are. test/unit/store/frozen-indexes.test.ts checks it.
 */
export const FRESH_SQL = `(first_event_on IS NULL AND met_on IS NULL AND next_follow_up_on IS NULL AND every_days IS NULL AND snoozed_until IS NULL
  AND birthday IS NULL AND important_dates IS NULL AND answers_yes = 0 AND service_count = 0 AND family_count = 0 AND goal_count = 0
  AND touch_count = 0 AND give_count = 0 AND invested = 0 AND withdrawn = 0 AND last_touch_on IS NULL AND last_received_on IS NULL
  AND open_ask_on IS NULL AND won_referral_on IS NULL AND referral_check_on IS NULL AND recent_touch_gap IS NULL)`;

/**
 * The fresh contacts, a row per day they were added: how many (fresh_count) and one of them (fresh_one, its rowid).
 * Joined to contacts on that row, any expression of the rules is worked out once for the day's fresh contacts.
 */
export const FRESH_DAYS_SQL = `(SELECT count(*) AS fresh_count, min(rowid) AS fresh_one FROM contacts WHERE ${FRESH_SQL} = 1 GROUP BY substr(created_at, 1, 10))`;

/** The stored fading sum of the balance: divided by @scale it is the balance of the day. */
export const NET_SQL = '(invested - withdrawn)';
/** 1 when they have met, else 0. */
export const MET_SQL = '(touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL)';
const need = JOURNAL_POINT_NEEDS;
/** The checklist points that do not change with the day. */
const POINTS_SQL = `(answers_yes + (service_count >= ${need.services}) + (family_count >= ${need.family}) + (goal_count >= ${need.goals}))`;
export const KNOWN_SQL = 'min(coalesce(met_on, first_event_on), coalesce(first_event_on, met_on))';
/** While touchpoints keep the cadence: the julianday until which the last one does (NULL when they do not keep it). */
const KEEPS_UNTIL_SQL = `CASE WHEN touch_count >= ${need.touchpoints} AND recent_touch_gap <= coalesce(every_days, ${REGULAR_DEFAULT_DAYS}) THEN julianday(last_touch_on) + coalesce(every_days, ${REGULAR_DEFAULT_DAYS}) END`;

/** In the order of migration 6's index, after its first two columns. */
export const ROW_EXPRESSIONS = [REF_JD_SQL, 'every_days', NET_SQL, MET_SQL, POINTS_SQL, KNOWN_SQL, KEEPS_UNTIL_SQL] as const;

const knownBy = (param: string) => `coalesce(${KNOWN_SQL} <= @${param}, 0)`;
/** 1 when appointments are regular on the day, from the row: a follow-up ahead, or touchpoints that keep the cadence. */
const REGULAR_SQL = `coalesce(next_follow_up_on >= @day OR @jd <= ${KEEPS_UNTIL_SQL}, 0)`;
export const DEPTH_SQL = `(${POINTS_SQL} + ${knownBy('knownAYearBy')} + ${REGULAR_SQL})`;
/**
 * The julianday until which appointments are regular (0: not on any day): the later of the next follow-up's day and
 * the day the touchpoints stop keeping the cadence. On any day, `@jd <= REGULAR_UNTIL_SQL` is REGULAR_SQL: a follow-up
 * on or after the day is one whose julianday is at or after the day's.
 */
export const REGULAR_UNTIL_SQL = `max(coalesce(julianday(next_follow_up_on), 0), coalesce(${KEEPS_UNTIL_SQL}, 0))`;
const { deep, growing } = STAGE_RULES;

/** 'deep', 'growing', 'acquaintance' or 'stranger'; the exact depth is worked out only when the bound allows growing. */
function toStageSql(regular: string): string {
  const depth = `(${POINTS_SQL} + ${knownBy('knownAYearBy')} + ${regular})`;
  // Never below the depth: regular appointments counted as if they held.
  const bound = `(${POINTS_SQL} + ${knownBy('knownAYearBy')} + 1)`;
  const metOrNot = `CASE ${MET_SQL} WHEN 1 THEN 'acquaintance' ELSE 'stranger' END`;
  return `(CASE
  WHEN ${bound} < ${MIN_CLOSE_DEPTH} THEN ${metOrNot}
  WHEN ${depth} >= ${deep.depth} AND ${knownBy('deepKnownBy')} THEN 'deep'
  WHEN ${depth} >= ${growing.depth} OR (${depth} >= ${growing.orDepth} AND ${NET_SQL} / @scale >= ${growing.orBalance} AND ${knownBy('growingKnownBy')}) THEN 'growing'
  ELSE ${metOrNot} END)`;
}

/** The stage from the row's values that migration 6's index contacts_due_rest carries: what `net due` reads. */
export const STAGE_SQL = toStageSql(REGULAR_SQL);

/**
 * Migration 15's index contacts_stage, in its order: all a stage needs and nothing else, so that counting the stages
 * reads a small index (50,000 contacts: 411 pages, where contacts_due_rest took 2,200, at some 30 µs each read cold on
 * our machines) and works out a shorter expression for each contact.
 */
export const STAGE_COLUMNS = [FRESH_SQL, POINTS_SQL, MET_SQL, KNOWN_SQL, REGULAR_UNTIL_SQL, NET_SQL] as const;

/** The same stage as STAGE_SQL, from contacts_stage's columns alone: what `net balance` counts. */
export const STAGE_COUNT_SQL = toStageSql(`(@jd <= ${REGULAR_UNTIL_SQL})`);
