import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

describe('net log', () => {
  it('records a touchpoint and a give in one go, and a follow-up', () => {
    expect(j.run('add', 'Jane Doe').code).toBe(0);
    const r = j.run('log', 'jane', '--touch', 'coffee', '--gave', 'article', '--value', '3', '--note', 'pricing piece', '--next', 'in 2 weeks');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('Logged coffee with Jane Doe on Sun 2026-11-22: you gave them an article (3/5).');
    expect(r.stdout).toContain('Follow-up on Sun 2026-12-06.');
    const { events, follow_ups } = j.dump() as { events: any[]; follow_ups: any[] };
    expect(events.map((e) => [e.type, e.kind, e.value, e.note, e.occurred_on])).toEqual([
      ['touch', 'coffee', null, 'pricing piece', '2026-11-22'],
      ['gave', 'article', 3, 'pricing piece', '2026-11-22'],
    ]);
    expect(follow_ups).toMatchObject([{ due_on: '2026-12-06', done_on: null }]);
  });

  // README, "net log": a touchpoint or give on a later day than the one that set the follow-up closes it; one the same
  // day (the meeting itself) or something received does not.
  it('closes a follow-up by a touchpoint or give on a later day, never the same day nor by what was received', () => {
    expect(j.run('add', 'Jane Doe').code).toBe(0);
    const open = () => (j.dump().follow_ups as { done_on: string | null }[]).map((f) => f.done_on);
    expect(j.run('log', 'jane', '--touch', 'coffee', '--date', '2026-11-10', '--next', '2026-11-30').code).toBe(0);
    expect(j.run('log', 'jane', '--touch', 'call', '--date', '2026-11-10').code).toBe(0);
    expect(j.run('log', 'jane', '--received', 'idea', '--date', '2026-11-12').code).toBe(0);
    expect(open()).toEqual([null]);
    expect(j.run('log', 'jane', '--gave', 'article', '--date', '2026-11-11').code).toBe(0);
    expect(open()).toEqual(['2026-11-11']);
  });

  it('says who gave whom: Jo Lin gave you a referral, never "received a referral with Jo Lin"', () => {
    expect(j.run('add', 'Jo Lin').code).toBe(0);
    expect(j.run('log', 'jo', '--received', 'referral', '--value', '4')).toEqual({ code: 0, stderr: '', stdout: 'Logged on Sun 2026-11-22: Jo Lin gave you a referral (4/5).\n' });
    expect((j.dump().events as { type: string; kind: string }[]).map((e) => [e.type, e.kind])).toEqual([['received', 'referral']]);
  });

  it('rejects an unreadable date and writes nothing', () => {
    expect(j.run('add', 'Jane Doe').code).toBe(0);
    const before = j.dump();
    expect(j.run('log', 'jane', '--touch', 'coffee', '--date', 'someday')).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringMatching(/^net: cannot read date "someday"; use YYYY-MM-DD[^\n]*\n$/),
    });
    expect(j.dump()).toEqual(before);
  });

  it('reads everyday date words', () => {
    j.run('add', 'Jane Doe');
    expect(j.json('log', 'jane', '--touch', 'call', '--date', 'last friday').events[0].date).toBe('2026-11-20');
    expect(j.json('log', 'jane', '--touch', 'call', '--date', '3 days ago').events[0].date).toBe('2026-11-19');
    expect(j.json('log', 'jane', '--touch', 'call', '--next', 'next monday').followUp.dueOn).toBe('2026-11-23');
  });

  it('suggests the closest name for a typo, with exit code 4', () => {
    j.run('add', 'Jane Doe');
    expect(j.run('log', 'jnae', '--touch', 'call')).toMatchObject({ code: 4, stdout: '', stderr: 'net: no contact called "jnae"; did you mean "Jane Doe"? If they are new: net add "jnae"\n' });
  });

  it('lists the candidates of an ambiguous name', () => {
    j.run('add', 'Jane Doe');
    j.run('add', 'Jane Roe');
    const r = j.run('log', 'jane', '--touch', 'call');
    expect(r.code).toBe(4);
    expect(r.stderr).toBe('net: "jane" could mean Jane Doe, Jane Roe; use more of the name\n');
  });

  it('refuses a future date for something that happened', () => {
    j.run('add', 'Jane Doe');
    expect(j.run('log', 'jane', '--touch', 'call', '--date', '2030-01-01')).toMatchObject({ code: 2, stderr: expect.stringContaining('is in the future') });
  });

  it('needs something to log', () => {
    j.run('add', 'Jane Doe');
    expect(j.run('log', 'jane')).toMatchObject({ code: 2, stderr: expect.stringMatching(/^net: nothing to log; say what happened/) });
  });

  it('is a usage error without a name off a terminal', () => {
    expect(j.run('log')).toMatchObject({ code: 2, stderr: 'net: net log needs a name; for example net log jane coffee\n' });
  });
});
