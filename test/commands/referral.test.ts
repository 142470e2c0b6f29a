import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  j.run('add', 'Jane Doe', '--met', '2026-06-01');
  j.run('add', 'Ravi Patel', '--met', '2026-06-01');
});
afterEach(() => j.cleanup());

const events = () => (j.dump() as { events: any[] }).events;

describe('net log --prospect and net referral', () => {
  it('logs a referral as open with its prospect, and moves it to won with an amount', () => {
    expect(j.run('log', 'ravi', '--gave', 'referral', '--value', '4', '--prospect', 'Tom Baker, needs a bookkeeper', '--date', '2026-10-01')).toMatchObject({ code: 0, stderr: '' });
    expect(events()).toMatchObject([{ type: 'gave', kind: 'referral', value: 4, prospect: 'Tom Baker, needs a bookkeeper', status: 'open', status_on: '2026-10-01', amount: null }]);
    const balanceBefore = j.json('show', 'ravi').standing.balance;

    const r = j.run('referral', 'ravi', '--status', 'won', '--amount', '1,200', '--note', 'signed for a year');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'Updated the referral you gave to Ravi Patel (Tom Baker, needs a bookkeeper) on 2026-10-01: open → won 1,200 on Sun 2026-11-22: signed for a year.',
        'The amount is reported in net referrals and net report; the balance counts the value you gave it, not the money.',
        '',
      ].join('\n'),
    );
    expect(events()).toMatchObject([{ status: 'won', status_on: '2026-11-22', amount: 1200, status_note: 'signed for a year', value: 4 }]);
    // The amount is reported, never scored: the balance is what the value 4 made it.
    const after = j.json('show', 'ravi');
    expect(after.standing.balance).toBe(balanceBefore);
    expect(after.timeline[0].referral).toEqual({ shortId: events()[0].id.slice(0, 8), prospect: 'Tom Baker, needs a bookkeeper', status: 'won', statusOn: '2026-11-22', amount: 1200, statusNote: 'signed for a year' });
    // Wrapped within 80 columns, going on past the date.
    const shown = j.run('show', 'ravi').stdout;
    expect(shown.split('\n').filter((line) => line.length > 80)).toEqual([]);
    expect(shown.replace(/\n {14}/g, ' ')).toContain(`gave a referral (4/5) for Tom Baker, needs a bookkeeper [won 1,200 on 2026-11-22: signed for a year · id ${events()[0].id.slice(0, 8)}]`);
  });

  it('updates the latest open referral, or the one --id picks', () => {
    j.run('log', 'jane', '--received', 'referral', '--prospect', 'first', '--date', '2026-10-01');
    j.run('log', 'jane', '--received', 'referral', '--prospect', 'second', '--date', '2026-11-01');
    expect(j.json('referral', 'jane', '--status', 'contacted')).toMatchObject({ prospect: 'second', status: 'contacted', previous: 'open', direction: 'received' });
    const first = events().find((e) => e.prospect === 'first');
    expect(j.json('referral', 'jane', '--status', 'lost', '--id', first.id.slice(0, 6).toUpperCase())).toMatchObject({ prospect: 'first', status: 'lost', previous: 'open' });
    // Contacted is still open: the next update without --id takes it.
    expect(j.json('referral', 'jane', '--status', 'won')).toMatchObject({ prospect: 'second', status: 'won', previous: 'contacted' });
  });

  it.each([
    ['an unknown status', ['referral', 'jane', '--status', 'closed'], 2, /^net: unknown status "closed"; --status takes one of: contacted, won, lost\n$/],
    ['no status', ['referral', 'jane'], 2, /^net: --status is missing/],
    ['a negative amount', ['referral', 'jane', '--status', 'won', '--amount', '-5'], 2, /^net: amount "-5" is not a positive number/],
    ['a non-numeric amount', ['referral', 'jane', '--status', 'won', '--amount', 'lots'], 2, /^net: amount "lots" is not a positive number/],
    ['an amount with lost', ['referral', 'jane', '--status', 'lost', '--amount', '10'], 2, /^net: --amount goes with --status won/],
    ['an id of nothing', ['referral', 'jane', '--status', 'won', '--id', 'ffffffff'], 4, /^net: Jane Doe has no referral with id ffffffff/],
    ['a prospect without a referral', ['log', 'jane', '--gave', 'idea', '--prospect', 'Tom'], 2, /^net: --prospect goes with --gave referral or --received referral/],
  ])('refuses %s and writes nothing', (_, args, code, stderr) => {
    j.run('log', 'jane', '--received', 'referral', '--date', '2026-11-01');
    const before = j.dump();
    expect(j.run(...(args as string[]))).toMatchObject({ code, stdout: '', stderr: expect.stringMatching(stderr as RegExp) });
    expect(j.dump()).toEqual(before);
  });

  it('says so when there is no open referral to update, and writes nothing', () => {
    j.run('log', 'jane', '--gave', 'article');
    const before = j.dump();
    expect(j.run('referral', 'jane', '--status', 'won')).toMatchObject({ code: 4, stdout: '', stderr: expect.stringMatching(/^net: Jane Doe has no open referral; log one first/) });
    expect(j.dump()).toEqual(before);
  });
});

describe('net due and referrals', () => {
  // Both were met long ago: give them a long cadence so that net due speaks only of referrals.
  beforeEach(() => {
    j.run('edit', 'jane', '--every', '1y');
    j.run('edit', 'ravi', '--every', '1y');
  });

  it('puts a received referral marked won on net due with a thank-you, until a touchpoint', () => {
    j.run('log', 'jane', '--touch', 'coffee', '--date', '2026-11-01');
    j.run('log', 'jane', '--received', 'referral', '--prospect', 'Tom', '--date', '2026-11-01');
    // Already acknowledged by the coffee that day: nothing due yet.
    expect(j.json('due').map((i: any) => i.name)).toEqual([]);
    j.run('referral', 'jane', '--status', 'won', '--amount', '800');
    const [item] = j.json('due', '--explain');
    expect(item).toMatchObject({ name: 'Jane Doe', reasons: ['a referral they gave you closed business (marked won today)'], nextAction: 'thank them: a call or a card, then log it as a touchpoint or a give' });
    expect(item.terms.find((t: any) => t.term === 'thankReferral')).toEqual({ term: 'thankReferral', value: 1, weight: 5, score: 5 });
    j.run('log', 'jane', '--touch', 'call', '--note', 'thanked her');
    expect(j.json('due')).toEqual([]);
  });

  it('asks how a referral given three weeks ago went, and stops once it has an outcome', () => {
    j.run('log', 'ravi', '--touch', 'coffee', '--gave', 'referral', '--prospect', 'Sue', '--date', '2026-10-25');
    expect(j.json('due').map((i: any) => i.name)).toEqual(['Ravi Patel']);
    expect(j.run('due').stdout).toBe('Ravi Patel → ask how it went, then net referral "Ravi Patel" --status\n  contacted|won|lost\n    the referral you gave them 4 weeks ago has no outcome yet\n');
    expect(j.json('due', '--on', '2026-11-14')).toEqual([]); // 20 days: not yet
    j.run('referral', 'ravi', '--status', 'lost');
    expect(j.json('due')).toEqual([]);
  });
});
