/**
 * The stage of a relationship (core/capital.ts toStage, with core/checklist.ts toDepth) written as SQL over the summary
 * columns, so that SQLite can count stages and find who is due over 50,000 contacts without calling JavaScript once
 * per row (each call costs about 2 µs). It must agree with core exactly: test/unit/store/standing-sql.test.ts compares
 * the two on random contacts and days.
 *
 *   term      SQL                                                         core
 *   known     the earlier of met_on and first_event_on                     toKnownSince
 *   a year    known on or before @yearAgo                                  'known-a-year'
 *   regular   a follow-up on or after @day, or 3+ touchpoints that keep     'regular-appointments'
 *             the cadence (own, else 90 days) with the last within it
 *   depth     yes answers + services ≥ 3 + family ≥ 1 + goals ≥ 5           toDepth
 *             + a year + regular
 *   deep      depth ≥ 10 and known a year                                   toStage
 *   growing   depth ≥ 5, or depth ≥ 3 with balance ≥ 3 and known 90 days
 *
 * The day-free parts (ROW_EXPRESSIONS) are the columns of migration 6's index contacts_due_rest, written here exactly
 * as there: SQLite then reads them from the index instead of working them out for every row. They are used as values
 * (`CASE x WHEN 1`, `x = 1`), never as bare conditions, which SQLite would not match against the index.
 */
import { REGULAR_DEFAULT_DAYS } from '../core/checklist.js';
import { addDays, type IsoDate } from '../core/dates.js';
import { toEpochScale } from '../core/summary.js';

/** The parameters every expression below reads. */
export interface StandingParams {
  day: IsoDate;
  /** julianday(@day): SQLite's day number, so that `@jd - julianday(x)` is whole days from x to the day. */
  jd: number;
  /** The fading factor of the day: balance = (invested − withdrawn) / @scale. */
  scale: number;
  yearAgo: IsoDate;
  quarterAgo: IsoDate;
}

const DAY_MS = 86_400_000;
/** julianday('1970-01-01') */
const UNIX_EPOCH_JD = 2440587.5;

export function toStandingParams(day: IsoDate, halfLifeDays: number): StandingParams {
  return { day, jd: UNIX_EPOCH_JD + Date.parse(`${day}T00:00:00Z`) / DAY_MS, scale: toEpochScale(day, halfLifeDays), yearAgo: addDays(day, -365), quarterAgo: addDays(day, -90) };
}

/** julianday of the day the cadence counts from: the last touch, else the day they met, else the day they were added. */
export const REF_JD_SQL = 'julianday(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)))';
/** The stored fading sum of the balance: divided by @scale it is the balance of the day. */
export const NET_SQL = '(invested - withdrawn)';
/** 1 when they have met, else 0. */
export const MET_SQL = '(touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL)';
/** The checklist points that do not change with the day. */
const POINTS_SQL = '(answers_yes + (service_count >= 3) + (family_count >= 1) + (goal_count >= 5))';
export const KNOWN_SQL = 'min(coalesce(met_on, first_event_on), coalesce(first_event_on, met_on))';
/** While touchpoints keep the cadence: the julianday until which the last one does (NULL when they do not keep it). */
const KEEPS_UNTIL_SQL = `CASE WHEN touch_count >= 3 AND recent_touch_gap <= coalesce(every_days, ${REGULAR_DEFAULT_DAYS}) THEN julianday(last_touch_on) + coalesce(every_days, ${REGULAR_DEFAULT_DAYS}) END`;

/** In the order of migration 6's index, after its first two columns. */
export const ROW_EXPRESSIONS = [REF_JD_SQL, 'every_days', NET_SQL, MET_SQL, POINTS_SQL, KNOWN_SQL, KEEPS_UNTIL_SQL] as const;

const A_YEAR_SQL = `coalesce(${KNOWN_SQL} <= @yearAgo, 0)`;
export const DEPTH_SQL = `(${POINTS_SQL} + ${A_YEAR_SQL} + coalesce(next_follow_up_on >= @day OR @jd <= ${KEEPS_UNTIL_SQL}, 0))`;
/** Never below the depth: regular appointments counted as if they held. */
const DEPTH_BOUND_SQL = `(${POINTS_SQL} + ${A_YEAR_SQL} + 1)`;
const MET_OR_NOT = `CASE ${MET_SQL} WHEN 1 THEN 'acquaintance' ELSE 'stranger' END`;

/** 'deep', 'growing', 'acquaintance' or 'stranger'; the exact depth is worked out only when the bound allows growing. */
export const STAGE_SQL = `(CASE
  WHEN ${DEPTH_BOUND_SQL} < 3 THEN ${MET_OR_NOT}
  WHEN ${DEPTH_SQL} >= 10 AND ${A_YEAR_SQL} THEN 'deep'
  WHEN ${DEPTH_SQL} >= 5 OR (${DEPTH_SQL} >= 3 AND ${NET_SQL} / @scale >= 3 AND coalesce(${KNOWN_SQL} <= @quarterAgo, 0)) THEN 'growing'
  ELSE ${MET_OR_NOT} END)`;
