/**
 * Every command once as a user runs it: the real bin/net.js in a process of its own, on a journal that the steps build
 * up. The same steps run in-process too (net's run(), as test/commands/ runs the commands' rules), and the two must
 * agree on every step's stdout, stderr and exit code and on the journal they leave: what test/commands/ shows
 * in-process holds for the process a user starts.
 */
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/program.js';
import { makeJournal, TODAY, type RunResult } from '../helpers/run-net.js';

const VCF = resolve(import.meta.dirname, '../fixtures/import/v4.vcf');

const STEPS: [args: string[], code: number][] = [
  [['add', 'Jane Doe', '--company', 'Acme', '--tag', 'bni', '--met', '2025-01-10', '--every', '3w', '--service', 'staging'], 0],
  [['add', 'Ravi Patel', '--service', 'bookkeeping', '--birthday', 'May 17'], 0],
  [['log', 'jane', '--touch', 'coffee', '--gave', 'article', '--note', 'pricing', '--date', '2026-10-01', '--next', 'in 2 weeks'], 0],
  [['log', 'nobody', '--touch', 'call'], 4],
  [['edit', 'ravi', '--need', 'an estate agent', '--company', 'Patel & Co'], 0],
  [['deepen', 'jane', '--yes', 'trust,enjoy-time', '--no', 'call-at-night'], 0],
  [['check', 'jane', '--for', 'introduction'], 3],
  [['check', 'jane'], 0],
  [['ask', 'ravi', '--for', 'favour'], 3],
  [['ask', 'jane', '--for', 'favour', '--note', 'feedback on the site'], 0],
  [['ask', 'jane', '--outcome', 'yes'], 0],
  [['ideas', 'ravi'], 0],
  [['intro', 'jane', 'ravi', '--note', 'a buyer'], 3],
  [['intro', 'jane', 'ravi', '--note', 'a buyer', '--anyway'], 0],
  [['log', 'ravi', '--gave', 'referral', '--prospect', 'Tom Baker'], 0],
  [['referral', 'ravi', '--status', 'won', '--amount', '1200'], 0],
  [['referrals'], 0],
  [['snooze', 'ravi', '2w'], 0],
  [['show', 'jane'], 0],
  [['list', '--tag', 'bni'], 0],
  [['due', '--all'], 0],
  [['balance'], 0],
  [['config', 'half-life', '1y'], 0],
  [['config'], 0],
  [['import', VCF, '--dry-run'], 0],
  [['import', VCF], 0],
  [['add', 'Jay Dee', '--email', 'jay@acme.example'], 0],
  [['merge', 'Jane Doe', 'Jay Dee'], 0],
  [['sync', 'status'], 0],
  [['sync'], 2],
  [['export', '--csv'], 0],
  [['report'], 0],
  [['log', 'jane', 'lunch', 'gave', 'idea', 'a pricing workshop for her team', 'yesterday'], 0],
  [['search', 'pricing'], 0],
  [['completion', 'bash'], 0],
  [['asks', '--premature'], 0],
  [['rm', 'ravi'], 2],
  [['rm', 'ravi', '--yes'], 0],
  [['version'], 0],
];

/** Ids and the instants of writing differ between two journals built alike; nothing else may. */
const alike = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{8}\b/g, '<id>');

describe('every command, spawned and in-process', () => {
  const spawned = makeJournal(TODAY, 'spawn');
  const inProcess = makeJournal(TODAY, 'in-process');
  afterAll(() => {
    spawned.cleanup();
    inProcess.cleanup();
  });
  const steps: [string, string[], number][] = STEPS.map(([args, code]) => [args.map((a) => (a === VCF ? 'v4.vcf' : a)).join(' '), args, code]);
  const show = (r: RunResult) => ({ code: r.code, stdout: alike(r.stdout), stderr: alike(r.stderr) });

  // backup, doctor and where are about the file and the process's surroundings: their own files spawn them.
  it('runs each command of the registry at least once', () => {
    expect(new Set(STEPS.map(([args]) => args[0]))).toEqual(new Set(COMMAND_NAMES.filter((c) => !['backup', 'doctor', 'where'].includes(c))));
  });

  it.each(steps.map((step, i) => [...step, i] as const))('net %s', (_, args, code, i) => {
    // Each step a minute later: rows of one day are listed by when they were written, then by their random ids.
    const now = `${TODAY}T12:${String(i).padStart(2, '0')}:00Z`;
    const [a, b] = [spawned.runWith({ now }, ...args), inProcess.runWith({ now }, ...args)];
    expect(a.code, a.stderr).toBe(code);
    expect(show(b)).toEqual(show(a));
    expect(alike(JSON.stringify(inProcess.dump()))).toBe(alike(JSON.stringify(spawned.dump())));
  });
});
