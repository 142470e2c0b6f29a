/**
 * `net due` reads one row per contact from the summary columns, never events. SQLite counts who is due with the rules
 * of core/due.ts written as SQL, and hands JavaScript only the contacts that could make the page, for core to score.
 */
import { addDays, type IsoDate } from '../core/dates.js';
import { STAGE_CADENCE_DAYS } from '../core/capital.js';
import { NEVER_MET_FROM_DAYS, NEVER_MET_UNTIL_DAYS, OPEN_ASK_DAYS, OPEN_ASK_FULL_DAYS, RECEIVED_WINDOW_DAYS, toDueScore, type DueContact } from '../core/due.js';
import { MET_SQL, NET_SQL, REF_JD_SQL, STAGE_SQL, toStandingParams } from './standing-sql.js';
import { DEFAULT_DATE_WINDOW_DAYS, toMonthDaysAhead } from '../core/important-dates.js';
import { REFERRAL_CHECK_DAYS, REFERRAL_CHECK_UNTIL_DAYS } from '../core/referrals.js';
import type { Store } from './store.js';

/** The columns read, in the order of toDueContact. */
const COLUMNS = `id, name, every_days, snoozed_until, met_on, created_at, first_event_on, last_touch_on, touch_count, give_count,
  invested, withdrawn, last_received_on, open_ask_on, next_follow_up_on, recent_touch_gap, service_count, family_count, goal_count, answers_yes,
  birthday, won_referral_on, referral_check_on, important_dates`;

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
 * Who is due, term by term, exactly as core/due.ts scores above zero: a follow-up due; something received in the last
 * 60 days and not acknowledged; an ask waiting more than 14 days; a referral they gave marked won and not thanked; a
 * referral the user gave 22 to 180 days without news; added 7 to 60 days ago and not met; a birthday or date within the
 * window; or, with no follow-up planned ahead, the cadence passed or a deep or growing relationship going cold (half
 * a cadence without a touch). The stage is worked out (store/standing-sql.ts) only where the cadence depends on it:
 * 15 to 90 days since the last touch, or half an own cadence with a positive balance.
 */
const SINCE = `(@jd - ${REF_JD_SQL})`;
const PLANNED = 'coalesce(next_follow_up_on > @day, 0)';
const IN_WINDOW = 'IN (SELECT value FROM json_each(@monthDays))';
const HAS_DATE_IN_WINDOW = `(substr(birthday, -5) ${IN_WINDOW} OR id IN (SELECT contact_id FROM dates WHERE substr(date, -5) ${IN_WINDOW}))`;
/** The terms that come and go: a received gift's 60 days, a referral's check, a new contact's first weeks, a date. */
const PASSING_DUE = `((last_received_on >= @receivedSince AND last_received_on <= @day AND NOT coalesce(last_touch_on >= last_received_on, 0))
  OR (referral_check_on >= @checkSince AND referral_check_on < @checkBefore)
  OR (created_at >= @addedSince AND created_at < @addedBefore AND ${MET_SQL} = 0 AND NOT ${PLANNED})
  OR ${HAS_DATE_IN_WINDOW})`;
/** Every term but the cadence's: the passing ones, and those that last (a follow-up due, an ask past 14 days, a thank-you). */
const EVENT_DUE = `(next_follow_up_on <= @day OR open_ask_on < @askBefore
  OR (won_referral_on <= @day AND NOT coalesce(last_touch_on >= won_referral_on, 0)) OR ${PASSING_DUE})`;
const CLOSE = `${STAGE_SQL} IN ('deep', 'growing')`;
const cadenceDue = (stage: 'deep' | 'growing', days: number) => `WHEN '${stage}' THEN ${SINCE} > ${days} OR (${SINCE} * 2 >= ${days} AND ${NET_SQL} > 0)`;
const PACE_DUE = `(CASE
  WHEN ${PLANNED} THEN 0
  WHEN every_days IS NOT NULL THEN (every_days > 0 AND ${SINCE} > every_days) OR (${SINCE} * 2 >= every_days AND ${NET_SQL} > 0 AND ${CLOSE})
  WHEN ${SINCE} > ${STAGE_CADENCE_DAYS.acquaintance} THEN ${MET_SQL} = 1 OR ${CLOSE}
  WHEN ${SINCE} * 2 < ${STAGE_CADENCE_DAYS.deep} THEN 0
  ELSE CASE ${STAGE_SQL} ${cadenceDue('deep', STAGE_CADENCE_DAYS.deep!)} ${cadenceDue('growing', STAGE_CADENCE_DAYS.growing!)}
    WHEN 'acquaintance' THEN ${SINCE} > ${STAGE_CADENCE_DAYS.acquaintance} ELSE 0 END
  END)`;
