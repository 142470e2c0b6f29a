/** The guided `net add` and `net log`, driven through a real pseudo-terminal. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, runNetInPty, type PtyStep } from '../helpers/pty.js';
import { makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

let j: Journal;
// Set-up and checks run in-process; the guided questions spawn bin/net.js in a pseudo-terminal (runNetInPty).
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

/**
 * The guided command in a pseudo-terminal, typing each step's keys 20 ms after its text shows: inquirer shows a
 * question once it reads keys, and 89 steps at the helper's 100 ms would wait 9 s for nothing.
 */
const guided = (args: readonly string[], steps: readonly PtyStep[]) => runNetInPty(j, args, steps, { settleMs: 20 });

/**
 * After the contact is chosen: coffee (the default), no give, nothing received, a note, today, no follow-up. The
 * questions name the contact when the command line did (net log jane), and say "them" when it was picked from a list.
 */
const coffeeWithNote = (note: string, named?: string) => [
  { wait: named ? `How were you in touch with ${named}?` : 'How were you in touch?', send: KEY.enter },
  { wait: `Did you give ${named ?? 'them'} something?`, send: KEY.enter },
  { wait: `Did ${named ?? 'they'} give you something?`, send: KEY.enter },
  { wait: 'Note', send: `${note}${KEY.enter}` },
  { wait: 'When did it happen?', send: KEY.enter },
  { wait: 'Follow-up', send: KEY.enter },
];

