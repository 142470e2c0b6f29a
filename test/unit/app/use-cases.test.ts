/**
 * Each app use case on an in-memory journal (`:memory:`), as a command runs it: one transaction around resolving,
 * checking and writing, the results as data. Fast, and close to the rules; test/commands/ drives the same through argv.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addContact, addContactWithFacts } from '../../../src/app/add.js';
import { askContact, closeAsk } from '../../../src/app/ask.js';
import { listBalances } from '../../../src/app/balance.js';
import { backupJournal } from '../../../src/app/backup.js';
import { iterateCalendarEntries } from '../../../src/app/calendar.js';
import { checkContact } from '../../../src/app/check.js';
import { changeSetting, changeSynonyms, listSettings, listSynonyms } from '../../../src/app/config.js';
import { deepenContact, toDepthResult } from '../../../src/app/deepen.js';
import { listDue } from '../../../src/app/due.js';
import { editContact } from '../../../src/app/edit.js';
import { exportJournal } from '../../../src/app/export.js';
import { findIdeas } from '../../../src/app/ideas.js';
import { introduce, recordIntro } from '../../../src/app/intro.js';
import { listContacts } from '../../../src/app/list.js';
import { findLogCandidates, logInteraction } from '../../../src/app/log.js';
import { updateReferral } from '../../../src/app/referral.js';
import { listReferralEntries } from '../../../src/app/referrals.js';
import { buildReport } from '../../../src/app/report.js';
import { AmbiguousNameError, Answers, resolveContact, UnknownNameError } from '../../../src/app/resolve.js';
import { removeByName } from '../../../src/app/rm.js';
import { showContact } from '../../../src/app/show.js';
import { snoozeContact } from '../../../src/app/snooze.js';
import { NotFoundError, StoreError, UsageError } from '../../../src/core/errors.js';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { Store } from '../../../src/store/store.js';

const TODAY = '2026-11-22';
const clock = { today: TODAY, timestamp: '2026-11-22T12:00:00.000Z' };
let store: Store;
const tx = <T>(fn: () => T): T => store.tx(fn);
const count = (table: string) => store.stmt(`SELECT count(*) FROM ${table}`).pluck().get() as number;

beforeEach(() => {
  store = new Store(emptyMemoryJournal(), null);
  tx(() => {
    addContact(store, { name: 'Jane Doe', metOn: '2024-01-10', services: ['home staging'], tags: ['bni'] }, clock);
    addContact(store, { name: 'Jane Roe' }, clock);
    addContact(store, { name: 'Ravi Patel', emails: [{ value: 'ravi@example.com', label: null }], services: ['bookkeeping'] }, clock);
  });
});

describe('resolveContact: the one name resolver', () => {
  it('finds a contact by a unique prefix of a word, case and accents aside', () => {
    expect(resolveContact(store, 'PAT').name).toBe('Ravi Patel');
    expect(resolveContact(store, 'jane doe').name).toBe('Jane Doe');
  });

  it('says whom an ambiguous name could mean, and takes the answer a person gave', () => {
    const err = (() => {
      try {
        resolveContact(store, 'jane');
      } catch (e) {
        return e;
      }
    })() as AmbiguousNameError;
    expect(err).toBeInstanceOf(AmbiguousNameError);
    expect(err.message).toBe('"jane" could mean Jane Doe, Jane Roe');
    expect(err.choices.map((c) => c.name)).toEqual(['Jane Doe', 'Jane Roe']);
    const answers = new Answers();
    answers.pick('jane', err.choices[1]!.id);
    expect(resolveContact(store, 'jane', answers).name).toBe('Jane Roe');
  });

  it('suggests the closest names for an unknown one, and offers to add it only when asked to', () => {
    expect(() => resolveContact(store, 'rvai')).toThrow(new UnknownNameError('rvai', ['Ravi Patel']));
    expect(() => resolveContact(store, 'rvai')).toThrow('no contact called "rvai"');
    try {
      resolveContact(store, '  tom   lee ', new Answers(), { offerToAdd: true });
    } catch (e) {
      expect((e as UnknownNameError).addable).toBe('tom lee');
    }
    const answers = new Answers();
    answers.add('tom');
    expect(resolveContact(store, 'tom', answers, { offerToAdd: true })).toBeUndefined();
  });

  it('refuses an empty name and a picked contact that is gone', () => {
    expect(() => resolveContact(store, '  ')).toThrow(UsageError);
    const answers = new Answers();
    answers.pick('jane', 'no-such-id');
    expect(() => resolveContact(store, 'jane', answers)).toThrow(NotFoundError);
    expect(() => resolveContact(store, 'jane', answers)).toThrow('that contact is no longer in the journal');
  });
});

describe('add and log', () => {
  it('adds a contact with its facts', () => {
    const { contact, facts } = tx(() => addContactWithFacts(store, { name: 'Tom Lee', tags: ['client'], goals: ['a second office'] }, clock));
    expect(contact).toMatchObject({ name: 'Tom Lee', createdAt: clock.timestamp });
    expect(facts.map((f) => [f.kind, f.text])).toEqual([['goal', 'a second office'], ['tag', 'client']]);
    expect(() => tx(() => addContactWithFacts(store, { name: 'tom LEE' }, clock))).toThrow('"Tom Lee" is already in the journal');
  });

  it('logs by name in one transaction: input first, then the name, then the write', () => {
    const r = tx(() => logInteraction(store, { name: 'ravi', touch: 'coffee', gave: 'idea', value: 3, next: '2026-12-01' }, clock));
    expect(r.events.map((e) => [e.type, e.kind, e.value])).toEqual([['touch', 'coffee', null], ['gave', 'idea', 3]]);
    expect(r.followUp).toMatchObject({ dueOn: '2026-12-01' });
    expect(r.contact).toMatchObject({ name: 'Ravi Patel', lastTouchOn: TODAY, giveCount: 1 });
    // A bad date is found before the unknown name: nothing is asked about a command that cannot be logged.
    expect(() => tx(() => logInteraction(store, { name: 'nobody', touch: 'call', date: '2999-01-01' }, clock))).toThrow('--date 2999-01-01 is in the future');
    expect(() => tx(() => logInteraction(store, { name: 'nobody', touch: 'call' }, clock))).toThrow(UnknownNameError);
    expect(count('events')).toBe(2);
  });

  it('adds an unknown contact in the same transaction when the person said so', () => {
    const answers = new Answers();
    answers.add('tom lee');
    const r = tx(() => logInteraction(store, { name: 'tom lee', touch: 'call' }, clock, answers));
    expect(r.contact.name).toBe('tom lee');
    expect(count('contacts')).toBe(4);
  });

  it('finds candidates for the guided log: recent contacts, or those a term could mean', () => {
    tx(() => logInteraction(store, { name: 'ravi', touch: 'call' }, clock));
    expect(findLogCandidates(store, '', 2).map((c) => c.name)[0]).toBe('Ravi Patel');
    expect(findLogCandidates(store, 'ja', 10).map((c) => c.name)).toEqual(['Jane Doe', 'Jane Roe']);
  });
});

describe('ask: the verdict recorded is the one of the transaction that records', () => {
  it('records nothing when premature, unless anyway; marks it premature then', () => {
    const premature = tx(() => askContact(store, { name: 'ravi', kind: 'favour', anyway: false }, clock));
    expect(premature).toMatchObject({ check: { result: { verdict: 'premature' } }, recorded: null });
    expect(count('events')).toBe(0);
    const anyway = tx(() => askContact(store, { name: 'ravi', kind: 'favour', anyway: true, note: 'a quote' }, clock));
    expect(anyway.recorded?.event).toMatchObject({ type: 'ask', kind: 'favour', value: 2, premature: true, outcome: 'pending', note: 'a quote' });
    const closed = tx(() => closeAsk(store, { contactId: anyway.recorded!.contact.id, outcome: 'yes' }, clock));
    expect(closed.event).toMatchObject({ outcome: 'yes', outcomeOn: TODAY });
    expect(() => tx(() => closeAsk(store, { contactId: anyway.recorded!.contact.id, outcome: 'no' }, clock))).toThrow('Ravi Patel has no open ask');
  });

  it('records a ready ask as not premature', () => {
    tx(() => {
      for (const date of ['2026-09-01', '2026-10-01', '2026-11-01']) logInteraction(store, { name: 'jane doe', touch: 'coffee', gave: 'referral', value: 4, date }, clock);
      deepenContact(store, { contactId: resolveContact(store, 'jane doe').id, yes: ['trust'], no: [] }, clock);
    });
    const ready = tx(() => askContact(store, { name: 'jane doe', kind: 'favour', anyway: false }, clock));
    expect(ready.check.result.verdict).toBe('ready');
    expect(ready.recorded?.event.premature).toBe(false);
    expect(() => tx(() => askContact(store, { name: 'jane doe', kind: 'favour', anyway: true, date: '2999-01-01' }, clock))).toThrow('--date 2999-01-01 is in the future');
  });
});

describe('intro', () => {
  it('records an introduction only when both are ready, or anyway; never the same pair twice a day', () => {
    expect(tx(() => introduce(store, { a: 'jane doe', b: 'ravi', anyway: false }, clock))).toMatchObject({ check: { ready: false }, recorded: null });
    expect(count('events')).toBe(0);
    const r = tx(() => introduce(store, { a: 'jane doe', b: 'ravi', anyway: true, note: 'a buyer' }, clock));
    expect(r.recorded?.events.map((e) => [e.type, e.kind, e.note])).toEqual([['gave', 'introduction', 'a buyer'], ['gave', 'introduction', 'a buyer']]);
    expect(() => tx(() => introduce(store, { a: 'ravi', b: 'jane doe', anyway: true }, clock))).toThrow('Ravi Patel and Jane Doe were already introduced on 2026-11-22');
    expect(() => tx(() => introduce(store, { a: 'ravi', b: 'patel', anyway: true }, clock))).toThrow('cannot introduce Ravi Patel to themselves');
    const [a, b] = [resolveContact(store, 'jane roe').id, resolveContact(store, 'ravi').id];
    expect(tx(() => recordIntro(store, { aId: a, bId: b, date: '2026-11-20' }, clock)).events).toHaveLength(2);
  });
});

describe('rm', () => {
  it('removes with --yes, or only what the person agreed to, and asks again when the journal changed', () => {
    tx(() => logInteraction(store, { name: 'ravi', touch: 'call' }, clock));
    const preview = tx(() => removeByName(store, { name: 'ravi', yes: false }));
    expect(preview).toMatchObject({ removed: false, result: { contact: { name: 'Ravi Patel' }, removed: { events: 1 } } });
    tx(() => logInteraction(store, { name: 'ravi', touch: 'coffee' }, clock)); // another net writes meanwhile
    const again = tx(() => removeByName(store, { name: 'ravi', yes: false, agreed: preview.result }));
    expect(again).toMatchObject({ removed: false, result: { removed: { events: 2 } } });
    expect(tx(() => removeByName(store, { name: 'ravi', yes: false, agreed: again.result })).removed).toBe(true);
    expect(tx(() => removeByName(store, { name: 'jane roe', yes: true })).removed).toBe(true);
    expect([...listContacts(store, {}).contacts].map((c) => c.name)).toEqual(['Jane Doe']);
  });
});

describe('reading use cases', () => {
  it('checks, shows, lists and balances from the same figures', () => {
    const id = resolveContact(store, 'jane doe').id;
    tx(() => logInteraction(store, { contactId: id, touch: 'coffee', gave: 'article', date: '2026-11-01', next: '2026-11-30' }, clock));
    const check = checkContact(store, { contactId: id, kind: 'favour' }, TODAY);
    const shown = showContact(store, id, TODAY, 1);
    expect(shown).toMatchObject({ contact: { name: 'Jane Doe' }, earlierEvents: 1, followUps: [{ dueOn: '2026-11-30' }] });
    expect(shown.events).toHaveLength(1);
    expect(shown.standing.balance).toBeCloseTo(check.result.balance, 9);
    const balances = listBalances(store, { sort: 'name', tag: 'bni' }, TODAY);
    expect(balances).toMatchObject({ total: 1, entries: [{ name: 'Jane Doe' }] });
    expect(balances.entries[0]!.standing.balance).toBeCloseTo(check.result.balance, 9);
    expect([...listContacts(store, { tag: 'BNI' }).contacts].map((c) => c.name)).toEqual(['Jane Doe']);
    const none = listContacts(new Store(emptyMemoryJournal(), null), {});
    expect([[...none.contacts], none.journalEmpty, none.widths.none]).toEqual([[], true, true]);
  });

  it('lists who is due, and their calendar entries', () => {
    tx(() => logInteraction(store, { name: 'ravi', touch: 'call', next: '2026-11-20' }, { ...clock, today: '2026-11-01' }));
    const due = listDue(store, { day: TODAY, limit: 1 });
    expect(due.items.map((i) => i.name)).toEqual(['Ravi Patel']);
    expect(due.total).toBeGreaterThanOrEqual(1);
    expect([...iterateCalendarEntries(store, { day: TODAY })].some((e) => e.summary.includes('Ravi Patel'))).toBe(true);
  });

  it('reports a window, and finds ideas for a need', () => {
    tx(() => {
      logInteraction(store, { name: 'ravi', gave: 'referral', value: 4, prospect: 'Tom', date: '2026-11-01' }, clock);
      editContact(store, { contactId: resolveContact(store, 'jane doe').id, needs: ['a bookkeeper'] }, clock);
    });
    const report = buildReport(store, { since: '2026-08-24', until: TODAY });
    expect(report.totals.gave).toBe(1);
    expect(report.referrals.given.logged).toBe(1);
    const ideas = findIdeas(store, { contactId: resolveContact(store, 'jane doe').id, limit: 5 }, TODAY);
    expect(ideas.ideas.some((i) => i.kind === 'introduction')).toBe(true);
  });
});

describe('writing use cases', () => {
  it('edits, deepens, snoozes and updates a referral', () => {
    const id = resolveContact(store, 'ravi').id;
    const edited = tx(() => editContact(store, { contactId: id, company: 'Patel & Co', untag: [], clear: [] }, clock));
    expect(edited.changes.set).toEqual(['company']);
    expect(() => tx(() => editContact(store, { contactId: id, company: 'Patel & Co' }, clock))).toThrow('nothing to change: Ravi Patel already has those details');
    const deepened = tx(() => deepenContact(store, { contactId: id, yes: ['trust'], no: ['call-at-night'] }, clock));
    expect(deepened.answered).toEqual([{ id: 'trust', answer: true }, { id: 'call-at-night', answer: false }]);
    expect(toDepthResult(store, id, TODAY).points.find((p) => p.id === 'trust')?.state).toBe('yes');
    expect(tx(() => snoozeContact(store, { contactId: id, until: '2026-12-01' }, clock)).contact.snoozedUntil).toBe('2026-12-01');
    expect(() => tx(() => snoozeContact(store, { contactId: id, until: TODAY }, clock))).toThrow('2026-11-22 is today');
    tx(() => logInteraction(store, { contactId: id, gave: 'referral', prospect: 'Tom' }, clock));
    const won = tx(() => updateReferral(store, { contactId: id, status: 'won', amount: 1200 }, clock));
    expect(won).toMatchObject({ previous: 'open', event: { status: 'won', amount: 1200 } });
    expect(listReferralEntries(store, { openOnly: false }, TODAY).totals).toMatchObject({ count: 1, won: 1, amountWon: 1200 });
  });

  it('changes settings and synonyms', () => {
    expect(tx(() => changeSetting(store, 'half-life', 365, clock, 'mdy'))).toMatchObject({ setting: { key: 'half-life', stored: 365 }, recomputed: 3 });
    expect(listSettings(store, 'half-life', 'mdy')[0]).toMatchObject({ key: 'half-life', value: '1y', isDefault: false });
    tx(() => changeSynonyms(store, 'bakery=patisserie', false, clock));
    expect(JSON.stringify(listSynonyms(store))).toContain('patisserie');
  });

  it('exports the journal, and backs up only a journal that is a file', async () => {
    let text = '';
    const result = exportJournal(store, { format: 'csv', force: false }, clock, (chunk) => void (text += chunk));
    expect(result).toMatchObject({ format: 'csv', contacts: 3 });
    expect(text.split('\n')[0]).toMatch(/^name,given name,family name,email,/);
    await expect(backupJournal(store, { force: false }, clock)).rejects.toThrow(StoreError);
  });
});
