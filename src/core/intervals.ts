/** Cadences such as `3w`, `2m`, `90d`, `1y` or "3 weeks", held as whole days. */
import { UsageError } from './errors.js';

const UNIT_DAYS: Record<string, number> = { d: 1, day: 1, w: 7, week: 7, m: 30, month: 30, y: 365, year: 365 };
const INTERVAL = /^(\d{1,4})\s*(d|w|m|y|days?|weeks?|months?|years?)$/;

export const INTERVAL_HINT = 'use a number and a unit, for example 10d, 3w, 2m or 1y';

export function parseInterval(text: string): number {
  const m = INTERVAL.exec(text.trim().toLowerCase());
  const unit = m ? m[2]!.replace(/s$/, '') : '';
  const days = m ? Number(m[1]) * UNIT_DAYS[unit]! : 0;
  if (!m || days < 1 || days > 3650) throw new UsageError(`cannot read interval "${text}"`, INTERVAL_HINT);
  return days;
}

/** The shortest faithful way to write a number of days back: 21 -> "3w", 60 -> "2m", 10 -> "10d". */
export function toIntervalText(days: number): string {
  if (days % 365 === 0) return `${days / 365}y`;
  if (days % 30 === 0) return `${days / 30}m`;
  if (days % 7 === 0) return `${days / 7}w`;
  return `${days}d`;
}