/*
 * Within a cap, the most each contact could score on the day: the follow-up, received, ask terms exactly, the cadence
 * as if it were the shortest it can be (own, else 30 days), and the others at their weight. Only contacts whose bound
 * reaches the last of the page so far are handed to core. Read from the cap's index, like the cap.
 */
const DUE_BOUND_SQL = `(CASE WHEN next_follow_up_on <= @day THEN 12 * min(1, 0.75 + 0.25 * min(@jd - julianday(next_follow_up_on), 14) / 14) ELSE 0 END
  + CASE WHEN ${PLANNED} THEN 0
      WHEN ${SINCE} > coalesce(every_days, ${STAGE_CADENCE_DAYS.deep}) THEN 6 * (${SINCE} - coalesce(every_days, ${STAGE_CADENCE_DAYS.deep})) / ${SINCE} + 1
      ELSE 1 END
  + 2
  + CASE WHEN last_received_on >= @receivedSince AND last_received_on <= @day AND NOT coalesce(last_touch_on >= last_received_on, 0)
      THEN 4 * (1 - 0.5 * (@jd - julianday(last_received_on)) / ${RECEIVED_WINDOW_DAYS}) ELSE 0 END
  + CASE WHEN open_ask_on < @askBefore THEN 3 * min(1, 0.5 + 0.5 * (@jd - julianday(open_ask_on) - ${OPEN_ASK_DAYS}) / (${OPEN_ASK_FULL_DAYS} - ${OPEN_ASK_DAYS})) ELSE 0 END
  + 5 * coalesce(won_referral_on > coalesce(last_touch_on, ''), 0) + 2 * (referral_check_on IS NOT NULL)
  + 3 * (birthday IS NOT NULL OR important_dates IS NOT NULL))`;
/** Rounding in SQL and in JavaScript may differ in the last bits: the bound is trusted only beyond this. */
const BOUND_MARGIN = 1e-6;

const NOT_SNOOZED = '(snoozed_until IS NULL OR snoozed_until <= @day)';
const TAGGED = "id IN (SELECT contact_id FROM facts WHERE kind = 'tag' AND text_key = @tag)";
/** Written without the tag test when there is no tag: a reference to `id` would send every count to the table rows. */
const listed = (tag: string | undefined) => (tag === undefined ? NOT_SNOOZED : `${NOT_SNOOZED} AND ${TAGGED}`);

/*
 * The most urgent few without scoring everyone: no contact's urgency can exceed its cap, the sum of the weights of the
 * terms its row allows at all (a cadence and going cold always; a follow-up only with one planned; a thank-you only
 * for a won referral not yet thanked; …). Migration 6 indexes this very expression, so SQLite hands over the contacts
 * one cap at a time, highest first, and core scores them; once the last of the page scores above the next cap, nobody
 * left can reach the page. With the bound below, on 50,000 contacts core scores about 200 of the 38,000 due.
 */
const DUE_CAP_SQL = `(8 + 12 * (next_follow_up_on IS NOT NULL) + 4 * coalesce(last_received_on > coalesce(last_touch_on, ''), 0)
  + 3 * (open_ask_on IS NOT NULL) + (touch_count = 0 AND give_count = 0 AND met_on IS NULL)
  + 5 * coalesce(won_referral_on > coalesce(last_touch_on, ''), 0) + 2 * (referral_check_on IS NOT NULL)
  + 3 * (birthday IS NOT NULL OR important_dates IS NOT NULL))`;

/*
 * The day from which a contact stays due, whatever day it is: a follow-up's day; an ask's fifteenth day; a won referral
 * not yet thanked; or, with no follow-up planned, the cadence passed for good (an own cadence, else 90 days after the
 * last touch of someone met: no stage waits longer). Migration 6 indexes it, so the count reads most of the due from
 * the index and works the rules out only for the rest.
 */
