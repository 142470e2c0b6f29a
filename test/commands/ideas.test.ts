import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });

/** Met over a year ago, three services and family known, seen regularly, trusted: the user can vouch for them. */
function wellKnown(name: string, ...services: string[]): void {
  const flags = services.flatMap((s) => ['--service', s]);
  ok(j.run('add', name, '--met', '2025-06-01', '--family', 'Ann, partner', ...flags));
  for (const date of ['2026-09-01', '2026-10-01', '2026-11-01']) ok(j.run('log', name, '--touch', 'coffee', '--date', date));
  ok(j.run('deepen', name, '--yes', 'trust,asked-how-to-help,enjoy-time'));
}

const maria = () => wellKnown('Maria Lopez', 'bridal bouquets', 'table flowers', 'event styling');
const tom = () => wellKnown('Tom Baker', 'wedding photography', 'portraits', 'headshots');

describe('net ideas <name>', () => {
  it('suggests introducing a contact to the one who answers their need, with why and the command', () => {
    maria();
    tom();
    ok(j.run('edit', 'maria', '--need', 'a wedding photographer'));
    expect(j.json('check', 'tom', '--to-refer').verdict).toBe('ready');
    const r = j.run('ideas', 'maria');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      [
        'Ways to help Maria Lopez (growing)',
        ' 1. introduce Maria Lopez to Tom Baker',
        '    Maria needs a wedding photographer; Tom offers wedding photography',
        '    net intro "Maria Lopez" "Tom Baker"',
        '',
      ].join('\n'),
    );
    const ideas = j.json('ideas', 'maria');
    expect(ideas).toEqual([
      {
        kind: 'introduction',
        for: 'Maria Lopez',
        with: 'Tom Baker',
        action: 'introduce Maria Lopez to Tom Baker',
        because: 'Maria needs a wedding photographer; Tom offers wedding photography',
        score: 1,
        ready: true,
        learnFirst: [],
        forId: expect.any(String),
        withId: expect.any(String),
      },
    ]);
    // The other side: Tom could get Maria as a client.
    expect(j.json('ideas', 'tom')).toMatchObject([{ kind: 'referral', for: 'Tom Baker', with: 'Maria Lopez', action: 'refer Maria Lopez to Tom Baker', ready: true }]);
  });

  it('lists the pair across the network', () => {
    maria();
    tom();
    ok(j.run('add', 'Sam Lee', '--role', 'tax adviser'));
    ok(j.run('edit', 'maria', '--need', 'a wedding photographer'));
    const r = j.run('ideas');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n').slice(0, 3)).toEqual(['Give opportunities this week', ' 1. introduce Maria Lopez to Tom Baker', '    Maria needs a wedding photographer; Tom offers wedding photography']);
    expect(j.json('ideas')).toMatchObject([{ kind: 'introduction', for: 'Maria Lopez', with: 'Tom Baker', ready: true }]);
  });

  it('does not call an introduction ready when the photographer was met only once, yesterday; it says what to learn first', () => {
    maria();
    ok(j.run('add', 'Tom Baker', '--service', 'wedding photography'));
    ok(j.run('log', 'tom', '--touch', 'coffee', '--date', 'yesterday'));
    ok(j.run('edit', 'maria', '--need', 'a wedding photographer'));
    const [idea] = j.json('ideas', 'maria');
    expect(idea).toMatchObject({ kind: 'introduction', with: 'Tom Baker', ready: false });
    expect(idea.score).toBeCloseTo(0.5 * ((1 + 0.6) / 2), 5); // not ready counts half; Tom is an acquaintance
    expect(idea.learnFirst).toEqual(expect.arrayContaining([expect.stringMatching(/^Tom Baker: see their work first-hand; when you trust it, say so \(net deepen "Tom Baker" --holds trust\)$/), expect.stringMatching(/^Tom Baker: farm, don't hunt/)]));
    const text = j.run('ideas', 'maria').stdout;
    expect(text).toContain(' 1. not ready: introduce Maria Lopez to Tom Baker');
    expect(text).toContain('    first, Tom Baker: see their work first-hand');
    expect(text).not.toContain('net intro');
    expect(j.json('ideas')).toMatchObject([{ with: 'Tom Baker', ready: false }]);
  });

  it('no longer matches a need marked met, and show keeps it with the day', () => {
    maria();
    tom();
    ok(j.run('edit', 'maria', '--need', 'a wedding photographer', '--need', 'more corporate clients'));
    const met = j.run('edit', 'maria', '--met-need', 'A Wedding Photographer');
    expect(met).toMatchObject({ code: 0, stderr: '' });
    expect(met.stdout.split('\n')[0]).toBe('Updated Maria Lopez: +1 need met');
    expect(j.json('ideas', 'maria').some((i: { with: string | null }) => i.with === 'Tom Baker')).toBe(false);
    expect(j.json('ideas')).toEqual([]);
    expect(j.run('show', 'maria').stdout).toMatch(/\n {2}needs {7}more corporate clients\n {2}needs met {3}a wedding photographer \(met 2026-11-22\)\n/);
    expect(j.json('show', 'maria').contact).toMatchObject({ needs: ['more corporate clients'], metNeeds: [{ text: 'a wedding photographer', metOn: '2026-11-22' }] });
    // A need met cannot be met again, and a need that was never recorded cannot be met.
    expect(j.run('edit', 'maria', '--met-need', 'a wedding photographer')).toMatchObject({ code: 2, stderr: 'net: Maria Lopez\'s need "a wedding photographer" was already met on 2026-11-22; a met need stays in the journal; record a new one with --need\n' });
    expect(j.run('edit', 'maria', '--met-need', 'a plumber')).toMatchObject({ code: 2, stderr: 'net: Maria Lopez has no open need "a plumber"; their open needs are "more corporate clients"\n' });
  });

  it('matches word forms and synonyms, built in and the user\'s own', () => {
    maria();
    wellKnown('Ravi Patel', 'bookkeeping', 'payroll', 'tax returns');
    wellKnown('Ann Cole', 'patisserie', 'wedding cakes', 'catering');
    ok(j.run('edit', 'maria', '--need', 'a good accountant', '--need', 'a bakery for the shop'));
    expect(j.json('ideas', 'maria').map((i: { with: string }) => i.with)).toEqual(['Ravi Patel']);
    expect(j.run('config', 'synonyms', 'bakery=patisserie')).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Added bakery = patisserie\nYour synonyms\n {2}bakery = patisserie\nBuilt in\n {2}accountant = bookkeeper\n/) });
    const ideas = j.json('ideas', 'maria');
    // "bakery" is the head of the need ("for the shop" is not): 2 of 3.
    expect(ideas.map((i: { with: string; because: string; score: number }) => [i.with, i.because, i.score])).toEqual([
      ['Ravi Patel', 'Maria needs a good accountant; Ravi offers bookkeeping', 1],
      ['Ann Cole', 'Maria needs a bakery for the shop; Ann offers patisserie', 0.8],
    ]);
    expect(j.json('config', 'synonyms')).toEqual({ builtIn: expect.arrayContaining([['accountant', 'bookkeeper']]), yours: [['bakery', 'patisserie']], added: null, removed: null });
    ok(j.run('config', 'synonyms', 'patisserie=bakery', '--remove'));
    expect(j.json('ideas', 'maria').map((i: { with: string }) => i.with)).toEqual(['Ravi Patel']);
  });

  it('suggests a plain give that fits the stage when nothing matches', () => {
    maria();
    ok(j.run('add', 'Sam Lee'));
    expect(j.json('ideas', 'sam')).toMatchObject([{ kind: 'one-to-one', with: null, action: 'invite Sam Lee to a one-to-one', ready: true, learnFirst: [] }]);
    expect(j.json('ideas', 'maria')).toMatchObject([{ kind: 'ask-how-to-help', action: 'ask Maria Lopez how you can help' }]);
    ok(j.run('edit', 'maria', '--need', 'a new van'));
    expect(j.json('ideas', 'maria')).toMatchObject([
      { kind: 'article', with: null, action: 'send Maria Lopez an article or an idea on "a new van"', because: 'Maria needs a new van and no one in your journal offers it yet: something useful on it is a real give' },
    ]);
  });

  it('keeps to --limit and says how many more there are', () => {
    maria();
    for (const name of ['Tom Baker', 'Tim Hale', 'Tia Moss']) wellKnown(name, 'wedding photography', 'portraits', 'headshots');
    ok(j.run('edit', 'maria', '--need', 'a wedding photographer'));
    expect(j.json('ideas', 'maria', '--limit', '2')).toHaveLength(2);
    expect(j.run('ideas', 'maria', '--limit', '2').stdout).toMatch(/\n1 more: --limit 3\n$/);
  });

  it.each([
    [['ideas', 'nobody'], 4, /^net: no contact called "nobody"/],
    [['ideas', 'maria', '--limit', '0'], 2, /^net: --limit "0" is not a whole number of 1 or more/],
    [['ideas', 'maria', '--limit', 'lots'], 2, /^net: --limit "lots"/],
  ])('refuses %j with exit %i and changes nothing', (args, code, message) => {
    maria();
    const before = j.dump();
    expect(j.run(...args)).toMatchObject({ code, stdout: '', stderr: expect.stringMatching(message) });
    expect(j.dump()).toEqual(before);
  });

  it('prints an empty list for an empty journal, and says how to start', () => {
    expect(j.run('--json', 'ideas')).toEqual({ code: 0, stderr: '', stdout: '[]\n' });
    expect(j.run('ideas').stdout).toBe('No needs recorded yet: when someone tells you what they need, record it (net\nedit <name> --need "…"), then run net ideas again.\n');
  });
});
