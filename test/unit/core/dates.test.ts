import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  findIsoDate,
  findSimpleDate,
  findWeekdayAfter,
  findWeekdayBefore,
  findWeekdayOfWeek,
  parseDateInput,
  toDirectedDate,
  toLocaleDateOrder,
  toNumericDayMonth,
  toRelativeDays,
  toUserDateOrder,
  toWeekday,
} from '../../../src/core/dates.js';
import { UsageError } from '../../../src/core/errors.js';

const TODAY = '2026-11-22'; // a Sunday

describe('parseDateInput', () => {
  it.each([
    ['2026-02-28', '2026-02-28'],
    ['2024-02-29', '2024-02-29'],
    [' 2026-01-05 ', '2026-01-05'],
    ['today', '2026-11-22'],
    ['Today', '2026-11-22'],
    ['yesterday', '2026-11-21'],
    ['tomorrow', '2026-11-23'],
    ['3 days ago', '2026-11-19'],
    ['a week ago', '2026-11-15'],
    ['one week ago', '2026-11-15'],
    ['in 2 weeks', '2026-12-06'],
    ['2 weeks from now', '2026-12-06'],
    ['in a fortnight', '2026-12-06'],
    ['a month ago', '2026-10-22'],
    ['in 3 months', '2027-02-22'],
    ['a year ago', '2025-11-22'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDateInput(text, TODAY)).toBe(expected);
  });

  it.each([
    ['2026-02-30', /is not a calendar date/],
    ['2026-13-01', /is not a calendar date/],
    ['2025-02-29', /is not a calendar date/],
    ['someday', /cannot read date "someday"/],
    ['3 days', /cannot read date/],
    ['in 3 days ago', /cannot read date/],
    ['', /cannot read date/],
    ['last friday', /cannot read date/], // phrases need the phrase parser
  ])('refuses %j', (text, message) => {
    expect(() => parseDateInput(text, TODAY)).toThrow(UsageError);
    expect(() => parseDateInput(text, TODAY)).toThrow(message);
  });

  it('names what is accepted in the hint', () => {
    try {
      parseDateInput('someday', TODAY);
      expect.unreachable();
    } catch (e) {
      expect((e as UsageError).hint).toMatch(/YYYY-MM-DD.*yesterday.*3 days ago/);
      expect((e as UsageError).exitCode).toBe(2);
    }
  });

  it('hands phrases to the phrase parser, and only phrases', () => {
    const seen: string[] = [];
    const phrases = (text: string) => {
      seen.push(text);
      return text === 'last friday' ? '2026-11-20' : undefined;
    };
    expect(parseDateInput('last friday', TODAY, phrases)).toBe('2026-11-20');
    expect(parseDateInput('yesterday', TODAY, phrases)).toBe('2026-11-21');
    expect(() => parseDateInput('friday-ish', TODAY, phrases)).toThrow(/cannot read date/);
    expect(seen).toEqual(['last friday', 'friday-ish']);
  });
});

