/**
 * The merge of `net sync` on in-memory journals, batches handed from one to the other directly (no git, no encryption):
 * field by field by clock, removals against edits, tags added twice, contacts removed on one machine and logged with on
 * another, snapshots. test/e2e/sync*.test.ts drive the same through git remotes.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../src/app/add.js';
import { editContact } from '../../../src/app/edit.js';
import { logInteraction } from '../../../src/app/log.js';
import { removeContact } from '../../../src/app/rm.js';
import { resolveContact } from '../../../src/app/resolve.js';
import { writeJournalJson } from '../../../src/app/export.js';
import { openMemory } from '../../../src/store/db.js';
import { Store } from '../../../src/store/store.js';
import {
  groupByRecord,
  mergeIncoming,
  noteMachine,
  readSeen,
  readSnapshot,
  readSyncState,
  startCapture,
  takePending,
  toSnapshotEntries,
  type MergeReport,
} from '../../../src/store/sync.js';

const DAY = '2026-11-22';
let wall = Date.parse(`${DAY}T09:00:00.000Z`);

interface Machine {
  store: Store;
  id: string;
  clock: () => { today: string; timestamp: string };
}

function machine(id: string, skewMs = 0): Machine {
  const store = new Store(openMemory(), null);
  store.wallClock = () => wall + skewMs;
  const clock = () => ({ today: DAY, timestamp: new Date(wall + skewMs).toISOString() });
  return { store, id, clock };
}

function setUp(m: Machine, pushExisting: boolean): void {
  m.store.tx(() => startCapture(m.store, { machine: m.id, label: m.id, remote: 'r', keys: 'identity', recipient: 'age1x', startMs: wall, pushExisting }));
}

/** A batch of `from`'s pending changes, as `net sync` writes it. */
function batchOf(from: Machine) {
  return from.store.tx(() => {
    const seen = readSeen(from.store);
    return { machine: from.id, seen, entries: takePending(from.store), hlc: readSyncState(from.store).hlc };
  });
}

function apply(to: Machine, batch: ReturnType<typeof batchOf>): MergeReport {
  return to.store.tx(() => {
    const report = mergeIncoming(to.store, [{ seen: batch.seen, records: groupByRecord(batch.entries) }]);
    noteMachine(to.store, { machine: batch.machine, label: batch.machine, seq: 1, hlc: batch.hlc, at: 'now' });
    return report;
  });
}

function snapshotInto(to: Machine, from: Machine): MergeReport {
  const body = from.store.read(() => readSnapshot(from.store));
  const seen = readSeen(from.store);
  return to.store.tx(() => {
    const r = mergeIncoming(to.store, [{ seen, records: toSnapshotEntries(body) }]);
    noteMachine(to.store, { machine: from.id, label: from.id, seq: 0, hlc: seen[from.id] ?? '', at: 'now' });
    return r;
  });
}

/** The journal as `net export --json` has it, minus the export's time: what two converged journals share. */
function exported(m: Machine): string {
  let out = '';
  writeJournalJson(m.store, { today: DAY, timestamp: 'x' }, (s) => (out += s));
  return out;
}

const tick = (ms = 1000) => (wall += ms);
const id = (m: Machine, name: string) => resolveContact(m.store, name).id;

let a: Machine;
let b: Machine;

beforeEach(() => {
  wall = Date.parse(`${DAY}T09:00:00.000Z`);
  a = machine('aaaaaaaaaaaaaaaa');
  b = machine('bbbbbbbbbbbbbbbb');
  a.store.tx(() => addContact(a.store, { name: 'Jane Doe', company: 'Acme', emails: [{ value: 'jane@acme.example', label: null }], tags: ['bni'] }, a.clock()));
  setUp(a, false);
  setUp(b, true);
  snapshotInto(b, a);
});

