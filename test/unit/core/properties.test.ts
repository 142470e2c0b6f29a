/**
 * Properties of the domain over generated journals, beyond those in capital.test.ts and due.test.ts: the whole summary
 * (not only the balance) ignores insertion order; standing and due never throw on a summarized journal and give a
 * total order; a give never lowers a balance read from the summary; and the summary the store keeps equals summarize()
 * after any sequence of adds, logs, edits, asks, answers, removals, imports and merges.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addContact } from '../../../src/app/add.js';
import { closeAsk, recordAsk } from '../../../src/app/ask.js';
import { deepenContact } from '../../../src/app/deepen.js';
import { diffSummary } from '../../../src/app/doctor.js';
import { editContact } from '../../../src/app/edit.js';
import { exportJournal } from '../../../src/app/export.js';
import { importFile } from '../../../src/app/import.js';
import { logInteraction } from '../../../src/app/log.js';
import { removeContact } from '../../../src/app/rm.js';
import { toBalance, toStanding } from '../../../src/core/capital.js';
import { ANSWERED_IDS } from '../../../src/core/checklist.js';
import { addDays } from '../../../src/core/dates.js';
import { scoreDue, type DueContact } from '../../../src/core/due.js';
import { NetError } from '../../../src/core/errors.js';
import { summarize, type ContactRows } from '../../../src/core/summary.js';
import type { ContactWithSummary } from '../../../src/core/types.js';
import { ASK_KINDS, CHANNELS, GIVE_KINDS } from '../../../src/core/vocabulary.js';
import { emptyMemoryJournal } from '../../helpers/memory-journal.js';
import { findStoredSummary, listContactIds } from '../../../src/store/doctor.js';
import { Store } from '../../../src/store/store.js';
import { runs } from '../../helpers/property-runs.js';

const TODAY = '2026-11-22';
const ago = (n: number) => addDays(TODAY, -n);

type Ev = ContactRows['events'][number];
const dayArb = fc.integer({ min: 0, max: 4000 }).map(ago);
const eventArb: fc.Arbitrary<Ev> = fc.oneof(
  fc.record({ type: fc.constant('touch' as const), kind: fc.constantFrom<string>(...CHANNELS), value: fc.constant(null), occurredOn: dayArb, outcome: fc.constant(null) }),
  fc.record({ type: fc.constantFrom('gave' as const, 'received' as const), kind: fc.constantFrom<string>(...GIVE_KINDS), value: fc.integer({ min: 1, max: 5 }), occurredOn: dayArb, outcome: fc.constant(null) }),
  fc.record({ type: fc.constant('ask' as const), kind: fc.constantFrom<string>(...ASK_KINDS), value: fc.integer({ min: 1, max: 5 }), occurredOn: dayArb, outcome: fc.constantFrom('pending', 'yes', 'no') }),
).map((e) => ({ ...e, status: null, statusOn: null }) as Ev);

const rowsArb: fc.Arbitrary<ContactRows> = fc.record({
  events: fc.array(eventArb, { maxLength: 30 }),
  facts: fc.array(fc.record({ kind: fc.constantFrom('tag' as const, 'service' as const, 'goal' as const, 'family' as const), text: fc.constantFrom('bni', 'client', 'müller', 'a') }), { maxLength: 12 }),
  followUps: fc.array(fc.record({ dueOn: fc.integer({ min: -200, max: 400 }).map(ago), doneOn: fc.option(dayArb, { nil: null }) }), { maxLength: 4 }),
  answers: fc.array(fc.record({ answer: fc.boolean() }), { maxLength: 8 }),
});
const halfLifeArb = fc.integer({ min: 30, max: 3650 });

/** The same rows in another order. */
const shuffledArb = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });

function toContact(rows: ContactRows, halfLifeDays: number, extra: Partial<ContactWithSummary> = {}): ContactWithSummary {
  return {
    id: 'c1',
    name: 'Jane Doe',
    company: null,
    role: null,
    email: null,
    phone: null,
    metOn: null,
    howMet: null,
    everyDays: null,
    snoozedUntil: null,
    birthday: null,
    createdAt: `${ago(500)}T10:00:00.000Z`,
    updatedAt: `${ago(500)}T10:00:00.000Z`,
    ...summarize(rows, halfLifeDays),
    ...extra,
  } as ContactWithSummary;
}

