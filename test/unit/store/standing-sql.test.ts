import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStanding } from '../../../src/core/capital.js';
import { addDays } from '../../../src/core/dates.js';
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

  it('knows the day number SQLite gives the day', () => {
    for (const day of [TODAY, '2000-01-01', '2028-02-29', '1999-12-31']) {
      expect(toStandingParams(day, 180).jd).toBe(store.db.prepare('SELECT julianday(?)').pluck().get(day));
    }
  });
});
