/**
 * core's weights of an event (core/summary.ts: TOUCH_DEPOSIT, toBalanceWeight, toEpochScale) written in SQL, for the
 * queries that sum a contact's events in SQLite instead of reading them: written from core's tables, never by hand.
 */
import { DECAY_EPOCH, TOUCH_DEPOSIT } from '../core/summary.js';

/** A touchpoint's deposit by channel (TOUCH_DEPOSIT; another channel 0.5, as toBalanceWeight says). */
export const DEPOSIT_SQL = `CASE kind ${Object.entries(TOUCH_DEPOSIT)
  .map(([k, v]) => `WHEN '${k}' THEN ${v}`)
  .join(' ')} ELSE 0.5 END`;

/** toEpochScale(occurred_on, @halfLife): the factor that puts an event's weight on the stored scale. */
export const SCALE_SQL = `pow(2, (julianday(occurred_on) - julianday('${DECAY_EPOCH}')) / @halfLife)`;
