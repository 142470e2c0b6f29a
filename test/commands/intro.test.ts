import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process'); // today is 2026-11-22
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r, r.stderr).toMatchObject({ code: 0, stderr: '' });
type EventRow = { id: string; contact_id: string; type: string; kind: string; value: number; note: string | null; occurred_on: string; link_id: string | null };
const events = () => j.dump().events as EventRow[];

/** Met over a year ago, three services and family known, seen regularly, trusted: the user can vouch for them. */
function wellKnown(name: string, ...services: string[]): void {
  ok(j.run('add', name, '--met', '2025-06-01', '--family', 'Ann, partner', ...services.flatMap((s) => ['--service', s])));
  for (const date of ['2026-09-01', '2026-10-01', '2026-11-01']) ok(j.run('log', name, '--touch', 'coffee', '--date', date));
  ok(j.run('deepen', name, '--yes', 'trust,asked-how-to-help,enjoy-time'));
}

function both(): void {
  wellKnown('Maria Lopez', 'bridal bouquets', 'table flowers', 'event styling');
  wellKnown('Tom Baker', 'wedding photography', 'portraits', 'headshots');
  ok(j.run('edit', 'maria', '--need', 'a wedding photographer'));
}

const balance = (name: string) => j.json('show', name).standing.balance as number;

