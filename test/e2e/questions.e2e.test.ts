/**
 * The questions a command asks between two runs of its one transaction (cli/context.ts), on a real terminal: whom an
 * ambiguous name means, whether to add an unknown one, whether to record a premature ask or an introduction that is
 * not ready. The answer is used by the transaction that writes, which checks everything again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KEY, runNetInPty } from '../helpers/pty.js';
import { makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

let j: Journal;
// Set-up and checks run in-process; each command under test runs as bin/net.js in a pseudo-terminal.
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  for (const name of ['Jane Doe', 'Jane Roe', 'Ravi Patel']) expect(j.run('add', name).code).toBe(0);
});
afterEach(() => j.cleanup());

const events = () => j.dump().events as { contact_id: string; type: string; kind: string; premature: number }[];
const idOf = (name: string) => (j.dump().contacts as { id: string; name: string }[]).find((c) => c.name === name)!.id;

describe('questions on a terminal', () => {
  it('net log: picks among the names an ambiguous one could mean, and logs with the one picked', () => {
    const r = runNetInPty(j, ['log', 'jane', '--touch', 'call'], [{ wait: 'could mean several people. Which one?', send: KEY.down + KEY.enter }]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Logged call with Jane Roe on Sun 2026-11-22.');
    expect(events().map((e) => [e.contact_id, e.type])).toEqual([[idOf('Jane Roe'), 'touch']]);
  });

  it('net log: adds an unknown name when the person says yes, in the same transaction as the log', () => {
    const r = runNetInPty(j, ['log', 'Tom Lee', '--touch', 'coffee'], [{ wait: '"Tom Lee" is not in your journal yet. Add them now?', send: `y${KEY.enter}` }]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Logged coffee with Tom Lee on Sun 2026-11-22.');
    expect(events().map((e) => [e.contact_id, e.kind])).toEqual([[idOf('Tom Lee'), 'coffee']]);
  });

  it('net log: an unknown name stays unknown when the person says no, and nothing is written', () => {
    const before = j.dump();
    const r = runNetInPty(j, ['log', 'Tom Lee', '--touch', 'coffee'], [{ wait: 'Add them now?', send: `n${KEY.enter}` }]);
    expect(r).toMatchObject({ code: 4, stuckOn: null });
    expect(r.screen).toContain('net: no contact called "Tom Lee"');
    expect(j.dump()).toEqual(before);
  });

  it('net log: a name close to a contact\'s offers that contact first (Enter), and logs with them', () => {
    const r = runNetInPty(j, ['log', 'Ravi Patle', '--touch', 'call'], [{ wait: 'Did you mean someone already in it?', send: KEY.enter }]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('"Ravi Patle" is not in your journal. Did you mean someone already in it?');
    expect(r.screen).toContain('Logged call with Ravi Patel on Sun 2026-11-22.');
    expect(events().map((e) => [e.contact_id, e.kind])).toEqual([[idOf('Ravi Patel'), 'call']]);
    expect((j.dump().contacts as { name: string }[]).map((c) => c.name).sort()).toEqual(['Jane Doe', 'Jane Roe', 'Ravi Patel']);
  });

  it('net log: a name close to a contact\'s is added as someone new when the person says so, or nothing when neither', () => {
    const before = j.dump();
    const neither = runNetInPty(j, ['log', 'Ravi Patle', '--touch', 'call'], [{ wait: 'Did you mean someone already in it?', send: KEY.down + KEY.down + KEY.enter }]);
    expect(neither).toMatchObject({ code: 4, stuckOn: null });
    expect(neither.screen).toContain('net: no contact called "Ravi Patle"; did you mean "Ravi Patel"?');
    expect(j.dump()).toEqual(before);
    const added = runNetInPty(j, ['log', 'Ravi Patle', '--touch', 'call'], [{ wait: 'Did you mean someone already in it?', send: KEY.down + KEY.enter }]);
    expect(added).toMatchObject({ code: 0, stuckOn: null });
    expect(added.screen).toContain('Logged call with Ravi Patle on Sun 2026-11-22.');
    expect(events().map((e) => [e.contact_id, e.kind])).toEqual([[idOf('Ravi Patle'), 'call']]);
  });

  it('net ask: records a premature ask, marked so, when the person says yes; exit 3 and nothing when no', () => {
    const no = runNetInPty(j, ['ask', 'ravi', '--for', 'favour'], [{ wait: 'Record this ask anyway? It will be marked premature.', send: `n${KEY.enter}` }]);
    expect(no).toMatchObject({ code: 3, stuckOn: null });
    expect(no.screen).toContain('PREMATURE');
    expect(events()).toEqual([]);
    const yes = runNetInPty(j, ['ask', 'ravi', '--for', 'favour'], [{ wait: 'Record this ask anyway?', send: `y${KEY.enter}` }]);
    expect(yes).toMatchObject({ code: 0, stuckOn: null });
    expect(events().map((e) => [e.contact_id, e.type, e.kind, e.premature])).toEqual([[idOf('Ravi Patel'), 'ask', 'favour', 1]]);
  });

  it('net ask --outcome: with several open asks, names them and closes the one picked, with its note', () => {
    expect(j.run('ask', 'ravi', '--for', 'favour', '--date', '2026-10-01', '--anyway', '--note', 'a review').code).toBe(0);
    expect(j.run('ask', 'ravi', '--for', 'referral', '--date', '2026-11-01', '--anyway').code).toBe(0);
    const r = runNetInPty(j, ['ask', 'ravi', '--outcome', 'yes', '--note', 'sent it on Friday'], [{ wait: "Which of Ravi Patel's open asks?", send: KEY.down + KEY.enter }]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toMatch(/[0-9a-f]{8}: a referral, asked 2026-11-01/);
    expect(r.screen).toMatch(/[0-9a-f]{8}: a favour, asked 2026-10-01 \(a review\)/);
    expect(r.screen).toContain('Ravi Patel said yes on Sun 2026-11-22 to your ask for a favour of 2026-10-01: thank them, and keep giving.');
    const asks = (j.dump().events as { kind: string; outcome: string; note: string | null }[]).map((e) => [e.kind, e.outcome, e.note]);
    expect(asks.sort()).toEqual([
      ['favour', 'yes', 'a review\nsent it on Friday'],
      ['referral', 'pending', null],
    ]);
  });

  it('net intro: picks for an ambiguous name, then records an introduction that is not ready when the person says yes', () => {
    const r = runNetInPty(j, ['intro', 'jane', 'ravi', '--note', 'a buyer'], [
      { wait: 'Which one?', send: KEY.enter },
      { wait: 'Record this introduction anyway?', send: `y${KEY.enter}` },
    ]);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(events().map((e) => [e.contact_id, e.kind]).sort()).toEqual([[idOf('Jane Doe'), 'introduction'], [idOf('Ravi Patel'), 'introduction']].sort());
  });
});

describe('colour in the questions', () => {
  // SGR codes (colour, bold, dim): the cursor codes a prompt draws with are not colour.
  const SGR = /\x1b\[[0-9;]*m/;
  const pick = (env: Record<string, string | undefined>, ...flags: string[]) =>
    runNetInPty(j, [...flags, 'show', 'jane'], [{ wait: 'could mean several people. Which one?', send: KEY.enter }], { env: { NO_COLOR: undefined, ...env } });

  it('are coloured on a terminal, as net is', () => {
    const r = pick({});
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.raw).toMatch(SGR);
  });

  it.each([
    ['--no-color', {}, ['--no-color']],
    ['--no-color with FORCE_COLOR set', { FORCE_COLOR: '1' }, ['--no-color']],
    ['NO_COLOR', { NO_COLOR: '1' }, []],
    ['NO_COLOR with FORCE_COLOR set', { NO_COLOR: '1', FORCE_COLOR: '1' }, []],
    ['TERM=dumb', { TERM: 'dumb' }, []],
  ])('have no colour with %s, the questions as the answer', (_, env: Record<string, string>, flags: string[]) => {
    const r = pick(env, ...flags);
    expect(r).toMatchObject({ code: 0, stuckOn: null });
    expect(r.screen).toContain('Jane Doe');
    expect(r.raw).not.toMatch(SGR);
  });
});
