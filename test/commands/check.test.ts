import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOUCH_DEPOSIT } from '../../src/core/summary.js';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });

/** 004: Alex, known thirteen months; a give every two to three months, touchpoints between, no asks. */
function logAlex(journal: Journal, name = 'Alex Kim'): void {
  ok(journal.run('add', name));
  for (const day of ['2025-10-25', '2026-01-10', '2026-03-20', '2026-06-05', '2026-08-20']) ok(journal.run('log', name, '--gave', 'idea', '--date', day));
  for (const day of ['2025-10-22', '2025-12-01', '2026-02-15', '2026-04-30', '2026-07-10', '2026-09-25', '2026-11-10']) ok(journal.run('log', name, '--touch', 'coffee', '--date', day));
}

describe('net check: the stories of issue 3', () => {
  it('a contact added today with nothing logged: any ask is premature; the reasons say not met, nothing invested', () => {
    ok(j.run('add', 'Jane Doe'));
    for (const kind of ['favour', 'promotion', 'business', 'referral', 'introduction']) {
      const r = j.run('check', 'jane', '--for', kind);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(new RegExp(`^PREMATURE  meet them first, before you ask Jane Doe for (an? )?${kind}\n`));
      expect(r.stdout).toContain('  ✗ you have not met yet\n');
      expect(r.stdout).toContain('  ✗ balance 0.0: nothing invested yet;');
      expect(r.stdout).toContain('What to do first:\n  - meet them first');
    }
    expect(j.json('check', 'jane')).toMatchObject({ name: 'Jane Doe', verdict: 'premature', balance: 0, received: 0, depth: { score: 0, of: 13 }, stage: 'stranger' });
  });

  it('a contact met once at an event yesterday: asking them for an introduction is premature (003)', () => {
    ok(j.run('add', 'Richard Branson'));
    ok(j.run('log', 'richard', '--touch', 'event', '--date', 'yesterday'));
    const r = j.run('check', 'richard', '--for', 'introduction');
    expect(r).toMatchObject({ code: 3, stderr: '' });
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      'PREMATURE  give it time, before you ask Richard Branson for an introduction',
      'Richard Branson: acquaintance · balance 0.5 · depth 0 of 13',
      '',
      '  ✗ known for 1 day (since 2026-11-21); asking for an introduction needs 180',
      '    days',
    ]);
    expect(r.stdout).toContain("  - farm, don't hunt: schedule more times to connect; asking for an introduction\n    fits in 179 more days of knowing each other");
  });

  it('a contact known thirteen months, given to five times every two to three months with touchpoints between, no asks: a favour is ready (004, Alex)', () => {
    logAlex(j);
    const r = j.run('check', 'alex');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^READY  ask Alex Kim for a favour\n/);
    expect(r.stdout).toContain('  ✓ known for 396 days (since 2025-10-22); asking for a favour needs 30 days');
    expect(r.stdout).toContain('Keep investing:\n  - keep giving');
    const v = j.json('check', 'alex');
    expect(v).toMatchObject({ verdict: 'ready', ask: 'favour', breakdown: { gave: { count: 5, points: 10 }, touch: { count: 7, points: 7 }, ask: { count: 0 } } });
    expect(v.balance).toBeGreaterThanOrEqual(2);
  });

  it('a contact given to once two years ago and asked three times since: premature, the balance drawn down', () => {
    ok(j.run('add', 'Pat Quinn'));
    ok(j.run('log', 'pat', '--gave', 'idea', '--date', '2024-11-22'));
    for (const day of ['2025-03-01', '2025-09-01', '2026-06-01']) {
      expect(j.run('ask', 'pat', '--for', 'favour', '--date', day, '--anyway').code).toBe(0);
      ok(j.run('ask', 'pat', '--outcome', 'yes', '--date', day));
    }
    const r = j.run('check', 'pat');
    expect(r).toMatchObject({ code: 3, stderr: '' });
    expect(r.stdout).toContain('drawn down by 3 asks since you last gave or met');
    const v = j.json('check', 'pat');
    expect(v.balance).toBeLessThan(0);
    expect(v.reasons.join('\n')).toMatch(/^balance -\d\.\d from 1 give \(\+0\.1\), 3 asks \(−\d\.\d\), faded to today; asking for a favour needs 2\.0; drawn down by 3 asks/m);
  });

  it('all 13 checklist points true (derived and answered): depth 13/13, stage deep, --to-refer ready', () => {
    ok(j.run('add', 'Maria Lopez', '--met', '2025-06-01', '--service', 'audits', '--service', 'payroll', '--service', 'tax returns', '--family', 'Tom, husband'));
    ok(j.run('edit', 'maria', '--goal', 'hire', '--goal', 'new office', '--goal', 'run a marathon', '--goal', 'write a book', '--goal', 'two new clients'));
    ok(j.run('log', 'maria', '--touch', 'one-to-one', '--next', 'in 3 weeks'));
    ok(j.run('deepen', 'maria', '--yes', 'trust,asked-how-to-help,call-at-night,ask-for-help', '--yes', 'enjoy-time,enjoy-their-success,top-of-mind,open-talks'));
    const v = j.json('check', 'maria', '--to-refer');
    expect(v).toMatchObject({ verdict: 'ready', ask: null, toRefer: true, depth: { score: 13, of: 13 }, stage: 'deep' });
    expect(v.points.map((p: { state: string }) => p.state)).toEqual(Array(13).fill('yes'));
    const r = j.run('check', 'maria', '--to-refer');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['READY  refer Maria Lopez to your contacts', 'Maria Lopez: deep · balance 1.0 · depth 13 of 13']);
    expect(r.stdout).toContain('  ✓ you trust their work\n');
  });

  it('same journal, same answer: two insertion orders give the same net check --json', () => {
    const steps: string[][] = [
      ['log', 'sam', '--gave', 'referral', '--value', '4', '--date', '2026-05-02'],
      ['log', 'sam', '--gave', 'article', '--value', '1', '--date', '2026-05-02'],
      ['log', 'sam', '--gave', 'idea', '--value', '3', '--date', '2026-05-02'],
      ['log', 'sam', '--touch', 'call', '--date', '2026-02-11'],
      ['log', 'sam', '--touch', 'email', '--date', '2026-09-30'],
      ['log', 'sam', '--received', 'introduction', '--value', '5', '--date', '2026-07-07'],
      ['log', 'sam', '--touch', 'coffee', '--date', '2026-11-01'],
      ['deepen', 'sam', '--yes', 'trust', '--no', 'call-at-night'],
    ];
    const other = makeJournal(TODAY, 'in-process');
    try {
      ok(j.run('add', 'Sam Lee', '--met', '2025-12-01'));
      ok(other.run('add', 'Sam Lee', '--met', '2025-12-01'));
      for (const s of steps) ok(j.run(...s));
      for (const s of [...steps].reverse()) ok(other.run(...s));
      // Ids are UUIDs; everything else must be equal.
      const normal = (v: Record<string, any>) => {
        const { id: _id, breakdown, ...rest } = v;
        const lines = Object.fromEntries(Object.entries(breakdown).map(([k, l]: [string, any]) => [k, typeof l === 'object' ? { ...l, eventIds: l.eventIds.length } : l]));
        return { ...rest, breakdown: lines };
      };
      for (const args of [['check', 'sam'], ['check', 'sam', '--for', 'introduction'], ['check', 'sam', '--to-refer']]) {
        expect(normal(other.json(...args))).toEqual(normal(j.json(...args)));
      }
      expect(other.json('balance').contacts[0].balance).toBe(j.json('balance').contacts[0].balance);
    } finally {
      other.cleanup();
    }
  });

  it('every figure in net check traces to events that net show lists', () => {
    ok(j.run('add', 'Ravi Patel', '--met', '2025-01-15'));
    ok(j.run('log', 'ravi', '--touch', 'coffee', '--gave', 'referral', '--value', '4', '--date', '2025-02-01'));
    ok(j.run('log', 'ravi', '--touch', 'email', '--gave', 'article', '--date', '2025-09-10'));
    ok(j.run('log', 'ravi', '--touch', 'call', '--received', 'idea', '--value', '3', '--date', '2026-04-04'));
    expect(j.run('ask', 'ravi', '--for', 'business', '--date', '2026-10-01', '--anyway').code).toBe(0);
    ok(j.run('log', 'ravi', '--touch', 'lunch', '--date', '2026-11-15'));
    const check = j.json('check', 'ravi');
    const timeline: { id: string; date: string; type: string; kind: string; value: number | null }[] = j.json('show', 'ravi').timeline;
    const fade = (date: string) => 2 ** (-(Date.parse('2026-11-22') - Date.parse(date)) / 86_400_000 / check.halfLifeDays);
    let balance = 0;
    for (const type of ['gave', 'touch', 'ask', 'received'] as const) {
      const events = timeline.filter((e) => e.type === type);
      const weight = (e: (typeof events)[number]) => (type === 'touch' ? TOUCH_DEPOSIT[e.kind as keyof typeof TOUCH_DEPOSIT] : e.value!);
      const line = check.breakdown[type];
      expect([...line.eventIds].sort()).toEqual(events.map((e) => e.id).sort());
      expect(line.count).toBe(events.length);
      expect(line.points).toBe(events.reduce((n, e) => n + weight(e), 0));
      const faded = events.reduce((n, e) => n + weight(e) * fade(e.date), 0);
      expect(line.faded).toBeCloseTo(faded, 1);
      if (type !== 'received') balance += type === 'ask' ? -faded : faded;
    }
    expect(check.balance).toBeCloseTo(balance, 1);
    expect(check.received).toBe(check.breakdown.received.faded);
    expect(check.knownSince).toBe('2025-01-15');
    expect(check.lastTouch).toBe(timeline.find((e) => e.type === 'touch' || e.type === 'gave')!.date);
    const balanceLine = check.reasons.find((r: string) => r.startsWith('balance '));
    expect(balanceLine).toBe(
      `balance ${check.balance.toFixed(1)} from 2 gives (+${check.breakdown.gave.faded.toFixed(1)}), 4 touchpoints (+${check.breakdown.touch.faded.toFixed(1)}), 1 ask (−${check.breakdown.ask.faded.toFixed(1)}), faded to today; asking for a favour needs 2.0`,
    );
  });
});

