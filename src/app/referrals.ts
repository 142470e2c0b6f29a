/** `net referrals`: the referrals given and received, with their status, age and amount. */
import { daysBetween, type IsoDate } from '../core/dates.js';
import type { ReferralDirection } from '../core/referrals.js';
import { listReferrals, type ReferralRow } from '../store/referrals.js';
import type { Store } from '../store/store.js';

export interface ReferralsInput {
  openOnly: boolean;
  direction?: ReferralDirection;
  since?: IsoDate;
}

export interface ReferralEntry extends ReferralRow {
  /** Days since it was logged. */
  ageDays: number;
}

export interface ReferralTotals {
  count: number;
  open: number;
  contacted: number;
  won: number;
  lost: number;
  /** The business the won ones closed. */
  amountWon: number;
}

export interface ReferralsResult {
  referrals: ReferralEntry[];
  totals: ReferralTotals;
}

export function listReferralEntries(store: Store, input: ReferralsInput, today: IsoDate): ReferralsResult {
  const rows = listReferrals(store, input);
  const totals: ReferralTotals = { count: rows.length, open: 0, contacted: 0, won: 0, lost: 0, amountWon: 0 };
  for (const r of rows) {
    if (r.status === 'open' || r.status === 'contacted' || r.status === 'won' || r.status === 'lost') totals[r.status]++;
    if (r.status === 'won') totals.amountWon += r.amount ?? 0;
  }
  totals.amountWon = Math.round(totals.amountWon * 100) / 100;
  return { referrals: rows.map((r) => ({ ...r, ageDays: daysBetween(r.date, today) })), totals };
}
