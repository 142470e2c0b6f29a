import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../helpers/run-net.js';

// NET_NOW of the handed date phrases (test/fixtures/date-phrases.tsv): Monday 2026-11-30.
const MONDAY = '2026-11-30';
let j: Journal;
beforeEach(() => {
  j = makeJournal(MONDAY, 'in-process');
  expect(j.run('add', 'Jane Doe').code).toBe(0);
});
afterEach(() => j.cleanup());

type Rows = { events: any[]; follow_ups: any[]; contacts: any[]; answers: any[] };
const rows = () => j.dump() as Rows;

describe('dates typed by people', () => {
  it('reads a weekday back for what happened and ahead for a follow-up, and echoes each with its weekday', () => {
    expect(j.run('log', 'jane', '--touch', 'coffee', '--date', 'tuesday', '--next', 'friday')).toEqual({
      code: 0,
      stderr: '',
      stdout: 'Logged coffee with Jane Doe on Tue 2026-11-24.\nFollow-up on Fri 2026-12-04.\n',
    });
    expect(rows().events.map((e) => e.occurred_on)).toEqual(['2026-11-24']);
    expect(rows().follow_ups.map((f) => f.due_on)).toEqual(['2026-12-04']);
  });

  it('reads dotted dates day first, and slashed ones in the locale\'s order, never turned round by the value', () => {
    expect(j.run('log', 'jane', '--touch', 'call', '--date', '01.11.2026').stdout).toBe('Logged call with Jane Doe on Sun 2026-11-01.\n');
    expect(j.runWith({ env: { LANG: 'en_US.UTF-8' } }, 'log', 'jane', '--touch', 'call', '--date', '04/12/2026').stdout).toBe('Logged call with Jane Doe on Sun 2026-04-12.\n');
    expect(j.runWith({ env: { LANG: 'en_GB.UTF-8' } }, 'log', 'jane', '--touch', 'call', '--date', '03/11/2026').stdout).toBe('Logged call with Jane Doe on Tue 2026-11-03.\n');
    const before = j.dump();
    expect(j.runWith({ env: { LANG: 'en_US.UTF-8' } }, 'log', 'jane', '--touch', 'call', '--date', '14/12/2025')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'net: cannot read date "14/12/2025": dates with slashes read month first (MM/DD/YYYY) here; write it as YYYY-MM-DD, or change the order with net config date-order dmy\n',
    });
    expect(j.dump()).toEqual(before);
  });

  it('takes the order from net config date-order over the locale, and back with auto', () => {
    const us = { env: { LANG: 'en_US.UTF-8' } };
    expect(j.runWith(us, 'config', 'date-order')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^date-order = auto \(mdy from your locale\) \(default\)\n/) });
    expect(j.runWith(us, 'config', 'date-order', 'dmy')).toEqual({ code: 0, stderr: '', stdout: 'Set date-order = dmy.\n' });
    expect(j.runWith(us, 'log', 'jane', '--touch', 'call', '--date', '04/11/2026').stdout).toBe('Logged call with Jane Doe on Wed 2026-11-04.\n');
    expect(j.runWith(us, '--json', 'config', 'date-order')).toMatchObject({ code: 0 });
    expect(JSON.parse(j.runWith(us, '--json', 'config', 'date-order').stdout)).toMatchObject({ key: 'date-order', value: 'dmy', stored: 'dmy', effective: 'dmy', isDefault: false });
    expect(j.runWith(us, 'config', 'date-order', 'auto').stdout).toBe('Set date-order = auto (mdy from your locale).\n');
    expect(j.runWith(us, 'log', 'jane', '--touch', 'call', '--date', '04/11/2026').stdout).toBe('Logged call with Jane Doe on Sat 2026-04-11.\n');
    expect(j.run('config', 'date-order', 'ymd')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'net: cannot read date order "ymd"; give dmy (day first: 24/11/2026), mdy (month first: 11/24/2026) or auto (your locale)\n',
    });
  });

  it.each([
    ['this past friday', '2026-11-27'],
    ['previous friday', '2026-11-27'],
    ['sun 2 weeks ago', '2026-11-15'],
    ['nov 24', '2026-11-24'],
    ['dec 4', '2025-12-04'],
  ])('reads --date %j as %s', (phrase, date) => {
    expect(j.json('log', 'jane', '--touch', 'call', '--date', phrase).events[0].date).toBe(date);
  });
});

describe('every command that stores a date echoes it with its weekday', () => {
  it.each([
    [['add', 'Ravi Patel', '--met', 'tuesday'], 'Added Ravi Patel, met on Tue 2026-11-24\n'],
    [['edit', 'jane', '--met', 'this past friday'], /^Updated Jane Doe: met\n[\s\S]*met\s+Fri 2026-11-27 \(3 days ago\)\n/],
    [['snooze', 'jane', 'friday'], 'Snoozed Jane Doe until Fri 2026-12-04: not due before then.\n'],
    [['log', 'jane', '--next', 'coming monday'], 'Scheduled a follow-up with Jane Doe on Mon 2026-12-07.\n'],
  ])('net %j', (args, stdout) => {
    const r = j.run(...args);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    if (typeof stdout === 'string') expect(r.stdout).toBe(stdout);
    else expect(r.stdout).toMatch(stdout);
  });

  it('net ask, its outcome, net referral, net deepen and net intro', () => {
    j.run('add', 'Tom Baker', '--met', '2024-01-01');
    j.run('edit', 'jane', '--met', '2024-01-01');
    j.run('log', 'jane', '--gave', 'referral', '--value', '5', '--date', '2026-11-01', '--prospect', 'Tom');
    expect(j.run('ask', 'jane', '--for', 'favour', '--date', 'tuesday', '--anyway').stdout).toMatch(/^Asked Jane Doe for a favour on Tue 2026-11-24 \(size 2\/5\)/);
    expect(j.run('ask', 'jane', '--outcome', 'yes', '--date', 'yesterday').stdout).toMatch(/^Jane Doe said yes on Sun 2026-11-29 to your ask for a favour of 2026-11-24/);
    expect(j.run('referral', 'jane', '--status', 'contacted').stdout).toMatch(/: open → contacted on Mon 2026-11-30\.\n/);
    expect(j.run('deepen', 'jane', '--yes', 'trust').stdout).toMatch(/^Answered 1 point for Jane Doe on Mon 2026-11-30\.\n/);
    expect(j.run('intro', 'jane', 'tom', '--date', 'friday', '--anyway').stdout).toMatch(/^Introduced Jane Doe and Tom Baker on Fri 2026-11-27: a give to both\.\n/);
  });
});
