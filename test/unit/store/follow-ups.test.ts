import { describe, expect, it } from 'vitest';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { Store } from '../../../src/store/store.js';

const ts = '2026-11-22T08:00:00.000Z';

describe('listFollowUps', () => {
  const store = new Store(emptyMemoryJournal(), null);
  store.insertContact({ id: 'c1', name: 'Jane Doe', company: null, role: null, email: null, phone: null, metOn: null, howMet: null, everyDays: null, snoozedUntil: null, createdAt: ts, updatedAt: ts }, 'jane doe');
  const followUps: [string, string, string | null][] = [
    ['f1', '2026-01-10', '2026-01-10'],
    ['f2', '2026-03-01', null],
    ['f3', '2026-06-01', '2026-06-02'],
    ['f4', '2026-06-15', '2026-06-15'],
    ['f5', '2026-12-01', null],
  ];
  for (const [id, dueOn, doneOn] of followUps) store.insertFollowUp({ id, contactId: 'c1', dueOn, note: null, scheduledOn: '2026-01-01', doneOn, createdAt: ts, updatedAt: ts });

  it.each([
    [undefined, ['f5', 'f4', 'f3', 'f2', 'f1']],
    ['2026-06-01', ['f5', 'f4', 'f3', 'f2']],
    ['2026-06-02', ['f5', 'f4', 'f2']],
    ['2027-01-01', ['f5', 'f2']],
  ])('since %s: the open ones and those due since, latest due first', (since, ids) => {
    expect(store.listFollowUps('c1', since).map((f) => f.id)).toEqual(ids);
  });
});
