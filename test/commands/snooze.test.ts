import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22, a Sunday
  expect(j.run('add', 'Jane Doe', '--every', '30d').code).toBe(0);
});
afterEach(() => j.cleanup());

const snoozed = () => (j.dump().contacts as { snoozed_until: string | null }[])[0]!.snoozed_until;

describe('net snooze', () => {
  it('snoozes until a date and prints the snooze', () => {
    expect(j.run('snooze', 'jane', '2026-12-01')).toEqual({ code: 0, stderr: '', stdout: 'Snoozed Jane Doe until 2026-12-01: not due before then.\n' });
    expect(snoozed()).toBe('2026-12-01');
    expect(j.json('snooze', 'jane', 'next monday')).toMatchObject({ name: 'Jane Doe', snoozedUntil: '2026-11-23', previous: '2026-12-01' });
  });

  it('reads an interval from today', () => {
    expect(j.json('snooze', 'jane', '2w')).toMatchObject({ snoozedUntil: '2026-12-06', previous: null });
    expect(j.json('snooze', 'jane', '10 days')).toMatchObject({ snoozedUntil: '2026-12-02' });
  });

  it('clears a snooze', () => {
    j.run('snooze', 'jane', '2w');
    expect(j.run('snooze', 'jane', '--clear')).toEqual({ code: 0, stderr: '', stdout: 'Cleared the snooze on Jane Doe: due as usual again.\n' });
    expect(snoozed()).toBeNull();
    expect(j.json('snooze', 'jane', '--clear')).toMatchObject({ snoozedUntil: null, previous: null });
    expect(j.run('snooze', 'jane', '--clear').stdout).toBe('Jane Doe was not snoozed.\n');
  });

  it.each([
    [['jane', 'someday'], 2, /^net: cannot read date "someday"; use YYYY-MM-DD/],
    [['jane', '2026-02-30'], 2, /^net: "2026-02-30" is not a calendar date/],
    [['jane', 'yesterday'], 2, /^net: 2026-11-21 is in the past; snooze until a later day/],
    [['jane', '2020-01-01'], 2, /^net: 2020-01-01 is in the past/],
    [['jane', 'today'], 2, /^net: 2026-11-22 is today; snooze until a later day/],
    [['jane', '0d'], 2, /^net: cannot read date "0d"/],
    [['jane'], 2, /^net: snooze until when\?; give a date or an interval/],
    [['jane', '2w', '--clear'], 2, /^net: give a day to snooze until, or --clear, not both/],
    [['nobody', '2w'], 4, /^net: no contact called "nobody"/],
  ])('refuses %j (exit %i) and leaves the journal unchanged', (args, code, message) => {
    j.run('snooze', 'jane', '2026-12-24');
    const before = j.dump();
    const r = j.run('snooze', ...args);
    expect(r).toMatchObject({ code, stdout: '', stderr: expect.stringMatching(message) });
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(j.dump()).toEqual(before);
  });

  it('has help with examples', () => {
    const r = j.run('snooze', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('net snooze jane 2w');
  });
});
