/**
 * The FTS5 query `net search` builds (core/search.ts toMatchQuery, with the terms store/search.ts listTerms reads) is
 * valid for any list of words: one or several, a word with no terms, one term or many (beyond the most a word is
 * replaced by), 2- and 3-letter prefixes, accents and other scripts. And a word's own terms find exactly what the word as
 * a prefix finds.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchJournal } from '../../../src/app/search.js';
import { parseSearchQuery, toMatchQuery } from '../../../src/core/search.js';
import { listTerms, searchContacts, searchEvents } from '../../../src/store/search.js';
import { Store } from '../../../src/store/store.js';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { runs } from '../../helpers/property-runs.js';

const TS = '2026-11-22T08:00:00.000Z';
// Words written in the journal: "photo" starts 3 terms, "spring" 20 (more than a word is replaced by), "tom" is short.
const WRITTEN = ['tom', 'lee', 'event', 'photo', 'photos', 'photography', 'wedding', 'weddings', 'café', 'müller', 'łódź', 'бухгалтер', 'mortgage', 'x'];
const SPRINGS = Array.from({ length: 20 }, (_, i) => `spring${String.fromCharCode(97 + i)}`);
let store: Store;

beforeAll(() => {
  store = new Store(emptyMemoryJournal(), null);
  store.tx(() => {
    const all = [...WRITTEN, ...SPRINGS];
    for (let i = 0; i < 40; i++) {
      const words = Array.from({ length: 6 }, (_, k) => all[(i * 7 + k * 5) % all.length]!).join(' ');
      store.insertContact({ id: `c${i}`, name: `Name ${words}`, company: words, role: null, email: null, phone: null, metOn: null, howMet: null, everyDays: null, snoozedUntil: null, birthday: null, createdAt: TS, updatedAt: TS }, `name ${i}`);
    }
  });
});
afterAll(() => store.db.close());

// A word typed: written words, their starts (2 letters and more), words never written, accents, quotes, operators.
const typed = fc.oneof(
  fc.constantFrom(...WRITTEN, ...SPRINGS, 'spring', 'sprin', 'photog', 'pho', 'ph', 'wed', 'AND', 'OR', 'NOT', 'NEAR', '"', 'a"b', '*', 'café-bar', 'Müll', 'zzzz', '1234'),
  fc.string({ unit: fc.constantFrom('a', 'e', 'o', 'p', 's', 't', 'é', 'ł', 'д', '"', ' ', '-', '*', '(', ')'), minLength: 1, maxLength: 8 }),
);

describe('the query of net search', () => {
  it('is valid FTS5 for any words, and finds with the words\' terms exactly what their prefixes find', () => {
    fc.assert(
      fc.property(fc.array(typed, { minLength: 1, maxLength: 5 }), (list) => {
        const text = list.join(' ');
        let words: string[];
        try {
          words = parseSearchQuery(text).words;
        } catch {
          return; // no word at all: a usage error, said before any query
        }
        const r = searchJournal(store, { text, limit: 100 });
        const prefixes = toMatchQuery(words, () => undefined);
        expect(r.contacts.count).toBe(searchContacts(store, prefixes, 100).count);
        expect(r.events.count).toBe(searchEvents(store, prefixes, 100).count);
      }),
      { numRuns: runs(300), seed: 11 },
    );
  });

  it('groups a word of several terms, and joins the words with AND', () => {
    expect(listTerms(store, 'search_contacts', 'photo')).toEqual(['photo', 'photography', 'photos']);
    expect(listTerms(store, 'search_contacts', 'spring')).toBeUndefined();
    const match = toMatchQuery(['tom', 'photo', 'spring'], (w) => listTerms(store, 'search_contacts', w));
    expect(match).toBe('"tom"* AND ("photo" OR "photography" OR "photos") AND "spring"*');
    expect(searchJournal(store, { text: 'tom photo', limit: 100 }).contacts.count).toBeGreaterThan(0);
  });
});
