/**
 * Issue 17's stories, played on a journal: every answer pushes the user to give, and can be scanned. Each asserts
 * stdout, stderr, the exit code and, where something is written, the journal together. They run net's run()
 * in-process (fast); the first story is played by the real bin/net.js, spawned as a shell runs it (its exit codes 0 and
 * 3 as a process's).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal('2026-11-22', 'in-process');
});
afterEach(() => j.cleanup());

/** Plays the test's story with the real bin/net.js instead, on a fresh journal. */
function spawned(): void {
  j.cleanup();
  j = makeJournal('2026-11-22', 'spawn');
}

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
const events = () => j.dump().events as { type: string; kind: string; contact_id: string; link_id: string | null; premature: number }[];

/** Tom, a bookkeeper the user can vouch for: trusted, three services known, known two years, depth 5 or more. */
function tomTheBookkeeper(): void {
  ok(j.run('add', 'Tom Baker', '--role', 'bookkeeper', '--met', '2024-11-01', '--service', 'bookkeeping', '--service', 'payroll', '--service', 'tax returns', '--family', 'Anna, wife'));
  ok(j.run('deepen', 'tom', '--holds', 'trust,enjoy-time,open-talks'));
  ok(j.run('log', 'tom', '--touch', 'coffee', '--date', '2026-10-01'));
}

