/**
 * A contact's balance traced to its events (`net check`), summed by SQLite over the covering index on the contact's
 * events instead of read row by row: a long relationship has thousands of events, and reading each into an object
 * and summing them in JavaScript was most of what `net check` did on them.
 */
import type { BalanceBreakdown, BalanceLine } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import { toEpochScale } from '../core/summary.js';
import { DEPOSIT_SQL, SCALE_SQL } from './event-weights.js';
import type { Store } from './store.js';

const TYPES = ['gave', 'touch', 'ask', 'received'] as const;
/** What each type counts (core: toBalanceWeight's size; what they gave the user, its value). */
const WEIGHT_SQL = `CASE type WHEN 'touch' THEN ${DEPOSIT_SQL} ELSE coalesce(value, 0) END`;

/*
 * One pass over the contact's events in the index, grouped by type: each event's weight is worked out once, and each
 * type's line has three sums. A pivot in one row (a sum for each type and figure, each testing the type) made every
 * event go through twelve sums: about 35% more of SQLite's time on the busiest contact of the heavy journal (2,836
 * events). total() sums exactly enough that the order of the events within a type does not show.
 */
const FIGURES = `
  SELECT type, count(*) AS count, total(weight) AS points, total(weight * ${SCALE_SQL} / @todayScale) AS faded, max(occurred_on) AS last
  FROM (SELECT type, occurred_on, ${WEIGHT_SQL} AS weight FROM events INDEXED BY events_contact_summary WHERE contact_id = @id)
  GROUP BY type`;

const ASKS_SINCE = `SELECT count(*) FROM events INDEXED BY events_contact_summary WHERE contact_id = @id AND type = 'ask' AND occurred_on >= @since`;

/** The same figures as core's toBalanceBreakdown over the contact's events, to the last digit shown. */
export function readBalanceBreakdown(store: Store, contactId: string, today: IsoDate, halfLifeDays: number): BalanceBreakdown {
  const rows = store.stmt(FIGURES).all({ id: contactId, halfLife: halfLifeDays, todayScale: toEpochScale(today, halfLifeDays) }) as {
    type: string;
    count: number;
    points: number;
    faded: number;
    last: IsoDate;
  }[];
  const of = (t: (typeof TYPES)[number]) => rows.find((r) => r.type === t);
  const line = (t: (typeof TYPES)[number]): BalanceLine => ({ count: of(t)?.count ?? 0, points: of(t)?.points ?? 0, faded: of(t)?.faded ?? 0 });
  const b = { gave: line('gave'), touch: line('touch'), ask: line('ask'), received: line('received') };
  const [lastGave, lastTouch] = [of('gave')?.last ?? '', of('touch')?.last ?? ''];
  const since = lastGave > lastTouch ? lastGave : lastTouch; // the last deposit
  const asksSinceLastDeposit = b.ask.count ? (store.stmt(ASKS_SINCE).pluck().get({ id: contactId, since }) as number) : 0;
  return { ...b, balance: b.gave.faded + b.touch.faded - b.ask.faded, asksSinceLastDeposit, lastReceivedOn: of('received')?.last ?? null };
}
