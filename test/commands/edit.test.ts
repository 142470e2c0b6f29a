import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  expect(j.run('add', 'Jane Doe', '--company', 'Acme', '--email', 'jane@example.com', '--phone', '555 0100', '--tag', 'bni', '--tag', 'prospect', '--service', 'valuations').code).toBe(0);
  expect(j.run('add', 'Ravi Patel', '--email', 'ravi@example.com').code).toBe(0);
});
afterEach(() => j.cleanup());

const jane = () => (j.dump().contacts as any[]).find((c) => c.name.startsWith('Jane'));
const factsOf = (id: string) => (j.dump().facts as any[]).filter((f) => f.contact_id === id).map((f) => `${f.kind}:${f.text}`);

describe('net edit', () => {
  it('changes fields and adds facts, leaving a fact already there alone', () => {
    const r = j.runWith({ now: '2026-11-23' }, 'edit', 'jane', '--company', 'Acme Homes', '--service', 'home staging', '--service', 'Valuations', '--service', 'lettings');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')[0]).toBe('Updated Jane Doe: company, +2 services');
    expect(r.stdout).toContain('services    valuations; home staging; lettings');
    const c = jane();
    expect(c).toMatchObject({ company: 'Acme Homes', service_count: 3, created_at: '2026-11-22T12:00:00.000Z', updated_at: '2026-11-23T12:00:00.000Z' });
    expect(factsOf(c.id)).toEqual(['tag:bni', 'tag:prospect', 'service:valuations', 'service:home staging', 'service:lettings']);
  });

  it('sets every profile field, and reports it as JSON', () => {
    const v = j.json('edit', 'jane', '--role', 'estate agent', '--phone', '+44 20 7946 0958', '--met', '3 days ago', '--how-met', 'chamber lunch', '--every', '2m', '--goal', 'second office', '--family', 'Maria, wife', '--tag', 'client');
    expect(v).toMatchObject({
      name: 'Jane Doe', role: 'estate agent', phone: '555 0100', metOn: '2026-11-19', howMet: 'chamber lunch', every: '2m', everyDays: 60,
      // --phone adds a number; the first stays the main one.
      phones: [{ number: '555 0100', label: null }, { number: '+44 20 7946 0958', label: null }],
      goals: ['second office'], family: ['Maria, wife'], tags: ['bni', 'client', 'prospect'], // added at the same moment (NET_NOW): in name order
      changes: { set: ['role', 'metOn', 'howMet', 'every', 'phone'], cleared: [], added: { tag: 1, service: 0, goal: 1, family: 1 }, removed: { tag: 0, service: 0, goal: 0, family: 0 } },
    });
    expect(jane()).toMatchObject({ goal_count: 1, family_count: 1 });
  });

  it('shows the dates to remember in the profile it prints, as net show does, and in its JSON', () => {
    const r = j.run('edit', 'jane', '--birthday', '1980-05-04');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe('Updated Jane Doe: birthday');
    const profile = r.stdout.split('\n').slice(1).join('\n').trimEnd();
    expect(profile).toContain('  birthday    1980-05-04, next 2027-05-04 (in 163 days)');
    expect(j.run('show', 'jane').stdout.startsWith(`${profile}\n`)).toBe(true);
    expect(j.json('edit', 'jane', '--role', 'agent')).toMatchObject({ importantDates: [{ label: 'birthday', date: '1980-05-04', next: '2027-05-04', inDays: 163 }] });
  });

  it('renames, and the new name resolves', () => {
    const r = j.run('edit', 'jane', '--name', 'Jane Doe-Smith');
    expect(r).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Updated Jane Doe-Smith: name\n/) });
    expect(jane()).toMatchObject({ name: 'Jane Doe-Smith', name_key: 'jane doe-smith' });
    expect(j.json('show', 'doe-smith').contact.name).toBe('Jane Doe-Smith');
  });

  it('can change only the case of a name', () => {
    expect(j.run('edit', 'jane', '--name', 'jane doe').stdout).toMatch(/^Updated jane doe: name/);
  });

  it('removes tags and facts, and clears fields', () => {
    const r = j.run('edit', 'jane', '--untag', 'Prospect', '--tag', 'client', '--forget', 'VALUATIONS', '--clear', 'phone', '--clear', 'email');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe('Updated Jane Doe: cleared email, cleared phone, +1 tag, -1 tag, -1 service');
    const c = jane();
    expect(c).toMatchObject({ email: null, phone: null, company: 'Acme', service_count: 0 });
    expect(factsOf(c.id)).toEqual(['tag:bni', 'tag:client']);
  });

  it.each([
    [['edit', 'jane'], /^net: nothing to change; give one or more of --name, --given-name, --family-name, --company, .*--clear \(see net edit --help\)\n$/],
    [['edit', 'jane', '--company', 'Acme', '--tag', 'BNI'], /^net: nothing to change: Jane Doe already has those details; give one or more of --name/],
    [['edit', 'jane', '--clear', 'role'], /^net: nothing to change/],
    [['edit', 'jane', '--compnay', 'X'], /^net: unknown option '--compnay'/],
    [['edit', 'jane', '--email', 'jane@'], /^net: "jane@" is not an email address/],
    [['edit', 'jane', '--email', 'Ravi@Example.com'], /^net: Ravi@Example.com already belongs to Ravi Patel/],
    [['edit', 'jane', '--every', '3 fortnights'], /^net: cannot read interval "3 fortnights"/],
    [['edit', 'jane', '--name', ' '], /^net: a contact needs a name/],
    [['edit', 'jane', '--name', 'ravi patel'], /^net: "Ravi Patel" is already in the journal/],
    [['edit', 'jane', '--untag', 'vip'], /^net: Jane Doe has no tag "vip"; their tags are bni, prospect\n$/],
    [['edit', 'jane', '--company', 'X', '--forget', 'lettings'], /^net: Jane Doe has no service, goal or family member "lettings"/],
    [['edit', 'jane', '--clear', 'name'], /^net: cannot clear "name"; --clear takes one of: company, role, email, phone, met, how-met, every, birthday, given-name, family-name, note\n$/],
    [['edit', 'jane', '--forget-phone', '555 0199'], /^net: Jane Doe has no phone number 555 0199; their phone numbers: 555 0100\n$/],
    [['edit', 'jane', '--email', 'ravi@EXAMPLE.com'], /^net: ravi@EXAMPLE\.com already belongs to Ravi Patel; /],
    [['edit', 'jane', '--tag', 'vip', '--untag', 'vip'], /^net: --tag vip and --untag vip say opposite things/],
    [['edit', 'jane', '--met', 'next week'], /^net: --met 2026-11-(29|30) is in the future/],
  ])('net %j is a usage error and changes nothing', (args, stderr) => {
    const before = j.dump();
    const r = j.run(...args);
    expect(r).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(stderr) });
    expect(j.dump()).toEqual(before);
  });

  it('says so for an unknown contact, with exit code 4', () => {
    const before = j.dump();
    expect(j.run('edit', 'jnae', '--company', 'X')).toEqual({ code: 4, stdout: '', stderr: 'net: no contact called "jnae"; did you mean "Jane Doe"?\n' });
    expect(j.dump()).toEqual(before);
  });

  it('does not create a journal that is not there', () => {
    const k = makeJournal(TODAY, 'in-process');
    try {
      expect(k.run('edit', 'jane', '--company', 'X')).toMatchObject({ code: 4 });
      expect(() => k.dump()).toThrow();
    } finally {
      k.cleanup();
    }
  });

  it('sets and clears the given and family names, which net never guesses from the name', () => {
    expect(j.run('add', 'Dr. Ada Lovelace', '--given-name', 'Ada').stdout).toBe('Added Dr. Ada Lovelace\n');
    expect(j.run('edit', 'ada', '--family-name', ' Lovelace ')).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Updated Dr\. Ada Lovelace: family name\n.*\n  given name +Ada\n  family name +Lovelace\n/) });
    expect(j.json('show', 'ada').contact).toMatchObject({ givenName: 'Ada', familyName: 'Lovelace' });
    expect(j.run('edit', 'ada', '--clear', 'given-name').stdout).toMatch(/^Updated Dr\. Ada Lovelace: cleared given name\n/);
    const ada = (j.dump() as { contacts: any[] }).contacts.find((c) => c.name === 'Dr. Ada Lovelace');
    expect([ada.given_name, ada.family_name]).toEqual([null, 'Lovelace']);
    const before = j.dump();
    expect(j.run('edit', 'ada', '--given-name', 'A\u0007da')).toMatchObject({ code: 2, stdout: '', stderr: 'net: --given-name cannot hold control characters; type it as plain text\n' });
    expect(j.run('edit', 'ada', '--family-name', 'x', '--clear', 'family-name')).toMatchObject({ code: 2, stderr: 'net: --family-name and --clear family-name say opposite things; give one of them\n' });
    expect(j.dump()).toEqual(before);
  });

  it('documents how to remove and clear in --help', () => {
    const help = j.run('edit', '--help').stdout;
    expect(help).toMatch(/--untag <tag>/);
    expect(help).toMatch(/--forget <text>/);
    expect(help).toMatch(/--clear <field> +empty a field: company, role/);
    expect(help).toMatch(/--given-name <name> +their given \(first\) name/);
    expect(help.replace(/\s+/g, ' ')).toContain('Take them off with --untag <tag>, --forget <text>, --forget-email <address> and --forget-phone <number>');
    expect(help).toMatch(/Examples:/);
  });
});
