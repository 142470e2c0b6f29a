/** A summary extended with the events a write added equals the summary of every row, to the last bit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { summarize, type ContactRows } from '../../../src/core/summary.js';
import type { ContactSummary } from '../../../src/core/types.js';
import type { Store } from '../../../src/store/store.js';
import { makeVariedJournal } from '../../helpers/varied-journal.js';
import { runs } from '../../helpers/property-runs.js';

const TODAY = '2026-11-22';
const TYPES = ['touch', 'gave', 'received', 'ask'] as const;

const SUMMARY_KEYS = Object.keys(summarize({ events: [], facts: [], followUps: [], answers: [] }, 180)) as (keyof ContactSummary)[];

function storedSummary(store: Store, id: string): ContactSummary {
  const c = store.findContact(id)!; // the row and its reading that listContacts gives, without the other 249 each case
  return Object.fromEntries(SUMMARY_KEYS.map((k) => [k, c[k]])) as unknown as ContactSummary;
}

describe('refreshSummaryAfterAdding', () => {
  it('gives what a full recomputation gives, after events on later days, the same day or earlier days', () => {
    const store = makeVariedJournal(TODAY, { contacts: 250, seed: 3 });
    const ids = store.listContacts().map((c) => c.id);
    const ts = `${TODAY}T09:00:00.000Z`;
    let n = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.array(fc.record({ type: fc.constantFrom(...TYPES), after: fc.integer({ min: -30, max: 40 }), value: fc.integer({ min: 1, max: 5 }), referral: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (id, specs, closeFollowUps) => {
          const last = store.findContact(id)!.lastEventOn ?? TODAY;
          const added: ContactRows['events'][number][] = [];
          store.tx(() => {
            for (const spec of specs) {
              const referral = spec.referral && (spec.type === 'gave' || spec.type === 'received');
              const e = {
                id: `added-${n++}`, contactId: id, type: spec.type, kind: spec.type === 'touch' ? 'call' : referral ? 'referral' : 'idea',
                value: spec.type === 'touch' ? null : spec.value, note: null, occurredOn: addDays(last, spec.after),
                outcome: spec.type === 'ask' ? 'pending' : null, outcomeOn: null, premature: false,
                status: referral ? ('won' as const) : null, statusOn: referral ? addDays(last, spec.after) : null, createdAt: ts, updatedAt: ts,
              };
              store.insertEvent(e);
              added.push(e);
            }
            if (closeFollowUps) store.closeFollowUps(id, addDays(last, 1), ts);
            store.refreshSummaryAfterAdding(id, added);
          });
          const expected = summarize(store.readContactRows(id), store.halfLifeDays());
          expect(storedSummary(store, id)).toEqual(expected);
        },
      ),
      { numRuns: runs(400), seed: 5 },
    );
    store.close();
  });
});
