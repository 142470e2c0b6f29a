import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UsageError } from '../../../src/core/errors.js';
import { matchName, parseContactName, suggestNames, toDistinctLabels, toNameKey } from '../../../src/core/names.js';
import { runs } from '../../helpers/property-runs.js';

const people = ['Jane Doe', 'Jane Roe', 'Ravi Patel', 'José Álvarez', 'Jan', 'Anna Schmidt', 'Anna-Lena Berg'].map((name, i) => ({ id: String(i), name }));
const nameOf = (m: ReturnType<typeof matchName>) =>
  m.kind === 'found' ? m.contact.name : m.kind === 'ambiguous' ? m.candidates.map((c) => c.name) : 'unknown';

describe('matchName', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'], // exact
    ['jane doe', 'Jane Doe'], // case
    ['  JANE   doe ', 'Jane Doe'], // spaces
    ['jan', 'Jan'], // exact beats prefix ("Jane Doe" and "Jane Roe" start with it too)
    ['doe', 'Jane Doe'], // a word's prefix
    ['rav', 'Ravi Patel'],
    ['patel', 'Ravi Patel'],
    ['jose', 'José Álvarez'], // accents do not matter
    ['alvarez', 'José Álvarez'],
    ['ÁLVAREZ', 'José Álvarez'],
    ['jane d', 'Jane Doe'], // prefix of the full name
    ['jane', ['Jane Doe', 'Jane Roe']], // ambiguous, in name order
    ['anna', ['Anna Schmidt', 'Anna-Lena Berg']],
    ['schmidt', 'Anna Schmidt'],
    ['zed', 'unknown'],
    ['', 'unknown'],
    ['oe', 'unknown'], // inside a word is not a match
  ])('%j means %j', (query, expected) => {
    expect(nameOf(matchName(query, people))).toEqual(expected);
  });

  it('calls two contacts with the same name ambiguous', () => {
    const twins = [...people, { id: 'x', name: 'jane doe' }];
    expect(nameOf(matchName('Jane Doe', twins))).toEqual(['Jane Doe', 'jane doe']);
  });
});

describe('toDistinctLabels', () => {
  it('names each candidate, and one whose name another shares (case and accents aside) by name and id', () => {
    const choices = [
      { id: '3f2a9c1e-0000-4000-8000-000000000001', name: 'Jane Doe' },
      { id: '7b1c0d2e-0000-4000-8000-000000000002', name: 'jane doe' },
      { id: '0ebfb83d-0000-4000-8000-000000000003', name: 'Jane Roe' },
    ];
    expect(toDistinctLabels(choices)).toEqual(['Jane Doe (3f2a9c1e)', 'jane doe (7b1c0d2e)', 'Jane Roe']);
    expect(toDistinctLabels(choices.slice(2))).toEqual(['Jane Roe']);
  });
});

describe('suggestNames', () => {
  const names = people.map((p) => p.name);
  it.each([
    ['jnae', ['Jan', 'Jane Doe', 'Jane Roe']], // equally close: name order
    ['ravy', ['Ravi Patel']],
    ['patle', ['Ravi Patel']],
    ['alvares', ['José Álvarez']],
    ['xyzzy', []],
  ])('%j suggests %j', (query, expected) => {
    expect(suggestNames(query, names)).toEqual(expected);
  });

  it('gives at most `limit` names', () => {
    expect(suggestNames('jnae', names, 1)).toHaveLength(1);
  });
});

describe('toNameKey and parseContactName', () => {
  it.each([
    ['José  Álvarez', 'jose alvarez'],
    ['  Jane\tDoe ', 'jane doe'],
    ['Ångström', 'angstrom'],
  ])('toNameKey(%j) is %j', (name, key) => {
    expect(toNameKey(name)).toBe(key);
  });

  it('has no mark to remove below U+0300, where it skips the search for them', () => {
    for (let code = 0; code < 0x300; code++) expect(/\p{M}/u.test(String.fromCharCode(code)), code.toString(16)).toBe(false);
    expect(/\p{M}/u.test('\u0300')).toBe(true);
  });

  it('gives the key of the plain rule for any text: compatibility forms, marks, spaces, astral characters', () => {
    const plain = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', 'É', 'e\u0301', ' ', '\u02ff', '\u0300', 'ﬁ', '①', '\t') }));
    fc.assert(
      fc.property(text, (name) => {
        expect(toNameKey(name)).toBe(plain(name));
      }),
      { numRuns: runs(500) },
    );
  });

  it.each([
    ['  Jane   Doe ', 'Jane Doe'],
    ['Jose\u0301', 'José'], // composed
  ])('parseContactName(%j) is %j', (text, name) => {
    expect(parseContactName(text)).toBe(name);
  });

  it.each([
    ['', /needs a name/],
    ['   ', /needs a name/],
    ['x'.repeat(201), /longer than 200/],
    ['Jane\u0007Doe', /control characters/],
  ])('refuses %j', (text, message) => {
    expect(() => parseContactName(text)).toThrow(UsageError);
    expect(() => parseContactName(text)).toThrow(message);
  });
});