describe('net check', () => {
  it('gives the JSON keys scripts rely on', () => {
    ok(j.run('add', 'Jane Doe'));
    ok(j.run('log', 'jane', '--touch', 'coffee', '--received', 'referral', '--value', '4'));
    const v = j.json('check', 'jane', '--for', 'referral');
    expect(Object.keys(v)).toEqual(
      expect.arrayContaining(['name', 'verdict', 'balance', 'received', 'depth', 'stage', 'reasons', 'suggestions', 'points', 'breakdown', 'needs', 'knownSince', 'lastTouch']),
    );
    expect(v).toMatchObject({ ask: 'referral', verdict: 'premature', balance: 1, received: 4, needs: { balance: 5, depth: 5, knownDays: 180 } });
    expect(v.points).toHaveLength(13);
    expect(v.points[0]).toEqual({ id: 'trust', text: expect.any(String), state: 'unanswered', source: 'answer', why: null, answeredOn: null, stale: false });
    expect(v.points[1]).toMatchObject({ id: 'known-a-year', state: 'no', source: 'journal', why: 'known since 2026-11-22' });
    expect(v.reasons.join('\n')).not.toContain('gave you');
    expect(v.thanks).toMatch(/ gave you something on \d{4}-\d\d-\d\d: a reason to thank them and to give, not to ask$/);
    expect(v.reasonMarks).toHaveLength(v.reasons.length);
  });

  it('exits 3 with --json too, the verdict on stdout and nothing on stderr', () => {
    ok(j.run('add', 'Jane Doe'));
    const r = j.run('--json', 'check', 'jane');
    expect(r).toMatchObject({ code: 3, stderr: '' });
    expect(JSON.parse(r.stdout).verdict).toBe('premature');
  });

  it('never speaks of what a contact owes', () => {
    ok(j.run('add', 'Jane Doe'));
    ok(j.run('log', 'jane', '--received', 'referral', '--value', '5'));
    const r = j.run('check', 'jane');
    expect(r.stdout).not.toMatch(/\bowes?\b|\bdebt\b/i);
  });

  it.each<[string[], number, RegExp]>([
    [['check', 'nobody'], 4, /^net: no contact called "nobody"/],
    [['check', 'jane', '--for', 'bribe'], 2, /^net: unknown ask kind "bribe"; --for takes one of: favour, referral, introduction, business, promotion\n$/],
    [['check', 'jane', '--for', 'favour', '--to-refer'], 2, /^net: --for and --to-refer judge different things; give one of them\n$/],
    [['check'], 2, /^net: missing required argument 'name'/],
  ])('net %j exits %i', (args, code, stderr) => {
    ok(j.run('add', 'Jane Doe'));
    expect(j.run(...args)).toMatchObject({ code, stdout: '', stderr: expect.stringMatching(stderr) });
  });

  it('reads the journal without writing to it', () => {
    ok(j.run('add', 'Jane Doe'));
    const before = j.dump();
    expect(j.run('check', 'jane').code).toBe(3);
    expect(j.dump()).toEqual(before);
  });
});