describe('the giving side says yes when it should', () => {
  it('Nina needs a bookkeeper and Tom, a bookkeeper, passes --to-refer: net intro nina tom is ready and recorded (spawned)', () => {
    spawned();
    tomTheBookkeeper();
    ok(j.run('add', 'Nina Park', '--role', 'café owner', '--met', '2026-10-01'));
    ok(j.run('edit', 'nina', '--need', 'a bookkeeper for my café'));
    expect(j.run('check', 'tom', '--to-refer')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^READY {2}refer Tom Baker to your contacts\n/) });
    expect(j.run('check', 'nina', '--to-refer').code).toBe(3); // Nina is not vouched for, and need not be
    const ideas = j.json('ideas', 'nina');
    expect(ideas[0]).toMatchObject({ kind: 'introduction', with: 'Tom Baker', ready: true });
    const r = j.run('intro', 'nina', 'tom');
    expect(r).toEqual({ code: 0, stderr: '', stdout: 'Introduced Nina Park and Tom Baker on Sun 2026-11-22: a give to both.\n' });
    const intro = events().filter((e) => e.kind === 'introduction');
    expect(intro).toHaveLength(2);
    expect(intro.every((e) => e.type === 'gave' && e.link_id !== null)).toBe(true);
  });

  it('two peers with nothing to answer in each other are each vouched for; an unmet person is met first', () => {
    tomTheBookkeeper();
    ok(j.run('add', 'Sam Lee', '--role', 'architect'));
    const before = j.dump();
    const r = j.run('--json', 'intro', 'sam', 'tom');
    expect(r.code).toBe(3);
    const v = JSON.parse(r.stdout);
    expect(v.contacts.map((c: { role: string; verdict: string }) => [c.role, c.verdict])).toEqual([
      ['recommended', 'premature'],
      ['recommended', 'ready'],
    ]);
    expect(j.dump()).toEqual(before);
  });

  it('the florist need finds Fiona, a florist, whatever words surround it; an ideal referral finds clients, not providers', () => {
    ok(j.run('add', 'Fiona Green', '--role', 'florist', '--met', '2025-02-01', '--service', 'wedding flowers'));
    ok(j.run('add', 'Sara Lane', '--role', 'event stylist', '--met', '2026-01-01'));
    ok(j.run('edit', 'sara', '--need', 'a florist for a styled wedding shoot'));
    ok(j.run('add', 'Leo Marsh', '--role', 'wedding photographer', '--met', '2025-05-01'));
    ok(j.run('edit', 'leo', '--ideal', 'couples planning a wedding'));
    ok(j.run('add', 'Cara Diaz', '--met', '2026-09-01'));
    ok(j.run('edit', 'cara', '--need', 'a photographer for our wedding'));
    const sara = j.json('ideas', 'sara').find((i: { with: string | null }) => i.with);
    expect(sara).toMatchObject({ kind: 'introduction', with: 'Fiona Green', because: 'Sara needs a florist for a styled wedding shoot; Fiona is a florist' });
    const leo = j.json('ideas', 'leo').filter((i: { with: string | null }) => i.with);
    expect(leo.map((i: { with: string }) => i.with)).toContain('Cara Diaz');
    expect(leo.map((i: { with: string }) => i.with)).not.toContain('Fiona Green');
    // Sara's need mentions a wedding, but she needs a florist: she is not one of the couples Leo wants as clients.
    expect(leo.map((i: { with: string }) => i.with)).not.toContain('Sara Lane');
    const across = j.json('ideas');
    expect(across.some((i: { for: string; with: string }) => [i.for, i.with].includes('Fiona Green') && [i.for, i.with].includes('Leo Marsh'))).toBe(false);
    ok(j.run('edit', 'cara', '--forget', 'a photographer for our wedding', '--need', 'a venue', '--tag', 'engaged-couple'));
    ok(j.run('edit', 'leo', '--ideal', 'engaged couples'));
    expect(j.json('ideas', 'leo')).toContainEqual(expect.objectContaining({ kind: 'referral', with: 'Cara Diaz', because: "Leo's ideal referral is engaged couples; Cara is tagged #engaged-couple" }));
  });

  it('net ideas: what can be done today first, two or three lines an idea, no bare score, no step printed twice', () => {
    tomTheBookkeeper();
    ok(j.run('add', 'Nina Park', '--met', '2026-10-01'));
    ok(j.run('edit', 'nina', '--need', 'a bookkeeper'));
    ok(j.run('add', 'Una New', '--role', 'bookkeeper'));
    ok(j.run('add', 'Ola Other', '--met', '2026-10-01'));
    ok(j.run('edit', 'ola', '--need', 'a bookkeeper for the shop'));
    ok(j.run('add', 'Pia Third', '--met', '2026-10-01'));
    ok(j.run('edit', 'pia', '--need', 'bookkeeping help'));
    const r = j.run('ideas');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const ideas = j.json('ideas');
    const ready = ideas.map((i: { ready: boolean }) => i.ready);
    expect(ready).toEqual([...ready].sort((a: boolean, b: boolean) => Number(b) - Number(a)));
    const blocks = r.stdout.trimEnd().split('\n').slice(1).join('\n').split(/\n(?= ?\d+\. )/);
    for (const b of blocks) {
      // Two or three parts, each within 80 columns: a part too long for a line goes on at six columns.
      const parts = b.split('\n').filter((l) => !l.startsWith('      '));
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.length).toBeLessThanOrEqual(3);
      for (const l of b.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
      expect(b.match(/first,/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
    expect(r.stdout).not.toMatch(/\b\d\.\d\d\b/);
    const steps = r.stdout.split('\n').filter((l) => /^ {4}first, (?!the same)/.test(l));
    expect(new Set(steps).size).toBe(steps.length);
    expect(steps.length).toBeGreaterThan(0);
  });
});

describe('answers you can scan', () => {
  it('net check marks each reason without colour, says what to do first, and shows the deepen command (Alex)', () => {
    ok(j.run('add', 'Alex Kim', '--met', '2025-09-01', '--service', 'web design', '--service', 'hosting', '--service', 'seo', '--family', 'Jo, son'));
    for (const d of ['2025-10-01', '2026-01-05', '2026-03-20', '2026-06-10', '2026-09-01', '2026-11-01']) ok(j.run('log', 'alex', '--touch', 'coffee', '--gave', 'idea', '--value', '3', '--date', d));
    const r = j.run('check', 'alex', '--for', 'referral');
    expect(r).toMatchObject({ code: 3, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('PREMATURE  answer the checklist, before you ask Alex Kim for a referral');
    expect(lines.filter((l) => /^ {2}[✓✗·] /.test(l)).length).toBe(4);
    expect(r.stdout).toContain('  ✗ depth 4 of 13 (needs 5); nearest missing: trust, asked-how-to-help,\n    call-at-night; 8 points only you can answer are unanswered');
    expect(r.stdout).toContain('(net deepen "Alex Kim"\n    --holds "trust, asked-how-to-help, call-at-night,');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    ok(j.run('deepen', 'alex', '--holds', 'trust,enjoy-time,top-of-mind'));
    expect(j.run('check', 'alex', '--for', 'referral')).toMatchObject({ code: 0, stdout: expect.stringMatching(/^READY {2}ask Alex Kim for a referral\n/) });
  });

  it("their gives are not a reason for your ask: a line to thank them, and net due's next step is thanks (Wendy)", () => {
    ok(j.run('add', 'Wendy Wu', '--role', 'architect', '--met', '2025-01-01', '--every', '30d'));
    ok(j.run('log', 'wendy', '--touch', 'coffee', '--date', '2026-06-01'));
    ok(j.run('log', 'wendy', '--received', 'referral', '--value', '4', '--date', '2026-11-08', '--note', 'a client for the kitchen'));
    const check = j.run('check', 'wendy', '--for', 'referral');
    expect(check.code).toBe(3);
    const [reasons, thanks] = [check.stdout.split('\nWhat to do first:')[0]!, check.stdout.trimEnd().split('\n\n').at(-1)];
    expect(reasons).not.toContain('gave you');
    expect(thanks).toBe('Wendy Wu gave you something on 2026-11-08: a reason to thank them and to give,\nnot to ask');
    const due = j.run('due');
    expect(due).toMatchObject({ code: 0, stderr: '' });
    expect(due.stdout.split('\n')[0]).toBe('Wendy Wu → thank them: log a touchpoint or a give');
    for (const l of due.stdout.split('\n')) expect(l.length).toBeLessThanOrEqual(80);
    expect(j.run('balance').stdout).not.toMatch(/INVESTMENT|3\.\d\s*$/m);
  });
});

describe("the taker's premature asks, flagged across the network", () => {
  it('net asks --premature and net report list them per person, with what was asked, when, and the repairing give', () => {
    ok(j.run('add', 'Gary Hook', '--role', 'salesman'));
    expect(j.run('ask', 'gary', '--for', 'business', '--anyway', '--note', 'buy my course', '--date', '2026-11-10')).toMatchObject({
      code: 0,
      stderr: 'net: recorded anyway, although the relationship is not ready yet: meet them first (net check "Gary Hook" --for business says why)\n',
    });
    ok(j.run('ask', 'gary', '--outcome', 'no', '--date', '2026-11-12'));
    expect(j.run('ask', 'gary', '--for', 'referral', '--anyway').code).toBe(0);
    ok(j.run('add', 'Tina Fair', '--met', '2024-01-01'));
    ok(j.run('log', 'tina', '--gave', 'referral', '--value', '5', '--date', '2026-10-01'));
    const before = j.dump();
    const r = j.run('asks', '--premature');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        '2 asks of 2 since 2025-11-22 came before the relationship was ready, with 1',
        'person.',
        'A habit to change, not a list of people: each relationship below needs a give',
        'before the next ask.',
        '',
        'Gary Hook',
        '  asked for a referral on Sun 2026-11-22, recorded although net check found it',
        '    premature',
        '  asked for business on Tue 2026-11-10, recorded although net check found it',
        '    premature (buy my course)',
        '  → meet them first, with no ask attached: invite them to a one-to-one (net log',
        '    "Gary Hook" --next "in 1 week")',
        '',
        'Where you have asked more than you gave in the last 90 days:',
        '  Gary Hook → meet them first, with no ask attached: invite them to a one-to-one',
        '    (net log "Gary Hook" --next "in 1 week")',
        '',
      ].join('\n'),
    );
    const report = j.run('report');
    expect(report.stdout).toContain('\nAsks made before the relationship was ready\n  2 asks of 2 since 2026-08-24 came before the relationship was ready, with 1\n  person.\n');
    const json = j.json('report');
    expect(json.prematureAsks.people).toMatchObject([{ name: 'Gary Hook', repairCode: 'meet-first', asks: [{ kind: 'referral', why: 'marked' }, { kind: 'business', on: '2026-11-10', note: 'buy my course' }] }]);
    expect(json.topGivers).toBeUndefined();
    expect(j.dump()).toEqual(before);
  });

  it('an ask made to someone never met is listed, with when and what', () => {
    ok(j.run('add', 'Ivy Old'));
    expect(j.run('ask', 'ivy', '--for', 'favour', '--date', '2026-01-05', '--anyway').code).toBe(0);
    const conn = j.dump().events as { premature: number }[];
    expect(conn[0]!.premature).toBe(1);
    const v = j.json('asks', '--premature');
    expect(v.people[0].asks[0]).toMatchObject({ kind: 'favour', on: '2026-01-05' });
  });
});
