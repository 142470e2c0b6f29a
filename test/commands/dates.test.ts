import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

// TODAY in the helper is 2026-11-22.
let j: Journal;
let k: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  k = makeJournal(TODAY, 'in-process');
});
afterEach(() => {
  j.cleanup();
  k.cleanup();
});

const contacts = () => (j.dump() as { contacts: any[] }).contacts;
const dueNames = (journal: Journal, ...args: string[]) => journal.json('due', ...args).map((i: any) => i.name);

describe('--birthday and --date-of', () => {
  it.each([
    ['1980-05-17', '1980-05-17'],
    ['05-17', '--05-17'],
    ['--05-17', '--05-17'],
    ['May 17', '--05-17'],
    ['17 may 1980', '1980-05-17'],
    ['Feb 29', '--02-29'],
  ])('reads --birthday %s as %s', (typed, stored) => {
    expect(j.run('add', 'Jane Doe', '--birthday', typed)).toMatchObject({ code: 0, stderr: '' });
    expect(contacts()[0].birthday).toBe(stored);
  });

  it('stores custom dates by label, changes them with edit, and shows them with the birthday', () => {
    j.run('add', 'Jane Doe', '--birthday', 'Nov 25', '--date-of', 'work anniversary=2019-12-01', '--date-of', 'wedding day=06-20');
    expect((j.dump() as { dates: any[] }).dates.map((d) => [d.label, d.date])).toEqual([
      ['work anniversary', '2019-12-01'],
      ['wedding day', '--06-20'],
    ]);
    expect(j.run('edit', 'jane', '--date-of', 'Work Anniversary=2019-12-02', '--birthday', '1980-11-25')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Updated Jane Doe: birthday, important dates\n/) });
    expect((j.dump() as { dates: any[] }).dates.map((d) => [d.label, d.date])).toEqual([
      ['Work Anniversary', '2019-12-02'],
      ['wedding day', '--06-20'],
    ]);
    const show = j.run('show', 'jane').stdout;
    expect(show).toContain('  birthday          1980-11-25, next 2026-11-25 (in 3 days)\n  Work Anniversary  2019-12-02, next 2026-12-02 (in 10 days)\n  wedding day       06-20, next 2027-06-20 (in 210 days)\n');
    expect(j.json('show', 'jane').importantDates[0]).toEqual({ label: 'birthday', date: '1980-11-25', next: '2026-11-25', inDays: 3 });
    expect(j.run('edit', 'jane', '--clear', 'birthday').code).toBe(0);
    expect(contacts()[0].birthday).toBeNull();
  });

  it.each([
    ['an impossible birthday', ['add', 'Jane Doe', '--birthday', '02-30'], /^net: --birthday "02-30" is not a real day: February has no day 30; write it as YYYY-MM-DD or MM-DD/],
    ['February 29 of a common year', ['add', 'Jane Doe', '--birthday', '1981-02-29'], /^net: --birthday "1981-02-29" is not a real day: February 1981 has no day 29/],
    ['a birthday in the future', ['add', 'Jane Doe', '--birthday', '2030-01-01'], /^net: --birthday 2030-01-01 is in the future/],
    ['an unreadable birthday', ['add', 'Jane Doe', '--birthday', 'someday'], /^net: cannot read --birthday "someday"/],
    ['a --date-of without =', ['add', 'Jane Doe', '--date-of', 'anniversary 2019-05-01'], /^net: --date-of "anniversary 2019-05-01" has no "="; write it as "label=date"/],
    ['a --date-of without a label', ['add', 'Jane Doe', '--date-of', '=2019-05-01'], /^net: --date-of "=2019-05-01" has no label/],
    ['a --date-of with a bad date', ['add', 'Jane Doe', '--date-of', 'anniversary=13-01'], /^net: the date of "anniversary" "13-01" is not a real day: there is no month 13/],
    ['an impossible birthday on edit', ['edit', 'ravi', '--birthday', '04-31'], /^net: --birthday "04-31" is not a real day: April has no day 31/],
    ['a --date-of without = on edit', ['edit', 'ravi', '--date-of', 'anniversary'], /^net: --date-of "anniversary" has no "="/],
  ])('refuses %s and writes nothing', (_, args, stderr) => {
    j.run('add', 'Ravi Patel');
    const before = j.dump();
    expect(j.run(...(args as string[]))).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(stderr as RegExp) });
    expect(j.dump()).toEqual(before);
  });
});

