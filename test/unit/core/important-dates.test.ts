import { describe, expect, it } from 'vitest';
import { parseBirthday, parseDateOf, parseMonthDay, toMonthDaysAhead, toNextOccurrence, toOccasion, toUpcoming } from '../../../src/core/important-dates.js';
import { describeOccasion } from '../../../src/ui/messages/due.js';

const TODAY = '2026-11-22';

describe('parseMonthDay', () => {
  it.each([
    ['1980-05-17', '1980-05-17'],
    ['05-17', '--05-17'],
    ['5-7', '--05-07'],
    ['--05-17', '--05-17'],
    ['May 17', '--05-17'],
    ['may 17th, 1980', '1980-05-17'],
    ['17 May', '--05-17'],
    ['17 sept 1999', '1999-09-17'],
    ['02-29', '--02-29'],
    ['2000-02-29', '2000-02-29'],
  ])('%s -> %s', (text, expected) => expect(parseMonthDay(text, '--birthday')).toBe(expected));

  it.each([
    ['02-30', /February has no day 30/],
    ['1981-02-29', /February 1981 has no day 29/],
    ['13-01', /there is no month 13/],
    ['Mayday 17', /cannot read/],
    ['', /cannot read/],
    ['1850-01-01', /too long ago/],
  ])('refuses %s', (text, message) => expect(() => parseMonthDay(text, '--birthday')).toThrow(message));
});

describe('parseBirthday and parseDateOf', () => {
  it('refuses a birthday in the future, but not one without a year', () => {
    expect(() => parseBirthday('2027-01-01', TODAY)).toThrow(/in the future/);
    expect(parseBirthday('12-31', TODAY)).toBe('--12-31');
  });
  it.each([
    ['work anniversary=2019-05-01', { label: 'work anniversary', date: '2019-05-01' }],
    ['  wedding   day = June 20 ', { label: 'wedding day', date: '--06-20' }],
  ])('reads %s', (text, expected) => expect(parseDateOf(text)).toEqual(expected));
  it.each([
    ['anniversary 2019-05-01', /has no "="/],
    ['=2019-05-01', /has no label/],
    ['birthday=05-17', /a flag of its own/],
    ['x=02-30', /not a real day/],
  ])('refuses %s', (text, message) => expect(() => parseDateOf(text)).toThrow(message));
});

describe('occurrences', () => {
  it.each([
    ['--11-22', TODAY, '2026-11-22'],
    ['1980-11-21', TODAY, '2027-11-21'],
    ['--02-29', TODAY, '2027-02-28'],
    ['--02-29', '2027-03-01', '2028-02-29'],
    ['1996-02-29', '2028-01-01', '2028-02-29'],
    ['--01-02', '2026-12-31', '2027-01-02'],
  ])('%s after %s comes on %s', (date, today, expected) => expect(toNextOccurrence(date, today)).toBe(expected));

  it.each([
    ['2027-02-25', 7, ['02-25', '02-26', '02-27', '02-28', '02-29', '03-01', '03-02', '03-03', '03-04']],
    ['2028-02-27', 2, ['02-27', '02-28', '02-29']],
    ['2026-12-30', 3, ['12-30', '12-31', '01-01', '01-02']],
  ])('the month-days within %s + %i days', (today, days, expected) => expect(toMonthDaysAhead(today, days)).toEqual(expected));

  it('lists the dates within the window, soonest first, with the years they mark', () => {
    const dates = [
      { label: 'birthday', date: '1980-11-25' },
      { label: 'work anniversary', date: '2019-11-22' },
      { label: 'wedding day', date: '--12-13' },
    ];
    const upcoming = toUpcoming(dates, TODAY, 7);
    expect(upcoming.map(describeOccasion)).toEqual(['work anniversary today, November 22 (7 years)', 'birthday in 3 days, November 25 (turns 46)']);
    expect(toOccasion(dates[2]!, TODAY)).toEqual({ label: 'wedding day', date: '--12-13', on: '2026-12-13', inDays: 21, years: null });
  });
});
