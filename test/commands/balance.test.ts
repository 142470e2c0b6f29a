import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
const names = (v: { contacts: { name: string }[] }) => v.contacts.map((c) => c.name);

/** Ann: deep and well tended. Bob: given to lately, shallow. Cy: asked too soon. Dee: added, nothing logged. */
function logNetwork(): void {
  ok(j.run('add', 'Ann Archer', '--met', '2024-06-01', '--tag', 'bni', '--service', 'a', '--service', 'b', '--service', 'c', '--family', 'Ed, son'));
  ok(j.run('log', 'ann', '--touch', 'one-to-one', '--gave', 'idea', '--date', '2026-09-01', '--next', 'in 2 weeks'));
  ok(j.run('deepen', 'ann', '--yes', 'trust,asked-how-to-help,call-at-night,ask-for-help,enjoy-time,enjoy-their-success'));
  ok(j.run('add', 'Bob Baker', '--tag', 'bni'));
  ok(j.run('log', 'bob', '--gave', 'referral', '--value', '5', '--date', '2026-11-01'));
  ok(j.run('log', 'bob', '--received', 'idea', '--value', '3', '--date', '2026-11-01'));
  ok(j.run('add', 'Cy Cole'));
  ok(j.run('log', 'cy', '--touch', 'email', '--date', '2026-11-20'));
  expect(j.run('ask', 'cy', '--for', 'business', '--anyway').code).toBe(0);
  ok(j.run('add', 'Dee Dunn'));
}

describe('net balance', () => {
  it('lists every contact with balance, depth, stage and last touch (never what they gave beside it), and the shape of the network', () => {
    logNetwork();
    const r = j.run('balance');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'NAME        BALANCE  DEPTH  STAGE         LAST TOUCH',
        'Bob Baker       4.6   0/13  acquaintance  2026-11-01',
        'Ann Archer      2.2  10/13  deep          2026-09-01',
        'Dee Dunn        0.0   0/13  stranger      -',
        'Cy Cole        -3.8   0/13  acquaintance  2026-11-20',
        '',
        '4 contacts: 1 deep, 0 growing, 2 acquaintances, 1 stranger. Still young: keep',
        'giving first, and these relationships will deepen.',
        '',
      ].join('\n'),
    );
  });

  it('--help says what the list shows, and not what they gave you', () => {
    const r = j.run('balance', '--help');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('every contact with balance, depth, stage and last touch; and the shape of your network');
    expect(r.stdout).not.toMatch(/investment|received/);
  });

  it('--json gives each contact and the counts by stage', () => {
    logNetwork();
    const v = j.json('balance');
    expect(v).toMatchObject({ total: 4, stages: { deep: 1, growing: 0, acquaintance: 2, stranger: 1 }, shape: 'growing', halfLifeDays: 180 });
    expect(v.contacts[0]).toEqual({ id: expect.any(String), name: 'Bob Baker', balance: 4.6, received: 2.8, depth: { score: 0, of: 13 }, stage: 'acquaintance', lastTouch: '2026-11-01', knownSince: '2026-11-01' });
    // The balance agrees with net check's.
    expect(v.contacts.find((c: { name: string }) => c.name === 'Cy Cole').balance).toBe(j.json('check', 'cy').balance);
  });

  it.each<[string, string[]]>([
    ['balance', ['Bob Baker', 'Ann Archer', 'Dee Dunn', 'Cy Cole']],
    ['depth', ['Ann Archer', 'Bob Baker', 'Dee Dunn', 'Cy Cole']],
    ['last', ['Cy Cole', 'Bob Baker', 'Ann Archer', 'Dee Dunn']],
    ['name', ['Ann Archer', 'Bob Baker', 'Cy Cole', 'Dee Dunn']],
  ])('--sort %s', (sort, order) => {
    logNetwork();
    expect(names(j.json('balance', '--sort', sort))).toEqual(order);
  });

  it('--limit shows the first n, still counting every contact', () => {
    logNetwork();
    const v = j.json('balance', '--limit', '2');
    expect(names(v)).toEqual(['Bob Baker', 'Ann Archer']);
    expect(v.total).toBe(4);
    const r = j.run('balance', '--limit', '2', '--sort', 'name');
    expect(r.stdout).toContain('\nShowing 2 of 4.\n4 contacts: ');
  });

  it('--tag lists and counts only the contacts with the tag', () => {
    logNetwork();
    const v = j.json('balance', '--tag', 'BNI');
    expect(names(v)).toEqual(['Bob Baker', 'Ann Archer']);
    expect(v).toMatchObject({ total: 2, stages: { deep: 1, acquaintance: 1, growing: 0, stranger: 0 } });
    expect(j.json('balance', '--tag', 'nobody')).toMatchObject({ contacts: [], total: 0, shape: 'empty' });
  });

  it('says kindly when the network is a mile wide and an inch deep', () => {
    for (let i = 1; i <= 20; i++) ok(j.run('add', `Contact ${String(i).padStart(2, '0')}`));
    ok(j.run('log', 'contact 01', '--touch', 'coffee'));
    const r = j.run('balance', '--limit', '1', '--sort', 'name');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(
      '20 contacts: 0 deep, 0 growing, 1 acquaintance, 19 strangers. A mile wide and an\ninch deep, for now: a few deeper relationships will do more than many new ones.\nPick three people to meet one to one this month.\n',
    );
    expect(j.json('balance').shape).toBe('wide-shallow');
  });

  it('is empty, exit 0, on an empty journal', () => {
    expect(j.run('balance')).toEqual({ code: 0, stderr: '', stdout: 'No contacts to show yet: add one with net add.\n' });
    expect(j.json('balance')).toEqual({ contacts: [], total: 0, stages: { stranger: 0, acquaintance: 0, growing: 0, deep: 0 }, shape: 'empty', halfLifeDays: 180 });
  });

  it.each<[string[], RegExp]>([
    [['balance', '--sort', 'owed'], /^net: cannot sort by "owed"; --sort takes one of: balance, depth, last, name\n$/],
    [['balance', '--limit', '0'], /^net: --limit "0" is not a whole number of 1 or more/],
  ])('net %j is a usage error', (args, stderr) => {
    expect(j.run(...args)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(stderr) });
  });
});
