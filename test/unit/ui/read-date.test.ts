import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DateDirection, DateOrder } from '../../../src/core/dates.js';
import { readDate } from '../../../src/ui/read-date.js';

const MONDAY = '2026-11-30'; // NET_NOW of the handed phrases: a Monday
const read = (text: string, direction: DateDirection, order: DateOrder = 'dmy') => readDate(text, MONDAY, { direction, order: () => order });
const FLAG_DIRECTION: Record<string, DateDirection> = { '--date': 'past', '--next': 'future' };

describe('the handed phrases (test/fixtures/date-phrases.tsv)', () => {
  const rows = readFileSync(resolve(import.meta.dirname, '../../fixtures/date-phrases.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));

  it.each(rows.filter((r) => /^\d{4}-\d{2}-\d{2} /.test(r[2]!)))('%s %s is %s', async (phrase, flag, right) => {
    expect(await read(phrase!, FLAG_DIRECTION[flag!]!, 'mdy')).toBe(right!.slice(0, 10));
    expect(await read(phrase!, FLAG_DIRECTION[flag!]!, 'dmy')).toBe(right!.slice(0, 10));
  });

  it("reads 04/12/2026 in the user's order, and 14/12/2025 only where that order allows it", async () => {
    const row = rows.find((r) => r[0] === '04/12/2026')!;
    expect(row[2]).toMatch(/2026-12-04 day-first, 2026-04-12 month-first/);
    expect(await read('04/12/2026', 'past', 'dmy')).toBe('2026-12-04');
    expect(await read('04/12/2026', 'past', 'mdy')).toBe('2026-04-12');
    expect(await read('14/12/2025', 'past', 'dmy')).toBe('2025-12-14');
    await expect(read('14/12/2025', 'past', 'mdy')).rejects.toThrow('cannot read date "14/12/2025": dates with slashes read month first (MM/DD/YYYY) here');
  });
});

describe('dates typed by people', () => {
  it.each([
    // what happened looks back; a follow-up looks ahead
    ['tuesday', 'past', '2026-11-24'],
    ['tue', 'past', '2026-11-24'],
    ['on Tuesday', 'past', '2026-11-24'],
    ['monday', 'past', '2026-11-30'],
    ['monday', 'future', '2026-12-07'],
    ['friday', 'future', '2026-12-04'],
    ['Fri.', 'future', '2026-12-04'],
    ['nov 24', 'past', '2026-11-24'],
    ['24 november', 'past', '2026-11-24'],
    ['dec 4', 'past', '2025-12-04'],
    ['nov 24', 'future', '2027-11-24'],
    ['dec 4', 'future', '2026-12-04'],
    ['24/11', 'past', '2026-11-24'],
    ['4/12', 'future', '2026-12-04'],
    // phrasings from public bug reports of chrono-node and other date parsers
    ['this past friday', 'past', '2026-11-27'],
    ['past friday', 'past', '2026-11-27'],
    ['previous friday', 'past', '2026-11-27'],
    ['the previous monday', 'past', '2026-11-23'],
    ['this coming friday', 'future', '2026-12-04'],
    ['coming monday', 'future', '2026-12-07'],
    ['sun 2 weeks ago', 'past', '2026-11-15'],
    ['sunday two weeks ago', 'past', '2026-11-15'],
    ['a week ago tuesday', 'past', '2026-11-17'],
    ['2 weeks ago on friday', 'past', '2026-11-13'],
    ['friday last week', 'past', '2026-11-27'],
    ['last week friday', 'past', '2026-11-27'],
    ["last week's wednesday", 'past', '2026-11-25'],
    ['monday next week', 'future', '2026-12-07'],
    ['the friday before last', 'past', '2026-11-20'],
    ['the friday after next', 'future', '2026-12-11'],
    ['last friday', 'past', '2026-11-27'],
    ['last sunday', 'past', '2026-11-29'],
    ['yesterday', 'past', '2026-11-29'],
    ['in 2 weeks', 'future', '2026-12-14'],
    // numbers: dots are day.month everywhere, slashes and dashes follow the order; ISO always works
    ['01.11.2026', 'past', '2026-11-01'],
    ['24.11.', 'past', '2026-11-24'],
    ['1.11.26', 'past', '2026-11-01'],
    ['2026-11-20', 'past', '2026-11-20'],
    ['2026/11/20', 'past', '2026-11-20'],
  ] as const)('%s (%s) is %s', async (text, direction, expected) => {
    expect(await read(text, direction)).toBe(expected);
  });

  it.each([
    ['04/12/2026', 'mdy', '2026-04-12'],
    ['04-12-2026', 'mdy', '2026-04-12'],
    ['04-12-2026', 'dmy', '2026-12-04'],
    ['01.11.2026', 'mdy', '2026-11-01'],
  ] as const)('%s in %s order is %s', async (text, order, expected) => {
    expect(await read(text, 'future', order)).toBe(expected);
  });

  it.each(['13/13/2026', '31/02/2026', 'friday-ish', 'sometime last week', 'tuesday and wednesday'])('refuses %j', async (text) => {
    await expect(read(text, 'past')).rejects.toThrow(/^cannot read date/);
  });

  it('asks for the order only when a slashed date is typed', async () => {
    let asked = 0;
    const order = () => (asked++, 'dmy' as const);
    await readDate('tuesday', MONDAY, { direction: 'past', order });
    await readDate('01.11.2026', MONDAY, { direction: 'past', order });
    expect(asked).toBe(0);
    await readDate('1/11/2026', MONDAY, { direction: 'past', order });
    expect(asked).toBe(1);
  });
});
