/** What a date flag accepts, in words: its examples point the way the flag looks, and are days from today. */
import { addDays, type DateDirection, type IsoDate } from '../../core/dates.js';

/** 2026-12-04 as dotted dates are written, day first: 04.12.2026. */
const toDotted = (date: IsoDate): string => date.split('-').reverse().join('.');

/**
 * The hint after a date net cannot read. What is to come (a snooze, --next, net due --on) is never shown a past date
 * or a word that looks back, and what happened never a date to come.
 */
export function describeDateHint(direction: DateDirection, today: IsoDate): string {
  if (direction === 'future') {
    const ahead = addDays(today, 10);
    return `use YYYY-MM-DD (${ahead}), ${toDotted(ahead)}, or words such as tomorrow, friday, "next monday", "in 2 weeks"`;
  }
  const back = addDays(today, -6);
  return `use YYYY-MM-DD (${back}), ${toDotted(back)}, or words such as today, yesterday, tuesday, "3 days ago", "last friday"`;
}
