/**
 * The property of net sync: three journals, random commands on each (adds, logs, edits, tags, removals, asks,
 * checklist answers, imports, merges), synced in random orders and interleavings, with clocks that disagree by hours
 * and by a day, all converge to the same journal once each has synced; every summary stays true; and no record that a
 * command acknowledged is lost, unless a removal that knew of it took it away.
 *
 * Runs in-process (test/helpers/in-process.ts) with a bare repository for the remote; the three journals set up and
 * joined once, and copied back before each sequence (helpers/sync.ts). NET_SYNC_PROPERTY_RUNS sets how many random
 * sequences are tried (default 4, for npm test; README's Development section has a deeper run).
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../helpers/run-net.js';
import { exported, makeIdentityFile, makeRemote, quietGit, SET_UP_TIMEOUT, snapshot, type IdentityFile, type Remote, type Snapshot } from '../helpers/sync.js';

// Few names, tags and companies, so that machines keep meeting over the same records.
const NAMES = ['Jane Doe', 'Ravi Patel', 'Sam Lee'];
const COMPANIES = ['Acme', 'Acme Homes', 'Patel Books'];
const TAGS = ['bni', 'client'];
/** Each machine's clock against the others': one is three hours ahead, one a day behind. */
const SKEW_MS = [0, 3 * 3600_000, -24 * 3600_000];
const RUNS = Number(process.env.NET_SYNC_PROPERTY_RUNS ?? 4);

type OpKind = 'add' | 'log' | 'edit' | 'tag' | 'untag' | 'rm' | 'ask' | 'deepen' | 'import-vcf' | 'import-json' | 'merge' | 'sync';
interface Op {
  machine: number;
  kind: OpKind;
  name: number;
  pick: number;
}

const opArb: fc.Arbitrary<Op> = fc.record({
  machine: fc.integer({ min: 0, max: 2 }),
  kind: fc.constantFrom<OpKind>('add', 'add', 'log', 'log', 'log', 'edit', 'edit', 'tag', 'tag', 'untag', 'untag', 'rm', 'ask', 'deepen', 'import-vcf', 'import-json', 'merge', 'sync', 'sync', 'sync', 'sync'),
  name: fc.integer({ min: 0, max: NAMES.length - 1 }),
  pick: fc.integer({ min: 0, max: 5 }),
});

const START = Date.parse('2026-11-22T09:00:00Z');
const at = (minute: number, m: number) => new Date(START + minute * 60_000 + SKEW_MS[m]!).toISOString();

let remote: Remote;
let key: IdentityFile;
let machines: Journal[];
/** The contacts that the set-up's adds acknowledged. */
let added: string[];
/** The remote and the three journals once set up: each sequence starts from a copy of them. */
let setUp: Snapshot;
beforeAll(async () => {
  remote = makeRemote();
  key = await makeIdentityFile(remote.dir);
  machines = [0, 1, 2].map(() => makeJournal('2026-11-22', 'in-process'));
  for (const j of machines) quietGit(j.dir);
  // The first machine publishes; the second joins with a journal of its own, the third empty.
  const run = (m: number, ...args: string[]) => machines[m]!.runWith({ now: at(0, m) }, ...args);
  added = [JSON.parse(run(0, '--json', 'add', 'Jane Doe', '--email', 'jane@acme.example').stdout).id, JSON.parse(run(1, '--json', 'add', 'Ravi Patel').stdout).id];
  for (const m of [0, 1, 2]) expect(run(m, 'sync', 'init', remote.url, '--identity', key.file).code).toBe(0);
  setUp = snapshot([remote.url, ...machines.map((j) => j.dir)]);
}, SET_UP_TIMEOUT);
afterAll(() => {
  for (const j of machines) j.cleanup();
  remote.cleanup();
  setUp.cleanup();
});

/** What the commands acknowledged, and what removals that knew of them took away. */
interface Ledger {
  events: Map<string, string>;
  contacts: Set<string>;
  removedEvents: Set<string>;
  removedContacts: Set<string>;
}

