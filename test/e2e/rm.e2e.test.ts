import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, runNetInPty } from '../helpers/pty.js';
import { makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

let j: Journal;
// The rules run in-process; the questions on a terminal spawn bin/net.js in a pseudo-terminal (runNetInPty).
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  for (const name of ['Jane Doe', 'Ravi Patel']) {
    j.run('add', name, '--tag', 'bni', '--service', 'bookkeeping');
    j.run('log', name, '--touch', 'coffee', '--gave', 'idea', '--date', 'yesterday', '--next', 'in a week');
  }
  j.run('log', 'ravi', '--received', 'referral', '--value', '4');
});
afterEach(() => j.cleanup());

/** Every row that belongs to a contact, by table. */
function rowsOf(dump: Record<string, unknown[]>, contactId: string) {
  return Object.fromEntries(Object.entries(dump).map(([t, rows]) => [t, (rows as any[]).filter((r) => r.contact_id === contactId || (t === 'contacts' && r.id === contactId))]));
}

describe('net rm', () => {
  it('needs --yes off a terminal, and removes nothing without it', () => {
    const before = j.dump();
    expect(j.run('rm', 'jane')).toEqual({ code: 2, stdout: '', stderr: 'net: net rm asks before removing Jane Doe; add --yes to remove them without being asked: net rm "Jane Doe" --yes\n' });
    expect(j.run('--json', 'rm', 'jane')).toMatchObject({ code: 2, stdout: '' });
    expect(j.dump()).toEqual(before);
  });

  it('removes the contact and its own rows, and touches nothing else', () => {
    const before = j.dump();
    const ravi = (before.contacts as any[]).find((c) => c.name === 'Ravi Patel');
    const jane = (before.contacts as any[]).find((c) => c.name === 'Jane Doe');
    expect(j.run('rm', 'jane', '--yes')).toEqual({ code: 0, stderr: '', stdout: 'Removed Jane Doe and their 2 events, 1 follow-up and 2 profile facts.\n' });
    const after = j.dump();
    // Whatever tables the schema has, none keeps a row of Jane's (and she had some before).
    // The contact, 2 facts, 2 events, 1 follow-up, and the contact's document of the search index (migration 11).
    expect(Object.values(rowsOf(before, jane.id)).flat().length).toBe(7);
    expect(rowsOf(after, jane.id)).toEqual(Object.fromEntries(Object.keys(before).map((t) => [t, []])));
    expect(rowsOf(after, ravi.id)).toEqual(rowsOf(before, ravi.id)); // byte-identical, summary columns included
    expect(after.settings).toEqual(before.settings);
    expect((after.events as any[]).length).toBe(3);
  });

  it('prints what it removed as JSON', () => {
    expect(j.json('rm', 'ravi', '--yes')).toEqual({ id: expect.any(String), name: 'Ravi Patel', removed: { facts: 2, events: 3, followUps: 1, answers: 0 } });
    expect(j.json('list').map((c: any) => c.name)).toEqual(['Jane Doe']);
  });

  it('is exit 4 for an unknown or ambiguous name, and removes nothing', () => {
    j.run('add', 'Jane Roe');
    const before = j.dump();
    expect(j.run('rm', 'jnae', '--yes')).toMatchObject({ code: 4, stdout: '', stderr: expect.stringMatching(/^net: no contact called "jnae"; did you mean "Jane Doe"/) });
    expect(j.run('rm', 'jane', '--yes')).toMatchObject({ code: 4, stderr: 'net: "jane" could mean Jane Doe, Jane Roe; use more of the name\n' });
    expect(j.dump()).toEqual(before);
  });

  it('asks on a terminal: no keeps the contact', () => {
    const before = j.dump();
    const r = runNetInPty(j, ['rm', 'jane'], [{ wait: 'Remove Jane Doe and their 2 events, 1 follow-up and 2 profile facts? This cannot be undone.', send: `n${KEY.enter}` }]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('net: kept Jane Doe; nothing was removed');
    expect(j.dump()).toEqual(before);
  });

  it('asks on a terminal: yes removes', () => {
    const r = runNetInPty(j, ['rm', 'jane'], [{ wait: 'This cannot be undone.', send: `y${KEY.enter}` }]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Removed Jane Doe and their');
    expect((j.dump().contacts as any[]).map((c) => c.name)).toEqual(['Ravi Patel']);
  });

  it('on a terminal, turns an ambiguous name into a pick list', () => {
    j.run('add', 'Jane Roe');
    const r = runNetInPty(j, ['rm', 'jane'], [
      { wait: 'Which one?', send: KEY.down + KEY.enter },
      { wait: 'Remove Jane Roe?', send: `y${KEY.enter}` },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect((j.dump().contacts as any[]).map((c) => c.name)).toEqual(['Jane Doe', 'Ravi Patel']);
  });
});