const DUE_FROM_SQL = `min(coalesce(next_follow_up_on, '9999-12-31'), coalesce(date(open_ask_on, '+15 days'), '9999-12-31'),
  CASE WHEN won_referral_on > coalesce(last_touch_on, '') THEN won_referral_on ELSE '9999-12-31' END,
  CASE WHEN next_follow_up_on IS NOT NULL THEN '9999-12-31'
    WHEN every_days > 0 THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+' || (every_days + 1) || ' days')
    WHEN every_days IS NULL AND (touch_count > 0 OR give_count > 0 OR met_on IS NOT NULL) THEN date(coalesce(last_touch_on, met_on, substr(created_at, 1, 10)), '+91 days')
    ELSE '9999-12-31' END)`;

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

function toDueParams(filter: DueFilter & { halfLifeDays: number }) {
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
  };
}

interface Ranked {
  contact: DueContact;
  score: number;
  nameKey: string;
}

/** Most urgent first; equal urgency by name, then id, as SQLite orders text. */
const byUrgency = (a: Ranked, b: Ranked) => b.score - a.score || (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : a.contact.id < b.contact.id ? -1 : 1);

/** The most urgent contacts on the day (at most `limit`; all without one) and how many are due in all. */
export function listDueContacts(store: Store, filter: DueFilter & { halfLifeDays: number; limit?: number }): DuePage {
  const params = toDueParams(filter);
  const dateWindow = filter.dateWindowDays ?? DEFAULT_DATE_WINDOW_DAYS;
  const where = listed(filter.tag);
  const dueForGood = store.stmt(`SELECT count(*) FROM contacts WHERE ${DUE_FROM_SQL} <= @day AND ${where}`).pluck().get(params) as number;
  // Not due for good: only the passing terms and the cadence can make them due today.
  const dueToday = store.stmt(`SELECT count(*) FROM contacts WHERE ${DUE_FROM_SQL} > @day AND ${where} AND (${PASSING_DUE} OR ${PACE_DUE})`).pluck().get(params) as number;
  const total = dueForGood + dueToday;
  const score = (rows: unknown[][], into: Ranked[]) => {
    for (const r of rows) {
      const contact = toDueContact(r as RawRow);
      const s = toDueScore(contact, filter.day, filter.halfLifeDays, dateWindow);
      if (s > 0) into.push({ contact, score: s, nameKey: r[COLUMN_COUNT] as string });
    }
  };
  const ranked: Ranked[] = [];
  if (filter.limit === undefined) {
    score(store.stmt(`SELECT ${COLUMNS}, name_key FROM contacts WHERE ${where} AND (${EVENT_DUE} OR ${PACE_DUE})`).raw().all(params) as unknown[][], ranked);
    return { contacts: ranked.sort(byUrgency).map((r) => r.contact), total };
  }
  const limit = filter.limit;
  const nextCap = store.stmt(`SELECT max(${DUE_CAP_SQL}) FROM contacts WHERE ${DUE_CAP_SQL} < @below`).pluck();
  // The name is not in the cap's index: the contacts are scored with their name key in its place, and named at the end.
  const withCap = store
    .stmt(`SELECT ${COLUMNS.replace('name,', 'name_key,')}, name_key FROM contacts WHERE ${DUE_CAP_SQL} = @cap AND ${where} AND ${DUE_BOUND_SQL} + ${BOUND_MARGIN} >= @floor`)
    .raw();
  for (let cap = nextCap.get({ below: Number.MAX_SAFE_INTEGER }) as number | null; cap !== null; cap = nextCap.get({ below: cap }) as number | null) {
    if (ranked.length >= limit && ranked[limit - 1]!.score > cap) break;
    score(withCap.all({ ...params, cap, floor: ranked.length >= limit ? ranked[limit - 1]!.score : 0 }) as unknown[][], ranked);
    ranked.sort(byUrgency).splice(limit);
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
    .iterate({ tag: filter.tag === undefined ? null : filter.tag.toLowerCase() }) as IterableIterator<RawRow>;
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
