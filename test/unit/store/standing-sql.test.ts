import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStanding } from '../../../src/core/capital.js';
import { addDays } from '../../../src/core/dates.js';
import { countStages } from '../../../src/store/capital.js';
import { STAGE_SQL, toStandingParams } from '../../../src/store/standing-sql.js';
import type { Store } from '../../../src/store/store.js';
import { makeVariedJournal } from '../../helpers/varied-journal.js';

const TODAY = '2026-11-22';
let store: Store;
beforeAll(() => {
  store = makeVariedJournal(TODAY, { contacts: 800, seed: 11 });
});
afterAll(() => store.close());

describe('STAGE_SQL', () => {
  it.each([TODAY, addDays(TODAY, -200), addDays(TODAY, -30), addDays(TODAY, 30), addDays(TODAY, 100), addDays(TODAY, 400), '2028-02-29'])(
    'gives every contact the stage core gives it on %s',
    (day) => {
      for (const halfLifeDays of [30, 180, 720]) {
        const sql = new Map((store.db.prepare(`SELECT id, ${STAGE_SQL} AS stage FROM contacts`).all(toStandingParams(day, halfLifeDays)) as { id: string; stage: string }[]).map((r) => [r.id, r.stage]));
        const core = new Map(store.listContacts().map((c) => [c.id, toStanding(c, day, halfLifeDays).stage]));
        expect(sql).toEqual(core);
        expect(new Set(core.values()).size).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it.each([undefined, 'bni'])('counts the stages as core does (tag %s)', (tag) => {
    for (const day of [TODAY, addDays(TODAY, 300)]) {
      const core = { stranger: 0, acquaintance: 0, growing: 0, deep: 0 };
      for (const c of store.listContacts(tag === undefined ? {} : { tag })) core[toStanding(c, day, 180).stage]++;
      expect(countStages(store, { today: day, halfLifeDays: 180, tag })).toEqual(core);
    }
  });

  it('counts the stages from an index alone', () => {
    const sql = `SELECT ${STAGE_SQL} AS stage FROM contacts`;
    const plan = (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(toStandingParams(TODAY, 180)) as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan).toMatch(/COVERING INDEX contacts_due_rest/);
  });

  it('knows the day number SQLite gives the day', () => {
    for (const day of [TODAY, '2000-01-01', '2028-02-29', '1999-12-31']) {
      expect(toStandingParams(day, 180).jd).toBe(store.db.prepare('SELECT julianday(?)').pluck().get(day));
    }
  });
});