describe('guided net log', () => {
  it('records a coffee with a note for a contact found by typing part of the name', () => {
    j.run('add', 'Jane Doe');
    j.run('add', 'Ravi Patel');
    const r = guided(['log'], [
      { wait: 'Who was it with?', send: 'doe' },
      { wait: '+ add "doe" as a new contact', send: KEY.enter },
      ...coffeeWithNote('talked about pricing'),
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null, timedOut: false });
    expect(r.screen).toContain('Logged coffee with Jane Doe on Sun 2026-11-22.');
    const { events, contacts } = j.dump() as { events: any[]; contacts: any[] };
    const jane = contacts.find((c) => c.name === 'Jane Doe');
    expect(events.map((e) => [e.contact_id, e.type, e.kind, e.value, e.note, e.occurred_on])).toEqual([
      [jane.id, 'touch', 'coffee', null, 'talked about pricing', '2026-11-22'],
    ]);
    expect(jane.last_touch_on).toBe('2026-11-22');
  });

  it('offers the most recently touched contacts before anything is typed', () => {
    j.run('add', 'Ann Early');
    j.run('add', 'Zoe Recent');
    j.run('log', 'zoe', '--touch', 'call', '--date', 'yesterday');
    const r = guided(['log'], [
      { wait: 'Zoe Recent', send: KEY.down },
      { wait: 'Zoe Recent', send: KEY.enter },
      { wait: 'How were you in touch?', send: KEY.down + KEY.enter }, // coffee is first, then lunch
      { wait: 'Did you give them something?', send: KEY.down + KEY.enter }, // referral
      { wait: 'Did they give you something?', send: KEY.enter },
      { wait: 'How much was it worth', send: KEY.down + KEY.down + KEY.enter }, // 2 is the default: two down is 4
      { wait: 'Whom was the referral for?', send: `Tom Baker, needs a bookkeeper${KEY.enter}` },
      { wait: 'Note', send: KEY.enter },
      { wait: 'When did it happen?', send: `${KEY.backspace.repeat(5)}yesterday${KEY.enter}` },
      { wait: 'Follow-up', send: `in 2 weeks${KEY.enter}` },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen.indexOf('Zoe Recent')).toBeLessThan(r.screen.indexOf('Ann Early'));
    expect(r.screen).toContain('Logged lunch with Zoe Recent on Sat 2026-11-21: you gave them a referral (4/5) for Tom Baker, needs a bookkeeper.');
    const { events, follow_ups } = j.dump() as { events: any[]; follow_ups: any[] };
    expect(events.slice(1).map((e) => [e.type, e.kind, e.value, e.note, e.occurred_on])).toEqual([
      ['touch', 'lunch', null, null, '2026-11-21'],
      ['gave', 'referral', 4, null, '2026-11-21'],
    ]);
    expect(events[2]).toMatchObject({ prospect: 'Tom Baker, needs a bookkeeper', status: 'open' });
    expect(follow_ups).toMatchObject([{ due_on: '2026-12-06', scheduled_on: '2026-11-21', done_on: null }]);
  });

  it('creates a new contact on the spot', () => {
    j.run('add', 'Jane Doe');
    const r = guided(['log'], [
      { wait: 'Who was it with?', send: 'Ravi Pat' },
      { wait: '+ add "Ravi Pat" as a new contact', send: KEY.enter },
      { wait: 'Name of the new contact', send: `el${KEY.enter}` }, // the typed term is already there
      ...coffeeWithNote('met at the chamber lunch'),
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Logged coffee with Ravi Patel on Sun 2026-11-22.');
    const { contacts, events } = j.dump() as { contacts: any[]; events: any[] };
    expect(contacts.map((c) => c.name)).toEqual(['Jane Doe', 'Ravi Patel']);
    expect(events).toMatchObject([{ contact_id: contacts[1].id, kind: 'coffee', note: 'met at the chamber lunch' }]);
  });

  it('asks again when a new name is already taken', () => {
    j.run('add', 'Jane Doe');
    const r = guided(['log'], [
      { wait: 'Who was it with?', send: KEY.enter }, // "+ add a new contact" comes first
      { wait: 'Name of the new contact', send: `jane doe${KEY.enter}` },
      { wait: 'already in the journal', send: `${KEY.backspace.repeat(8)}Jane Roe${KEY.enter}` },
      ...coffeeWithNote('second Jane'),
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect((j.dump().contacts as any[]).map((c) => c.name)).toEqual(['Jane Doe', 'Jane Roe']);
  });

  it('exits with 130 and writes nothing on Ctrl-C in the middle', () => {
    j.run('add', 'Jane Doe');
    j.run('log', 'jane', '--touch', 'call', '--date', 'yesterday');
    const before = j.dump();
    const r = guided(['log'], [
      { wait: 'Who was it with?', send: 'jane' },
      { wait: '+ add "jane" as a new contact', send: KEY.enter },
      { wait: 'How were you in touch?', send: KEY.enter },
      { wait: 'Did you give them something?', send: KEY.ctrlC },
    ]);
    expect(r).toMatchObject({ code: 130, stuckOn: null });
    expect(r.screen).toContain('net: cancelled; nothing was written');
    expect(j.dump()).toEqual(before);
  });

  it('re-asks an unreadable date with what is accepted', () => {
    j.run('add', 'Jane Doe');
    const r = guided(['log'], [
      { wait: 'Who was it with?', send: 'jane' },
      { wait: '+ add "jane" as a new contact', send: KEY.enter },
      { wait: 'How were you in touch?', send: KEY.enter },
      { wait: 'Did you give them something?', send: KEY.enter },
      { wait: 'Did they give you something?', send: KEY.enter },
      { wait: 'Note', send: KEY.enter },
      { wait: 'When did it happen?', send: `${KEY.backspace.repeat(5)}someday${KEY.enter}` },
      { wait: 'cannot read date "someday"', send: `${KEY.backspace.repeat(7)}2026-11-20${KEY.enter}` },
      { wait: 'Follow-up', send: KEY.enter },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(j.dump().events).toMatchObject([{ kind: 'coffee', occurred_on: '2026-11-20' }]);
  });
});

describe('guided net log from a name', () => {
  it('asks what happened with the contact named, and whom a referral was for', () => {
    j.run('add', 'Jane Doe');
    j.run('add', 'Ravi Patel');
    const r = guided(['log', 'ravi'], [
      { wait: 'How were you in touch with Ravi Patel?', send: KEY.down + KEY.down + KEY.enter }, // call
      { wait: 'Did you give Ravi Patel something?', send: KEY.down + KEY.enter }, // referral
      { wait: 'Did Ravi Patel give you something?', send: KEY.enter },
      { wait: 'How much was it worth', send: KEY.enter },
      { wait: 'Whom was the referral for?', send: `Tom Baker, needs a bookkeeper${KEY.enter}` },
      { wait: 'Note', send: `asked him to call Tom${KEY.enter}` },
      { wait: 'When did it happen?', send: KEY.enter },
      { wait: 'Follow-up', send: `next friday${KEY.enter}` },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).not.toContain('Who was it with?');
    expect(r.screen).toContain('Logged call with Ravi Patel on Sun 2026-11-22: you gave them a referral (2/5) for Tom Baker, needs a bookkeeper.');
    const { events, contacts, follow_ups } = j.dump() as { events: any[]; contacts: any[]; follow_ups: any[] };
    const ravi = contacts.find((c) => c.name === 'Ravi Patel');
    expect(events.map((e) => [e.contact_id, e.type, e.kind, e.value, e.note, e.prospect, e.status])).toEqual([
      [ravi.id, 'touch', 'call', null, 'asked him to call Tom', null, null],
      [ravi.id, 'gave', 'referral', 2, 'asked him to call Tom', 'Tom Baker, needs a bookkeeper', 'open'],
    ]);
    expect(follow_ups).toMatchObject([{ contact_id: ravi.id, due_on: '2026-11-27' }]);
    expect(j.json('referrals').referrals.map((x: any) => x.prospect)).toEqual(['Tom Baker, needs a bookkeeper']);
  });

  it('offers to add a name not in the journal, then asks what happened', () => {
    const r = guided(['log', 'Mia Chen'], [
      { wait: 'is not in your journal yet. Add them now?', send: KEY.enter },
      ...coffeeWithNote('met at the chamber lunch', 'Mia Chen'),
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Logged coffee with Mia Chen on Sun 2026-11-22.');
    expect((j.dump().contacts as any[]).map((c) => c.name)).toEqual(['Mia Chen']);
  });
});

describe('guided net add', () => {
  it('offers to log the meeting just had, and logs it with the new contact', () => {
    const r = guided(['add'], [
      { wait: 'Name:', send: `Mia Chen${KEY.enter}` },
      { wait: 'Company', send: KEY.enter },
      { wait: 'Role', send: `florist${KEY.enter}` },
      { wait: 'Email', send: KEY.enter },
      { wait: 'Phone', send: KEY.enter },
      { wait: 'Tags', send: KEY.enter },
      { wait: 'When did you first meet?', send: `today${KEY.enter}` },
      { wait: 'How did you meet?', send: `chamber lunch${KEY.enter}` },
      { wait: 'How often', send: KEY.enter },
      { wait: 'Log the meeting you just had with Mia Chen?', send: KEY.enter },
      { wait: 'How were you in touch with Mia Chen?', send: KEY.down + KEY.enter }, // lunch
      { wait: 'Did you give Mia Chen something?', send: KEY.enter },
      { wait: 'Did Mia Chen give you something?', send: KEY.enter },
      { wait: 'Note', send: `wants more wedding clients${KEY.enter}` },
      { wait: 'When did it happen?', send: KEY.enter },
      { wait: 'Follow-up', send: `in 2 weeks${KEY.enter}` },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Added Mia Chen (florist), met on Sun 2026-11-22');
    expect(r.screen).toContain('Logged lunch with Mia Chen on Sun 2026-11-22.');
    const { contacts, events, follow_ups } = j.dump() as { contacts: any[]; events: any[]; follow_ups: any[] };
    expect(contacts).toMatchObject([{ name: 'Mia Chen', how_met: 'chamber lunch', last_touch_on: '2026-11-22', next_follow_up_on: '2026-12-06' }]);
    expect(events).toMatchObject([{ contact_id: contacts[0].id, type: 'touch', kind: 'lunch', note: 'wants more wedding clients' }]);
    expect(follow_ups).toHaveLength(1);
  });

  it('records a contact with a company, skipping the rest', () => {
    const r = guided(['add'], [
      { wait: 'Name:', send: `Jane Doe${KEY.enter}` },
      { wait: 'Company', send: `Acme Homes${KEY.enter}` },
      { wait: 'Role', send: KEY.enter },
      { wait: 'Email', send: KEY.enter },
      { wait: 'Phone', send: KEY.enter },
      { wait: 'Tags', send: `bni, Client${KEY.enter}` },
      { wait: 'When did you first meet?', send: KEY.enter },
      { wait: 'How did you meet?', send: KEY.enter },
      { wait: 'How often', send: KEY.enter },
      { wait: 'Log the meeting you just had with Jane Doe?', send: `n${KEY.enter}` },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Added Jane Doe (Acme Homes)  #bni #client');
    const { contacts, facts } = j.dump() as { contacts: any[]; facts: any[] };
    expect(contacts).toMatchObject([{ name: 'Jane Doe', company: 'Acme Homes', role: null, email: null, met_on: null, every_days: null }]);
    expect(facts.map((f) => [f.kind, f.text])).toEqual([
      ['tag', 'bni'],
      ['tag', 'client'],
    ]);
  });

  it('checks each answer as the flag would, and asks again', () => {
    const r = guided(['add'], [
      { wait: 'Name:', send: KEY.enter },
      { wait: 'Please type something', send: `Ravi Patel${KEY.enter}` },
      { wait: 'Company', send: KEY.enter },
      { wait: 'Role', send: `bookkeeper${KEY.enter}` },
      { wait: 'Email', send: `ravi@example${KEY.enter}` },
      { wait: 'is not an email address', send: `.com${KEY.enter}` },
      { wait: 'Phone', send: KEY.enter },
      { wait: 'Tags', send: KEY.enter },
      { wait: 'When did you first meet?', send: `in a year${KEY.enter}` },
      { wait: 'is in the future', send: `${KEY.backspace.repeat(9)}someday${KEY.enter}` },
      { wait: 'cannot read date "someday"', send: `${KEY.backspace.repeat(7)}last friday${KEY.enter}` },
      { wait: 'How did you meet?', send: `chamber lunch${KEY.enter}` },
      { wait: 'How often', send: `fortnightly${KEY.enter}` },
      { wait: 'cannot read interval', send: `${KEY.backspace.repeat(11)}2w${KEY.enter}` },
      { wait: 'Log the meeting you just had', send: `n${KEY.enter}` },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(j.dump().contacts).toMatchObject([
      { name: 'Ravi Patel', role: 'bookkeeper', email: 'ravi@example.com', met_on: '2026-11-20', how_met: 'chamber lunch', every_days: 14 },
    ]);
  });

  it('is cancelled by Ctrl-C without creating the journal', () => {
    const r = guided(['add'], [
      { wait: 'Name:', send: `Jane${KEY.enter}` },
      { wait: 'Company', send: KEY.ctrlC },
    ]);
    expect(r).toMatchObject({ code: 130, stuckOn: null });
    expect(j.run('--json', 'list')).toMatchObject({ code: 0, stdout: '[]\n' });
  });
});
