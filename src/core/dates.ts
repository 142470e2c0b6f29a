/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. The journal records days, not instants, so arithmetic is done on
 * UTC midnights to stay clear of daylight-saving shifts. `now` is always passed in: core never reads the clock.
 */
import { UsageError } from './errors.js';

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** The local calendar day of an instant. */
export function toIsoDate(instant: Date): IsoDate {
  const y = instant.getFullYear();
  const m = String(instant.getMonth() + 1).padStart(2, '0');
  const d = String(instant.getDate()).padStart(2, '0');
  return `${String(y).padStart(4, '0')}-${m}-${d}`;
}

/** A real calendar date in ISO form, or undefined (rejects 2026-02-30). */
export function findIsoDate(text: string): IsoDate | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return text.trim();
}

/**
 * Days since 1970-01-01 of an ISO date, by integer arithmetic (H. Hinnant's days_from_civil) rather than Date.UTC:
 * `net balance` reads a few dates of every contact, and on 50,000 contacts this is several times faster.
 */
export function toDayNumber(date: IsoDate): number {
  const digit = (i: number) => date.charCodeAt(i) - 48;
  const m = digit(5) * 10 + digit(6);
  const d = digit(8) * 10 + digit(9);
  const y = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function toUtcMs(date: IsoDate): number {
  return toDayNumber(date) * DAY_MS;
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMs(toUtcMs(date) + Math.round(days) * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

export function minDate(a: IsoDate | null | undefined, b: IsoDate | null | undefined): IsoDate | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a < b ? a : b;
}

/** Parses phrases such as "last friday"; injected so that core stays free of the heavy parser. */
export type PhraseParser = (text: string, today: IsoDate) => IsoDate | undefined;

const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, fortnight: 14 };
const RELATIVE = /^(?:(in)\s+)?(\d{1,4}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|fortnight|month|year)s?(?:\s+(ago|from now))?$/;
const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

function shiftMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return fromUtcMs(target.getTime());
}

/** The everyday words that need no phrase parser: today, yesterday, tomorrow, "3 days ago", "in 2 weeks". */
export function findSimpleDate(text: string, today: IsoDate): IsoDate | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'today' || t === 'now') return today;
  if (t === 'yesterday') return addDays(today, -1);
  if (t === 'tomorrow') return addDays(today, 1);
  const m = RELATIVE.exec(t);
  if (!m) return undefined;
  const [, inWord, count, unit, tail] = m;
  const past = tail === 'ago';
  const future = Boolean(inWord) || tail === 'from now';
  if (past === future) return undefined; // "3 days" says neither; "in 3 days ago" says both
  const n = NUMBER_WORDS[count!] ?? Number(count);
  const sign = past ? -1 : 1;
  if (unit === 'month') return shiftMonths(today, sign * n);
  if (unit === 'year') return shiftMonths(today, sign * n * 12);
  return addDays(today, sign * n * UNIT_DAYS[unit!]!);
}

export const DATE_HINT = 'use YYYY-MM-DD or words such as today, yesterday, "3 days ago", "last friday", "in 2 weeks", "next monday"';

/**
 * Reads a date the way a person types it. ISO and the simple words are handled here; anything else goes to the
 * phrase parser when one is given. Throws UsageError naming what is accepted.
 */
export function parseDateInput(text: string, today: IsoDate, phrases?: PhraseParser): IsoDate {
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) {
    const iso = findIsoDate(trimmed);
    if (!iso) throw new UsageError(`"${text}" is not a calendar date`, DATE_HINT);
    return iso;
  }
  const found = findSimpleDate(trimmed, today) ?? (trimmed && phrases ? phrases(trimmed, today) : undefined);
  if (!found) throw new UsageError(`cannot read date "${text}"`, DATE_HINT);
  return found;
}

/** A short relative phrase for a past or future day: "today", "3 days ago", "in 2 weeks". */
export function toRelativeDays(date: IsoDate, today: IsoDate): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === -1) return 'yesterday';
  if (days === 1) return 'tomorrow';
  const abs = Math.abs(days);
  const phrase =
    abs < 14 ? `${abs} days` : abs < 60 ? `${Math.round(abs / 7)} weeks` : abs < 730 ? `${Math.round(abs / 30.44)} months` : `${Math.round(abs / 365.25)} years`;
  return days < 0 ? `${phrase} ago` : `in ${phrase}`;
}
