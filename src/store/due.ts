/**
 * `net due` reads one row per contact from the summary columns, never events. The WHERE keeps every contact that one
 * of the terms in core/due.ts could list as of the day (a superset: core scores and drops the rest), so that a journal
 * of 50,000 contacts hands only the few thousand that may be due to JavaScript.
 */
import { addDays, type IsoDate } from '../core/dates.js';
import { STAGE_CADENCE_DAYS } from '../core/capital.js';
import { NEVER_MET_FROM_DAYS, NEVER_MET_UNTIL_DAYS, OPEN_ASK_DAYS, RECEIVED_WINDOW_DAYS, toDueScore, type DueContact } from '../core/due.js';
import { DEFAULT_DATE_WINDOW_DAYS, toMonthDaysAhead } from '../core/important-dates.js';
import { REFERRAL_CHECK_DAYS, REFERRAL_CHECK_UNTIL_DAYS } from '../core/referrals.js';
import type { Store } from './store.js';

/** The columns read, in the order of toDueContact. */
const COLUMNS = `id, name, every_days, snoozed_until, met_on, created_at, first_event_on, last_touch_on, touch_count, give_count,
  invested, withdrawn, last_received_on, open_ask_on, next_follow_up_on, recent_touch_gap, service_count, family_count, goal_count, answers_yes,
  birthday, won_referral_on, referral_check_on, important_dates`;

/** The same columns but the first two (id, name), as the score function's arguments. */
const SCORE_ARGS = COLUMNS.replace(/^id, name,/, '');
const COLUMN_COUNT = 24;

type RawRow = [
  string, string, number | null, string | null, string | null, string, string | null, string | null, number, number, number, number, string | null, string | null, string | null, number | null, number, number, number, number,
  string | null, string | null, string | null, string | null,
];

function toDueContact(r: RawRow): DueContact {
  return {
    id: r[0],
    name: r[1],
    everyDays: r[2],
    snoozedUntil: r[3],
    metOn: r[4],
    createdAt: r[5],
    firstEventOn: r[6],
    lastTouchOn: r[7],
    touchCount: r[8],
    giveCount: r[9],
    invested: r[10],
    withdrawn: r[11],
    lastReceivedOn: r[12],
    openAskOn: r[13],
    nextFollowUpOn: r[14],
    recentTouchGap: r[15],
    serviceCount: r[16],
    familyCount: r[17],
    goalCount: r[18],
    answersYes: r[19],
    birthday: r[20],
    wonReferralOn: r[21],
    referralCheckOn: r[22],
    importantDates: r[23],
  };
}

/*
 * The WHERE, term by term: a follow-up due; something received in the window and not acknowledged; an open ask past
 * 14 days; added in the never-met window and not met; or, with no follow-up planned ahead, past the shortest cadence
 * (or half of it, for going cold) that the contact could have. Without a cadence of their own that is 90 days for
 * anyone met, half of 45 if the relationship could be growing, half of 30 if it could be deep, judged by an upper
 * bound of the checklist depth (core/due.ts toDepthUpperBound). Only the rows that pass reach net_due_score, the
 * scoring of core/due.ts registered as an SQL function, so that SQLite ranks and limits them and only the rows shown
 * come back to JavaScript.
 */
const CANDIDATES = `
  WITH base AS (
    SELECT rowid AS r, ${COLUMNS}, name_key,
      COALESCE(last_touch_on, met_on, substr(created_at, 1, 10)) AS ref,
      (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL) AS met,
      (COALESCE(min(COALESCE(met_on, first_event_on), COALESCE(first_event_on, met_on)), @day) <= @yearAgo) AS known_a_year,
      answers_yes + (service_count >= 3) + (family_count >= 1) + (goal_count >= 5) + 1
        + (COALESCE(min(COALESCE(met_on, first_event_on), COALESCE(first_event_on, met_on)), @day) <= @yearAgo) AS depth_ub
    FROM contacts
    WHERE (snoozed_until IS NULL OR snoozed_until <= @day)
      AND (@tag IS NULL OR id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag))
  ), scored AS MATERIALIZED (
    SELECT r, name_key, id, net_due_score(@day, @halfLife, @dateWindow, ${SCORE_ARGS}) AS score FROM base
    WHERE next_follow_up_on <= @day
      OR (won_referral_on <= @day AND (last_touch_on IS NULL OR last_touch_on < won_referral_on))
      OR (referral_check_on >= @checkSince AND referral_check_on < @checkBefore)
      OR substr(birthday, -5) IN (SELECT value FROM json_each(@monthDays))
      OR id IN (SELECT contact_id FROM dates WHERE substr(date, -5) IN (SELECT value FROM json_each(@monthDays)))
      OR (last_received_on > @receivedSince AND last_received_on <= @day AND (last_touch_on IS NULL OR last_touch_on < last_received_on))
      OR open_ask_on < @askBefore
      OR (created_at >= @addedSince AND created_at < @addedBefore AND NOT met)
      OR ((next_follow_up_on IS NULL OR next_follow_up_on <= @day) AND (
        CASE WHEN every_days IS NULL THEN ref <= @deepHalf AND (
            (met AND ref < @acquaintanceOver)
            OR (ref <= @growingHalf AND depth_ub >= 3)
            OR (known_a_year AND depth_ub >= 10))
          ELSE 2 * (julianday(@day) - julianday(ref)) >= every_days END))
  )
  SELECT ${COLUMNS.replace(/(\w+)/g, 'c.$1')}, (SELECT count(*) FROM scored WHERE score > 0) AS total
  FROM (SELECT r, score, name_key, id FROM scored WHERE score > 0 ORDER BY score DESC, name_key, id LIMIT @limit) top
  JOIN contacts c ON c.rowid = top.r
  ORDER BY top.score DESC, top.name_key, top.id`;

