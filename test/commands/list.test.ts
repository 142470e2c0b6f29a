import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

function seed() {
  j.run('add', 'Ravi Patel', '--role', 'bookkeeper', '--tag', 'client');
  j.run('add', 'jane doe', '--company', 'Acme', '--role', 'estate agent', '--tag', 'bni', '--tag', 'client', '--service', 'valuations');
  j.run('add', 'Álvaro Ruiz', '--company', 'Ruiz & Co', '--tag', 'bni');
  j.run('log', 'jane', '--touch', 'coffee', '--date', '3 days ago');
  j.run('log', 'ravi', '--gave', 'referral', '--date', '2026-10-01');
  j.run('log', 'alvaro', '--received', 'idea'); // something received is not a touch
}

describe('net list', () => {
  it('says how to start when the journal is empty, and creates no file', () => {
    expect(j.run('list')).toEqual({ code: 0, stderr: '', stdout: 'Your journal has no contacts yet. Start with: net add "Jane Doe" (or net add on its own to be asked).\n' });
    expect(j.run('--json', 'list')).toEqual({ code: 0, stderr: '', stdout: '[]\n' });
    expect(() => j.dump()).toThrow();
  });

  it('lists contacts in name order, one line each, in columns', () => {
    seed();
    expect(j.run('list')).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        'Álvaro Ruiz  Ruiz & Co           #bni          no touch yet',
        'jane doe     estate agent, Acme  #bni #client  3 days ago',
        'Ravi Patel   bookkeeper          #client       7 weeks ago',
        '',
      ].join('\n'),
    });
  });

  it('filters by tag, case-insensitively', () => {
    seed();
    expect(j.run('list', '--tag', 'BNI').stdout).toBe(['Álvaro Ruiz  Ruiz & Co           #bni          no touch yet', 'jane doe     estate agent, Acme  #bni #client  3 days ago', ''].join('\n'));
    expect(j.json('list', '--tag', 'client').map((c: any) => c.name)).toEqual(['jane doe', 'Ravi Patel']);
  });

  it('says when no contact has the tag', () => {
    seed();
    expect(j.run('list', '--tag', 'florist')).toEqual({ code: 0, stderr: '', stdout: 'No contacts are tagged florist. Tag one with: net edit <name> --tag florist\nSee everyone with: net list\n' });
    expect(j.run('--json', 'list', '--tag', 'florist').stdout).toBe('[]\n');
  });

  it('prints an array of contacts with their tags and facts as JSON', () => {
    seed();
    const list = j.json('list');
    expect(list).toHaveLength(3);
    expect(list[1]).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'jane doe',
      company: 'Acme',
      role: 'estate agent',
      email: null,
      phone: null,
      tags: ['bni', 'client'],
      services: ['valuations'],
      goals: [],
      family: [],
      needs: [],
      ideals: [],
      metNeeds: [],
      givenName: null,
      familyName: null,
      metOn: null,
      howMet: null,
      every: null,
      everyDays: null,
      snoozedUntil: null,
      lastTouch: '2026-11-19',
      createdAt: '2026-11-22T12:00:00.000Z',
      updatedAt: '2026-11-22T12:00:00.000Z',
    });
    expect(list.map((c: any) => c.tags)).toEqual([['bni'], ['bni', 'client'], ['client']]);
  });

  it('refuses a bad tag and an unknown flag', () => {
    expect(j.run('list', '--tag', '#bni')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: "#bni" is not a tag/) });
    expect(j.run('list', '--sort', 'name')).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^net: unknown option '--sort'/) });
  });
});
