import { describe, expect, it } from 'vitest';
import { DUE_FIELDS } from '../../../src/core/due.js';
import { STANDING_FIELDS } from '../../../src/core/capital.js';
import { summarize, toEmptySummary } from '../../../src/core/summary.js';
import { SUMMARY_FIELDS } from '../../../src/core/types.js';
import { openMemory } from '../../../src/store/db.js';
import { PROFILE_KEYS, SUMMARY_KEYS, toColumn, toContact, toRowReader, toSelectList } from '../../../src/store/rows.js';
import { Store } from '../../../src/store/store.js';

describe('contact columns, declared once', () => {
  it('the declarations name every column of the contacts table, and nothing else', () => {
    const db = openMemory();
    const columns = (db.pragma('table_info(contacts)') as { name: string }[]).map((c) => c.name).sort();
    db.close();
    expect(columns).toEqual([...PROFILE_KEYS, ...SUMMARY_KEYS].map(toColumn).concat('name_key').sort());
  });

  it('the empty summary is what a contact without rows summarizes to', () => {
    expect(toEmptySummary()).toEqual(summarize({ events: [], facts: [], followUps: [], answers: [] }, 180));
    expect(Object.keys(toEmptySummary())).toEqual(Object.keys(SUMMARY_FIELDS));
    expect(toEmptySummary()).not.toBe(toEmptySummary());
  });

  it('reads a contact whole, and the fields a list asks for, from the same row', () => {
    const store = new Store(openMemory(), null);
    store.insertContact(
      { id: 'c1', name: 'Jane Doe', company: 'Acme', role: null, email: null, phone: null, metOn: '2025-03-01', howMet: null, everyDays: 21, snoozedUntil: null, birthday: '--05-17', createdAt: '2025-03-01T10:00:00.000Z', updatedAt: '2025-03-01T10:00:00.000Z' },
      'jane doe',
    );
    store.db.prepare("UPDATE contacts SET touch_count = 3, invested = 2.5, last_touch_on = '2026-11-01', important_dates = ? WHERE id = 'c1'").run('2019-05-01\twork anniversary');
    const whole = store.findContact('c1')!;
    expect(whole).toMatchObject({ id: 'c1', name: 'Jane Doe', company: 'Acme', role: null, note: null, everyDays: 21, metOn: '2025-03-01', touchCount: 3, giveCount: 0, invested: 2.5, lastTouchOn: '2026-11-01', recentTouchGap: null, importantDates: '2019-05-01\twork anniversary' });
    expect(toContact(store.db.prepare("SELECT * FROM contacts WHERE id = 'c1'").get() as Record<string, unknown>)).toEqual(whole);
    for (const fields of [DUE_FIELDS, STANDING_FIELDS]) {
      const row = store.db.prepare(`SELECT ${toSelectList(fields)} FROM contacts`).raw().get() as unknown[];
      const read = toRowReader(fields)(row);
      expect(Object.keys(read)).toEqual([...fields]);
      for (const f of fields) expect(read[f]).toEqual(whole[f]);
    }
    store.close();
  });

  it('puts another column in place of one where asked', () => {
    expect(toSelectList(['id', 'name', 'everyDays'], { name: 'name_key' })).toBe('id, name_key, every_days');
  });
});
