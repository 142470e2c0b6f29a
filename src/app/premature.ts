/** `net asks --premature` and the report's section: asks made before the relationship was ready, across the network. */
import { addDays, type IsoDate } from '../core/dates.js';
import { LATELY_DAYS, toEarlyHabits, toOutweighed, type EarlyHabit, type Outweighed } from '../core/premature.js';
import { listAsksWithHistory, listMet, listWindowEvents } from '../store/premature.js';
import type { Store } from '../store/store.js';


export interface PrematureResult {
  since: IsoDate;
  until: IsoDate;
  /** Asks made in the window before the relationship was ready, per contact. */
  habits: EarlyHabit[];
  /** Relationships where asks outweigh what the user gave in the last LATELY_DAYS days. */
  outweighed: Outweighed[];
  /** Every ask in the window, premature or not. */
  asks: number;
  latelyDays: number;
}

export function findPrematureAsks(store: Store, input: { since: IsoDate; until: IsoDate }): PrematureResult {
  const asks = listAsksWithHistory(store, input.since, input.until);
  const lately = addDays(input.until, -(LATELY_DAYS - 1));
  const recent = listAsksWithHistory(store, lately, input.until);
  const ids = [...new Set([...asks, ...recent].map((a) => a.contactId))];
  const met = listMet(store, ids);
  const outweighed = toOutweighed(listWindowEvents(store, [...new Set(recent.map((a) => a.contactId))], lately, input.until), met);
  return { since: input.since, until: input.until, habits: toEarlyHabits(asks, met), outweighed, asks: asks.length, latelyDays: LATELY_DAYS };
}