describe('summarize', () => {
  it('gives the same summary whatever order the rows were inserted in', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.record({ events: shuffledArb(rows.events), facts: shuffledArb(rows.facts), followUps: shuffledArb(rows.followUps), answers: shuffledArb(rows.answers) }))),
        halfLifeArb,
        ([rows, shuffled], halfLife) => {
          expect(summarize(shuffled, halfLife)).toEqual(summarize(rows, halfLife));
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('never lowers the balance when a give is added, whatever the day it is read', () => {
    fc.assert(
      fc.property(rowsArb, dayArb, fc.integer({ min: 1, max: 5 }), fc.constantFrom<string>(...GIVE_KINDS), halfLifeArb, fc.integer({ min: 0, max: 400 }), (rows, day, value, kind, halfLife, later) => {
        const readOn = addDays(TODAY, later);
        const give: Ev = { type: 'gave', kind, value, occurredOn: day, outcome: null, status: null, statusOn: null } as Ev;
        const before = toBalance(summarize(rows, halfLife), readOn, halfLife);
        const after = toBalance(summarize({ ...rows, events: [...rows.events, give] }, halfLife), readOn, halfLife);
        expect(after).toBeGreaterThanOrEqual(before - Math.abs(before) * 1e-12);
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('balance, depth and due on any summarized journal', () => {
  it('never throw, give finite figures, and order contacts totally', () => {
    const contactArb = fc.record({
      rows: rowsArb,
      metOn: fc.option(fc.integer({ min: -30, max: 4000 }).map(ago), { nil: null }),
      everyDays: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
      snoozedUntil: fc.option(fc.integer({ min: -60, max: 60 }).map(ago), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(contactArb, { minLength: 1, maxLength: 8 }), halfLifeArb, fc.integer({ min: -30, max: 400 }), (journal, halfLife, shift) => {
        const day = addDays(TODAY, shift);
        const contacts = journal.map((c, i) => toContact(c.rows, halfLife, { id: `c${i}`, name: `Contact ${i}`, metOn: c.metOn, everyDays: c.everyDays, snoozedUntil: c.snoozedUntil }));
        for (const c of contacts) {
          const s = toStanding(c, day, halfLife);
          expect(Number.isFinite(s.balance) && Number.isFinite(s.received)).toBe(true);
          expect(s.depth.score).toBeGreaterThanOrEqual(0);
          expect(s.depth.score).toBeLessThanOrEqual(s.depth.of);
        }
        const items = contacts.flatMap((c) => scoreDue(c as DueContact, day, halfLife) ?? []);
        for (const item of items) expect(Number.isFinite(item.score) && item.score > 0).toBe(true);
        const order = (list: typeof items) => [...list].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).map((i) => i.id);
        expect(order([...items].reverse())).toEqual(order(items));
      }),
      { numRuns: runs(150) },
    );
  });
});

// ---- the store keeps summarize() through any sequence of commands -----------------------------------------------------

type Op =
  | { op: 'add'; who: number; email: boolean }
  | { op: 'log'; who: number; touch: boolean; gave: boolean; received: boolean; value: number; daysAgo: number; next: number | null }
  | { op: 'edit'; who: number; service: number; forget: boolean }
  | { op: 'rm'; who: number }
  | { op: 'deepen'; who: number; yes: number[] }
  | { op: 'ask'; who: number; kind: (typeof ASK_KINDS)[number]; daysAgo: number }
  | { op: 'outcome'; who: number; yes: boolean }
  | { op: 'import'; whos: number[] }
  | { op: 'export' }
  | { op: 'merge' };

const NAMES = ['Jane Doe', 'Ravi Patel', 'Ola Nordmann', 'Zoë Ünal', 'Miles O’Brien'];
const who = fc.nat(NAMES.length - 1);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), who, email: fc.boolean() }),
  fc.record({
    op: fc.constant('log' as const),
    who,
    touch: fc.boolean(),
    gave: fc.boolean(),
    received: fc.boolean(),
    value: fc.integer({ min: 1, max: 5 }),
    daysAgo: fc.nat(900),
    next: fc.option(fc.nat(60), { nil: null }),
  }),
  fc.record({ op: fc.constant('edit' as const), who, service: fc.nat(3), forget: fc.boolean() }),
  fc.record({ op: fc.constant('rm' as const), who }),
  fc.record({ op: fc.constant('deepen' as const), who, yes: fc.subarray([0, 1, 2, 3, 4, 5, 6, 7]) }),
  fc.record({ op: fc.constant('ask' as const), who, kind: fc.constantFrom(...ASK_KINDS), daysAgo: fc.nat(300) }),
  fc.record({ op: fc.constant('outcome' as const), who, yes: fc.boolean() }),
  fc.record({ op: fc.constant('import' as const), whos: fc.subarray([0, 1, 2, 3, 4], { minLength: 1 }) }),
  fc.constant({ op: 'export' as const }),
  fc.constant({ op: 'merge' as const }),
);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-properties-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function apply(store: Store, o: Op, step: number, exported: string): void | Promise<unknown> {
  const clock = { today: TODAY, timestamp: new Date(Date.UTC(2026, 10, 22, 12, 0, 0, step)).toISOString() };
  const idOf = (n: number) => store.findNameCandidates(NAMES[n]!.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, ''), 1)[0]?.id ?? 'missing';
  const slug = (n: number) => NAMES[n]!.toLowerCase().replace(/[^a-z]+/g, '.');
  switch (o.op) {
    case 'add':
      addContact(store, { name: NAMES[o.who]!, emails: o.email ? [{ value: `${slug(o.who)}@example.com`, label: null }] : [] }, clock);
      break;
    case 'log':
      logInteraction(
        store,
        {
          contactId: idOf(o.who),
          touch: o.touch ? 'coffee' : undefined,
          gave: o.gave ? 'referral' : undefined,
          received: o.received ? 'idea' : undefined,
          value: o.gave || o.received ? o.value : undefined,
          date: ago(o.daysAgo),
          next: o.next === null ? undefined : addDays(TODAY, o.next),
        },
        clock,
      );
      break;
    case 'edit':
      editContact(store, o.forget ? { contactId: idOf(o.who), forget: [`service ${o.service}`] } : { contactId: idOf(o.who), services: [`service ${o.service}`] }, clock);
      break;
    case 'rm':
      removeContact(store, idOf(o.who));
      break;
    case 'deepen': {
      const yes = o.yes.map((i) => ANSWERED_IDS[i]!);
      deepenContact(store, { contactId: idOf(o.who), yes, no: ANSWERED_IDS.filter((id) => !yes.includes(id)) }, clock);
      break;
    }
    case 'ask':
      recordAsk(store, { contactId: idOf(o.who), kind: o.kind, date: ago(o.daysAgo) }, true, clock);
      break;
    case 'outcome':
      closeAsk(store, { contactId: idOf(o.who), outcome: o.yes ? 'yes' : 'no' }, clock);
      break;
    case 'import': {
      const file = join(dir, `import-${step}.csv`);
      writeFileSync(file, ['Name,Email,Company', ...o.whos.map((n) => `${NAMES[n]},${slug(n)}@example.com,Company ${step}`)].join('\n'));
      return importFile(store, { file, dryRun: false, skipBad: true, localeOrder: 'dmy' }, clock);
    }
    case 'export':
      exportJournal(store, { format: 'json', file: exported, force: true }, clock, () => undefined);
      break;
    case 'merge':
      return importFile(store, { file: exported, format: 'json', dryRun: false, skipBad: true, localeOrder: 'dmy' }, clock);
  }
}

describe('the summary the store keeps', () => {
  it('equals summarize() over the rows after any sequence of adds, logs, edits, asks, removals, imports and merges', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (generated) => {
        // Everyone is added first, so that most operations find their contact (a removal or a merge may still undo that).
        const ops: Op[] = [...NAMES.map((_, n): Op => ({ op: 'add', who: n, email: n % 2 === 0 })), ...generated];
        const store = new Store(emptyMemoryJournal(), null);
        const exported = join(dir, `export-${run++}.json`);
        exportJournal(store, { format: 'json', file: exported, force: true }, { today: TODAY, timestamp: `${TODAY}T12:00:00.000Z` }, () => undefined);
        try {
          for (const [step, o] of ops.entries()) {
            try {
              // An import runs its own transaction: it streams the file and awaits between writes.
              if (o.op === 'import' || o.op === 'merge') await apply(store, o, step + 1, exported);
              else store.tx(() => apply(store, o, step + 1, exported));
            } catch (err) {
              if (!(err instanceof NetError)) throw err; // refused input (a name taken, no open ask…) writes nothing
            }
          }
          const halfLife = store.halfLifeDays();
          for (const id of listContactIds(store)) {
            const stored = findStoredSummary(store, id)!;
            expect(diffSummary(stored.summary, summarize(store.readContactRows(id), halfLife)), stored.name).toEqual([]);
          }
        } finally {
          store.close();
        }
      }),
      { numRuns: runs(100) },
    );
  });
});
