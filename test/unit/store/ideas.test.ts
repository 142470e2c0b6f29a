import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfferText } from '../../../src/core/matching.js';
import { findOfferTexts, listOfferHolders, offerKey } from '../../../src/store/ideas.js';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { Store } from '../../../src/store/store.js';
import { runs } from '../../helpers/property-runs.js';

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
        const store = new Store(emptyMemoryJournal(), null);
        contacts.forEach((c, i) => {
          const id = `c${i}`;
          store.insertContact({ id, name: `C ${i}`, company: c.company, role: c.role, email: null, phone: null, metOn: null, howMet: null, everyDays: null, snoozedUntil: null, createdAt: ts, updatedAt: ts }, `c ${i}`);
          c.offers.forEach((o, j) => store.insertFact({ id: `${id}-${j}`, contactId: id, kind: o.kind as 'service', text: o.text, createdAt: ts, updatedAt: ts }));
        });
        expect(findOfferTexts(store, keys)).toEqual(scanAll(store, keys));
        store.close();
      }),
      { numRuns: runs(200) },
    );
  });
});

/** What listOfferHolders read before it took each text's first holders from an index: every holder, ranked. */
function rankAll(store: Store, offers: readonly OfferText[], perText: number): Map<string, string[]> {
  const rows = store.db
    .prepare(
      `WITH wanted(field, text) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?)),
       holders(field, text, id) AS (
         SELECT f.kind, f.text_key, f.contact_id FROM wanted w JOIN facts f ON f.kind = w.field AND f.text_key = w.text
         UNION ALL SELECT 'role', lower(c.role), c.id FROM contacts c WHERE c.role IS NOT NULL AND lower(c.role) IN (SELECT text FROM wanted WHERE field = 'role')
         UNION ALL SELECT 'company', lower(c.company), c.id FROM contacts c WHERE c.company IS NOT NULL AND lower(c.company) IN (SELECT text FROM wanted WHERE field = 'company'))
       SELECT field, text, id FROM (
         SELECT h.field, h.text, h.id, row_number() OVER (
           PARTITION BY h.field, h.text ORDER BY c.answers_yes + c.service_count + c.family_count DESC, c.invested - c.withdrawn DESC, c.id) AS n
         FROM holders h JOIN contacts c ON c.id = h.id)
       WHERE n <= ?`,
    )
    .raw()
    .all(JSON.stringify(offers.map((o) => [o.field, o.text])), perText) as [string, string, string][];
  const map = new Map<string, string[]>();
  for (const [field, text, id] of rows) map.set(offerKey({ field: field as OfferText['field'], text }), [...(map.get(offerKey({ field: field as OfferText['field'], text })) ?? []), id]);
  return map;
}

describe('listOfferHolders', () => {
  it('takes the same holders, in the same order, as ranking every holder', () => {
    const roles = ['Bookkeeping', 'bookkeeping', 'Web design', 'Florist'];
    const services = ['tax returns', 'Tax Returns', 'coaching', 'printing'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ role: fc.option(fc.constantFrom(...roles), { nil: null }), company: fc.option(fc.constantFrom('Acme', 'acme', 'Baker & Co'), { nil: null }), services: fc.subarray(services), tag: fc.boolean(), known: fc.nat(6), net: fc.integer({ min: -3, max: 3 }) }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 5 }),
        (contacts, perText) => {
          const store = new Store(emptyMemoryJournal(), null);
          contacts.forEach((c, i) => {
            const id = `c${String(i).padStart(2, '0')}`;
            store.insertContact({ id, name: `C ${i}`, company: c.company, role: c.role, email: null, phone: null, metOn: null, howMet: null, everyDays: null, snoozedUntil: null, createdAt: ts, updatedAt: ts }, `c ${i}`);
            c.services.forEach((text, j) => store.insertFact({ id: `${id}-s${j}`, contactId: id, kind: 'service', text, createdAt: ts, updatedAt: ts }));
            if (c.tag) store.insertFact({ id: `${id}-t`, contactId: id, kind: 'tag', text: 'bni', createdAt: ts, updatedAt: ts });
            store.db.prepare('UPDATE contacts SET answers_yes = ?, invested = ?, withdrawn = 0 WHERE id = ?').run(c.known, c.net, id);
          });
          const offers = findOfferTexts(store, null);
          expect(listOfferHolders(store, offers, perText)).toEqual(rankAll(store, offers, perText));
          store.close();
        },
      ),
      { numRuns: runs(150) },
    );
  });

  it('walks contacts in order through an index for a service many share', () => {
    const store = new Store(emptyMemoryJournal(), null);
    const sql = "SELECT id FROM contacts c WHERE EXISTS (SELECT 1 FROM facts f WHERE f.contact_id = c.id AND f.kind = ? AND f.text_key = ?) ORDER BY (answers_yes + service_count + family_count) DESC, (invested - withdrawn) DESC, id LIMIT ?";
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('service', 'x', 1) as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan).toMatch(/INDEX contacts_known/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    store.close();
  });
});
