/**
 * Fresh contacts (a name and the day they were added; store/standing-sql.ts FRESH_SQL) are counted a day at a time: one
 * of each day stands for all of that day's. Here many are added on each of a few days, at the first and last instants
 * of the day, beside the varied journal: `net due` and `net balance` must count exactly what core gives one by one.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { toStanding } from '../../../src/core/capital.js';
import { addDays } from '../../../src/core/dates.js';
import { scoreDue } from '../../../src/core/due.js';
import { countStages } from '../../../src/store/capital.js';
import { countDue, toDueParams } from '../../../src/store/due.js';
import { FRESH_SQL, STAGE_SQL, toStandingParams } from '../../../src/store/standing-sql.js';
import type { Store } from '../../../src/store/store.js';
import { makeVariedJournal } from '../../helpers/varied-journal.js';

const TODAY = '2026-11-22';
let store: Store;
beforeAll(() => {
  store = makeVariedJournal(TODAY, { contacts: 300, seed: 5 });
  let n = 0;
  store.tx(() => {
    for (const ago of [0, 6, 7, 21, 59, 60, 61, 120]) {
      for (const time of ['00:00:00.000Z', '12:30:00.000Z', '23:59:59.999Z']) {
        const id = `fresh${n++}`;
        const at = `${addDays(TODAY, -ago)}T${time}`;
        store.insertContact({ id, name: `Fresh ${n}`, company: null, role: null, email: null, phone: null, metOn: null, howMet: null, everyDays: null, snoozedUntil: null, birthday: null, createdAt: at, updatedAt: at }, `fresh ${n}`);
      }
    }
  });
});
afterAll(() => store.close());

it('counts the due as core does, fresh contacts a day at a time', () => {
  const fresh = store.db.prepare(`SELECT count(*) FROM contacts WHERE ${FRESH_SQL} = 1`).pluck().get() as number;
  expect(fresh).toBeGreaterThan(24);
  for (const day of [TODAY, addDays(TODAY, 1), addDays(TODAY, 40), addDays(TODAY, -30)]) {
    for (const tag of [undefined, 'bni']) {
      const tagged = tag ? new Set(store.listContacts({ tag }).map((c) => c.id)) : null;
      const core = store.listContacts().filter((c) => (!tagged || tagged.has(c.id)) && scoreDue(c, day, 180) !== null).length;
      expect(countDue(store, { day, halfLifeDays: 180, tag })).toBe(core);
    }
  }
});

it('counts the stages as core does, fresh contacts a day at a time', () => {
  for (const day of [TODAY, addDays(TODAY, 400)]) {
    const core = { stranger: 0, acquaintance: 0, growing: 0, deep: 0 };
    for (const c of store.listContacts()) core[toStanding(c, day, 180).stage]++;
    expect(countStages(store, { today: day, halfLifeDays: 180 })).toEqual(core);
  }
});

it('reads the fresh contacts from their index, and the others from theirs', () => {
  const plan = (sql: string) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(toStandingParams(TODAY, 180)) as { detail: string }[]).map((r) => r.detail).join('; ');
  expect(plan(`SELECT count(*), min(rowid) FROM contacts WHERE ${FRESH_SQL} = 1 GROUP BY substr(created_at, 1, 10)`)).toMatch(/COVERING INDEX contacts_fresh/);
  expect(plan(`SELECT ${STAGE_SQL} FROM contacts WHERE ${FRESH_SQL} = 0`)).toMatch(/COVERING INDEX contacts_due_rest \(<expr>=\?\)/);
});

it("counts the due that are not due for good from contacts_due_rest alone, never the contacts' rows", () => {
  const seen: string[] = [];
  const stmt = store.stmt.bind(store);
  const spy = Object.assign(Object.create(store) as Store, { stmt: (sql: string) => (seen.push(sql), stmt(sql)) });
  countDue(spy, { day: TODAY, halfLifeDays: 180 });
  const rest = seen.find((sql) => sql.includes(`${FRESH_SQL} = 0`));
  expect(rest).toBeDefined();
  const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${rest!}`).all({ ...toDueParams({ day: TODAY, halfLifeDays: 180 }) }) as { detail: string }[]).map((r) => r.detail);
  expect(plan.filter((d) => /\bcontacts\b/.test(d) && !/json_each|dates/.test(d))).toEqual([expect.stringMatching(/COVERING INDEX contacts_due_rest \(<expr>=\? AND <expr>>\?\)/)]);
});
