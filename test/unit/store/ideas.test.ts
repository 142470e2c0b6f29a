import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findOfferTexts } from '../../../src/store/ideas.js';
import { openMemory } from '../../../src/store/db.js';
import { Store } from '../../../src/store/store.js';

const ts = '2026-11-22T08:00:00.000Z';
const word = fc.constantFrom('Wedding', 'wedding', 'photography', 'Photographer', 'web', 'design', 'Abbott', '& Co', 'ltd', '');
const textArb = fc.array(word, { minLength: 1, maxLength: 3 }).map((w) => w.join(' ').trim() || 'x');

/** What findOfferTexts read before it seeked from value to value: every row, then DISTINCT. */
function scanAll(store: Store, keys: readonly string[] | null): { field: string; text: string }[] {
  const filter = (column: string) => (keys === null ? '' : `WHERE ${keys.length ? `(${keys.map(() => `instr(${column}, ?) > 0`).join(' OR ')})` : '0'}`);
  const args = keys ?? [];
  const texts = (store.db.prepare(`SELECT kind, text_key FROM (SELECT DISTINCT kind, text_key FROM facts WHERE kind IN ('service', 'tag')) ${filter('text_key')} ORDER BY kind, text_key`).raw().all(...args) as [string, string][]).map(([field, text]) => ({ field, text }));
  for (const field of ['role', 'company']) {
    for (const text of store.db.prepare(`SELECT t FROM (SELECT DISTINCT lower(${field}) AS t FROM contacts WHERE ${field} IS NOT NULL) ${filter('t')} ORDER BY t`).pluck().all(...args) as string[]) texts.push({ field, text });
  }
  return texts;
}

describe('findOfferTexts', () => {
  it('gives the distinct texts every row would give, in the same order', () => {
    const contactArb = fc.record({ role: fc.option(textArb, { nil: null }), company: fc.option(textArb, { nil: null }), offers: fc.array(fc.record({ kind: fc.constantFrom('service', 'tag', 'need'), text: textArb }), { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 25 }), fc.option(fc.array(fc.constantFrom('wed', 'photograph', 'web', 'co', 'zz'), { maxLength: 3 }), { nil: null }), (contacts, keys) => {
        const store = new Store(openMemory(), null);
        contacts.forEach((c, i) => {
          const id = `c${i}`;
          store.insertContact({ id, name: `C ${i}`, company: c.company, role: c.role, email: null, phone: null, metOn: null, howMet: null, everyDays: null, snoozedUntil: null, createdAt: ts, updatedAt: ts }, `c ${i}`);
          c.offers.forEach((o, j) => store.insertFact({ id: `${id}-${j}`, contactId: id, kind: o.kind as 'service', text: o.text, createdAt: ts, updatedAt: ts }));
        });
        expect(findOfferTexts(store, keys)).toEqual(scanAll(store, keys));
        store.close();
      }),
      { numRuns: 200 },
    );
  });
});
