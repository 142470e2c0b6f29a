/**
 * What a fresh user saw run past 80 columns: net check's reasons and deepen command, the balance's closing words,
 * net ideas, the report's people to thank and its premature asks; then net referrals (the prospect gives way), a long
 * line of net show's timeline, net config's descriptions and net doctor's checks. Played by the real bin/net.js on a journal made to
 * give the long lines (long names, needs and notes, a network a mile wide); each line must fit 80 columns.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

let j: Journal;
const setUp = (...args: string[]) => {
  const r = j.runWith({ runner: 'in-process' }, ...args);
  expect(r, r.stderr).toMatchObject({ code: 0 });
};

beforeAll(() => {
  j = makeJournal(TODAY, 'spawn');
  // Twenty people never met: a mile wide and an inch deep, the longest of the balance's closing words.
  const csv = join(j.dir, 'people.csv');
  writeFileSync(csv, ['Name,Company', ...Array.from({ length: 20 }, (_, i) => `Person ${i + 1} Withaverylongname,Company ${i + 1}`)].join('\n'));
  setUp('import', csv);
  setUp('add', 'Alexandra Kimberley-Longfellow', '--met', '2025-09-01', '--service', 'web design');
  for (const d of ['2025-10-01', '2026-01-05', '2026-03-20', '2026-06-10', '2026-09-01', '2026-11-01']) setUp('log', 'alexandra', '--touch', 'coffee', '--gave', 'idea', '--value', '3', '--date', d);
  setUp('log', 'alexandra', '--received', 'referral', '--value', '4', '--date', '2026-11-10', '--note', 'a client who wants a whole new website for the bakery chain she runs in three towns');
  setUp('add', 'Maria Gonzalez-Fitzgerald', '--met', '2026-01-01');
  setUp('edit', 'maria', '--need', 'a wedding photographer who knows the countryside venues around the lakes in spring');
  setUp('add', 'Leonardo Photographer-Longname', '--role', 'wedding photographer', '--service', 'wedding photography for countryside venues');
  setUp('add', 'Gary Hook', '--role', 'course seller');
  setUp('ask', 'gary', '--for', 'business', '--anyway', '--note', 'buy my course on growing a business through referral networks, the premium edition');
  setUp('log', 'leonardo', '--gave', 'referral', '--prospect', 'Tom Baker, needs a bookkeeper for the new bakery downtown', '--date', '2026-11-20');
});
afterAll(() => j.cleanup());

/** The lines wider than 80 columns, a character a column (the marks net prints are one column each). */
const wide = (text: string) => text.split('\n').filter((line) => [...line].length > 80);

describe('every line fits 80 columns', () => {
  it.each([
    [['check', 'alexandra', '--for', 'referral'], 3, /--holds "trust, asked-how-to-help,/],
    [['balance'], 0, /contacts: 0 deep, 0 growing, \d+ acquaintances, \d+ strangers\. A mile wide/],
    [['ideas'], 0, /Leonardo/],
    [['ideas', 'maria'], 0, /Leonardo/],
    [['report'], 0, /People to thank\n {2}Alexandra Kimberley-Longfellow gave you a referral/],
    [['asks', '--premature'], 0, /Gary Hook/],
    [['referrals'], 0, /to Leonardo Photog… {2}Tom Baker, … {2}open/],
    [['show', 'leonardo'], 0, /for Tom Baker, needs a bookkeeper for the\n {14}new bakery downtown \[open/],
    [['config'], 0, /\n {2}auto follows your locale/],
    [['doctor'], 0, /The journal is healthy/],
  ])('net %j', (args, code, shows) => {
    const r = j.run(...args);
    expect(r).toMatchObject({ code, stderr: '' });
    expect(r.stdout).toMatch(shows);
    expect(wide(r.stdout)).toEqual([]);
  });
});
