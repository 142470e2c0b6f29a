/**
 * The one declaration of what sync carries (store/sync-tables.ts) against the schema every migration builds: a table
 * or column that a later migration adds fails here until it is declared synced, derived or local. And the capture
 * triggers made from it: quiet until sync is set up, then recording each write per field with its clock reading.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addContact } from '../../../src/app/add.js';
import { editContact } from '../../../src/app/edit.js';
import { writeJournalJson } from '../../../src/app/export.js';
import { logInteraction } from '../../../src/app/log.js';
import { removeContact } from '../../../src/app/rm.js';
import { openMemory } from '../../../src/store/db.js';
import { ensureCapture, listCaptureTriggers } from '../../../src/store/sync-capture.js';
import { classifyTable, DERIVED_TABLES, LOCAL_TABLES, SYNCED_TABLES, type SyncedTable } from '../../../src/store/sync-tables.js';
import { startCapture, stopCapture } from '../../../src/store/sync.js';
import { Store } from '../../../src/store/store.js';

const clock = { today: '2026-11-22', timestamp: '2026-11-22T09:00:00.000Z' };
const SET_UP = { machine: 'aaaaaaaaaaaaaaaa', label: 'a', remote: 'r', keys: 'identity', recipient: 'age1x', startMs: Date.parse(clock.timestamp), pushExisting: false } as const;

function schemaOf(store: Store): Map<string, string[]> {
  const tables = store.stmt("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  return new Map(tables.map((t) => [t, (store.db.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name)]));
}

/** Tables of the schema that the declaration does not name. */
const undeclaredTables = (schema: Map<string, string[]>) => [...schema.keys()].filter((t) => classifyTable(t) === undefined);

/** Columns of synced tables that are neither synced nor derived. */
function undeclaredColumns(schema: Map<string, string[]>): string[] {
  return [...schema].flatMap(([t, columns]) => {
    const d = (SYNCED_TABLES as Record<string, SyncedTable>)[t];
    return d ? columns.filter((c) => !d.columns.includes(c) && !d.derived.includes(c)).map((c) => `${t}.${c}`) : [];
  });
}

describe('what sync carries, declared once', () => {
  const store = new Store(openMemory(), null);
  const schema = schemaOf(store);

  it('names every table of the schema: synced, derived or local (declare a new one in store/sync-tables.ts)', () => {
    expect(undeclaredTables(schema)).toEqual([]);
  });

  it('names every column of a synced table: synced or derived (declare a new one in store/sync-tables.ts)', () => {
    expect(undeclaredColumns(schema)).toEqual([]);
  });

  it('fails on a table or a column that a later migration adds until it is declared', () => {
    const later = new Store(openMemory(), null);
    later.db.exec('CREATE TABLE later_things (id TEXT PRIMARY KEY, contact_id TEXT, kind TEXT, value TEXT); ALTER TABLE events ADD COLUMN source_id TEXT');
    const grown = schemaOf(later);
    expect(undeclaredTables(grown)).toEqual(['later_things']);
    expect(undeclaredColumns(grown)).toEqual(['events.source_id']);
  });

  it('declares only what the schema has, and each column once', () => {
    for (const [t, d] of Object.entries(SYNCED_TABLES) as [string, SyncedTable][]) {
      const columns = schema.get(t);
      expect(columns, t).toBeDefined();
      expect([...d.columns, ...d.derived].filter((c) => !columns!.includes(c)), t).toEqual([]);
      expect(new Set([...d.columns, ...d.derived]).size, t).toBe(d.columns.length + d.derived.length);
      expect(d.columns, t).toContain(d.key);
      if (d.parent) expect(d.columns, t).toContain(d.parent);
    }
    for (const t of [...LOCAL_TABLES, ...DERIVED_TABLES]) expect(schema.has(t), t).toBe(true);
  });

  it('exports the synced columns and no local table', () => {
    let out = '';
    writeJournalJson(store, clock, (s) => (out += s));
    const json = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(json).filter((k) => !['format', 'version', 'schema', 'exportedAt'].includes(k)).sort()).toEqual(['answers', 'contactPoints', 'contacts', 'dates', 'events', 'facts', 'followUps', 'settings', 'touchpointSources']);
  });

  it('makes one insert, update and delete trigger per synced table, and leaves them alone when they match', () => {
    expect([...listCaptureTriggers().keys()]).toHaveLength(Object.keys(SYNCED_TABLES).length * 3);
    const synced = new Store(openMemory(), null);
    synced.tx(() => startCapture(synced, SET_UP));
    const triggers = () => synced.stmt("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'net_sync_%' ORDER BY name").raw().all() as [string, string][];
    expect(new Map(triggers())).toEqual(listCaptureTriggers());
    const before = triggers();
    ensureCapture(synced.db);
    expect(triggers()).toEqual(before);
  });

  it('replaces triggers that differ from what the declaration makes', () => {
    const synced = new Store(openMemory(), null);
    synced.tx(() => startCapture(synced, SET_UP));
    synced.db.exec('DROP TRIGGER net_sync_events_insert; CREATE TRIGGER net_sync_events_insert AFTER INSERT ON events BEGIN SELECT 1; END');
    ensureCapture(synced.db);
    expect(synced.stmt("SELECT sql FROM sqlite_master WHERE name = 'net_sync_events_insert'").pluck().get()).toBe(listCaptureTriggers().get('net_sync_events_insert'));
  });

  it('keeps no trigger in a journal that does not take part in sync: a trigger slows every insert, even a quiet one', () => {
    const triggers = (s: Store) => s.stmt("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'net_sync_%'").pluck().get();
    expect(triggers(store)).toBe(0);
    const synced = new Store(openMemory(), null);
    synced.tx(() => startCapture(synced, SET_UP));
    expect(triggers(synced)).toBe(listCaptureTriggers().size);
    synced.tx(() => stopCapture(synced));
    expect(triggers(synced)).toBe(0);
    synced.db.exec(listCaptureTriggers().get('net_sync_events_insert')!); // left by an older net, say
    ensureCapture(synced.db);
    expect(triggers(synced)).toBe(0);
  });
});