describe('net due and important dates', () => {
  it('lists a birthday three days away, not one three weeks away (default window of 7 days)', () => {
    // Met, with a long cadence: net due speaks of nothing but their birthdays.
    j.run('add', 'Jane Doe', '--birthday', '1980-11-25', '--met', 'today', '--every', '2y');
    j.run('add', 'Ravi Patel', '--birthday', '12-13', '--met', 'today', '--every', '2y');
    expect(j.run('due')).toEqual({ code: 0, stderr: '', stdout: 'Jane Doe → remember the day: a message or a card on the day\n    birthday in 3 days, November 25 (turns 46)\n' });
    expect(dueNames(j, '--on', '2026-12-08')).toEqual(['Ravi Patel']);
    // Once a year: gone after the day, back the next year.
    expect(dueNames(j, '--on', '2026-11-26')).toEqual([]);
    expect(dueNames(j, '--on', '2027-11-20')).toEqual(['Jane Doe']);
  });

  it('widens the window with net config date-window', () => {
    j.run('add', 'Ravi Patel', '--birthday', '12-13');
    expect(dueNames(j)).toEqual([]);
    expect(j.run('config', 'date-window', '3w')).toMatchObject({ code: 0, stderr: '' });
    expect(dueNames(j)).toEqual(['Ravi Patel']);
    const before = j.dump();
    expect(j.run('config', 'date-window', '0')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: date window of 0 days is out of range/) });
    expect(j.dump()).toEqual(before);
  });

  it('lists custom dates too, with the years they mark', () => {
    j.run('add', 'Jane Doe', '--date-of', 'work anniversary=2019-11-24');
    expect(j.json('due')[0].reasons).toEqual(['work anniversary in 2 days, November 24 (7 years)']);
  });

  it('remembers February 29 on February 28 in other years, and on the day in leap years', () => {
    j.run('add', 'Jane Doe', '--birthday', '--02-29');
    expect(j.runWith({ now: '2027-02-25' }, '--json', 'due').stdout).toContain('birthday in 3 days, February 28');
    expect(j.runWith({ now: '2027-03-01' }, '--json', 'due').stdout).toBe('[]\n');
    expect(j.runWith({ now: '2028-02-27' }, '--json', 'due').stdout).toContain('birthday in 2 days, February 29');
    expect(j.json('show', 'jane').importantDates[0]).toMatchObject({ next: '2027-02-28', inDays: 98 });
  });
});

describe('import and export', () => {
  it('fills the birthday from a vCard BDAY', () => {
    const file = join(j.dir, 'one.vcf');
    writeFileSync(file, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane Doe\r\nBDAY:1980-11-25\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ravi Patel\r\nBDAY:--1213\r\nEND:VCARD\r\n');
    expect(j.run('import', file).code).toBe(0);
    expect(contacts().map((c) => [c.name, c.birthday])).toEqual([
      ['Jane Doe', '1980-11-25'],
      ['Ravi Patel', '--12-13'],
    ]);
    expect(dueNames(j)).toEqual(['Jane Doe']);
  });

  it('round-trips dates and referral outcomes through the JSON export, merging by UUID', () => {
    j.run('add', 'Jane Doe', '--birthday', '05-17', '--date-of', 'work anniversary=2019-11-24');
    j.run('log', 'jane', '--received', 'referral', '--prospect', 'Tom', '--date', '2026-11-01');
    j.run('referral', 'jane', '--status', 'won', '--amount', '900', '--note', 'a year of bookkeeping');
    const first = join(j.dir, 'a.json');
    expect(j.run('export', '--json', first).code).toBe(0);
    expect(k.run('import', first).code).toBe(0);
    expect(k.run('import', first).code).toBe(0); // merged by UUID: nothing doubled
    const second = join(k.dir, 'b.json');
    expect(k.run('export', '--json', second).code).toBe(0);
    const strip = (s: string) => s.replace(/"exportedAt": "[^"]*"/, '');
    expect(strip(readFileSync(second, 'utf8'))).toBe(strip(readFileSync(first, 'utf8')));
    const exported = JSON.parse(readFileSync(second, 'utf8'));
    expect(exported.dates).toMatchObject([{ label: 'work anniversary', date: '2019-11-24' }]);
    expect(exported.events[0]).toMatchObject({ prospect: 'Tom', status: 'won', statusOn: '2026-11-22', amount: 900, statusNote: 'a year of bookkeeping' });
    // The summaries are rebuilt on import: the thank-you and the anniversary are on k's net due too.
    expect(k.json('due')[0].reasons).toEqual(expect.arrayContaining(['a referral they gave you closed business (marked won today)', 'work anniversary in 2 days, November 24 (7 years)']));
  });
});
