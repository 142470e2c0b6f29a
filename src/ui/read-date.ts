/**
 * Date flags. ISO dates and the simple words (today, "3 days ago") are read by core; anything else by chrono-node,
 * extended with parsers for what people type and it misreads, and loaded only then (it costs ~40 ms at start-up).
 *
 *   typed                                 read as (Monday 2026-11-30)          by
 *   tuesday, on tue                       past: 2026-11-24; future: 2026-12-01 weekdayParser (direction)
 *   this past friday, previous friday     2026-11-27                           weekdayParser
 *   coming friday, this coming friday     2026-12-04                           weekdayParser
 *   sun 2 weeks ago, a week ago tuesday   2026-11-15, 2026-11-17               weekdayParser
 *   friday last week, next week's monday  2026-11-27, 2026-12-07               weekdayParser
 *   the friday before last                2026-11-20                           weekdayParser
 *   01.11.2026, 24.11.                    day.month everywhere                 numericParser
 *   04/12/2026, 4-12                      in the user's order, never flipped   numericParser (chrono's own is dropped)
 *   nov 24, 24th november                 past: 2026-11-24; future: 2027-11-24 directionRefiner
 *   last friday, next monday, in 2 weeks  chrono-node as it comes
 */
import type { ParsingContext } from 'chrono-node';
import type { Parser, ParsingResult, Refiner } from 'chrono-node/en';
import { UsageError } from '../core/errors.js';
import {
  addDays,
  DATE_HINT,
  findIsoDate,
  findSimpleDate,
  findWeekdayAfter,
  findWeekdayBefore,
  findWeekdayOfWeek,
  parseDateInput,
  toDirectedDate,
  toIsoDate,
  toNumericDayMonth,
  type DateDirection,
  type DateOrder,
  type IsoDate,
  type PhraseParser,
} from '../core/dates.js';
import { describeDateHint } from './messages/dates.js';

export interface DateReading {
  /** Which way a day named without its week or year points. */
  direction: DateDirection;
  /** The order of slashed dates (net config date-order, else the locale); asked only when one is typed. */
  order: () => DateOrder;
}

type Chrono = typeof import('chrono-node/en');

const WEEKDAYS: [RegExp, number][] = [
  [/^sun(?:day)?$/, 0],
  [/^mon(?:day)?$/, 1],
  [/^tue(?:s|sday)?$/, 2],
  [/^wed(?:s|nesday)?$/, 3],
  [/^thu(?:r|rs|rsday)?$/, 4],
  [/^fri(?:day)?$/, 5],
  [/^sat(?:urday)?$/, 6],
];
const WEEKDAY = '(sun(?:day)?|mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?)\\.?';
const COUNT = '(\\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)';
const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

const toWeekdayNumber = (word: string) => WEEKDAYS.find(([re]) => re.test(word.toLowerCase().replace(/\.$/, '')))![1];
const toCount = (word: string) => COUNTS[word.toLowerCase()] ?? Number(word);

/** Each phrase: its pattern (the whole of what was typed, after an optional "on") and the day it means. */
type WeekdayRule = [RegExp, (m: RegExpExecArray, today: IsoDate, direction: DateDirection) => IsoDate];

const WEEKDAY_RULES: WeekdayRule[] = [
  // "tuesday": the nearest in the flag's direction, today included for the past, after today for the future.
  [new RegExp(`^${WEEKDAY}$`, 'i'), (m, today, dir) => (dir === 'past' ? findWeekdayBefore(today, toWeekdayNumber(m[1]!), false) : findWeekdayAfter(today, toWeekdayNumber(m[1]!), true))],
  [new RegExp(`^(?:(?:this|the) )?(?:past|previous) ${WEEKDAY}$`, 'i'), (m, today) => findWeekdayBefore(today, toWeekdayNumber(m[1]!), true)],
  [new RegExp(`^(?:(?:this|the) )?coming ${WEEKDAY}$`, 'i'), (m, today) => findWeekdayAfter(today, toWeekdayNumber(m[1]!), true)],
  [new RegExp(`^(?:the )?${WEEKDAY} before last$`, 'i'), (m, today) => addDays(findWeekdayBefore(today, toWeekdayNumber(m[1]!), true), -7)],
  [new RegExp(`^(?:the )?${WEEKDAY} after next$`, 'i'), (m, today) => addDays(findWeekdayAfter(today, toWeekdayNumber(m[1]!), true), 7)],
  // "sun 2 weeks ago", "a week ago tuesday": that many weeks before the latest such day.
  [new RegExp(`^${WEEKDAY},? ${COUNT} weeks? ago$`, 'i'), (m, today) => addDays(findWeekdayBefore(today, toWeekdayNumber(m[1]!), false), -7 * toCount(m[2]!))],
  [new RegExp(`^${COUNT} weeks? ago,? (?:on )?${WEEKDAY}$`, 'i'), (m, today) => addDays(findWeekdayBefore(today, toWeekdayNumber(m[2]!), false), -7 * toCount(m[1]!))],
  // "friday last week", "last week's friday", "monday next week": the day of that calendar week (Monday to Sunday).
  [new RegExp(`^${WEEKDAY},? (?:of )?(last|next|this) week$`, 'i'), (m, today) => findWeekdayOfWeek(today, toWeekdayNumber(m[1]!), weekOffset(m[2]!))],
  [new RegExp(`^(last|next|this) week(?:'s)?,? (?:on )?${WEEKDAY}$`, 'i'), (m, today) => findWeekdayOfWeek(today, toWeekdayNumber(m[2]!), weekOffset(m[1]!))],
];

