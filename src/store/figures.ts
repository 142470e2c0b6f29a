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
const WEIGHT: Record<(typeof TYPES)[number], string> = { gave: 'coalesce(value, 0)', touch: DEPOSIT_SQL, ask: 'coalesce(value, 0)', received: 'coalesce(value, 0)' };

/*
 * One pass in the index's order, which is core's canonical order (day, type, kind, value): each line adds its terms
 * in the order toBalanceBreakdown adds them, each term (weight × day's scale) / today's scale as it computes it.
 */
const FIGURES = `
  SELECT ${TYPES.map(
    (t) => `sum(type = '${t}') AS ${t}_count, total(CASE WHEN type = '${t}' THEN ${WEIGHT[t]} END) AS ${t}_points,
    total(CASE WHEN type = '${t}' THEN ${WEIGHT[t]} * ${SCALE_SQL} / @todayScale END) AS ${t}_faded`,
  ).join(',\n    ')},
    max(CASE WHEN type IN ('gave', 'touch') THEN occurred_on END) AS last_deposit,
    max(CASE WHEN type = 'received' THEN occurred_on END) AS last_received
  FROM events INDEXED BY events_contact_summary WHERE contact_id = @id`;

const ASKS_SINCE = `SELECT count(*) FROM events INDEXED BY events_contact_summary WHERE contact_id = @id AND type = 'ask' AND occurred_on >= @since`;

/** The same figures as core's toBalanceBreakdown over the contact's events, to the last digit shown. */
export function readBalanceBreakdown(store: Store, contactId: string, today: IsoDate, halfLifeDays: number): BalanceBreakdown {
  const row = store.stmt(FIGURES).get({ id: contactId, halfLife: halfLifeDays, todayScale: toEpochScale(today, halfLifeDays) }) as Record<string, number | string | null>;
  const line = (t: (typeof TYPES)[number]): BalanceLine => ({ count: Number(row[`${t}_count`] ?? 0), points: Number(row[`${t}_points`]), faded: Number(row[`${t}_faded`]) });
  const b = { gave: line('gave'), touch: line('touch'), ask: line('ask'), received: line('received') };
  const since = (row.last_deposit as IsoDate | null) ?? '';
  const asksSinceLastDeposit = b.ask.count ? (store.stmt(ASKS_SINCE).pluck().get({ id: contactId, since }) as number) : 0;
  return { ...b, balance: b.gave.faded + b.touch.faded - b.ask.faded, asksSinceLastDeposit, lastReceivedOn: (row.last_received as IsoDate | null) ?? null };
}
