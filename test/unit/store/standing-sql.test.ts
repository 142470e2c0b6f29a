import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStanding } from '../../../src/core/capital.js';
import { addDays } from '../../../src/core/dates.js';
import { countStages } from '../../../src/store/capital.js';
import { STAGE_COUNT_SQL, STAGE_SQL, toStandingParams } from '../../../src/store/standing-sql.js';
import type { Store } from '../../../src/store/store.js';
import { makeVariedJournal } from '../../helpers/varied-journal.js';

const TODAY = '2026-11-22';
let store: Store;
beforeAll(() => {
  store = makeVariedJournal(TODAY, { contacts: 800, seed: 11 });
});
afterAll(() => store.close());

const DAYS = [TODAY, addDays(TODAY, -200), addDays(TODAY, -30), addDays(TODAY, 30), addDays(TODAY, 100), addDays(TODAY, 400), '2028-02-29'];

describe('STAGE_SQL and STAGE_COUNT_SQL', () => {
  it.each(DAYS.flatMap((day) => [{ name: 'STAGE_SQL', stageSql: STAGE_SQL, day }, { name: 'STAGE_COUNT_SQL', stageSql: STAGE_COUNT_SQL, day }]))('$name gives every contact the stage core gives it on $day', ({ stageSql, day }) => {
    for (const halfLifeDays of [30, 180, 720]) {
      const sql = new Map((store.db.prepare(`SELECT id, ${stageSql} AS stage FROM contacts`).all(toStandingParams(day, halfLifeDays)) as { id: string; stage: string }[]).map((r) => [r.id, r.stage]));
      const core = new Map(store.listContacts().map((c) => [c.id, toStanding(c, day, halfLifeDays).stage]));
      expect(sql).toEqual(core);
      expect(new Set(core.values()).size).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives the stage core gives on the days around each follow-up and the end of each kept cadence', () => {
    // Where `@jd <= REGULAR_UNTIL_SQL` and the row's own test of regular appointments could part: the day before, of, after.
    const edges = store.db.prepare(`SELECT next_follow_up_on FROM contacts WHERE next_follow_up_on IS NOT NULL
      UNION SELECT date(last_touch_on, '+' || coalesce(every_days, 90) || ' days') FROM contacts WHERE touch_count >= 3 LIMIT 16`).pluck().all() as string[];
    expect(edges.length).toBeGreaterThan(10);
    for (const day of edges.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)])) {
      const sql = new Map((store.db.prepare(`SELECT id, ${STAGE_COUNT_SQL} AS stage FROM contacts`).all(toStandingParams(day, 180)) as { id: string; stage: string }[]).map((r) => [r.id, r.stage]));
      expect(sql).toEqual(new Map(store.listContacts().map((c) => [c.id, toStanding(c, day, 180).stage])));
    }
  });

  it.each([undefined, 'bni'])('counts the stages as core does (tag %s)', (tag) => {
    for (const day of [TODAY, addDays(TODAY, 300)]) {
      const core = { stranger: 0, acquaintance: 0, growing: 0, deep: 0 };
      for (const c of store.listContacts(tag === undefined ? {} : { tag })) core[toStanding(c, day, 180).stage]++;
      expect(countStages(store, { today: day, halfLifeDays: 180, tag })).toEqual(core);
    }
  });

  it('works the stage out for due from its index, and counts the stages from the small index of migration 15', () => {
    const plan = (sql: string) => (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(toStandingParams(TODAY, 180)) as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan(`SELECT ${STAGE_SQL} AS stage FROM contacts`)).toMatch(/COVERING INDEX contacts_due_rest/);
    expect(plan(`SELECT ${STAGE_COUNT_SQL} AS stage FROM contacts`)).toMatch(/COVERING INDEX contacts_stage/);
  });

  it('knows the day number SQLite gives the day', () => {
    for (const day of [TODAY, '2000-01-01', '2028-02-29', '1999-12-31']) {
      expect(toStandingParams(day, 180).jd).toBe(store.db.prepare('SELECT julianday(?)').pluck().get(day));
    }
  });
});