const weekOffset = (word: string) => ({ last: -1, this: 0, next: 1 })[word.toLowerCase() as 'last' | 'this' | 'next'];

const NUMERIC = /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?(?![\d/-])/;

const TAG = 'net/read-date';

function createPhraseParser(chrono: Chrono, reading: DateReading): PhraseParser {
  return (text, today) => {
    const direction = reading.direction;
    const pieces = (y: number, m: number, d: number) => findIsoDate(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    const assign = (context: ParsingContext, index: number, matched: string, date: IsoDate) => {
      const result = context.createParsingResult(index, matched, { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10) });
      return result.addTag(TAG);
    };
    const weekdayParser: Parser = {
      pattern: () => /^(?:on )?(.+?)$/i,
      extract(context, match) {
        const phrase = match[1]!.trim().replace(/\s+/g, ' ');
        for (const [re, toDay] of WEEKDAY_RULES) {
          const m = re.exec(phrase);
          if (m) return assign(context, match.index ?? 0, match[0], toDay(m, today, direction));
        }
        return null;
      },
    };
    const numericParser: Parser = {
      pattern: () => NUMERIC,
      extract(context, match) {
        const [first, separator, second, year] = [Number(match[1]), match[2]!, Number(match[3]), match[4]];
        // A dash needs a year (12-04 alone is --birthday's month-day); a dot or slash reads without one.
        if (separator === '-' && !year) return null;
        const { day, month } = toNumericDayMonth(first, separator, second, separator === '.' ? 'dmy' : reading.order());
        let date: IsoDate | undefined;
        if (year) {
          const y = year.length === 2 ? 2000 + Number(year) - (2000 + Number(year) > Number(today.slice(0, 4)) + 20 ? 100 : 0) : Number(year);
          date = pieces(y, month, day);
        } else {
          const thisYear = pieces(Number(today.slice(0, 4)), month, day);
          date = thisYear && toDirectedDate(thisYear, today, direction, 'year');
        }
        return date ? assign(context, match.index ?? 0, match[0], date) : null;
      },
    };
    // chrono's own slash parser turns 14/12 round when the order says month-first: dropped, numericParser reads them.
    const dropFlippingParser: Refiner = {
      refine: (_, results) => results.filter((r) => !r.tags().has('parser/SlashDateFormatParser')),
    };
    // "nov 24", "24 november": a month and day without a year, in the flag's direction.
    const directionRefiner: Refiner = {
      refine: (_, results: ParsingResult[]) => {
        for (const r of results) {
          if (r.tags().has(TAG) || !r.start.isDateWithUnknownYear()) continue;
          const date = toDirectedDate(toIsoDate(r.start.date()), today, direction, 'year');
          r.start.assign('year', +date.slice(0, 4));
          r.start.assign('month', +date.slice(5, 7));
          r.start.assign('day', +date.slice(8, 10));
        }
        return results;
      },
    };
    const parser = chrono.casual.clone();
    parser.parsers.unshift(weekdayParser, numericParser);
    parser.refiners.unshift(dropFlippingParser);
    parser.refiners.push(directionRefiner);
    const results = parser.parse(text, new Date(`${today}T12:00:00`));
    const r = results[0];
    // The whole text must be the date: "yesterdayy" or "friday-ish" are refused, not half-read.
    if (results.length !== 1 || !r || r.index !== 0 || r.text.length !== text.length) return undefined;
    return toIsoDate(r.start.date());
  };
}

const PAST_UNORDERED: DateReading = { direction: 'past', order: () => 'dmy' };

export async function readDate(text: string, today: IsoDate, reading: DateReading = PAST_UNORDERED): Promise<IsoDate> {
  try {
    return await readDateIn(text, today, reading);
  } catch (err) {
    // core's hint names no day; here the examples point the flag's way, from today.
    if (err instanceof UsageError && err.hint === DATE_HINT) throw new UsageError(err.message, describeDateHint(reading.direction, today));
    throw err;
  }
}

async function readDateIn(text: string, today: IsoDate, reading: DateReading): Promise<IsoDate> {
  const t = text.trim();
  if (findIsoDate(t) || /^\d{4}-\d{2}-\d{2}$/.test(t) || findSimpleDate(t, today)) return parseDateInput(t, today);
  const phrases = t ? createPhraseParser(await import('chrono-node/en'), reading) : undefined;
  try {
    return parseDateInput(t.replace(/\s+/g, ' '), today, phrases);
  } catch (err) {
    // A slashed date that does not exist in the user's order is never read the other way round: say which order holds.
    if (!(err instanceof UsageError) || !/^\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?$/.test(t)) throw err;
    const order = reading.order();
    const how = order === 'dmy' ? 'day first (DD/MM/YYYY)' : 'month first (MM/DD/YYYY)';
    throw new UsageError(`cannot read date "${text}": dates with slashes read ${how} here`, `write it as YYYY-MM-DD, or change the order with net config date-order ${order === 'dmy' ? 'mdy' : 'dmy'}`);
  }
}
