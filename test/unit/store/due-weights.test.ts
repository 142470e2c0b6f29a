/**
 * The SQL that pages `net due` is built from core's tables: these properties hold for any weights, not only today's.
 * - On any summary row and any day, the cap (what the row allows on any day) and the bound (what it allows on the day)
 *   are never below core's score: a contact is never left off a page it belongs on.
 * - With weights changed in the test (never in the source), the paged list is still the head of the full ranking, and
 *   the full list is core's ranking: `net due --limit 1` and `net due --all` agree (issue 13's reproduction, where
 *   thankReferral 5 → 9 in core made them differ).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { DUE_TERMS, DUE_WEIGHTS, toDueScore, type DueWeights } from '../../../src/core/due.js';
import { toEpochScale } from '../../../src/core/summary.js';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { BOUND_MARGIN, dueSqlOf, listDueContacts, toDueParams } from '../../../src/store/due.js';
import { Store } from '../../../src/store/store.js';
import { makeVariedJournal } from '../../helpers/varied-journal.js';
import { runs } from '../../helpers/property-runs.js';

const TODAY = '2026-11-22';

/** Any positive weights, in halves (sums of halves are exact, as the integer weights of core are). */
const weightsArb: fc.Arbitrary<DueWeights> = fc.record(Object.fromEntries(DUE_TERMS.map((t) => [t, fc.integer({ min: 1, max: 40 }).map((n) => n / 2)])) as Record<keyof DueWeights, fc.Arbitrary<number>>);

const dayArb = (around: number) => fc.integer({ min: -around, max: around }).map((n) => addDays(TODAY, n));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

/** Days around `day`, most of them close, where the terms' thresholds lie (a week, a cadence, two months, a year). */
const near = (day: string, ahead = 10) =>
  fc.oneof(fc.integer({ min: -20, max: ahead }), fc.integer({ min: -100, max: ahead }), fc.integer({ min: -900, max: ahead })).map((n) => addDays(day, n));

/** A summary row as the contacts table holds it, with no care for which rows a journal could produce. */
const rowArb = (day: string, halfLifeDays: number) =>
  fc.record({
    every_days: maybe(fc.oneof(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 400 }))),
    snoozed_until: fc.option(near(day, 30), { nil: null, freq: 6 }),
    met_on: maybe(near(day)),
    created_at: near(day).map((d) => `${d}T10:00:00.000Z`),
    first_event_on: maybe(near(day)),
    last_touch_on: maybe(near(day)),
    touch_count: fc.oneof(fc.constant(0), fc.nat(5)),
    give_count: fc.oneof(fc.constant(0), fc.nat(3)),
    invested: fc.tuple(fc.double({ min: 0, max: 40, noNaN: true }), near(day)).map(([b, d]) => b * toEpochScale(d, halfLifeDays)),
    withdrawn: fc.tuple(fc.double({ min: 0, max: 20, noNaN: true }), near(day)).map(([b, d]) => b * toEpochScale(d, halfLifeDays)),
    last_received_on: maybe(near(day)),
    open_ask_on: maybe(near(day)),
    next_follow_up_on: maybe(near(day, 60)),
    recent_touch_gap: maybe(fc.nat(200)),
    service_count: fc.nat(5),
    family_count: fc.nat(2),
    goal_count: fc.nat(7),
    answers_yes: fc.nat(8),
    birthday: maybe(fc.tuple(fc.boolean(), near(day, 70)).map(([year, d]) => (year ? `1980${d.slice(4)}` : `--${d.slice(5)}`))),
    won_referral_on: maybe(near(day)),
    referral_check_on: maybe(near(day)),
    important_dates: maybe(near(day, 70).map((d) => `${d}\twork anniversary`)),
  });

const COLUMNS = Object.keys(fc.sample(rowArb(TODAY, 180), 1)[0]!);

