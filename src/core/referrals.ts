/**
 * Referral outcomes. A referral the user gave or received starts `open`; it moves on to `contacted` (the prospect
 * was reached), then `won` (business closed, with an amount) or `lost`. The amount is reported, never scored: the
 * value the user gave the referral (1..5) stays what it is worth to the relationship, as a gesture.
 */
import { UsageError } from './errors.js';
import { toThousands } from './numbers.js';

export const REFERRAL_STATUSES = ['open', 'contacted', 'won', 'lost'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
/** What `net referral --status` can move a referral to. */
export const REFERRAL_UPDATES = ['contacted', 'won', 'lost'] as const;
export type ReferralUpdate = (typeof REFERRAL_UPDATES)[number];
/** Still waiting for an outcome. */
export const UNRESOLVED_STATUSES: readonly ReferralStatus[] = ['open', 'contacted'];

export type ReferralDirection = 'given' | 'received';

/** The event types that carry a referral, and the direction each stands for. */
export const REFERRAL_DIRECTION = { gave: 'given', received: 'received' } as const;

/** A referral given and still unresolved this many days after its last change: ask how it went. */
export const REFERRAL_CHECK_DAYS = 21;
/** Past this, an unresolved referral is left to `net referrals --open` rather than `net due`. */
export const REFERRAL_CHECK_UNTIL_DAYS = 180;

export const isUnresolved = (status: string | null | undefined): boolean => status === 'open' || status === 'contacted';

export function parseReferralStatus(text: string): ReferralUpdate {
  const word = text.trim().toLowerCase();
  const found = REFERRAL_UPDATES.find((s) => s === word);
  if (!found) throw new UsageError(`unknown status "${text}"`, `--status takes one of: ${REFERRAL_UPDATES.join(', ')}`);
  return found;
}

/** `--amount 1200`, `1,200.50`: the business a referral closed, in the user's own currency. */
export function parseAmount(text: string): number {
  const t = text.trim().replace(/,(?=\d{3}\b)/g, '');
  const n = Number(t);
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(t) || !(n > 0)) {
    throw new UsageError(`amount "${text}" is not a positive number`, 'give the business it closed as a number, for example --amount 1200 or --amount 350.50');
  }
  return n;
}

/** The first 8 characters of an id: what `net show` and `net referrals` print, and `--id` accepts. */
export const toShortId = (id: string): string => id.slice(0, 8);

/** The smallest prefix `--id` accepts: shorter ones would too often match several referrals. */
export const MIN_ID_PREFIX = 4;

/** "1,200" or "350.50": amounts as the user wrote them, grouped by thousands. */
export function formatAmount(n: number): string {
  const whole = Number.isInteger(n);
  return toThousands(n, whole ? 0 : 2);
}
