import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
type AnswerRow = { point: string; answer: number; answered_on: string };
const answers = () => (j.dump().answers as AnswerRow[]).map((a) => [a.point, a.answer, a.answered_on]).sort();

describe('net deepen', () => {
  it('records --yes and --no answers dated today and prints all 13 points with the depth', () => {
    ok(j.run('add', 'Jane Doe', '--met', '2025-06-01'));
    const r = j.run('deepen', 'jane', '--yes', 'trust,enjoy-time', '--no', 'call-at-night');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Answered 3 points for Jane Doe on Sun 2026-11-22.',
      'Jane Doe: depth 3/13, acquaintance',
      '  [x] trust                 You trust them to do a great job and take great care of your referred prospects',
      '      answered 2026-11-22',
    ]);
    expect(r.stdout).toContain('  [x] known-a-year          You have known each other for at least one year\n      journal: known since 2025-06-01\n');
    expect(r.stdout).toContain('  [ ] call-at-night ');
    expect(r.stdout).toContain('  [?] open-talks ');
    expect(r.stdout).toContain('      not answered yet\n');
    expect(lines.filter((l) => /^ {2}\[[x ?]\] /.test(l))).toHaveLength(13);
    expect(answers()).toEqual([
      ['call-at-night', 0, '2026-11-22'],
      ['enjoy-time', 1, '2026-11-22'],
      ['trust', 1, '2026-11-22'],
    ]);
    expect((j.dump().contacts as { answers_yes: number }[])[0]!.answers_yes).toBe(2);
  });

  it('--holds and --not are the spelling; --yes and --no still work and record the same', () => {
    ok(j.run('add', 'Jane Doe', '--met', '2025-06-01'));
    ok(j.run('add', 'John Roe', '--met', '2025-06-01'));
    const holds = j.run('deepen', 'jane', '--holds', 'trust,enjoy-time', '--not', 'call-at-night');
    const yes = j.run('deepen', 'john', '--yes', 'trust,enjoy-time', '--no', 'call-at-night');
    expect(holds).toMatchObject({ code: 0, stderr: '' });
    expect(holds.stdout).toBe(yes.stdout.replaceAll('John Roe', 'Jane Doe'));
    const rows = (j.dump().answers as (AnswerRow & { contact_id: string })[]).map((a) => [a.contact_id, a.point, a.answer]);
    const byContact = (id: string) => rows.filter((r) => r[0] === id).map((r) => r.slice(1)).sort();
    const [jane, john] = (j.dump().contacts as { id: string; name: string }[]).sort((a, b) => a.name.localeCompare(b.name)).map((c) => c.id);
    expect(byContact(jane!)).toEqual(byContact(john!));
    expect(byContact(jane!)).toHaveLength(3);
  });

  it('answers again in place: one answer per point, re-dated', () => {
    ok(j.run('add', 'Jane Doe'));
    ok(j.runWith({ now: '2026-01-10' }, 'deepen', 'jane', '--yes', 'trust'));
    ok(j.run('deepen', 'jane', '--no', 'trust', '--yes', 'top-of-mind'));
    expect(answers()).toEqual([
      ['top-of-mind', 1, '2026-11-22'],
      ['trust', 0, '2026-11-22'],
    ]);
  });

  it('--json gives the depth, the stage, every point and what was answered', () => {
    ok(j.run('add', 'Jane Doe'));
    const v = j.json('deepen', 'jane', '--yes', 'trust', '--yes', 'open-talks');
    expect(v).toMatchObject({ name: 'Jane Doe', depth: { score: 2, of: 13 }, stage: 'stranger', answered: [{ id: 'trust', answer: true }, { id: 'open-talks', answer: true }] });
    expect(v.points).toHaveLength(13);
    expect(v.points[0]).toEqual({ id: 'trust', text: expect.any(String), state: 'yes', source: 'answer', why: null, answeredOn: '2026-11-22', stale: false });
  });

  it('shows an answer over a year old as stale', () => {
    ok(j.run('add', 'Jane Doe'));
    ok(j.runWith({ now: '2025-10-01' }, 'deepen', 'jane', '--yes', 'trust'));
    const r = j.run('deepen', 'jane', '--yes', 'enjoy-time');
    expect(r.stdout).toContain('  [x] trust ');
    expect(r.stdout).toContain('      answered 2025-10-01, over a year ago: still true?\n');
    expect(j.json('deepen', 'jane', '--yes', 'enjoy-time').points[0]).toMatchObject({ id: 'trust', stale: true });
  });

  it.each<[string, string[], string]>([
    [
      'a derived point',
      ['--yes', 'trust,known-a-year'],
      'net: known-a-year is read from the journal, not answered; it comes from when you met (--met) or the first event in the journal\n',
    ],
    ['another derived point', ['--no', 'knows-services'], 'net: knows-services is read from the journal, not answered; it comes from three or more services recorded with net edit --service\n'],
    [
      'an unknown point',
      ['--yes', 'likes-cats'],
      'net: unknown checklist point "likes-cats"; --yes takes: trust, asked-how-to-help, call-at-night, ask-for-help, enjoy-time, enjoy-their-success, top-of-mind, open-talks\n',
    ],
    ['the same point yes and no', ['--yes', 'trust', '--no', 'trust'], 'net: trust both holds and does not (--holds and --not); give each point one answer\n'],
    ['no answers off a terminal', [], 'net: net deepen needs --holds or --not off a terminal; for example net deepen jane --holds trust,enjoy-time --not call-at-night\n'],
    ['an empty list', ['--yes', ','], 'net: --yes needs checklist ids; for example --yes trust,enjoy-time\n'],
  ])('%s is a usage error that writes nothing', (_, flags, stderr) => {
    ok(j.run('add', 'Jane Doe'));
    const before = j.dump();
    expect(j.run('deepen', 'jane', ...flags)).toEqual({ code: 2, stdout: '', stderr });
    expect(j.dump()).toEqual(before);
  });

  it('an unknown name exits 4', () => {
    expect(j.run('deepen', 'nobody', '--yes', 'trust')).toMatchObject({ code: 4, stdout: '', stderr: expect.stringMatching(/^net: no contact called "nobody"/) });
  });
});