describe('the cap and the bound of a due page', () => {
  let store: Store;
  beforeAll(() => {
    store = new Store(emptyMemoryJournal(), null);
  });
  afterAll(() => store.close());

  const caseArb = (weights: fc.Arbitrary<DueWeights>) =>
    fc
      .record({ weights, day: dayArb(400), halfLifeDays: fc.constantFrom(30, 180, 720), dateWindowDays: fc.integer({ min: 0, max: 60 }) })
      .chain((c) => fc.record({ c: fc.constant(c), rows: fc.array(rowArb(c.day, c.halfLifeDays), { minLength: 1, maxLength: 40 }) }));

  it.each([
    ['core\'s weights', fc.constant(DUE_WEIGHTS)],
    ['any weights', weightsArb],
  ])('are never below the score core gives, on any row and any day, with %s', (_, weights) => {
    fc.assert(
      fc.property(caseArb(weights), ({ c, rows }) => {
        store.db.exec('DELETE FROM contacts');
        const insert = store.db.prepare(`INSERT INTO contacts (id, name, name_key, updated_at, ${COLUMNS.join(', ')}) VALUES (@id, @id, @id, @created_at, ${COLUMNS.map((k) => `@${k}`).join(', ')})`);
        rows.forEach((r, i) => insert.run({ id: `c${i}`, ...r }));
        const sql = dueSqlOf(c.weights);
        const params = toDueParams({ day: c.day, halfLifeDays: c.halfLifeDays, dateWindowDays: c.dateWindowDays });
        const read = store.db.prepare(`SELECT id, ${sql.cap}, ${sql.bound} FROM contacts`).raw().all(params) as [string, number, number][];
        for (const [id, cap, bound] of read) {
          const score = toDueScore(store.findContact(id)!, c.day, c.halfLifeDays, c.dateWindowDays, c.weights);
          expect(cap, `cap of ${id} on ${c.day}`).toBeGreaterThanOrEqual(score);
          expect(bound + BOUND_MARGIN, `bound of ${id} on ${c.day}`).toBeGreaterThanOrEqual(score);
        }
      }),
      { numRuns: runs(300) },
    );
  });
});

describe('net due with weights changed in the test', () => {
  /** Core's ranking of every contact, as `net due --all` promises it: most urgent first, then by name key and id. */
  function coreRanking(store: Store, day: string, weights: DueWeights): string[] {
    return store
      .listContacts()
      .map((c) => ({ id: c.id, key: c.name.toLowerCase(), score: toDueScore(c, day, store.halfLifeDays(), store.dateWindowDays(), weights) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1))
      .map((r) => r.id);
  }

  const journals = new Map<number, Store>();
  const journal = (seed: number) => journals.get(seed) ?? journals.set(seed, makeVariedJournal(TODAY, { contacts: 160, seed })).get(seed)!;
  afterAll(() => journals.forEach((s) => s.close()));

  it('thankReferral 5 → 9 (the issue\'s reproduction): --limit 1 shows the first of --all', () => {
    // Ana: a deep relationship long overdue, whose referral closed business today; Ben: a follow-up two weeks late and a
    // give of his three days ago. With a thank-you worth 9, Ana comes first (≈ 16.7 to 15.6); a cap still written with
    // the old 5 (8 + 5 = 13) would stop the page at Ben.
    const weights = { ...DUE_WEIGHTS, thankReferral: 9 };
    const store = new Store(emptyMemoryJournal(), null);
    const insert = store.db.prepare(`INSERT INTO contacts (id, name, name_key, created_at, updated_at, ${COLUMNS.join(', ')}) VALUES (@id, @name, @key, @created_at, @created_at, ${COLUMNS.map((k) => `@${k}`).join(', ')})`);
    const none = Object.fromEntries(COLUMNS.map((k) => [k, null]));
    const base = { ...none, created_at: '2020-01-01T10:00:00.000Z', touch_count: 5, give_count: 0, invested: 0, withdrawn: 0, service_count: 0, family_count: 0, goal_count: 0, answers_yes: 0 };
    insert.run({ ...base, id: 'a', name: 'Ana', key: 'ana', met_on: '2020-01-01', first_event_on: '2020-01-01', last_touch_on: addDays(TODAY, -600), invested: 20 * toEpochScale(TODAY, 180), answers_yes: 8, service_count: 3, family_count: 1, won_referral_on: TODAY });
    insert.run({ ...base, id: 'b', name: 'Ben', key: 'ben', met_on: '2020-01-01', first_event_on: '2020-01-01', last_touch_on: addDays(TODAY, -4), next_follow_up_on: addDays(TODAY, -14), last_received_on: addDays(TODAY, -3) });
    const ranked = coreRanking(store, TODAY, weights);
    expect(ranked).toEqual(['a', 'b']);
    expect(listDueContacts(store, { day: TODAY, halfLifeDays: 180, weights }).contacts.map((c) => c.id)).toEqual(ranked);
    expect(listDueContacts(store, { day: TODAY, halfLifeDays: 180, weights, limit: 1 }).contacts.map((c) => c.id)).toEqual(['a']);
    store.close();
  });

  it('any weights, journals and days: the page is the head of the full ranking', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 4 }), fc.array(dayArb(120), { minLength: 1, maxLength: 3 }), fc.constantFrom(1, 2, 5, 12), (weights, seed, days, limit) => {
        const store = journal(seed);
        for (const day of days) {
          const ranked = coreRanking(store, day, weights);
          const page = listDueContacts(store, { day, halfLifeDays: store.halfLifeDays(), weights, limit });
          expect(page.contacts.map((c) => c.id)).toEqual(ranked.slice(0, limit));
          expect(page.total).toBe(ranked.length);
        }
      }),
      { numRuns: runs(25) },
    );
  });
});
