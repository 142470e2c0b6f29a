import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
type EventRow = { id: string; type: string; kind: string; value: number | null; note: string | null; occurred_on: string; outcome: string | null; outcome_on: string | null; premature: number };
const asks = () => (j.dump().events as EventRow[]).filter((e) => e.type === 'ask');

/** Known since March, three services known, given to twice: ready for a favour. */
function logFriend(): void {
  ok(j.run('add', 'Sam Lee', '--met', '2026-03-01', '--service', 'web', '--service', 'seo', '--service', 'hosting'));
  ok(j.run('log', 'sam', '--gave', 'referral', '--value', '3', '--date', '2026-10-20'));
  ok(j.run('log', 'sam', '--touch', 'coffee', '--date', '2026-11-01'));
}

describe('net ask', () => {
  it('records a ready ask as pending, sized by its kind, and draws down the balance', () => {
    logFriend();
    const before = j.json('check', 'sam').balance;
    const r = j.run('ask', 'sam', '--for', 'favour', '--note', 'feedback on my site');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Asked Sam Lee for a favour on Sun 2026-11-22 (size 2/5).\nWhen you hear back: net ask "Sam Lee" --outcome yes|no\n');
    expect(asks()).toMatchObject([{ kind: 'favour', value: 2, note: 'feedback on my site', occurred_on: '2026-11-22', outcome: 'pending', outcome_on: null, premature: 0 }]);
    expect(j.json('check', 'sam').balance).toBeCloseTo(before - 2, 5);
    expect((j.dump().contacts as { open_ask_on: string }[])[0]!.open_ask_on).toBe('2026-11-22');
  });

  it('takes --size and --date', () => {
    logFriend();
    ok(j.run('ask', 'sam', '--for', 'favour', '--size', '1', '--date', 'yesterday'));
    expect(asks()).toMatchObject([{ value: 1, occurred_on: '2026-11-21' }]);
  });

  it('off a terminal, a premature ask without --anyway writes nothing and exits 3, with the reasons on stderr', () => {
    ok(j.run('add', 'Richard Branson'));
    ok(j.run('log', 'richard', '--touch', 'event', '--date', 'yesterday'));
    const before = j.dump();
    const r = j.run('ask', 'richard', '--for', 'introduction');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('Nothing recorded: asking Richard Branson for an introduction looks premature. Invest first, or add --anyway to record it all the same.\n');
    expect(r.stderr).toMatch(/^net: PREMATURE {2}give it time, before you ask Richard Branson for an introduction\n/);
    expect(r.stderr).toContain('  ✗ known for 1 day (since 2026-11-21); asking for an introduction needs 180\n    days\n');
    expect(r.stderr).toContain('What to do first:\n');
    expect(j.dump()).toEqual(before);
  });

  it('with --anyway records a premature ask, marked premature in the journal and in net show', () => {
    ok(j.run('add', 'Richard Branson'));
    const r = j.run('ask', 'richard', '--for', 'introduction', '--anyway', '--note', 'meet Virgin');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('Asked Richard Branson for an introduction on Sun 2026-11-22 (size 5/5), marked premature.\nWhen you hear back: net ask "Richard Branson" --outcome yes|no\n');
    // Recorded anyway: one line, the full reasons only when nothing was recorded.
    expect(r.stderr).toBe('net: recorded anyway, although the relationship is not ready yet: meet them first (net check "Richard Branson" --for introduction says why)\n');
    expect(asks()).toMatchObject([{ kind: 'introduction', value: 5, premature: 1, outcome: 'pending' }]);
    expect(j.json('show', 'richard').timeline).toMatchObject([{ type: 'ask', kind: 'introduction', premature: true, outcome: 'pending' }]);
  });

  it('--json prints the ask and the check it ran', () => {
    logFriend();
    const v = j.json('ask', 'sam', '--for', 'favour');
    expect(v).toMatchObject({ contact: { name: 'Sam Lee' }, recorded: true, premature: false, event: { type: 'ask', kind: 'favour', value: 2, outcome: 'pending', premature: false }, check: { verdict: 'ready', ask: 'favour' } });
  });

  it('--json off a terminal, premature: recorded false, exit 3, nothing written', () => {
    ok(j.run('add', 'Jane Doe'));
    const before = j.dump();
    const r = j.run('--json', 'ask', 'jane', '--for', 'favour');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ recorded: false, premature: true, event: null, check: { verdict: 'premature' } });
    expect(j.dump()).toEqual(before);
  });

  it('an open ask makes the next one premature until the loop is closed', () => {
    logFriend();
    ok(j.run('ask', 'sam', '--for', 'favour', '--size', '1'));
    const r = j.run('check', 'sam');
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('  ✗ your ask of 2026-11-22 is still open');
    expect(r.stdout).toContain('close the loop on it first (net ask "Sam Lee" --outcome yes|no)');
    ok(j.run('ask', 'sam', '--outcome', 'yes'));
    expect(j.run('check', 'sam').code).toBe(0);
  });

  it('--outcome with several open asks names them; --id picks one, --note says what came of it; none open is a usage error', () => {
    ok(j.run('add', 'Jane Doe'));
    expect(j.run('ask', 'jane', '--for', 'favour', '--date', '2026-10-01', '--anyway').code).toBe(0);
    expect(j.run('ask', 'jane', '--for', 'referral', '--date', '2026-11-01', '--anyway').code).toBe(0);
    const [favourId, referralId] = asks().map((a) => String(a.id));
    const several = j.run('ask', 'jane', '--outcome', 'no');
    expect(several).toMatchObject({ code: 2, stdout: '' });
    expect(several.stderr).toBe(
      `net: Jane Doe has 2 open asks: ${referralId!.slice(0, 8)} (referral, 2026-11-01); ${favourId!.slice(0, 8)} (favour, 2026-10-01); name one with --id, for example net ask "Jane Doe" --outcome yes --id ${referralId!.slice(0, 8)}\n`,
    );
    const r = j.run('ask', 'jane', '--outcome', 'no', '--date', '2026-11-05', '--id', referralId!.slice(0, 6), '--note', 'no clients in that field');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe('Jane Doe said no on Thu 2026-11-05 to your ask for a referral of 2026-11-01. Keep giving: the relationship matters more than the ask.\n');
    expect(asks().find((a) => a.id === referralId)).toMatchObject({ note: 'no clients in that field' });
    expect(asks().map((a) => [a.kind, a.outcome, a.outcome_on])).toEqual([
      ['favour', 'pending', null],
      ['referral', 'no', '2026-11-05'],
    ]);
    expect(j.run('ask', 'jane', '--outcome', 'pending').stdout).toBe('Jane Doe: your ask for a favour of 2026-10-01 is still open.\n');
    expect(j.run('ask', 'jane', '--outcome', 'yes').stdout).toBe('Jane Doe said yes on Sun 2026-11-22 to your ask for a favour of 2026-10-01: thank them, and keep giving.\n');
    expect(j.run('ask', 'jane', '--outcome', 'pending', '--id', referralId!.slice(0, 8)).stdout).toBe('Jane Doe: your ask for a referral of 2026-11-01 is open again.\n');
    ok(j.run('ask', 'jane', '--outcome', 'no', '--id', referralId!.slice(0, 8)));
    expect((j.dump().contacts as { open_ask_on: string | null }[])[0]!.open_ask_on).toBeNull();
    const before = j.dump();
    expect(j.run('ask', 'jane', '--outcome', 'yes')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'net: Jane Doe has no open ask; record one first, for example net ask "Jane Doe" --for favour\n',
    });
    expect(j.dump()).toEqual(before);
  });

  it('asks for a favour when --for is left out, as net check does (Alex)', () => {
    logFriend();
    const r = j.run('ask', 'sam', '--note', 'a review of my new site');
    expect(r.stdout).toMatch(/^Asked Sam Lee for a favour on /);
    expect(asks()).toMatchObject([{ kind: 'favour', note: 'a review of my new site' }]);
  });

  it.each<[string, string[], RegExp]>([
    ['--id without --outcome', ['ask', 'sam', '--id', 'abcd'], /^net: --id goes with --outcome/],
    ['an unknown kind', ['ask', 'sam', '--for', 'loan'], /^net: unknown ask kind "loan"/],
    ['a size of 9', ['ask', 'sam', '--for', 'favour', '--size', '9'], /^net: size "9" is not a whole number from 1 to 5; use --size 1/],
    ['a future date', ['ask', 'sam', '--for', 'favour', '--date', '2027-01-01'], /^net: --date 2027-01-01 is in the future/],
    ['--outcome with --for', ['ask', 'sam', '--for', 'favour', '--outcome', 'yes'], /^net: --outcome closes an ask; --for, --size and --anyway record a new one/],
    ['an unknown outcome', ['ask', 'sam', '--outcome', 'maybe'], /^net: unknown outcome "maybe"/],
  ])('%s is a usage error that writes nothing', (_, args, stderr) => {
    logFriend();
    const before = j.dump();
    expect(j.run(...args)).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(stderr) });
    expect(j.dump()).toEqual(before);
  });

  it('an unknown name exits 4', () => {
    expect(j.run('ask', 'nobody', '--for', 'favour')).toMatchObject({ code: 4, stdout: '', stderr: expect.stringMatching(/^net: no contact called "nobody"/) });
  });
});
