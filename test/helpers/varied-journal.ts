/** A journal of varied contacts in memory, built through the store: every term of the urgency, and many near its thresholds. */
import fc from 'fast-check';
import { addDays } from '../../src/core/dates.js';
import { emptyMemoryJournal } from './memory-journal.js';
import { upsertDate as insertDate } from '../../src/store/dates.js';
import { Store } from '../../src/store/store.js';

export function makeVariedJournal(today: string, { contacts = 600, seed = 7 } = {}): Store {
  const ts = `${today}T08:00:00.000Z`;
  const store = new Store(emptyMemoryJournal(), null);
  const rnd = fc.sample(fc.integer({ min: 0, max: 2 ** 30 }), { numRuns: 40_000, seed });
  let k = 0;
  const r = (n: number) => rnd[k++ % rnd.length]! % n;
  store.tx(() => {
    for (let i = 0; i < contacts; i++) {
      const id = `c${i}`;
      const added = addDays(today, -r(900));
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
          snoozedUntil: r(10) === 0 ? addDays(today, r(40) - 20) : null,
          // Birthdays around the days tested (with and without a year, and February 29) for the important-date term.
          birthday: r(4) === 0 ? (r(2) ? '--' : `${1950 + r(50)}-`) + addDays(today, r(300) - 60).slice(5) : r(40) === 0 ? '--02-29' : null,
          createdAt: `${added}T10:00:00.000Z`,
          updatedAt: ts,
        },
        `contact ${i}`,
      );
      if (r(6) === 0) insertDate(store, { id: `${id}-d`, contactId: id, label: 'work anniversary', date: addDays(today, r(300) - 60), createdAt: ts, updatedAt: ts });
      if (r(3) === 0) store.insertFact({ id: `${id}-t`, contactId: id, kind: 'tag', text: r(2) ? 'bni' : 'client', createdAt: ts, updatedAt: ts });
      for (let f = r(4) === 0 ? r(8) : 0; f > 0; f--) store.insertFact({ id: `${id}-f${f}`, contactId: id, kind: (['service', 'goal', 'family'] as const)[r(3)]!, text: `fact ${f}`, createdAt: ts, updatedAt: ts });
      for (let a = r(3) === 0 ? r(9) : 0; a > 0; a--) store.upsertAnswer({ id: `${id}-a${a}`, contactId: id, point: `point-${a}`, answer: true, answeredOn: today, createdAt: ts, updatedAt: ts });
      for (let e = r(3) === 0 ? 0 : r(12); e > 0; e--) {
        const type = (['touch', 'touch', 'gave', 'received', 'ask'] as const)[r(5)]!;
        const referral = (type === 'gave' || type === 'received') && r(2) === 0;
        store.insertEvent({
          id: `${id}-e${e}`,
          contactId: id,
          type,
          kind: type === 'touch' ? 'coffee' : referral ? 'referral' : 'idea',
          // Referral outcomes for the thank-you and ask-how-it-went terms.
          status: referral ? (['open', 'contacted', 'won', 'lost'] as const)[r(4)] : null,
          statusOn: referral ? addDays(today, -r(200)) : null,
          value: type === 'touch' ? null : 1 + r(5),
          note: null,
          occurredOn: addDays(today, -r(Math.max(1, 200))),
          outcome: type === 'ask' ? (r(2) ? 'pending' : 'yes') : null,
          outcomeOn: null,
          premature: false,
          createdAt: ts,
          updatedAt: ts,
        });
      }
      if (r(4) === 0) store.insertFollowUp({ id: `${id}-f`, contactId: id, dueOn: addDays(today, r(60) - 30), note: null, scheduledOn: addDays(today, -60), doneOn: null, createdAt: ts, updatedAt: ts });
      store.refreshSummary(id);
    }
  });
  return store;
}