describe('sync merge', () => {
  it('brings a journal down whole from a snapshot', () => {
    expect(exported(b)).toBe(exported(a));
    expect(b.store.findContact(id(b, 'jane'))?.company).toBe('Acme');
  });

  it('carries a log and an edit, and keeps the summaries true', () => {
    tick();
    a.store.tx(() => logInteraction(a.store, { name: 'jane', touch: 'coffee', gave: 'article' }, a.clock()));
    tick();
    b.store.tx(() => editContact(b.store, { contactId: id(b, 'jane'), role: 'agent' }, b.clock()));
    apply(b, batchOf(a));
    apply(a, batchOf(b));
    expect(exported(b)).toBe(exported(a));
    expect(b.store.findContact(id(b, 'jane'))).toMatchObject({ role: 'agent', touchCount: 1, giveCount: 1 });
  });

  it('keeps the later of two edits of one field, and reports the other on both machines', () => {
    tick();
    a.store.tx(() => editContact(a.store, { contactId: id(a, 'jane'), company: 'Acme Homes' }, a.clock()));
    tick();
    b.store.tx(() => editContact(b.store, { contactId: id(b, 'jane'), company: 'Acme Realty' }, b.clock()));
    const toB = apply(b, batchOf(a));
    const toA = apply(a, batchOf(b));
    expect(exported(b)).toBe(exported(a));
    expect(a.store.findContact(id(a, 'jane'))?.company).toBe('Acme Realty');
    expect(toB.conflicts).toMatchObject([{ column: 'company', kept: 'Acme Realty', lost: 'Acme Homes' }]);
    expect(toA.conflicts).toMatchObject([{ column: 'company', kept: 'Acme Realty', lost: 'Acme Homes' }]);
  });

  it('reports no conflict for an edit made after seeing the other', () => {
    tick();
    a.store.tx(() => editContact(a.store, { contactId: id(a, 'jane'), company: 'Acme Homes' }, a.clock()));
    apply(b, batchOf(a));
    tick();
    b.store.tx(() => editContact(b.store, { contactId: id(b, 'jane'), company: 'Acme Realty' }, b.clock()));
    const toA = apply(a, batchOf(b));
    expect(toA.conflicts).toEqual([]);
    expect(a.store.findContact(id(a, 'jane'))?.company).toBe('Acme Realty');
  });

  it('orders by the clock, not the wall: a machine a day behind that edits after syncing still wins', () => {
    const late = machine('cccccccccccccccc', -86_400_000);
    setUp(late, true);
    snapshotInto(late, a);
    tick();
    a.store.tx(() => editContact(a.store, { contactId: id(a, 'jane'), company: 'Acme Homes' }, a.clock()));
    apply(late, batchOf(a));
    tick();
    late.store.tx(() => editContact(late.store, { contactId: id(late, 'jane'), company: 'Acme Realty' }, late.clock()));
    apply(a, batchOf(late));
    expect(a.store.findContact(id(a, 'jane'))?.company).toBe('Acme Realty');
    expect(exported(late)).toBe(exported(a));
  });

  it('keeps a contact removed on one machine and logged with on another, with the new row only, and says so', () => {
    tick();
    a.store.tx(() => logInteraction(a.store, { name: 'jane', touch: 'call' }, a.clock()));
    apply(b, batchOf(a));
    tick();
    a.store.tx(() => removeContact(a.store, id(a, 'jane')));
    tick();
    b.store.tx(() => logInteraction(b.store, { name: 'jane', touch: 'coffee' }, b.clock()));
    const toB = apply(b, batchOf(a));
    const toA = apply(a, batchOf(b));
    expect(exported(b)).toBe(exported(a));
    expect(toA.removalsKept).toMatchObject([{ rows: 1 }]);
    expect(toB.removalsKept).toMatchObject([{ rows: 1 }]);
    const jane = a.store.findContact(id(a, 'jane'))!;
    expect(jane).toMatchObject({ name: 'Jane Doe', touchCount: 1 });
  });

  it('removes a contact whose removal knew every row of theirs, on both machines', () => {
    tick();
    a.store.tx(() => logInteraction(a.store, { name: 'jane', touch: 'call' }, a.clock()));
    apply(b, batchOf(a));
    tick();
    b.store.tx(() => removeContact(b.store, id(b, 'jane')));
    const toA = apply(a, batchOf(b));
    expect(toA.removalsKept).toEqual([]);
    expect(a.store.countContacts()).toBe(0);
    expect(exported(b)).toBe(exported(a));
  });

  it('shows one tag when both machines add it, and takes it off everywhere when it is taken off', () => {
    tick();
    a.store.tx(() => editContact(a.store, { contactId: id(a, 'jane'), tags: ['client'] }, a.clock()));
    tick();
    b.store.tx(() => editContact(b.store, { contactId: id(b, 'jane'), tags: ['Client'] }, b.clock()));
    apply(b, batchOf(a));
    apply(a, batchOf(b));
    expect(exported(b)).toBe(exported(a));
    const tags = () => a.store.listFacts(id(a, 'jane')).filter((f) => f.kind === 'tag').map((f) => f.text);
    expect(tags()).toEqual(['bni', 'Client']);
    tick();
    a.store.tx(() => editContact(a.store, { contactId: id(a, 'jane'), untag: ['client'] }, a.clock()));
    apply(b, batchOf(a));
    expect(tags()).toEqual(['bni']);
    expect(exported(b)).toBe(exported(a));
  });

  it('carries a tag of its own that a merge held aside before it was pushed, so that taking the tag off reaches both', () => {
    tick();
    a.store.tx(() => editContact(a.store, { contactId: id(a, 'jane'), tags: ['client'] }, a.clock()));
    tick();
    b.store.tx(() => editContact(b.store, { contactId: id(b, 'jane'), tags: ['client'] }, b.clock()));
    apply(a, batchOf(b)); // b's tag is the later: a's own, not yet pushed, is held aside
    apply(b, batchOf(a));
    expect(exported(b)).toBe(exported(a));
    const tags = (m: Machine) => m.store.listFacts(id(m, 'jane')).filter((f) => f.kind === 'tag').map((f) => f.text);
    tick();
    b.store.tx(() => editContact(b.store, { contactId: id(b, 'jane'), untag: ['client'] }, b.clock()));
    apply(a, batchOf(b));
    expect(tags(a)).toEqual(['bni']);
    expect(tags(b)).toEqual(['bni']);
    expect(exported(b)).toBe(exported(a));
  });

  it('reports the same person added on two machines', () => {
    tick();
    a.store.tx(() => addContact(a.store, { name: 'Ravi Patel', phones: [{ value: '+44 20 7946 0958', label: null }] }, a.clock()));
    b.store.tx(() => addContact(b.store, { name: 'Ravi Patel', phones: [{ value: '+44 (20) 7946-0958', label: null }] }, b.clock()));
    const toB = apply(b, batchOf(a));
    expect(toB.duplicates).toMatchObject([{ reason: 'same-name-and-phone' }]);
  });
});
