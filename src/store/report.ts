/**
 * The look-back report's SQL: counts per week and type, referral outcomes, the people who gave most, and one row per
 * contact with what its standing was built from at the start of the window. Everything is aggregated by SQLite: a
 * journal of 200,000 events hands JavaScript a few dozen counts and one row per contact.
 */
import { STANDING_FIELDS, type StandingInputs } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import { toRecentTouchGap } from '../core/summary.js';
import { DEPOSIT_SQL, SCALE_SQL } from './event-weights.js';
import { toColumn, toRowReader } from './rows.js';
import type { Store } from './store.js';

export interface Window {
  since: IsoDate;
  until: IsoDate;
}

/** How many events of each type in each week (week 0 starts on `since`). */
export function countActivityByWeek(store: Store, w: Window): { week: number; type: string; n: number }[] {
  return store
    .stmt(
      `SELECT CAST((julianday(occurred_on) - julianday(@since)) / 7 AS INTEGER) AS week, type, count(*) AS n
       FROM events WHERE occurred_on >= @since AND occurred_on <= @until GROUP BY week, type ORDER BY week, type`,
    )
    .all(w) as { week: number; type: string; n: number }[];
}

export interface ReferralCounts {
  /** 'gave' or 'received' */
  type: string;
  logged: number;
  stillOpen: number;
  won: number;
  lost: number;
  amountWon: number;
}

/** Referrals logged in the window (and how many of those are still open), and those won or lost in it. */
export function countReferrals(store: Store, w: Window): ReferralCounts[] {
  return store
    .stmt(
      `SELECT type,
         sum(occurred_on >= @since) AS logged,
         sum(occurred_on >= @since AND status IN ('open', 'contacted')) AS stillOpen,
         sum(status = 'won' AND status_on >= @since AND status_on <= @until) AS won,
         sum(status = 'lost' AND status_on >= @since AND status_on <= @until) AS lost,
         total(CASE WHEN status = 'won' AND status_on >= @since AND status_on <= @until THEN amount END) AS amountWon
       FROM events
       WHERE status IS NOT NULL AND kind = 'referral' AND type IN ('gave', 'received') AND occurred_on <= @until
         AND (occurred_on >= @since OR status_on >= @since)
       GROUP BY type ORDER BY type`,
    )
    .all(w) as ReferralCounts[];
}

export interface StandingPair {
  id: string;
  name: string;
  nameKey: string;
  /** Added after the window began. */
  isNew: boolean;
  /** What the standing was read from at the start of the window (as of `since`). */
  before: StandingInputs;
  /** The summary columns today. */
  now: StandingInputs;
}

/*
 * Before the window: what the summary columns hold today, less what the window's events added (so that only the
 * events of the window are read, through the index on day and type), the first event and the met date if they came
 * before it, facts recorded and yes answers given before it, the follow-up then planned, and the last touch and last
 * three touchpoints before it (a few index steps per contact). The contact's own cadence is today's: the journal
 * does not keep its history.
 */
/** Each standing input as it was at the start of the window. */
const BEFORE: Record<(typeof STANDING_FIELDS)[number], string> = {
  invested: 'max(0, c.invested - COALESCE(win.invested, 0))',
  withdrawn: 'max(0, c.withdrawn - COALESCE(win.withdrawn, 0))',
  received: '0', // a stage does not depend on it: 0 at both ends of the window
  touchCount: 'c.touch_count - COALESCE(win.touches, 0)',
  giveCount: 'c.give_count - COALESCE(win.gives, 0)',
  metOn: 'CASE WHEN c.met_on < @since THEN c.met_on END',
  firstEventOn: 'CASE WHEN c.first_event_on < @since THEN c.first_event_on END',
  serviceCount: "(SELECT count(*) FROM facts f WHERE f.contact_id = c.id AND f.kind = 'service' AND f.created_at < @since)",
  familyCount: "(SELECT count(*) FROM facts f WHERE f.contact_id = c.id AND f.kind = 'family' AND f.created_at < @since)",
  goalCount: "(SELECT count(*) FROM facts f WHERE f.contact_id = c.id AND f.kind = 'goal' AND f.created_at < @since)",
  everyDays: 'c.every_days',
  // The days of the last three touchpoints: listStandingPairs reads the gap from them.
  recentTouchGap:
    "(SELECT group_concat(occurred_on) FROM (SELECT occurred_on FROM events e WHERE e.contact_id = c.id AND e.type = 'touch' AND e.occurred_on < @since ORDER BY e.occurred_on DESC LIMIT 3))",
  lastTouchOn: "(SELECT max(occurred_on) FROM events e WHERE e.contact_id = c.id AND e.type IN ('touch', 'gave') AND e.occurred_on < @since)",
  nextFollowUpOn: '(SELECT min(due_on) FROM follow_ups u WHERE u.contact_id = c.id AND u.scheduled_on < @since AND (u.done_on IS NULL OR u.done_on >= @since))',
  answersYes: '(SELECT count(*) FROM answers a WHERE a.contact_id = c.id AND a.answer = 1 AND a.answered_on < @since)',
};
const PAIRS = `
  WITH win AS (
    SELECT contact_id,
      total(CASE type WHEN 'touch' THEN ${DEPOSIT_SQL} WHEN 'gave' THEN value END * ${SCALE_SQL}) AS invested,
      total(CASE WHEN type = 'ask' THEN value END * ${SCALE_SQL}) AS withdrawn,
      sum(type = 'touch') AS touches, sum(type = 'gave') AS gives
    FROM events INDEXED BY events_day_type WHERE occurred_on >= @since GROUP BY contact_id
  )
  SELECT c.id, c.name, c.name_key, c.created_at >= @since AS is_new,
    ${STANDING_FIELDS.map((f) => BEFORE[f]).join(',\n    ')},
    ${STANDING_FIELDS.map((f) => (f === 'received' ? '0' : `c.${toColumn(f)}`)).join(', ')}
  FROM contacts c LEFT JOIN win ON win.contact_id = c.id
  ORDER BY c.name_key, c.id`;

const toInputs = toRowReader(STANDING_FIELDS);
const INPUTS = STANDING_FIELDS.length;
const GAP = STANDING_FIELDS.indexOf('recentTouchGap');

/** One row per contact: its standing inputs at the start of the window and today. */
export function listStandingPairs(store: Store, since: IsoDate, halfLifeDays: number): StandingPair[] {
  const rows = store.stmt(PAIRS).raw().all({ since, halfLife: halfLifeDays }) as unknown[][];
  return rows.map((r) => {
    const before = r.slice(4, 4 + INPUTS);
    // The last three touchpoints' days, as summarize reads them: the longest gap between them.
    before[GAP] = toRecentTouchGap(before[GAP] ? String(before[GAP]).split(',') : []);
    return { id: r[0] as string, name: r[1] as string, nameKey: r[2] as string, isNew: Number(r[3]) === 1, before: toInputs(before), now: toInputs(r.slice(4 + INPUTS)) };
  });
}
