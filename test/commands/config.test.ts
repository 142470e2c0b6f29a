import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
const description = 'how fast what you invested fades when a relationship is left untended: after this long it counts half';

describe('net config', () => {
  it('lists the settings with their defaults', () => {
    const window = 'how many days ahead net due lists birthdays and important dates';
    const order = 'how dates written with slashes read: dmy (24/11/2026) or mdy (11/24/2026); auto follows your locale (LC_ALL, LC_TIME, LANG)';
    const announcement = 'a message you sent to more people than this (To and Cc) is an announcement, not a touchpoint, when net imports your mail';
    // Each description within 80 columns, going on under itself.
    expect(j.run('config')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'half-life = 6m (default)',
        '  how fast what you invested fades when a relationship is left untended: after',
        '  this long it counts half',
        'date-window = 7d (default)',
        `  ${window}`,
        'date-order = auto (dmy from your locale) (default)',
        '  how dates written with slashes read: dmy (24/11/2026) or mdy (11/24/2026);',
        '  auto follows your locale (LC_ALL, LC_TIME, LANG)',
        'announcement-recipients = 5 (default)',
        '  a message you sent to more people than this (To and Cc) is an announcement,',
        '  not a touchpoint, when net imports your mail',
        '',
      ].join('\n'),
    });
    expect(j.json('config')).toEqual([
      { key: 'half-life', value: '6m', stored: 180, defaultValue: '6m', isDefault: true, description },
      { key: 'date-window', value: '7d', stored: 7, defaultValue: '7d', isDefault: true, description: window },
      { key: 'date-order', value: 'auto', stored: 'auto', defaultValue: 'auto', isDefault: true, description: order, effective: 'dmy' },
      { key: 'announcement-recipients', value: '5', stored: 5, defaultValue: '5', isDefault: true, description: announcement },
    ]);
    expect(j.json('config', 'half-life')).toMatchObject({ key: 'half-life', value: '6m' });
  });

  it('sets the half-life and recomputes every balance in the same command', () => {
    ok(j.run('add', 'Jane Doe'));
    ok(j.run('add', 'Ravi Patel'));
    ok(j.run('log', 'jane', '--gave', 'referral', '--value', '4', '--date', '2026-05-26')); // 180 days ago
    expect(j.json('check', 'jane').balance).toBe(2);
    const r = j.run('config', 'half-life', '1y');
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'Set half-life = 1y; recomputed the balances of 2 contacts.\n' });
    expect(j.dump().settings).toMatchObject([{ key: 'half_life_days', value: '365' }]);
    expect(j.json('check', 'jane').balance).toBe(2.8); // 4 · 2^(−180/365)
    expect(j.json('balance').contacts[0]).toMatchObject({ name: 'Jane Doe', balance: 2.8 });
    expect(j.json('config')).toMatchObject([{ value: '1y', stored: 365, isDefault: false }, { key: 'date-window' }, { key: 'date-order' }, { key: 'announcement-recipients' }]);
    expect(j.run('config', 'half-life').stdout).toBe(`half-life = 1y (default 6m)\n  ${description.replace(' this long', '\n  this long')}\n`);
    // New events are stored on the new scale too.
    ok(j.run('log', 'ravi', '--gave', 'idea', '--value', '2', '--date', '2025-11-22')); // 365 days ago
    expect(j.json('check', 'ravi').balance).toBe(1);
  });

  it.each<[string, string]>([
    ['90d', '3m'],
    ['26w', '26w'],
    ['2y', '2y'],
    ['10y', '10y'],
    ['30d', '1m'],
  ])('reads %s', (text, shown) => {
    expect(j.json('config', 'half-life', text)).toMatchObject({ key: 'half-life', value: shown, recomputed: 0 });
  });

  it.each<[string[], string]>([
    [['config', 'half-life', '29d'], 'net: half-life 29d is out of range; give an interval from 30 days to 10 years, for example 180d, 6m or 1y\n'],
    [['config', 'half-life', '11y'], 'net: cannot read half-life "11y"; give an interval from 30 days to 10 years, for example 180d, 6m or 1y\n'],
    [['config', 'half-life', 'soon'], 'net: cannot read half-life "soon"; give an interval from 30 days to 10 years, for example 180d, 6m or 1y\n'],
    [['config', 'colour', 'blue'], 'net: unknown setting "colour"; settings are: half-life, date-window, date-order, announcement-recipients\n'],
    [['config', 'colour'], 'net: unknown setting "colour"; settings are: half-life, date-window, date-order, announcement-recipients\n'],
  ])('net %j is a usage error that writes nothing', (args, stderr) => {
    ok(j.run('add', 'Jane Doe'));
    const before = j.dump();
    expect(j.run(...args)).toEqual({ code: 2, stdout: '', stderr });
    expect(j.dump()).toEqual(before);
  });
});
