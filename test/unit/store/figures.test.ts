/**
 * `net check` has SQLite sum a contact's figures over the covering index, and reads the ids only when asked: the
 * breakdown must be that of the events as inserted, and each type's ids those of the events newest first.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toBalanceBreakdown } from '../../../src/core/capital.js';
import { addDays } from '../../../src/core/dates.js';
import type { JournalEvent } from '../../../src/core/types.js';
import { ASK_KINDS, CHANNELS, GIVE_KINDS } from '../../../src/core/vocabulary.js';
import { readBalanceBreakdown } from '../../../src/store/figures.js';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { Store } from '../../../src/store/store.js';
import { runs } from '../../helpers/property-runs.js';

const TODAY = '2026-11-22';
const ts = `${TODAY}T08:00:00.000Z`;

type Ev = Pick<JournalEvent, 'type' | 'kind' | 'value' | 'occurredOn'>;
// Few days and kinds, so that many events are alike and their order within a day matters.
const dayArb = fc.integer({ min: 0, max: 40 }).map((n) => addDays(TODAY, -n * 37));
const eventArb: fc.Arbitrary<Ev> = fc.oneof(
  fc.record({ type: fc.constant('touch' as const), kind: fc.constantFrom(...CHANNELS.slice(0, 3)), value: fc.constant(null), occurredOn: dayArb }),
  fc.record({ type: fc.constantFrom('gave' as const, 'received' as const), kind: fc.constantFrom(...GIVE_KINDS.slice(0, 2)), value: fc.integer({ min: 1, max: 12 }), occurredOn: dayArb }),
  fc.record({ type: fc.constant('ask' as const), kind: fc.constantFrom(...ASK_KINDS.slice(0, 2)), value: fc.integer({ min: 1, max: 5 }), occurredOn: dayArb }),
);

function journalOf(events: readonly Ev[]): Store {
  const store = new Store(emptyMemoryJournal(), null);
  store.insertContact(
    { id: 'c1', name: 'Jane Doe', company: null, role: null, email: null, phone: null, metOn: null, howMet: null, everyDays: null, snoozedUntil: null, createdAt: ts, updatedAt: ts },
    'jane doe',
  );
  events.forEach((e, i) =>
    store.insertEvent({ ...e, id: `e${String(i).padStart(4, '0')}-${(i * 7919) % 1000}`, contactId: 'c1', note: null, outcome: null, outcomeOn: null, premature: false, createdAt: ts, updatedAt: ts }),
  );
  return store;
}

describe('readBalanceBreakdown', () => {
  it("gives core's breakdown of the events as they were inserted: counts, points and days exactly, faded sums to 1e-9", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 60 }), fc.integer({ min: 30, max: 3650 }), (events, halfLife) => {
        const store = journalOf(events);
        const got = readBalanceBreakdown(store, 'c1', TODAY, halfLife);
        const want = toBalanceBreakdown(events, TODAY, halfLife);
        for (const type of ['gave', 'touch', 'ask', 'received'] as const) {
          expect(got[type].count).toBe(want[type].count);
          expect(got[type].points).toBe(want[type].points);
          expect(got[type].faded).toBeCloseTo(want[type].faded, 9);
        }
        expect(got.balance).toBeCloseTo(want.balance, 9);
        expect({ asks: got.asksSinceLastDeposit, received: got.lastReceivedOn }).toEqual({ asks: want.asksSinceLastDeposit, received: want.lastReceivedOn });
        store.close();
      }),
      { numRuns: runs(150) },
    );
  });

  it('reads only the contact asked for', () => {
    const store = journalOf([{ type: 'gave', kind: GIVE_KINDS[0], value: 3, occurredOn: TODAY }]);
    const b = readBalanceBreakdown(store, 'someone-else', TODAY, 180);
    expect(b).toEqual({ ...toBalanceBreakdown([], TODAY, 180) });
    store.close();
  });
});

describe('listEventIdsByType', () => {
  it('lists each type\'s ids as the events read newest first, then by id', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const store = journalOf(events);
        const all = store.db.prepare('SELECT id, type FROM events WHERE contact_id = ? ORDER BY occurred_on DESC, id DESC').all('c1') as { id: string; type: string }[];
        const ids = store.listEventIdsByType('c1');
        for (const type of ['gave', 'touch', 'ask', 'received'] as const) expect(ids[type]).toEqual(all.filter((e) => e.type === type).map((e) => e.id));
        store.close();
      }),
      { numRuns: runs(100) },
    );
  });
});
