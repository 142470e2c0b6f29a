import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

describe('net add', () => {
  it('adds a contact with the whole profile', () => {
    const r = j.run('add', 'Jane Doe', '--company', 'Acme Homes', '--role', 'estate agent', '--email', 'jane@example.com', '--phone', '+44 20 7946 0958',
      '--tag', 'bni', '--tag', 'Client', '--met', '2025-03-01', '--how-met', 'BNI Tuesday breakfast', '--every', '3w', '--service', 'home staging', '--goal', 'open a second office', '--family', 'Maria, wife');
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'Added Jane Doe (estate agent, Acme Homes)  #bni #client\n' });
    const { contacts, facts } = j.dump() as { contacts: any[]; facts: any[] };
    expect(contacts).toMatchObject([
      { name: 'Jane Doe', name_key: 'jane doe', company: 'Acme Homes', role: 'estate agent', email: 'jane@example.com', phone: '+44 20 7946 0958', met_on: '2025-03-01', how_met: 'BNI Tuesday breakfast', every_days: 21, service_count: 1, goal_count: 1, family_count: 1, created_at: '2026-11-22T12:00:00.000Z' },
    ]);
    expect(contacts[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(facts.map((f) => [f.kind, f.text])).toEqual([
      ['tag', 'bni'],
      ['tag', 'client'],
      ['service', 'home staging'],
      ['goal', 'open a second office'],
      ['family', 'Maria, wife'],
    ]);
  });

  it('prints the contact as JSON', () => {
    const v = j.json('add', 'Ravi Patel', '--tag', 'bni', '--tag', 'BNI', '--met', 'last friday', '--every', '2m');
    expect(v).toMatchObject({ name: 'Ravi Patel', tags: ['bni'], services: [], metOn: '2026-11-20', every: '2m', everyDays: 60, lastTouch: null, snoozedUntil: null });
  });

  it('is a usage error without a name off a terminal, and creates no journal', () => {
    expect(j.run('add')).toEqual({ code: 2, stdout: '', stderr: 'net: net add needs a name; for example net add "Jane Doe" --company Acme\n' });
    expect(j.run('--json', 'list')).toMatchObject({ code: 0, stdout: '[]\n' });
  });

  describe('leaves the journal unchanged on bad input', () => {
    beforeEach(() => {
      expect(j.run('add', 'Jane Doe', '--email', 'jane@example.com').code).toBe(0);
    });

    it.each([
      [['add', 'Ravi', '--compnay', 'Acme'], /^net: unknown option '--compnay'.*; see net add --help\n$/],
      [['add', 'Ravi', '--email', 'ravi@example'], /^net: "ravi@example" is not an email address; write it as name@example.com\n$/],
      [['add', 'Ravi', '--every', 'fortnightly'], /^net: cannot read interval "fortnightly"; use a number and a unit/],
      [['add', 'Ravi', '--every', '0d'], /^net: cannot read interval "0d"/],
      [['add', '   '], /^net: a contact needs a name; give the name in quotes/],
      [['add', ''], /^net: a contact needs a name/],
      [['add', 'jane  DOE'], /^net: "Jane Doe" is already in the journal; use net edit/],
      [['add', 'Ravi', '--email', 'JANE@example.com'], /^net: JANE@example.com already belongs to Jane Doe/],
      [['add', 'Ravi', '--met', '2030-01-01'], /^net: --met 2030-01-01 is in the future/],
      [['add', 'Ravi', '--met', 'someday'], /^net: cannot read date "someday"/],
      [['add', 'Ravi', '--tag', '#bni'], /^net: "#bni" is not a tag/],
      [['add', 'Ravi', '--phone', 'call me'], /^net: "call me" is not a phone number/],
    ])('net %j', (args, stderr) => {
      const before = j.dump();
      const r = j.run(...args);
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(stderr) });
      expect(r.stderr.split('\n')).toHaveLength(2); // one line
      expect(j.dump()).toEqual(before);
    });
  });
});