describe('net intro', () => {
  it('records one introduction as a linked give to both: both timelines show it, both balances rise, the pair is not suggested again', () => {
    both();
    const [maria, tom] = [balance('maria'), balance('tom')];
    expect(j.json('ideas')).toHaveLength(1);
    const r = j.run('intro', 'maria', 'tom', '--note', 'June wedding');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(`Introduced Maria Lopez and Tom Baker on Sun 2026-11-22: a give to both.\n`);
    expect(r.stdout).not.toMatch(/Balance|→/); // never two people's numbers side by side

    const gives = events().filter((e) => e.type === 'gave');
    expect(gives).toHaveLength(2);
    expect(gives.map((e) => [e.kind, e.value, e.note, e.occurred_on])).toEqual([
      ['introduction', 2, 'June wedding', '2026-11-22'],
      ['introduction', 2, 'June wedding', '2026-11-22'],
    ]);
    expect(gives[0]!.link_id).toBe(gives[1]!.id);
    expect(gives[1]!.link_id).toBe(gives[0]!.id);
    expect(new Set(gives.map((e) => e.contact_id)).size).toBe(2);

    expect(j.run('show', 'maria').stdout).toContain('\n  2026-11-22  introduced to Tom Baker (2/5): June wedding\n');
    expect(j.run('show', 'tom').stdout).toContain('\n  2026-11-22  introduced to Maria Lopez (2/5): June wedding\n');
    expect(j.json('show', 'tom').timeline[0]).toMatchObject({ type: 'gave', kind: 'introduction', introducedTo: { name: 'Maria Lopez' } });
    expect(balance('maria')).toBeCloseTo(maria + 2, 5);
    expect(balance('tom')).toBeCloseTo(tom + 2, 5);

    expect(j.json('ideas')).toEqual([]);
    expect(j.json('ideas', 'maria').some((i: { with: string | null }) => i.with === 'Tom Baker')).toBe(false);
  });

  it('prints the introduction as JSON', () => {
    both();
    const v = j.json('intro', 'tom', 'maria', '--date', 'yesterday', '--value', '4');
    expect(v).toMatchObject({
      recorded: true,
      ready: true,
      date: '2026-11-21',
      note: null,
      contacts: [
        { name: 'Tom Baker', verdict: 'ready', learnFirst: [] },
        { name: 'Maria Lopez', verdict: 'ready', learnFirst: [] },
      ],
      events: [
        { type: 'gave', kind: 'introduction', value: 4, date: '2026-11-21' },
        { type: 'gave', kind: 'introduction', value: 4, date: '2026-11-21' },
      ],
    });
    expect(v.contacts[0].balanceAfter).toBeGreaterThan(v.contacts[0].balance);
  });

  it('warns when the user does not know one of them well enough; off a terminal it needs --anyway, else exit 3 and nothing written', () => {
    wellKnown('Maria Lopez', 'bridal bouquets', 'table flowers', 'event styling');
    ok(j.run('add', 'Tom Baker', '--service', 'wedding photography'));
    ok(j.run('log', 'tom', '--touch', 'coffee', '--date', 'yesterday'));
    const before = j.dump();
    const r = j.run('intro', 'maria', 'tom');
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('Nothing recorded: introducing Maria Lopez and Tom Baker looks premature. Learn more first, or add --anyway to record it all the same.\n');
    expect(r.stderr).toMatch(/^net: not ready to introduce them yet:\n {2}Tom Baker: you cannot vouch for them yet; first:\n {4}- see their work first-hand; when you trust it, say so \(net deepen "Tom\n {6}Baker" --holds trust\)\n/);
    expect(r.stderr).not.toContain('Maria Lopez:');
    expect(j.dump()).toEqual(before);
    const asJson = j.run('--json', 'intro', 'maria', 'tom');
    expect(asJson.code).toBe(3);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ recorded: false, ready: false, events: [], contacts: [{ verdict: 'ready' }, { name: 'Tom Baker', verdict: 'premature', balanceAfter: null }] });
    expect(j.dump()).toEqual(before);

    const anyway = j.run('intro', 'maria', 'tom', '--anyway');
    expect(anyway.code).toBe(0);
    expect(anyway.stdout).toMatch(/^Introduced Maria Lopez and Tom Baker on Sun 2026-11-22: a give to both\./);
    expect(events().filter((e) => e.kind === 'introduction')).toHaveLength(2);
  });

  it('ideas says ready, so the intro it prints succeeds: the provider vouched for, the one in need only met, though a match runs the other way too', () => {
    wellKnown('Tom Lee', 'wedding photography', 'portraits', 'headshots');
    ok(j.run('edit', 'tom', '--goal', 'more wedding clients'));
    // Maria is met once, no more; what she offers answers Tom's goal, so the two match both ways.
    ok(j.run('add', 'Maria Garcia', '--tag', 'wedding', '--service', 'wedding planning'));
    ok(j.run('edit', 'maria', '--need', 'a wedding photographer'));
    ok(j.run('log', 'maria', '--touch', 'coffee'));
    expect(j.run('check', 'Tom Lee', '--to-refer').code).toBe(0);
    expect(j.run('check', 'Maria Garcia', '--to-refer').code).toBe(3);

    expect(j.json('ideas')).toMatchObject([{ kind: 'introduction', for: 'Maria Garcia', with: 'Tom Lee', ready: true, learnFirst: [] }]);
    const printed = j.run('ideas').stdout;
    expect(printed).toContain('\n    net intro "Maria Garcia" "Tom Lee"\n');

    const asJson = j.run('--json', 'intro', 'Maria Garcia', 'Tom Lee');
    expect(asJson).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      recorded: true,
      ready: true,
      contacts: [
        { name: 'Maria Garcia', role: 'receiving', learnFirst: [] },
        { name: 'Tom Lee', role: 'recommended', verdict: 'ready', learnFirst: [] },
      ],
    });
    expect(events().filter((e) => e.kind === 'introduction')).toHaveLength(2);
    expect(j.json('ideas').some((i: { with: string | null }) => i.with === 'Tom Lee' || i.with === 'Maria Garcia')).toBe(false);
  });

  it.each([
    [['intro', 'maria', 'maria'], 2, 'net: cannot introduce Maria Lopez to themselves; name two different people: net intro <a> <b>\n'],
    [['intro', 'maria', 'nobody'], 4, /^net: no contact called "nobody"/],
    [['intro', 'maria', 'tom', '--date', 'tomorrow'], 2, 'net: --date 2026-11-23 is in the future; record an introduction you have made, today or earlier\n'],
    [['intro', 'maria', 'tom', '--value', '9'], 2, /^net: value "9" is not a whole number from 1 to 5/],
    [['intro', 'maria'], 2, /^net: missing required argument 'b'/],
  ])('refuses %j with exit %i and writes nothing', (args, code, stderr) => {
    both();
    const before = j.dump();
    expect(j.run(...args)).toMatchObject({ code, stdout: '', stderr: typeof stderr === 'string' ? stderr : expect.stringMatching(stderr) });
    expect(j.dump()).toEqual(before);
  });

  it('refuses the same pair twice on one day, in either order, and allows it on another day', () => {
    both();
    ok(j.run('intro', 'maria', 'tom'));
    const before = j.dump();
    expect(j.run('intro', 'tom', 'maria')).toMatchObject({ code: 2, stdout: '', stderr: 'net: Tom Baker and Maria Lopez were already introduced on 2026-11-22; see net show "Tom Baker"\n' });
    expect(j.dump()).toEqual(before);
    ok(j.run('intro', 'tom', 'maria', '--date', '2026-11-01'));
  });

  it('keeps needs, met needs and introduction links through an export and an import', () => {
    both();
    ok(j.run('edit', 'maria', '--need', 'more corporate clients', '--ideal', 'couples planning a wedding'));
    ok(j.run('intro', 'maria', 'tom'));
    ok(j.run('edit', 'maria', '--met-need', 'a wedding photographer'));
    const file = join(j.dir, 'journal.json');
    ok(j.run('export', file));
    const copy = makeJournal(TODAY, 'in-process');
    try {
      ok(copy.run('import', file));
      const original = j.dump();
      const imported = copy.dump();
      const facts = (d: Record<string, unknown[]>) => (d.facts as { id: string; kind: string; text: string; done_on: string | null }[]).map((f) => [f.id, f.kind, f.text, f.done_on]).sort();
      const links = (d: Record<string, unknown[]>) => (d.events as EventRow[]).map((e) => [e.id, e.link_id]).sort();
      expect(facts(imported)).toEqual(facts(original));
      expect(links(imported)).toEqual(links(original));
      expect(copy.json('show', 'maria').contact).toMatchObject({ needs: ['more corporate clients'], ideals: ['couples planning a wedding'], metNeeds: [{ text: 'a wedding photographer', metOn: '2026-11-22' }] });
      expect(copy.run('show', 'tom').stdout).toContain('  2026-11-22  introduced to Maria Lopez (2/5)\n');
      expect(copy.json('ideas').some((i: { with: string | null; for: string }) => [i.for, i.with].includes('Tom Baker'))).toBe(false);
    } finally {
      copy.cleanup();
    }
  });
});