const registered = new WeakSet<object>();

/** core/due.ts's toDueScore as a deterministic SQL function of the day, the half-life and the summary columns. */
function registerScore(store: Store): void {
  if (registered.has(store.db)) return;
  // Named parameters rather than a rest array: this runs once per candidate row.
  const score = (
    day: string,
    halfLife: number,
    dateWindow: number,
    everyDays: number | null,
    snoozedUntil: string | null,
    metOn: string | null,
    createdAt: string,
    firstEventOn: string | null,
    lastTouchOn: string | null,
    touchCount: number,
    giveCount: number,
    invested: number,
    withdrawn: number,
    lastReceivedOn: string | null,
    openAskOn: string | null,
    nextFollowUpOn: string | null,
    recentTouchGap: number | null,
    serviceCount: number,
    familyCount: number,
    goalCount: number,
    answersYes: number,
    birthday: string | null,
    wonReferralOn: string | null,
    referralCheckOn: string | null,
    importantDates: string | null,
  ) =>
    toDueScore(
      // prettier-ignore
      { id: '', name: '', everyDays, snoozedUntil, metOn, createdAt, firstEventOn, lastTouchOn, touchCount, giveCount, invested, withdrawn, lastReceivedOn, openAskOn, nextFollowUpOn, recentTouchGap, serviceCount, familyCount, goalCount, answersYes, birthday, wonReferralOn, referralCheckOn, importantDates },
      day,
      halfLife,
      dateWindow,
    );
  store.db.function('net_due_score', { deterministic: true }, score);
  registered.add(store.db);
}

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

/** The most urgent contacts on the day (at most `limit`; all without one) and how many are due in all. */
export function listDueContacts(store: Store, filter: DueFilter & { halfLifeDays: number; limit?: number }): DuePage {
  registerScore(store);
  const day = filter.day;
  const rows = store
    .stmt(CANDIDATES)
    .raw()
    .all({
      day,
      halfLife: filter.halfLifeDays,
      dateWindow: filter.dateWindowDays ?? DEFAULT_DATE_WINDOW_DAYS,
      monthDays: JSON.stringify(toMonthDaysAhead(day, filter.dateWindowDays ?? DEFAULT_DATE_WINDOW_DAYS)),
      checkSince: addDays(day, -REFERRAL_CHECK_UNTIL_DAYS),
      checkBefore: addDays(day, -REFERRAL_CHECK_DAYS),
      limit: filter.limit ?? -1,
      tag: filter.tag === undefined ? null : filter.tag.toLowerCase(),
      yearAgo: addDays(day, -365),
      receivedSince: addDays(day, -RECEIVED_WINDOW_DAYS - 1),
      askBefore: addDays(day, -OPEN_ASK_DAYS),
      // created_at is a timestamp: compare against day boundaries as strings.
      addedSince: addDays(day, -NEVER_MET_UNTIL_DAYS),
      addedBefore: addDays(day, -NEVER_MET_FROM_DAYS + 1),
      deepHalf: addDays(day, -Math.ceil(STAGE_CADENCE_DAYS.deep! / 2)),
      growingHalf: addDays(day, -Math.ceil(STAGE_CADENCE_DAYS.growing! / 2)),
      acquaintanceOver: addDays(day, -STAGE_CADENCE_DAYS.acquaintance!),
    }) as [...RawRow, number][];
  return { contacts: rows.map((r) => toDueContact(r as unknown as RawRow)), total: rows.length ? rows[0]![COLUMN_COUNT]! : 0 };
}

/** Every contact with a cadence of their own or one that may come from their stage, for the calendar. */
export function listCalendarContacts(store: Store, filter: Omit<DueFilter, 'day'>): DueContact[] {
  const rows = store
    .stmt(
      `SELECT ${COLUMNS} FROM contacts
       WHERE (every_days IS NOT NULL OR touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL)
         AND (@tag IS NULL OR id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag))`,
    )
    .raw()
    .all({ tag: filter.tag === undefined ? null : filter.tag.toLowerCase() }) as RawRow[];
  return rows.map(toDueContact);
}

export interface OpenFollowUp {
  id: string;
  contactId: string;
  name: string;
  dueOn: IsoDate;
  note: string | null;
}

/** Open follow-ups with their contact's name, earliest first. */
export function listOpenFollowUps(store: Store, filter: Omit<DueFilter, 'day'>): OpenFollowUp[] {
  return store
    .stmt(
      `SELECT f.id, f.contact_id AS contactId, c.name, f.due_on AS dueOn, f.note FROM follow_ups f JOIN contacts c ON c.id = f.contact_id
       WHERE f.done_on IS NULL
         AND (@tag IS NULL OR f.contact_id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag))
       ORDER BY f.due_on, c.name_key`,
    )
    .all({ tag: filter.tag === undefined ? null : filter.tag.toLowerCase() }) as OpenFollowUp[];
}
