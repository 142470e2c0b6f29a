/** The guided log's contact choices, from the functions it is given: no journal, no store. */
import { describe, expect, it } from 'vitest';
import { toContactChoices, type LogFlowJournal } from '../../../src/ui/flows/log-flow.js';

const journal = (found: { id: string; name: string }[]): LogFlowJournal & { asked: [string, number][] } => {
  const asked: [string, number][] = [];
  return {
    asked,
    findContacts: (term, limit) => {
      asked.push([term, limit]);
      return found;
    },
    checkNameFree: () => undefined,
  };
};

describe('toContactChoices', () => {
  it('offers to add a new contact first, then the recent ones, when nothing is typed', () => {
    const j = journal([{ id: '1', name: 'Ravi Patel' }]);
    expect(toContactChoices(j, '  ')).toEqual([{ name: '+ add a new contact', value: '' }, { name: 'Ravi Patel', value: '1' }]);
    expect(j.asked).toEqual([['  ', 10]]);
  });

  it('puts the matches first, so that Enter takes one, then the offer to add the typed name', () => {
    expect(toContactChoices(journal([{ id: '2', name: 'Jane Doe' }]), ' jan ')).toEqual([{ name: 'Jane Doe', value: '2' }, { name: '+ add "jan" as a new contact', value: '' }]);
    expect(toContactChoices(journal([]), 'Zoe')).toEqual([{ name: '+ add "Zoe" as a new contact', value: '' }]);
  });
});
