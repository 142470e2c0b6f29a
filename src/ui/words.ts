/** Small pieces of English that renderers share. */
import { toWeekday } from '../core/dates.js';
import type { EventView } from './views.js';

const WEEKDAY_WORDS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue 2026-11-24": every command that stores a date echoes it so, and a date read wrongly shows at once. */
export function toDayText(date: string): string {
  return `${WEEKDAY_WORDS[toWeekday(date)]} ${date}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "coffee", "gave a referral (4/5)", "received an introduction (3/5)", "asked a favour". */
export function describeEvent(e: Pick<EventView, 'type' | 'kind' | 'value'>): string {
  const article = (w: string) => (w === 'time' || w === 'work' ? w : /^[aeiou]/.test(w) ? `an ${w}` : `a ${w}`);
  const worth = e.value === null ? '' : ` (${e.value}/5)`;
  switch (e.type) {
    case 'touch':
      return e.kind === 'other' ? 'a touchpoint' : e.kind;
    case 'gave':
      return `gave ${article(e.kind)}${worth}`;
    case 'received':
      return `received ${article(e.kind)}${worth}`;
    case 'ask':
      return `asked ${article(e.kind)}`;
  }
}
