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
  // The digits read in place, without a helper closure: V8's interpreter, which runs nearly all of a command, made a
  // closure at every call (`net ideas` calls this thousands of times).
  const m = (date.charCodeAt(5) - 48) * 10 + date.charCodeAt(6) - 48;
  const d = (date.charCodeAt(8) - 48) * 10 + date.charCodeAt(9) - 48;
  const y = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + date.charCodeAt(3) - 48 - (m <= 2 ? 1 : 0);
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

/**
 * Which way a day named without its week or year points ("tuesday", "nov 24", "24/11"): what happened looks back
 * (`--date`, `--met`), what is to come looks ahead (`--next`, a snooze, `net due --on`).
 */
export type DateDirection = 'past' | 'future';

/** How numbers separated by slashes read: day first (24/11/2026) or month first (11/24/2026). */
export type DateOrder = 'dmy' | 'mdy';

export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy'];

/** The regions whose dates are written month first (glibc's d_fmt for their locales); everywhere else, day first. */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'PR', 'AS', 'GU', 'MP', 'UM', 'VI', 'FM', 'MH', 'PW']);

/**
 * The order of the user's locale, as POSIX picks the locale for dates: LC_ALL, then LC_TIME, then LANG (empty ones
 * skipped). `en_US.UTF-8` and the few others of MONTH_FIRST_REGIONS are month-first; any other locale, and none
 * (C, POSIX, unset), day-first.
 */
export function toLocaleDateOrder(env: { LC_ALL?: string; LC_TIME?: string; LANG?: string }): DateOrder {
  const locale = [env.LC_ALL, env.LC_TIME, env.LANG].find((v) => v !== undefined && v.trim() !== '') ?? '';
  const region = /^[a-z]{2,3}[_-]([A-Za-z]{2})\b/i.exec(locale.trim())?.[1]?.toUpperCase();
  return region && MONTH_FIRST_REGIONS.has(region) ? 'mdy' : 'dmy';
}

/**
 * Day and month of a date written with numbers: dotted dates are day.month wherever they are written; slashed and
 * dashed ones follow `order`, never flipped because a number is over 12 (13/12 under mdy is no date at all).
 */
export function toNumericDayMonth(first: number, separator: string, second: number, order: DateOrder): { day: number; month: number } {
  return separator === '.' || order === 'dmy' ? { day: first, month: second } : { day: second, month: first };
}

/** The journal setting of `net config date-order`: dmy, mdy, or auto (the locale's). */
export const DATE_ORDER_SETTING = 'date_order';

/** The order slashed dates read in: the journal's setting when it names one, else the locale's. */
export function toUserDateOrder(setting: string | undefined, localeOrder: DateOrder): DateOrder {
  return setting === 'dmy' || setting === 'mdy' ? setting : localeOrder;
}

/** 0 for Sunday … 6 for Saturday (1970-01-01 was a Thursday). */
export function toWeekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The latest `weekday` before today (`strict`) or on it. */
export function findWeekdayBefore(today: IsoDate, weekday: number, strict: boolean): IsoDate {
  const back = (toWeekday(today) - weekday + 7) % 7;
  return addDays(today, back === 0 && strict ? -7 : -back);
}

/** The next `weekday` after today (`strict`) or on it. */
export function findWeekdayAfter(today: IsoDate, weekday: number, strict: boolean): IsoDate {
  const ahead = (weekday - toWeekday(today) + 7) % 7;
  return addDays(today, ahead === 0 && strict ? 7 : ahead);
}

/** `weekday` in the week `weeks` from this one (weeks run Monday to Sunday, as ISO 8601 has them): -1 is last week. */
export function findWeekdayOfWeek(today: IsoDate, weekday: number, weeks: number): IsoDate {
  const monday = addDays(today, -((toWeekday(today) + 6) % 7));
  return addDays(monday, weeks * 7 + ((weekday + 6) % 7));
}

/**
 * A day named without its week or year, moved to the nearest such day the direction allows: for the past, today or
 * before; for the future, today or after. `period` is what the name leaves open: the week ("tuesday") or the year
 * ("nov 24", "24/11").
 */
export function toDirectedDate(date: IsoDate, today: IsoDate, direction: DateDirection, period: 'week' | 'year'): IsoDate {
  let d = date;
  const step = (sign: number) => (period === 'week' ? addDays(d, sign * 7) : shiftMonths(d, sign * 12));
  for (let i = 0; i < 3 && direction === 'past' && d > today; i++) d = step(-1);
  for (let i = 0; i < 3 && direction === 'future' && d < today; i++) d = step(1);
  return d;
}

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

export const DATE_HINT = 'use YYYY-MM-DD, 24.11.2026, or words such as today, yesterday, tuesday, "3 days ago", "last friday", "in 2 weeks"';

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
