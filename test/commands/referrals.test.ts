import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  j.run('add', 'Jane Doe');
  j.run('add', 'Ravi Patel');
  j.run('log', 'ravi', '--gave', 'referral', '--prospect', 'Tom Baker', '--date', '2026-10-01');
  j.run('log', 'jane', '--received', 'referral', '--prospect', 'Sue Lin', '--date', '2026-11-01');
  j.run('log', 'jane', '--gave', 'referral', '--date', '2026-11-20');
  j.run('referral', 'ravi', '--status', 'won', '--amount', '1200.5');
});
afterEach(() => j.cleanup());

describe('net referrals', () => {
  it('lists every referral, newest first, with status, age and amount, and the totals', () => {
    const ids = (j.dump() as { events: any[] }).events.map((e) => e.id.slice(0, 8));
    expect(j.run('referrals')).toMatchObject({ code: 0, stderr: '' });
    const text = j.run('referrals').stdout.split('\n');
    expect(text[0]).toMatch(new RegExp(`^2026-11-20  ${ids[2]}  gave +to Jane Doe +open +2 days$`));
    expect(text[1]).toMatch(new RegExp(`^2026-11-01  ${ids[1]}  received +from Jane Doe +Sue Lin +open +21 days$`));
    expect(text[2]).toMatch(new RegExp(`^2026-10-01  ${ids[0]}  gave +to Ravi Patel +Tom Baker +won 1,200.50 +52 days$`));
    expect(text.slice(3)).toEqual(['', '3 referrals: 2 open, 1 won (1,200.50)', '']);
  });

  it('filters: --open, --given, --received, --since; and prints JSON', () => {
    const prospects = (...args: string[]) => j.json('referrals', ...args).referrals.map((r: any) => r.prospect ?? r.contact.name);
    expect(prospects('--open')).toEqual(['Jane Doe', 'Sue Lin']);
    expect(prospects('--given')).toEqual(['Jane Doe', 'Tom Baker']);
    expect(prospects('--received')).toEqual(['Sue Lin']);
    expect(prospects('--since', '2026-11-01')).toEqual(['Jane Doe', 'Sue Lin']);
    const v = j.json('referrals', '--given', '--since', '2026-09-01');
    expect(v.referrals[1]).toMatchObject({ contact: { name: 'Ravi Patel' }, direction: 'given', date: '2026-10-01', prospect: 'Tom Baker', status: 'won', statusOn: '2026-11-22', amount: 1200.5, ageDays: 52 });
    expect(v.totals).toEqual({ count: 2, open: 1, contacted: 0, won: 1, lost: 0, amountWon: 1200.5 });
    expect(j.run('referrals', '--given', '--received')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: --given and --received do not go together/) });
    expect(j.run('referrals', '--since', 'someday')).toMatchObject({ code: 2, stdout: '' });
  });

  it('prints an empty list kindly, and [] items with --json', () => {
    const empty = makeJournal(TODAY, 'in-process');
    try {
      expect(empty.run('referrals')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^No referrals to list/) });
      expect(empty.json('referrals')).toEqual({ referrals: [], totals: { count: 0, open: 0, contacted: 0, won: 0, lost: 0, amountWon: 0 } });
    } finally {
      empty.cleanup();
    }
  });
});
