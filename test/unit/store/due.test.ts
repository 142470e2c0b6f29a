import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { scoreDue } from '../../../src/core/due.js';
import { openMemory } from '../../../src/store/db.js';
import { listDueContacts } from '../../../src/store/due.js';
import { Store } from '../../../src/store/store.js';
import { upsertDate as insertDate } from '../../../src/store/dates.js';

const TODAY = '2026-11-22';
const ts = `${TODAY}T08:00:00.000Z`;
let store: Store;

/** A journal of varied contacts: every term of the urgency, and many near its thresholds. */
beforeAll(() => {
  store = new Store(openMemory(), null);
  const rnd = fc.sample(fc.integer({ min: 0, max: 2 ** 30 }), { numRuns: 40_000, seed: 7 });
  let k = 0;
  const r = (n: number) => rnd[k++ % rnd.length]! % n;
  store.tx(() => {
    for (let i = 0; i < 600; i++) {
      const id = `c${i}`;
      const added = addDays(TODAY, -r(900));
      store.insertContact(
        {
          id,
          name: `Contact ${i}`,
          company: null,
          role: null,
          email: null,
          phone: null,
          metOn: r(4) === 0 ? addDays(added, r(30)) : null,
          howMet: null,
          everyDays: r(3) === 0 ? 1 + r(120) : null,
          snoozedUntil: r(10) === 0 ? addDays(TODAY, r(40) - 20) : null,
          // Birthdays around the days tested (with and without a year, and February 29) for the important-date term.
          birthday: r(4) === 0 ? (r(2) ? '--' : `${1950 + r(50)}-`) + addDays(TODAY, r(300) - 60).slice(5) : r(40) === 0 ? '--02-29' : null,
          createdAt: `${added}T10:00:00.000Z`,
          updatedAt: ts,
        },
        `contact ${i}`,
      );
      if (r(6) === 0) insertDate(store, { id: `${id}-d`, contactId: id, label: 'work anniversary', date: addDays(TODAY, r(300) - 60), createdAt: ts, updatedAt: ts });
      if (r(3) === 0) store.insertFact({ id: `${id}-t`, contactId: id, kind: 'tag', text: r(2) ? 'bni' : 'client', createdAt: ts, updatedAt: ts });
      for (let f = r(4) === 0 ? r(8) : 0; f > 0; f--) store.insertFact({ id: `${id}-f${f}`, contactId: id, kind: (['service', 'goal', 'family'] as const)[r(3)], text: `fact ${f}`, createdAt: ts, updatedAt: ts });
      for (let a = r(3) === 0 ? r(9) : 0; a > 0; a--) store.upsertAnswer({ id: `${id}-a${a}`, contactId: id, point: `point-${a}`, answer: true, answeredOn: TODAY, createdAt: ts, updatedAt: ts });
      for (let e = r(3) === 0 ? 0 : r(12); e > 0; e--) {
        const type = (['touch', 'touch', 'gave', 'received', 'ask'] as const)[r(5)];
        const referral = (type === 'gave' || type === 'received') && r(2) === 0;
        store.insertEvent({
          id: `${id}-e${e}`,
          contactId: id,
          type,
          kind: type === 'touch' ? 'coffee' : referral ? 'referral' : 'idea',
          // Referral outcomes for the thank-you and ask-how-it-went terms.
          status: referral ? (['open', 'contacted', 'won', 'lost'] as const)[r(4)] : null,
          statusOn: referral ? addDays(TODAY, -r(200)) : null,
          value: type === 'touch' ? null : 1 + r(5),
          note: null,
          occurredOn: addDays(TODAY, -r(Math.max(1, 200))),
          outcome: type === 'ask' ? (r(2) ? 'pending' : 'yes') : null,
          outcomeOn: null,
          premature: false,
          createdAt: ts,
          updatedAt: ts,
        });
      }
      if (r(4) === 0) store.insertFollowUp({ id: `${id}-f`, contactId: id, dueOn: addDays(TODAY, r(60) - 30), note: null, scheduledOn: addDays(TODAY, -60), doneOn: null, createdAt: ts, updatedAt: ts });
      store.refreshSummary(id);
    }
  });
});
afterAll(() => store.close());

/** What core lists when it scores every contact, most urgent first. */
function scoreAll(day: string, tag?: string): string[] {
  const tagged = tag ? new Set(store.listContacts({ tag }).map((c) => c.id)) : null;
  return store
    .listContacts()
    .filter((c) => !tagged || tagged.has(c.id))
    .flatMap((c) => scoreDue(c, day, store.halfLifeDays()) ?? [])
    .sort((a, b) => b.score - a.score || `contact ${a.id.slice(1)}`.localeCompare(`contact ${b.id.slice(1)}`) || a.id.localeCompare(b.id))
    .map((i) => `${i.id} ${i.score}`);
}

describe('listDueContacts', () => {
  it.each([TODAY, addDays(TODAY, -40), addDays(TODAY, 7), addDays(TODAY, 45), addDays(TODAY, 200), '2027-02-26', '2028-02-27'])('keeps every contact core would list on %s, in the same order', (day) => {
    const halfLifeDays = store.halfLifeDays();
    const page = listDueContacts(store, { day, halfLifeDays });
    const listed = page.contacts.map((c) => `${c.id} ${scoreDue(c, day, halfLifeDays)!.score}`);
    const expected = scoreAll(day);
    expect(expected.length).toBeGreaterThan(20);
    expect(page.total).toBe(expected.length);
    expect(new Set(listed)).toEqual(new Set(expected));
    expect(listed.map((l) => Number(l.split(' ')[1]))).toEqual(expected.map((l) => Number(l.split(' ')[1])));
  });

  it('limits, counts the rest, and filters by tag', () => {
    const halfLifeDays = store.halfLifeDays();
    const all = listDueContacts(store, { day: TODAY, halfLifeDays });
    const page = listDueContacts(store, { day: TODAY, halfLifeDays, limit: 5 });
    expect(page.contacts.map((c) => c.id)).toEqual(all.contacts.slice(0, 5).map((c) => c.id));
    expect(page.total).toBe(all.total);
    const bni = listDueContacts(store, { day: TODAY, halfLifeDays, tag: 'BNI' });
    expect(new Set(bni.contacts.map((c) => `${c.id} ${scoreDue(c, TODAY, halfLifeDays)!.score}`))).toEqual(new Set(scoreAll(TODAY, 'bni')));
  });
});