function runScenario(ops: Op[]): void {
  setUp.restore();
  let minute = 0;
  const run = (m: number, ...args: string[]) => machines[m]!.runWith({ now: at(minute, m) }, ...args);
  const json = (m: number, ...args: string[]) => {
    const r = run(m, '--json', ...args);
    return r.code === 0 || r.code === 3 ? JSON.parse(r.stdout) : undefined;
  };
  const ledger: Ledger = { events: new Map(), contacts: new Set(added), removedEvents: new Set(), removedContacts: new Set() };
  const sync = (m: number) => {
    const r = run(m, 'sync');
    expect(r, `machine ${m} syncs`).toMatchObject({ code: 0, stderr: '' });
  };
  for (const op of ops) {
    minute++;
    apply(op);
  }
  // Everyone syncs, twice round: the second round carries what the first merged.
  for (const m of [0, 1, 2, 0, 1]) {
    minute++;
    sync(m);
  }
  const journals = machines.map(exported);
  expect(journals[1], 'the second journal is the first').toBe(journals[0]);
  expect(journals[2], 'the third journal is the first').toBe(journals[0]);
  for (const m of [0, 1, 2]) expect(run(m, 'doctor'), `machine ${m}: summaries and rows`).toMatchObject({ code: 0 });
  const final = JSON.parse(journals[0]!) as { events: { id: string }[]; contacts: { id: string }[] };
  const events = new Set(final.events.map((e) => e.id));
  const contacts = new Set(final.contacts.map((c) => c.id));
  const lostEvents = [...ledger.events].filter(([id]) => !events.has(id) && !ledger.removedEvents.has(id)).map(([, note]) => note);
  const lostContacts = [...ledger.contacts].filter((id) => !contacts.has(id) && !ledger.removedContacts.has(id));
  expect(lostEvents, 'acknowledged events lost').toEqual([]);
  expect(lostContacts, 'acknowledged contacts lost').toEqual([]);

  function apply(op: Op): void {
    const m = op.machine;
    const name = NAMES[op.name]!;
    switch (op.kind) {
      case 'add': {
        const r = json(m, 'add', name, ...(op.pick % 2 ? ['--email', `${name.split(' ')[0]!.toLowerCase()}@example.com`] : []));
        if (r) ledger.contacts.add(r.id);
        break;
      }
      case 'log': {
        const note = `note ${minute} on ${m}`;
        const r = json(m, 'log', name, '--touch', 'coffee', ...(op.pick % 3 === 0 ? ['--gave', 'referral', '--prospect', 'Tom'] : []), '--note', note, ...(op.pick === 5 ? ['--next', 'in 2 weeks'] : []));
        for (const e of r?.events ?? []) ledger.events.set(e.id, note);
        break;
      }
      case 'edit':
        run(m, 'edit', name, '--company', COMPANIES[op.pick % COMPANIES.length]!, ...(op.pick === 4 ? ['--every', '3w'] : []));
        break;
      case 'tag':
        run(m, 'edit', name, '--tag', TAGS[op.pick % 2]!, ...(op.pick === 3 ? ['--service', 'bookkeeping'] : []));
        break;
      case 'untag':
        run(m, 'edit', name, '--untag', TAGS[op.pick % 2]!);
        break;
      case 'rm': {
        const shown = json(m, 'show', name);
        if (!shown) break;
        if (run(m, 'rm', name, '--yes').code !== 0) break;
        ledger.removedContacts.add(shown.contact.id);
        for (const e of shown.timeline) ledger.removedEvents.add(e.id);
        break;
      }
      case 'ask': {
        const note = `ask ${minute} on ${m}`;
        const r = json(m, 'ask', name, '--for', 'favour', '--anyway', '--note', note);
        if (r?.event?.id) ledger.events.set(r.event.id, note);
        break;
      }
      case 'deepen':
        run(m, 'deepen', name, op.pick % 2 ? '--yes' : '--no', 'trust');
        break;
      case 'import-vcf': {
        const file = join(machines[m]!.dir, `card-${minute}.vcf`);
        writeFileSync(file, `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nEMAIL:${name.split(' ')[0]!.toLowerCase()}@example.com\r\nEND:VCARD\r\n`);
        const r = json(m, 'import', file);
        if (r) for (const c of json(m, 'list') ?? []) if (c.name === name) ledger.contacts.add(c.id);
        break;
      }
      case 'import-json': {
        // One machine's export merged into another's journal: the same ids written on two machines.
        const from = (m + 1 + (op.pick % 2)) % 3;
        const file = join(machines[m]!.dir, `export-${minute}.json`);
        writeFileSync(file, run(from, 'export', '--format', 'json').stdout);
        run(m, 'import', file);
        break;
      }
      case 'merge': {
        const same = ((json(m, 'list') ?? []) as { id: string; name: string }[]).filter((c) => c.name === name);
        if (same.length < 2) break;
        const r = json(m, 'merge', same[0]!.id.slice(0, 8), same[1]!.id.slice(0, 8));
        if (r) ledger.removedContacts.add(r.removed.id);
        break;
      }
      case 'sync':
        sync(m);
        break;
    }
  }
}

describe('net sync converges', () => {
  it(`three journals, random commands and syncs in random orders (${RUNS} sequences)`, () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 8, maxLength: Number(process.env.NET_SYNC_PROPERTY_OPS ?? 28) }), (ops) => {
        runScenario(ops);
      }),
      { numRuns: RUNS, seed: Number(process.env.NET_SYNC_PROPERTY_SEED ?? 19), endOnFailure: true },
    );
  }, 60_000 + RUNS * 60_000);
});