describe('findIsoDate and findSimpleDate', () => {
  it.each([
    ['2026-02-30', undefined],
    ['2026-2-3', undefined],
    ['2026-12-31', '2026-12-31'],
  ])('findIsoDate(%j) is %s', (text, expected) => {
    expect(findIsoDate(text)).toBe(expected);
  });

  it('keeps the day of month within a shorter month', () => {
    expect(findSimpleDate('a month ago', '2026-03-31')).toBe('2026-02-28');
    expect(findSimpleDate('in a year', '2024-02-29')).toBe('2025-02-28');
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2026-03-28', 2, '2026-03-30'], // across a daylight-saving change in Europe
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it('counts whole days either way', () => {
    expect(daysBetween('2026-11-19', TODAY)).toBe(3);
    expect(daysBetween(TODAY, '2026-11-19')).toBe(-3);
  });
});

describe('toRelativeDays', () => {
  it.each([
    ['2026-11-22', 'today'],
    ['2026-11-21', 'yesterday'],
    ['2026-11-23', 'tomorrow'],
    ['2026-11-19', '3 days ago'],
    ['2026-11-25', 'in 3 days'],
    ['2026-11-09', '13 days ago'],
    ['2026-11-08', '2 weeks ago'],
    ['2026-12-06', 'in 2 weeks'],
    ['2026-09-22', '2 months ago'],
    ['2025-11-22', '12 months ago'],
    ['2024-11-22', '2 years ago'],
  ])('%s is %j', (date, expected) => {
    expect(toRelativeDays(date, TODAY)).toBe(expected);
  });
});

describe('which way and in which order a typed date reads', () => {
  it.each([
    [{ LANG: 'en_US.UTF-8' }, 'mdy'],
    [{ LANG: 'en_GB.UTF-8' }, 'dmy'],
    [{ LANG: 'de_DE.UTF-8' }, 'dmy'],
    [{ LANG: 'fil_PH.UTF-8' }, 'mdy'],
    [{ LANG: 'es_US' }, 'mdy'],
    [{ LANG: 'en_CA.UTF-8' }, 'dmy'],
    [{ LANG: 'C.UTF-8' }, 'dmy'],
    [{ LANG: 'POSIX' }, 'dmy'],
    [{}, 'dmy'],
    [{ LC_TIME: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' }, 'mdy'],
    [{ LC_ALL: 'fr_FR.UTF-8', LC_TIME: 'en_US.UTF-8' }, 'dmy'],
    [{ LC_ALL: '', LC_TIME: '', LANG: 'en_US' }, 'mdy'],
  ] as const)('the locale %j writes %s', (env, order) => {
    expect(toLocaleDateOrder(env)).toBe(order);
  });

  it.each([
    [undefined, 'mdy', 'mdy'],
    ['auto', 'dmy', 'dmy'],
    ['dmy', 'mdy', 'dmy'],
    ['mdy', 'dmy', 'mdy'],
  ] as const)('the setting %s over the locale order %s is %s', (setting, locale, order) => {
    expect(toUserDateOrder(setting, locale)).toBe(order);
  });

  it.each([
    [1, '.', 11, 'mdy', { day: 1, month: 11 }],
    [4, '/', 12, 'dmy', { day: 4, month: 12 }],
    [4, '/', 12, 'mdy', { day: 12, month: 4 }],
    [14, '/', 12, 'mdy', { day: 12, month: 14 }], // no month 14: no date, never turned round
  ] as const)('%i%s%i in %s order', (a, sep, b, order, expected) => {
    expect(toNumericDayMonth(a, sep, b, order)).toEqual(expected);
  });

  const MONDAY = '2026-11-30';
  it.each([
    ['2026-11-30', 1],
    ['2026-11-29', 0],
    ['1970-01-01', 4],
    ['2000-02-29', 2],
  ])('%s is weekday %i', (date, weekday) => {
    expect(toWeekday(date)).toBe(weekday);
  });

  it('finds weekdays before, after and in a given week', () => {
    expect(findWeekdayBefore(MONDAY, 2, false)).toBe('2026-11-24');
    expect(findWeekdayBefore(MONDAY, 1, false)).toBe(MONDAY);
    expect(findWeekdayBefore(MONDAY, 1, true)).toBe('2026-11-23');
    expect(findWeekdayAfter(MONDAY, 5, false)).toBe('2026-12-04');
    expect(findWeekdayAfter(MONDAY, 1, true)).toBe('2026-12-07');
    expect(findWeekdayOfWeek(MONDAY, 5, -1)).toBe('2026-11-27');
    expect(findWeekdayOfWeek(MONDAY, 0, -1)).toBe('2026-11-29');
    expect(findWeekdayOfWeek(MONDAY, 1, 1)).toBe('2026-12-07');
  });

  it.each([
    ['2026-12-01', 'past', 'week', '2026-11-24'],
    ['2026-11-27', 'future', 'week', '2026-12-04'],
    ['2026-11-24', 'past', 'year', '2026-11-24'],
    ['2026-12-04', 'past', 'year', '2025-12-04'],
    ['2026-11-24', 'future', 'year', '2027-11-24'],
    ['2026-11-30', 'future', 'year', '2026-11-30'],
  ] as const)('%s looking to the %s (%s left open) is %s', (date, direction, period, expected) => {
    expect(toDirectedDate(date, MONDAY, direction, period)).toBe(expected);
  });
});
