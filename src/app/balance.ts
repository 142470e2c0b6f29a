/** `net balance`: every contact's standing (balance, depth, stage) and the shape of the network. */
import { STAGES, toNetworkShape, toStanding, type NetworkShape, type Stage, type Standing } from '../core/capital.js';
import type { IsoDate } from '../core/dates.js';
import { countStages, listStandingPage } from '../store/capital.js';
import type { Store } from '../store/store.js';

export const BALANCE_SORTS = ['balance', 'depth', 'last', 'name'] as const;
export type BalanceSort = (typeof BALANCE_SORTS)[number];

export interface BalanceInput {
  sort: BalanceSort;
  limit?: number;
  tag?: string;
}

export interface BalanceEntry {
  id: string;
  name: string;
  lastTouch: IsoDate | null;
  standing: Standing;
}

export interface BalanceResult {
  entries: BalanceEntry[];
  /** How many contacts the counts cover (all, or those with the tag), before --limit. */
  total: number;
  stages: Record<Stage, number>;
  shape: NetworkShape;
  halfLifeDays: number;
  /** With a tag, nobody counted: the tag, when no contact has it at all (a mistyped tag, as net due says). */
  unusedTag?: string;
}

/**
 * Reads only the contacts' summary columns, never their events: SQLite counts the stages and sorts the page, calling
 * the pure standing functions as SQL functions (store/capital.ts).
 */
export function listBalances(store: Store, input: BalanceInput, today: IsoDate): BalanceResult {
  const halfLifeDays = store.halfLifeDays();
  const stages = countStages(store, { today, halfLifeDays, tag: input.tag });
  const rows = listStandingPage(store, { order: input.sort, today, limit: input.limit, tag: input.tag });
  const total = STAGES.reduce((n, s) => n + stages[s], 0);
  return {
    entries: rows.map((r) => ({ id: r.id, name: r.name, lastTouch: r.lastTouchOn, standing: toStanding(r, today, halfLifeDays) })),
    total,
    stages,
    shape: toNetworkShape(stages),
    halfLifeDays,
    // Asked only when nobody has the tag (one indexed look-up): a tag no contact has is said so, not "add one".
    ...(total === 0 && input.tag !== undefined && !store.hasTag(input.tag) && { unusedTag: input.tag }),
  };
}
