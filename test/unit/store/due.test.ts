import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates.js';
import { scoreDue } from '../../../src/core/due.js';
import { listDueContacts } from '../../../src/store/due.js';
import type { Store } from '../../../src/store/store.js';
import { makeVariedJournal } from '../../helpers/varied-journal.js';

const TODAY = '2026-11-22';
let store: Store;

beforeAll(() => {
  store = makeVariedJournal(TODAY);
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

describe('listDueContacts with a page', () => {
  const DAYS = [TODAY, addDays(TODAY, -40), addDays(TODAY, 45), '2027-02-26'];
  it.each(DAYS.flatMap((day) => [1, 3, 10, 60].map((limit) => [day, limit] as const)))('on %s, the first %i are the first of the whole list', (day, limit) => {
    const halfLifeDays = store.halfLifeDays();
    const all = listDueContacts(store, { day, halfLifeDays });
    const page = listDueContacts(store, { day, halfLifeDays, limit });
    expect(page.contacts.map((c) => c.id)).toEqual(all.contacts.slice(0, limit).map((c) => c.id));
    expect(page.total).toBe(all.total);
  });

  it('pages a tag the same way', () => {
    const halfLifeDays = store.halfLifeDays();
    const all = listDueContacts(store, { day: TODAY, halfLifeDays, tag: 'bni' });
    const page = listDueContacts(store, { day: TODAY, halfLifeDays, tag: 'bni', limit: 7 });
    expect(page.contacts.map((c) => c.id)).toEqual(all.contacts.slice(0, 7).map((c) => c.id));
    expect(page.total).toBe(all.total);
  });

  it('reads the counts and the page from indexes alone', () => {
    const plans: string[] = [];
    const halfLifeDays = store.halfLifeDays();
    const stmt = store.stmt.bind(store);
    const spy = (sql: string) => {
      const explain = store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
      plans.push((explain.all(sql.includes('?') ? 'c1' : { ...PLAN_PARAMS }) as { detail: string }[]).map((r) => r.detail).join('; '));
      return stmt(sql);
    };
    store.stmt = spy;
    try {
      listDueContacts(store, { day: TODAY, halfLifeDays, limit: 5 });
    } finally {
      store.stmt = stmt;
    }
    expect(plans[0]).toMatch(/COVERING INDEX contacts_due_for_good/);
    expect(plans[1]).toMatch(/COVERING INDEX contacts_due_rest/);
    expect(plans.slice(2).join(' ')).toMatch(/COVERING INDEX contacts_due_cap/);
  });
});

/** Values for every parameter the due queries name, for EXPLAIN (which needs them bound, not their values). */
const PLAN_PARAMS = {
  day: TODAY, jd: 0, scale: 1, knownAYearBy: TODAY, deepKnownBy: TODAY, growingKnownBy: TODAY, monthDays: '[]', checkSince: TODAY, checkBefore: TODAY,
  tag: null, receivedSince: TODAY, askBefore: TODAY, addedSince: TODAY, addedBefore: TODAY, coldRate: 0.2, cap: 8, below: 100, floor: 0,
};
