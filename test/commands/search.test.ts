/** net search on a journal in several languages, with accents: what is found, in what order, in which words. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TODAY, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  const add = (...args: string[]) => expect(j.run('add', ...args)).toMatchObject({ code: 0, stderr: '' });
  add('Jane Doe', '--role', 'mortgage broker', '--how-met', 'BNI chamber breakfast', '--note', 'Knows every café owner in town');
  add('Jürgen Müller', '--company', 'Müller Steuerberatung GmbH', '--service', 'Steuererklärung', '--how-met', 'Handelskammer Köln');
  add('Amélie Durand', '--role', 'photographe de mariage', '--goal', 'ouvrir un studio à Lyon', '--family', 'Zoë, fille');
  add('Zofia Król', '--company', 'Łódź Print', '--note', 'drukarnia, zna wszystkich w izbie');
  add('Дмитрий Иванов', '--role', 'бухгалтер', '--how-met', 'Торговая палата');
  add('Νίκος Παπαδόπουλος', '--role', 'λογιστής', '--tag', 'chamber');
  add('Sam Lee', '--role', 'florist');
  j.run('log', 'sam', 'coffee', 'met at the chamber mixer, wants more wedding clients', 'yesterday');
  j.run('log', 'jane', 'gave', 'referral', 'for', 'Tom Baker, refinancing his mortgage', '3', 'days', 'ago');
});
afterEach(() => j.cleanup());

const found = (...words: string[]) => {
  const v = j.json('search', ...words);
  return { contacts: v.contacts.map((c: any) => c.name), events: v.events.map((e: any) => `${e.contact.name}: ${e.kind}`) };
};

describe('net search', () => {
  it('finds a contact by words from several of their fields, ranked, with the words in context', () => {
    const r = j.run('search', 'mortgage', 'chamber');
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: ['Contacts (1)', '  Jane Doe', '    role     mortgage broker', '    how met  BNI chamber breakfast', ''].join('\n'),
    });
    expect(found('mortgage')).toEqual({ contacts: ['Jane Doe'], events: ['Jane Doe: referral'] });
  });

  it('finds events by their note and the prospect of a referral', () => {
    expect(found('wedding')).toEqual({ contacts: [], events: ['Sam Lee: coffee'] });
    expect(found('refinanc', 'tom')).toEqual({ contacts: [], events: ['Jane Doe: referral'] });
    const v = j.json('search', 'chamber', 'mixer');
    expect(v.events[0]).toMatchObject({ date: '2026-11-21', type: 'touch', kind: 'coffee', matches: [{ field: 'note', text: 'met at the chamber mixer, wants more wedding clients', marks: [[11, 18], [19, 24]] }] });
  });

  it('ranks a word in the name above the same word elsewhere', () => {
    j.run('add', 'Chamber Jones');
    expect(found('chamber').contacts).toEqual(['Chamber Jones', expect.any(String), expect.any(String)]);
  });

  it.each([
    [['muller'], ['Jürgen Müller']],
    [['MÜLLER', 'koln'], ['Jürgen Müller']],
    [['steuererklarung'], ['Jürgen Müller']],
    [['cafe'], ['Jane Doe']],
    [['amelie'], ['Amélie Durand']],
    [['zoe'], ['Amélie Durand']],
    [['a', 'lyon'], ['Amélie Durand']],
    [['photograph'], ['Amélie Durand']],
    [['krol'], ['Zofia Król']],
    [['łódź'], ['Zofia Król']],
    [['drukarnia'], ['Zofia Król']],
    [['дмитрий'], ['Дмитрий Иванов']],
    [['БУХГАЛТЕР'], ['Дмитрий Иванов']],
    [['торговая', 'палата'], ['Дмитрий Иванов']],
    // Greek and Cyrillic fold case; accents are folded for the Latin script (unicode61), so Greek keeps its tonos.
    [['λογιστής'], ['Νίκος Παπαδόπουλος']],
    [['ΝΊΚΟΣ'], ['Νίκος Παπαδόπουλος']],
  ])('finds %j whatever the case and the accents', (words, contacts) => {
    expect(found(...words).contacts).toEqual(contacts);
  });

  it('matches a letter of its own (ł, not an l with an accent) as written, as README says', () => {
    expect(found('łodz').contacts).toEqual(['Zofia Król']);
    expect(found('lodz').contacts).toEqual([]);
  });

  it('keeps the index in step with every write: edits, removals, notes, facts', () => {
    expect(found('sailing').contacts).toEqual([]);
    j.run('edit', 'jane', '--append-note', 'goes sailing on Sundays');
    expect(found('sailing').contacts).toEqual(['Jane Doe']);
    j.run('edit', 'jane', '--name', 'Jane Smith');
    expect(found('doe').contacts).toEqual([]);
    expect(found('smith', 'sailing').contacts).toEqual(['Jane Smith']);
    j.run('edit', 'sam', '--service', 'wedding bouquets');
    expect(found('bouquet').contacts).toEqual(['Sam Lee']);
    j.run('edit', 'sam', '--forget', 'wedding bouquets');
    expect(found('bouquet').contacts).toEqual([]);
    j.run('rm', 'sam', '--yes');
    expect(found('wedding')).toEqual({ contacts: [], events: [] });
  });

  it('shows each hit with its own words, not those of the first match in the index', () => {
    j.run('log', 'jürgen', 'call', 'springtime tax deadline', '2', 'days', 'ago');
    const v = j.json('search', 'spring');
    expect(v.events.map((e: any) => [e.contact.name, e.matches[0].text])).toEqual([
      ['Jürgen Müller', 'springtime tax deadline'],
    ]);
    j.run('log', 'amélie', 'coffee', 'spring weddings in Lyon', 'yesterday');
    expect(j.json('search', 'spring').events.map((e: any) => [e.contact.name, e.matches[0].text]).sort()).toEqual([
      ['Amélie Durand', 'spring weddings in Lyon'],
      ['Jürgen Müller', 'springtime tax deadline'],
    ]);
  });

  it('finds a word as the start of every word it starts, however many the index holds', () => {
    // Up to 16 words a search word starts are looked for as those words; beyond, as the start of a word: the same finds.
    for (let i = 0; i < 20; i++) j.run('add', `Planner ${i}`, '--role', `planner${'x'.repeat(i)}`);
    expect(found('planne', '--limit', '50').contacts).toHaveLength(20);
    expect(found('plannerxxxxxxxxxx', '--limit', '50').contacts).toHaveLength(10);
    j.run('add', 'Sprung Spry', '--role', 'springboard coach');
    expect(found('spring').contacts).toEqual(['Sprung Spry']);
    expect(found('sprin', 'coach').contacts).toEqual(['Sprung Spry']);
  });

  it('finds a word of several terms beside other words, in either order', () => {
    // "photo" starts photo, photos and photographe: a group of three terms, next to another word.
    j.run('add', 'Tom Lee');
    expect(j.run('edit', 'tom', '--service', 'event photos')).toMatchObject({ code: 0 });
    j.run('add', 'Pia Photo', '--role', 'photo booth');
    expect(found('tom', 'photo').contacts).toEqual(['Tom Lee']);
    expect(found('photo', 'tom').contacts).toEqual(['Tom Lee']);
    expect(j.run('search', 'tom photo')).toMatchObject({ code: 0, stderr: '' });
    expect(found('wedding', 'photo', '--limit', '30')).toEqual({ contacts: [], events: [] });
    expect(found('photo', 'mariage').contacts).toEqual(['Amélie Durand']);
  });

  it('says when nothing is found, and refuses a search without words', () => {
    expect(j.run('search', 'zeppelin')).toEqual({ code: 0, stderr: '', stdout: 'Nothing found for "zeppelin".\n' });
    expect(j.json('search', 'zeppelin')).toMatchObject({ contacts: [], events: [], contactCount: 0, eventCount: 0 });
    expect(j.run('search', '--', '-+*')).toMatchObject({ code: 2, stdout: '', stderr: 'net: nothing to search for in "-+*"; give one or more words, for example net search mortgage chamber\n' });
    expect(j.run('search', 'AND', 'OR', 'NOT', '"')).toMatchObject({ code: 0, stderr: '' });
  });

  it('shows the first --limit of each, and says that more matched', () => {
    for (let i = 0; i < 4; i++) j.run('add', `Florist ${i}`, '--role', 'florist');
    const r = j.run('search', 'florist', '--limit', '2');
    expect(r.stdout).toMatch(/^Contacts \(2 of 5\)\n/);
    expect(r.stdout).toContain('More matched: add a word to narrow it down, or show more with --limit.');
  });

  it('reads an empty or missing journal as empty', () => {
    const k = makeJournal(TODAY, 'in-process');
    try {
      expect(k.run('search', 'anything')).toEqual({ code: 0, stderr: '', stdout: 'Nothing found for "anything".\n' });
    } finally {
      k.cleanup();
    }
  });
});
