/**
 * The process ends as soon as run() returns (src/cli/startup/index.ts): the exit code, the output through a pipe and
 * the journal are what they are when node ends the process itself (NET_NODE_EXIT=1), and through node's own streams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJournal } from '../helpers/run-net.js';

describe('the process ends when the command is done', () => {
  const j = makeJournal();
  beforeAll(() => {
    // Set up in-process (the same run() without a process start each); what is compared below is spawned.
    for (let i = 0; i < 40; i++) j.runWith({ runner: 'in-process' }, 'add', `Person ${String(i).padStart(2, '0')} ${'x'.repeat(150)}`, '--every', '2w', '--met', '2026-01-01');
    j.runWith({ runner: 'in-process' }, 'ask', 'Person 00', '--for', 'favour', '--anyway');
  });
  afterAll(() => j.cleanup());

  it.each([
    ['a premature check (exit 3)', ['check', 'Person 01', '--for', 'introduction'], 3],
    ['an unknown name (exit 4)', ['show', 'Nobody'], 4],
    ['a long list through a pipe', ['list'], 0],
    ['the whole journal as JSON', ['export'], 0],
  ])('%s: the same with and without the trick', (_, args, code) => {
    const before = j.dump();
    const atOnce = j.run(...args);
    expect(atOnce.code).toBe(code);
    if (code === 0) expect(atOnce.stdout.length).toBeGreaterThan(6000);
    expect(j.runWith({ env: { NET_NODE_EXIT: '1' } }, ...args)).toEqual(atOnce);
    expect(j.runWith({ env: { NET_NODE_STREAMS: '1' } }, ...args)).toEqual(atOnce);
    expect(j.dump()).toEqual(before);
  });

  it('keeps what a write wrote', () => {
    const r = j.run('log', 'Person 02', '--touch', 'call');
    expect(r.code).toBe(0);
    expect(j.json('show', 'Person 02').timeline).toHaveLength(1);
  });
});
