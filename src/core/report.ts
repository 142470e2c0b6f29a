/**
 * The look-back report's pure parts: weeks of the window, sparklines, and how a relationship moved between the start
 * of the window and today. The figures come from SQL aggregates (store/report.ts); nothing here reads events.
 */
import { STAGES, type Stage } from './capital.js';
import { addDays, daysBetween, type IsoDate } from './dates.js';
import { maxOf } from './numbers.js';

/** The window when `--since` is left out. */
export const DEFAULT_REPORT_DAYS = 90;
/** How many names each list of the report shows. */
export const REPORT_LIST_LIMIT = 10;
/** How many gifts to thank for the report lists, latest first. */
export const GIFTS_TO_THANK = 10;

export const ACTIVITY_TYPES = ['gave', 'touch', 'ask', 'received'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** Week 0 starts on `since`; the last week ends on `until` and may be shorter. */
export function toWeekStarts(since: IsoDate, until: IsoDate): IsoDate[] {
  const weeks = Math.floor(daysBetween(since, until) / 7) + 1;
  return Array.from({ length: Math.max(1, weeks) }, (_, i) => addDays(since, i * 7));
}

const BLOCKS = '▁▂▃▄▅▆▇█';

/** One character a week: `·` for none, then ▁ … █ by the share of the busiest week (readable without colour). */
export function toSparkline(counts: readonly number[]): string {
  const max = maxOf(counts, 0);
  return counts.map((n) => (n <= 0 ? '·' : BLOCKS[Math.min(7, Math.max(0, Math.ceil((n / max) * 8) - 1))]!)).join('');
}

/** A bar of `width` characters at most, in proportion to `max`; any count above zero gets at least one block. */
export function toBar(n: number, max: number, width: number): string {
  if (n <= 0 || max <= 0) return '';
  return '█'.repeat(Math.max(1, Math.round((n / max) * width)));
}

export const stageRank = (s: Stage): number => STAGES.indexOf(s);

export interface StageMove {
  id: string;
  name: string;
  from: Stage;
  to: Stage;
  lastTouch: IsoDate | null;
}

/**
 * Moved up: a later stage today than at the start of the window. Going cold: an earlier stage, or a deep or growing
 * relationship with no touchpoint or give in the window. Contacts added during the window are counted as new instead.
 */
export function toMoves(rows: readonly StageMove[], since: IsoDate): { movedUp: StageMove[]; goingCold: StageMove[] } {
  const movedUp = rows.filter((r) => stageRank(r.to) > stageRank(r.from)).sort((a, b) => stageRank(b.to) - stageRank(a.to) || stageRank(a.from) - stageRank(b.from));
  const goingCold = rows
    .filter((r) => stageRank(r.to) < stageRank(r.from) || ((r.to === 'deep' || r.to === 'growing') && (r.lastTouch === null || r.lastTouch < since)))
    .sort((a, b) => stageRank(b.from) - stageRank(a.from) || (a.lastTouch ?? '').localeCompare(b.lastTouch ?? ''));
  return { movedUp, goingCold };
}