describe('capture', () => {
  let store: Store;
  const fields = () => store.stmt('SELECT tbl, col, pending, base IS NOT NULL AS based FROM sync_fields ORDER BY tbl, id, col').raw().all();
  const tx = <T>(fn: () => T) => store.tx(fn);

  beforeEach(() => {
    store = new Store(openMemory(), null);
    store.wallClock = () => Date.parse(clock.timestamp);
    tx(() => addContact(store, { name: 'Jane Doe', tags: ['bni'] }, clock));
  });

  it('records nothing before sync is set up', () => {
    tx(() => logInteraction(store, { name: 'jane', touch: 'coffee' }, clock));
    expect(fields()).toEqual([]);
    expect(store.stmt('SELECT hlc FROM sync_state').pluck().get()).toBe('');
  });

  it('gives every record a baseline when sync starts, then records each write per field with a clock reading', () => {
    tx(() => startCapture(store, { machine: 'aaaaaaaaaaaaaaaa', label: 'a', remote: 'r', keys: 'identity', recipient: 'age1x', startMs: Date.parse(clock.timestamp), pushExisting: false }));
    expect(fields()).toEqual([['contacts', '', 0, 0], ['facts', '', 0, 0]]);
    tx(() => logInteraction(store, { name: 'jane', touch: 'coffee' }, clock));
    tx(() => editContact(store, { contactId: store.listContacts()[0]!.id, company: 'Acme', untag: ['bni'] }, clock));
    expect(fields()).toEqual([
      ['contacts', '', 0, 0],
      ['contacts', 'company', 1, 1], // updated_at is written with the same instant: not a change
      ['events', '', 1, 0],
      ['facts', '', 0, 0],
      ['facts', '-', 1, 0],
    ]);
    const readings = store.stmt("SELECT DISTINCT hlc FROM sync_fields WHERE pending = 1 ORDER BY hlc").pluck().all() as string[];
    expect(readings).toHaveLength(2); // one per transaction
    expect(readings.every((h) => /^\d{15}\.\d{6}\.a{16}$/.test(h))).toBe(true);
    expect(store.stmt("SELECT tbl, dead, json_extract(row, '$.text') FROM sync_shadow").raw().all()).toEqual([['facts', 1, 'bni']]);
  });

  it('records the removal of a contact and of every row of theirs, and keeps what they held', () => {
    tx(() => startCapture(store, { machine: 'aaaaaaaaaaaaaaaa', label: 'a', remote: 'r', keys: 'identity', recipient: 'age1x', startMs: Date.parse(clock.timestamp), pushExisting: false }));
    tx(() => logInteraction(store, { name: 'jane', touch: 'coffee', note: 'the pricing piece' }, clock));
    tx(() => removeContact(store, store.listContacts()[0]!.id));
    expect(store.stmt("SELECT tbl FROM sync_fields WHERE col = '-' ORDER BY tbl").pluck().all()).toEqual(['contacts', 'events', 'facts']);
    expect(store.stmt("SELECT json_extract(row, '$.note') FROM sync_shadow WHERE tbl = 'events'").pluck().get()).toBe('the pricing piece');
  });

  it('does not record a summary refresh: summaries are derived', () => {
    tx(() => startCapture(store, { machine: 'aaaaaaaaaaaaaaaa', label: 'a', remote: 'r', keys: 'identity', recipient: 'age1x', startMs: Date.parse(clock.timestamp), pushExisting: false }));
    tx(() => store.refreshAllSummaries());
    expect(store.stmt('SELECT count(*) FROM sync_fields WHERE pending = 1').pluck().get()).toBe(0);
  });
});
