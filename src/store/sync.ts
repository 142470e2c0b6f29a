/**
 * The SQL of `net sync`: its state, the batches made from captured changes, and the merge of other machines' batches
 * and snapshots into the journal, by the rules of core/sync.ts. A merge runs in the caller's transaction with capture
 * off (what other machines wrote is not this machine's to push again), writes the records it changes as any command
 * writes them (their lookup keys computed, so that whatever triggers keep derived tables in step run too), and
 * recomputes the summaries of the contacts it touched.
 */
import { HLC_ZERO, maxHlc, toBaselineHlc, toHlcMachine, type Hlc } from '../core/hlc.js';
import {
  REMOVED_CLOCK,
  ROW_CLOCK,
  findDuplicateReason,
  isAlive,
  isSeenWhole,
  lastWrite,
  mergeEntry,
  pickVisible,
  type Clocks,
  type ContactIdentity,
  type DuplicateReason,
  type FieldConflict,
  type RowState,
  type Seen,
  type SyncEntry,
  type SyncRow,
  type SyncValue,
} from '../core/sync.js';
import type { ContactRows } from '../core/summary.js';
import type { Row } from './rows.js';
import type { Store } from './store.js';
import { applyCapture, dropCaptureTriggers, toRowJsonSql, toUniqueKeySql } from './sync-capture.js';
import { SYNCED_TABLE_NAMES, SYNCED_TABLES, findSyncedTable, type SyncedTable } from './sync-tables.js';
import { computeOnWrite } from './transfer.js';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

// ---- state ----------------------------------------------------------------------------------------------------------

export type KeyMode = 'passphrase' | 'identity';

export interface SyncState {
  capture: boolean;
  machine: string | null;
  label: string | null;
  hlc: Hlc;
  remote: string | null;
  keys: KeyMode | null;
  recipient: string | null;
  nextSeq: number;
  syncedAt: string | null;
}

export function readSyncState(store: Store): SyncState {
  const r = store.stmt('SELECT * FROM sync_state WHERE id = 1').get() as Row;
  return {
    capture: r.capture === 1,
    machine: r.machine === null ? null : String(r.machine),
    label: r.label === null ? null : String(r.label),
    hlc: String(r.hlc),
    remote: r.remote === null ? null : String(r.remote),
    keys: r.keys === null ? null : (String(r.keys) as KeyMode),
    recipient: r.recipient === null ? null : String(r.recipient),
    nextSeq: Number(r.next_seq),
    syncedAt: r.synced_at === null ? null : String(r.synced_at),
  };
}

/** The recipient sync encrypts to, when sync is set up (an encrypted backup uses it too). */
export function findSyncRecipient(store: Store): string | undefined {
  try {
    const r = store.stmt('SELECT recipient FROM sync_state WHERE id = 1 AND capture = 1').pluck().get() as string | null | undefined;
    return r ?? undefined;
  } catch {
    return undefined; // an empty journal in memory, read before any write
  }
}

export interface MachineRow {
  machine: string;
  label: string | null;
  /** The last of its batches applied here (for this machine: the last it wrote). */
  seq: number;
  /** Its latest clock reading applied here. */
  hlc: Hlc;
  syncedAt: string | null;
}

export function listMachines(store: Store): MachineRow[] {
  return (store.stmt('SELECT machine, label, seq, hlc, synced_at AS syncedAt FROM sync_machines ORDER BY machine').all() as MachineRow[]).map((m) => ({ ...m, seq: Number(m.seq) }));
}

/** What this machine has seen: every machine's latest reading applied here, its own included. */
export function readSeen(store: Store): Record<string, Hlc> {
  const state = readSyncState(store);
  const seen: Record<string, Hlc> = Object.fromEntries(listMachines(store).map((m) => [m.machine, m.hlc]));
  if (state.machine) seen[state.machine] = maxHlc(seen[state.machine] ?? HLC_ZERO, state.hlc);
  return seen;
}

export function noteMachine(store: Store, m: { machine: string; label: string | null; seq: number; hlc: Hlc; at: string }): void {
  store
    .stmt(
      `INSERT INTO sync_machines (machine, label, seq, hlc, synced_at) VALUES (@machine, @label, @seq, @hlc, @at)
       ON CONFLICT (machine) DO UPDATE SET label = coalesce(excluded.label, label), seq = max(seq, excluded.seq), hlc = max(hlc, excluded.hlc), synced_at = excluded.synced_at`,
    )
    .run(m);
}

/** The clock has seen `hlc` (received from another machine): every later reading here comes after it. */
export function advanceClock(store: Store, hlc: Hlc): void {
  store.stmt('UPDATE sync_state SET hlc = max(hlc, ?) WHERE id = 1').run(hlc);
}

export interface SyncSetUp {
  machine: string;
  label: string;
  remote: string;
  keys: KeyMode;
  recipient: string;
  /** When sync starts (ms): no baseline reading is later. */
  startMs: number;
  /** The journal's records are to be pushed (a journal joining a remote), not carried by a snapshot (the first machine). */
  pushExisting: boolean;
}

/**
 * Turns capture on and gives every record the journal holds a baseline reading: when it was last written, by this
 * machine. Records with the same id on two machines (one export imported on both) then merge as `net import` merges
 * them: the later written wins.
 */
export function startCapture(store: Store, s: SyncSetUp): void {
  store.db.function('net_sync_baseline', { deterministic: true }, (ts: unknown) => toBaselineHlc(String(ts ?? ''), s.startMs, s.machine));
  for (const name of SYNCED_TABLE_NAMES) {
    const t: SyncedTable = SYNCED_TABLES[name];
    store.db
      .prepare(`INSERT OR IGNORE INTO sync_fields (tbl, id, col, hlc, pending) SELECT ?, ${quote(t.key)}, '', net_sync_baseline(updated_at), ? FROM ${quote(name)}`)
      .run(name, s.pushExisting ? 1 : 0);
  }
  store
    .stmt('UPDATE sync_state SET capture = 1, machine = @machine, label = @label, remote = @remote, keys = @keys, recipient = @recipient WHERE id = 1')
    .run({ machine: s.machine, label: s.label, remote: s.remote, keys: s.keys, recipient: s.recipient });
  applyCapture(store.db);
  store.forgetCapture();
}

/** Another remote, or starting over: this journal stops taking part (its records stay), and captures nothing. */
export function stopCapture(store: Store): void {
  store.stmt("UPDATE sync_state SET capture = 0, machine = NULL, label = NULL, remote = NULL, keys = NULL, recipient = NULL, next_seq = 1, synced_at = NULL, hlc = '' WHERE id = 1").run();
  for (const t of ['sync_fields', 'sync_shadow', 'sync_machines', 'sync_unpushed']) store.stmt(`DELETE FROM ${t}`).run();
  applyCapture(store.db);
  store.forgetCapture();
}

export function setSyncedAt(store: Store, at: string): void {
  store.stmt('UPDATE sync_state SET synced_at = ? WHERE id = 1').run(at);
}

export function setLabel(store: Store, label: string): void {
  store.stmt('UPDATE sync_state SET label = ? WHERE id = 1').run(label);
}

// ---- batches made here --------------------------------------------------------------------------------------------

/** How many changed fields wait to be pushed, and how many batches were made but not pushed. */
export function countUnpushed(store: Store): { fields: number; records: number; batches: number } {
  const fields = store.stmt('SELECT count(*) FROM sync_fields WHERE pending = 1').pluck().get() as number;
  const records = store.stmt('SELECT count(*) FROM (SELECT DISTINCT tbl, id FROM sync_fields WHERE pending = 1)').pluck().get() as number;
  const batches = store.stmt('SELECT count(*) FROM sync_unpushed').pluck().get() as number;
  return { fields, records, batches };
}

/**
 * The pending changes as batch entries, each record's current values with the readings of its changes, and marks them
 * no longer pending. A record removed since is a removal; a record written whole (created) carries all its fields.
 */
export function takePending(store: Store): SyncEntry[] {
  const entries: SyncEntry[] = [];
  // Only the tables that hold a pending change (the partial index answers): each table's query is a join of its own,
  // prepared afresh in every process, and an everyday batch touches one or two of the nine (issue 19).
  const touched = new Set(store.stmt('SELECT DISTINCT tbl FROM sync_fields WHERE pending = 1').pluck().all() as string[]);
  for (const name of SYNCED_TABLE_NAMES.filter((n) => touched.has(n))) {
    const t: SyncedTable = SYNCED_TABLES[name];
    const rows = store
      .stmt(
        `SELECT f.id AS _id, f.col AS _col, f.hlc AS _hlc, f.base AS _base, ${t.columns.map((c) => `r.${quote(c)} AS ${quote(`v_${c}`)}`).join(', ')}, r.${quote(t.key)} IS NOT NULL AS _here,
           s.row AS _aside
         FROM sync_fields f LEFT JOIN ${quote(name)} r ON r.${quote(t.key)} = f.id LEFT JOIN sync_shadow s ON s.tbl = f.tbl AND s.id = f.id AND s.dead = 0
         WHERE f.pending = 1 AND f.tbl = ? ORDER BY f.id`,
      )
      .all(name) as Row[];
    let i = 0;
    while (i < rows.length) {
      const id = String(rows[i]!._id);
      const clocks: Clocks = {};
      const bases: Clocks = {};
      let here = false;
      let values: SyncRow = {};
      for (; i < rows.length && rows[i]!._id === id; i++) {
        const r = rows[i]!;
        clocks[String(r._col)] = String(r._hlc);
        if (r._base !== null) bases[String(r._col)] = String(r._base);
        if (r._here === 1) {
          here = true;
          values = Object.fromEntries(t.columns.map((c) => [c, r[`v_${c}`] as SyncValue]));
        } else if (typeof r._aside === 'string') {
          // Held aside here (another record holds its unique key): still a record of this machine's to carry.
          here = true;
          values = JSON.parse(r._aside) as SyncRow;
        }
      }
      for (const e of toEntries(name, id, clocks, here ? values : undefined, bases)) entries.push(e);
    }
  }
  store.stmt('UPDATE sync_fields SET pending = 0, base = NULL WHERE pending = 1').run();
  return entries;
}

/** The entries that carry a record's pending changes (`clocks`), from its current values (undefined: not in its table). */
function toEntries(table: string, id: string, clocks: Clocks, values: SyncRow | undefined, bases?: Clocks): SyncEntry[] {
  const out: SyncEntry[] = [];
  const removed = clocks[REMOVED_CLOCK];
  if (removed !== undefined) out.push({ table, id, hlc: removed, removed: true });
  if (!values) return removed === undefined ? [] : out; // not here (removed): its removal is all there is to carry
  const whole = clocks[ROW_CLOCK];
  if (whole !== undefined) out.push({ table, id, hlc: whole, values, whole: true });
  const byHlc = new Map<Hlc, SyncRow>();
  for (const [column, h] of Object.entries(clocks)) {
    if (column === ROW_CLOCK || column === REMOVED_CLOCK || (whole !== undefined && h <= whole) || !Object.hasOwn(values, column)) continue;
    const group = byHlc.get(h) ?? {};
    group[column] = values[column]!;
    byHlc.set(h, group);
  }
  for (const [h, group] of byHlc) {
    const entry: SyncEntry = { table, id, hlc: h, values: group };
    if (bases) entry.bases = Object.fromEntries(Object.keys(group).map((c) => [c, bases[c] ?? HLC_ZERO]));
    out.push(entry);
  }
  return out;
}

export function nextBatchSeq(store: Store, remoteMax: number): number {
  const { nextSeq } = readSyncState(store);
  return Math.max(nextSeq, remoteMax + 1);
}

export function saveUnpushed(store: Store, seq: number, kind: 'batch' | 'snapshot', body: Uint8Array): void {
  store.stmt('INSERT OR REPLACE INTO sync_unpushed (seq, kind, body) VALUES (?, ?, ?)').run(seq, kind, body);
  store.stmt('UPDATE sync_state SET next_seq = max(next_seq, ?) WHERE id = 1').run(seq + 1);
}

export function listUnpushed(store: Store): { seq: number; kind: 'batch' | 'snapshot'; body: Uint8Array }[] {
  return store.stmt('SELECT seq, kind, body FROM sync_unpushed ORDER BY seq, kind').all() as { seq: number; kind: 'batch' | 'snapshot'; body: Uint8Array }[];
}

export function forgetUnpushed(store: Store, upTo: number): void {
  store.stmt('DELETE FROM sync_unpushed WHERE seq <= ?').run(upTo);
}

// ---- snapshots ----------------------------------------------------------------------------------------------------

/** The journal as sync knows it, table by table: each record's values, its whole-record reading, and its other readings. */
export interface SnapshotTable {
  columns: string[];
  /** Each record: its values in `columns` order, then its whole-record reading. */
  rows: SyncValue[][];
}

export interface SnapshotBody {
  tables: Record<string, SnapshotTable>;
  /** Readings of single fields and removals: [table, id, column, reading]. */
  clocks: [string, string, string, Hlc][];
  /** Records held aside: [table, id, removed (1) or hidden (0), values]. */
  shadow: [string, string, number, SyncRow][];
}

export function readSnapshot(store: Store): SnapshotBody {
  const tables: Record<string, SnapshotTable> = {};
  for (const name of SYNCED_TABLE_NAMES) {
    const t: SyncedTable = SYNCED_TABLES[name];
    const rows = store
      .stmt(`SELECT ${t.columns.map((c) => `r.${quote(c)}`).join(', ')}, coalesce(f.hlc, '') FROM ${quote(name)} r LEFT JOIN sync_fields f ON f.tbl = ? AND f.id = r.${quote(t.key)} AND f.col = ''`)
      .raw()
      .all(name) as SyncValue[][];
    tables[name] = { columns: [...t.columns], rows };
  }
  const clocks = store.stmt("SELECT tbl, id, col, hlc FROM sync_fields WHERE col <> ''").raw().all() as [string, string, string, Hlc][];
  const shadow = (store.stmt('SELECT tbl, id, dead, row FROM sync_shadow').raw().all() as [string, string, number, string][]).map(
    ([tbl, id, dead, row]) => [tbl, id, dead, JSON.parse(row) as SyncRow] as [string, string, number, SyncRow],
  );
  return { tables, clocks, shadow };
}

/** A snapshot as the batch entries that would make it, record by record (contacts first). */
export function* toSnapshotEntries(body: SnapshotBody): Generator<SyncEntry[]> {
  const fieldClocks = new Map<string, [string, Hlc][]>();
  for (const [tbl, id, col, h] of body.clocks) {
    const key = `${tbl}\u0000${id}`;
    fieldClocks.set(key, [...(fieldClocks.get(key) ?? []), [col, h]]);
  }
  const shadowOf = new Map<string, [number, SyncRow]>();
  for (const [tbl, id, dead, row] of body.shadow) shadowOf.set(`${tbl}\u0000${id}`, [dead, row]);
  const order = [...SYNCED_TABLE_NAMES, ...Object.keys(body.tables).filter((n) => !findSyncedTable(n))];
  const emitted = new Set<string>();
  for (const name of order) {
    const table = body.tables[name];
    if (!table) continue;
    const t = findSyncedTable(name);
    const keyAt = table.columns.indexOf(t?.key ?? 'id');
    for (const row of table.rows) {
      const id = String(row[keyAt]);
      const values: SyncRow = Object.fromEntries(table.columns.map((c, i) => [c, row[i] ?? null]));
      const key = `${name}\u0000${id}`;
      emitted.add(key);
      yield toEntries(name, id, { [ROW_CLOCK]: String(row[table.columns.length] ?? HLC_ZERO), ...Object.fromEntries(fieldClocks.get(key) ?? []) }, values);
    }
  }
  for (const [tbl, id, , row] of body.shadow) {
    const key = `${tbl}\u0000${id}`;
    if (emitted.has(key)) continue;
    const clocks = Object.fromEntries(fieldClocks.get(key) ?? []);
    // A shadow's whole-record reading: its latest field reading before its removal, at least (it was seen whole).
    clocks[ROW_CLOCK] ??= HLC_ZERO;
    yield toEntries(tbl, id, clocks, row);
  }
}

// ---- merging other machines' changes --------------------------------------------------------------------------------

/** One field's loss, for the report: the losing value is never dropped silently. */
export interface ConflictNotice extends FieldConflict {
  table: string;
  id: string;
  contactId: string | null;
}

export interface RemovalKeptNotice {
  contactId: string;
  /** Who removed the contact, and when (reading). */
  removedAt: Hlc;
  /** How many of their rows the removal did not know of (kept them). */
  rows: number;
}

export interface DuplicateNotice {
  a: string;
  b: string;
  reason: DuplicateReason;
}

export interface MergeReport {
  /** Records added, changed and removed in the journal. */
  added: number;
  changed: number;
  removed: number;
  conflicts: ConflictNotice[];
  removalsKept: RemovalKeptNotice[];
  duplicates: DuplicateNotice[];
  /** The latest reading merged. */
  latest: Hlc;
}

type Where = 'physical' | 'dead' | 'hidden' | 'none';

interface Loaded {
  table: string;
  id: string;
  t: SyncedTable;
  state: RowState;
  where: Where;
  /** The readings and values as the journal held them before the merge. */
  before: Clocks;
  beforeValues: SyncRow;
  /** Columns whose value changed. */
  changed: Set<string>;
  removalArrived: boolean;
}

const SKIP_CONFLICT_COLUMNS = new Set(['updated_at', 'created_at']);

class Merger {
  readonly report: MergeReport = { added: 0, changed: 0, removed: 0, conflicts: [], removalsKept: [], duplicates: [], latest: HLC_ZERO };
  /** Contacts whose summary must be recomputed. */
  readonly touchedContacts = new Set<string>();
  /**
   * Per contact, the events this merge added to them, while the merge changed nothing else that their summary is made
   * of (events changed or removed, facts, answers, dates: `wholly`); follow-ups may change, since extending a summary
   * reads the next one afresh. Such a contact's summary is extended (store.refreshSummaryAfterAdding) instead of made
   * again from every row: issue 19 profiled an everyday sync's ten events for a contact of 3,000 spending 37 ms (of
   * 1.5 s, loaded machine) reading and folding all 3,000. Kept for a merge of batches only, not of a snapshot.
   */
  private readonly addedEvents = new Map<string, ContactRows['events'][number][]>();
  private readonly wholly = new Set<string>();
  /** The contacts the record being merged touched (undefined outside mergeRecord). */
  private touching: Set<string> | undefined;
  trackAdded = true;

  private touch(contactId: string): void {
    this.touchedContacts.add(contactId);
    if (this.touching) this.touching.add(contactId);
    else this.wholly.add(contactId);
  }
  private readonly deadContacts = new Map<string, Loaded>();
  private readonly arrived = new Set<string>();
  private settingsChanged = false;

  constructor(private readonly store: Store) {}

  private load(table: string, id: string): Loaded {
    const t = findSyncedTable(table)!;
    const physical = this.store.stmt(`SELECT ${t.columns.map(quote).join(', ')} FROM ${quote(table)} WHERE ${quote(t.key)} = ?`).get(id) as SyncRow | undefined;
    const shadow = physical ? undefined : (this.store.stmt('SELECT dead, row FROM sync_shadow WHERE tbl = ? AND id = ?').get(table, id) as { dead: number; row: string } | undefined);
    const clocks: Clocks = Object.fromEntries(this.store.stmt('SELECT col, hlc FROM sync_fields WHERE tbl = ? AND id = ?').raw().all(table, id) as [string, Hlc][]);
    // A record written while nothing captured (a migration's own rows) is in its table all the same: seen whole.
    if (physical && !Object.hasOwn(clocks, ROW_CLOCK)) clocks[ROW_CLOCK] = HLC_ZERO;
    const where: Where = physical ? 'physical' : shadow ? (shadow.dead === 1 ? 'dead' : 'hidden') : 'none';
    const values = physical ?? (shadow ? (JSON.parse(shadow.row) as SyncRow) : {});
    return { table, id, t, state: { values, clocks }, where, before: { ...clocks }, beforeValues: values, changed: new Set(), removalArrived: false };
  }

  /** Merges one record's entries (in clock order), from batches whose writers had seen `seen`. */
  mergeRecord(entries: readonly { entry: SyncEntry; seen: Seen }[]): void {
    const first = entries[0]!.entry;
    const t = findSyncedTable(first.table);
    if (!t) return;
    const rec = this.load(first.table, first.id);
    const wasHere = rec.where === 'physical';
    this.touching = new Set();
    const parentBefore = t.parent ? (rec.state.values[t.parent] as string | null | undefined) : undefined;
    if (parentBefore) this.touch(parentBefore); // a row moved to another contact (net merge) changes both
    for (const { entry, seen } of entries) {
      if (entry.hlc > this.report.latest) this.report.latest = entry.hlc;
      const merged = mergeEntry(rec.state, entry, seen);
      rec.state = merged.state;
      for (const c of merged.changed) rec.changed.add(c);
      if (entry.removed) rec.removalArrived = true;
      for (const c of merged.conflicts) {
        if (SKIP_CONFLICT_COLUMNS.has(c.column)) continue;
        const contactId = first.table === 'contacts' ? first.id : t.parent ? ((rec.state.values[t.parent] as string | null) ?? null) : null;
        this.report.conflicts.push({ ...c, table: first.table, id: first.id, contactId });
      }
    }
    this.settle(rec);
    this.noteTouches(rec, wasHere);
  }

  /** What the record just merged did to its contacts' summaries: an event added, a follow-up, or anything else. */
  private noteTouches(rec: Loaded, wasHere: boolean): void {
    const touched = this.touching!;
    this.touching = undefined;
    const parent = rec.t.parent ? (rec.state.values[rec.t.parent] as string | null | undefined) : undefined;
    if (this.trackAdded && rec.table === 'events' && !wasHere && rec.where === 'physical' && parent && touched.size === 1 && touched.has(parent)) {
      const e = this.store
        .stmt('SELECT type, kind, value, occurred_on AS occurredOn, outcome, status, status_on AS statusOn FROM events WHERE id = ?')
        .get(rec.id) as ContactRows['events'][number];
      this.addedEvents.set(parent, [...(this.addedEvents.get(parent) ?? []), e]);
      return;
    }
    if (rec.table === 'follow_ups') return;
    for (const id of touched) this.wholly.add(id);
  }

  /** Makes the journal hold what the record's state says: in its table, removed, or held aside. */
  private settle(rec: Loaded): void {
    this.saveClocks(rec);
    const alive = isAlive(rec.state);
    if (rec.table === 'settings' && rec.changed.size) this.settingsChanged = true;
    if (rec.table === 'contacts') {
      this.touch(rec.id);
      if (!alive) {
        // Decided once every other record is merged: rows of theirs that the removal did not know of keep them.
        this.deadContacts.set(rec.id, rec);
        if (rec.where === 'physical') this.update(rec);
        else this.hold(rec, rec.where === 'hidden' ? 'hidden' : 'dead');
        return;
      }
      // A removal that loses to a later change (removed here and changed elsewhere, or the other way round): said.
      if (rec.where === 'dead' || (rec.removalArrived && rec.where === 'physical')) this.revived.push(rec);
      this.place(rec);
      return;
    }
    const parent = rec.t.parent ? (rec.state.values[rec.t.parent] as string | null | undefined) : undefined;
    if (parent) this.touch(parent);
    if (!alive) {
      if (rec.where === 'physical') this.remove(rec, 'dead');
      else this.hold(rec, 'dead');
      return;
    }
    if (parent && !this.ensureContact(parent)) {
      this.hold(rec, 'hidden'); // its contact has not come yet
      return;
    }
    this.place(rec);
  }

  /** The contact in its table, brought back (and reported) when its removal did not know of a row of theirs. */
  private ensureContact(id: string): boolean {
    if (this.store.stmt('SELECT 1 FROM contacts WHERE id = ?').get(id)) return true;
    const rec = this.load('contacts', id);
    if (!isSeenWhole(rec.state)) return false;
    this.insert(rec);
    this.arrived.add(id);
    this.touch(id);
    if (!isAlive(rec.state)) this.deadContacts.set(id, rec);
    return true;
  }

  /** An alive record into its table, unless another holds its unique key and wins: then the loser is held aside. */
  private place(rec: Loaded): void {
    const holder = this.findKeyHolder(rec);
    if (holder !== undefined) {
      const other = this.load(rec.table, holder);
      const best = pickVisible([
        { id: rec.id, lastWrite: lastWrite(rec.state.clocks) },
        { id: holder, lastWrite: lastWrite(other.state.clocks) },
      ])!;
      if (best.id === holder) {
        if (rec.where === 'physical') this.remove(rec, 'hidden');
        else this.hold(rec, 'hidden');
        return;
      }
      this.remove(other, 'hidden');
    }
    if (rec.where === 'physical') this.update(rec);
    else this.insert(rec);
  }

  private findKeyHolder(rec: Loaded): string | undefined {
    const u = rec.t.unique;
    if (!u) return undefined;
    const values = { ...rec.state.values, ...computeOnWrite(rec.table, rec.state.values) } as Row;
    const where = u.columns.map((c) => `${quote(c)} = ?${u.nocase?.includes(c) ? ' COLLATE NOCASE' : ''}`).join(' AND ');
    const id = this.store
      .stmt(`SELECT ${quote(rec.t.key)} FROM ${quote(rec.table)} WHERE ${where} AND ${quote(rec.t.key)} <> ?`)
      .pluck()
      .get(...u.columns.map((c) => values[c] ?? null), rec.id) as string | undefined;
    return id;
  }

  private writable(rec: Loaded): Row {
    const values: Row = {};
    for (const c of rec.t.columns) if (Object.hasOwn(rec.state.values, c)) values[c] = rec.state.values[c];
    return { ...values, ...computeOnWrite(rec.table, values) };
  }

  private insert(rec: Loaded): void {
    const row = this.writable(rec);
    const columns = Object.keys(row);
    this.store
      .stmt(`INSERT INTO ${quote(rec.table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
      .run(...columns.map((c) => row[c] ?? null));
    this.store.stmt('DELETE FROM sync_shadow WHERE tbl = ? AND id = ?').run(rec.table, rec.id);
    if (rec.where !== 'physical') this.report.added++;
    rec.where = 'physical';
    if (rec.table === 'contacts') this.arrived.add(rec.id);
  }

  private update(rec: Loaded): void {
    const changed = [...rec.changed].filter((c) => c !== rec.t.key && rec.t.columns.includes(c));
    if (!changed.length) return;
    const row = this.writable(rec);
    const derived = Object.keys(computeOnWrite(rec.table, row));
    const columns = [...changed, ...derived];
    this.store
      .stmt(`UPDATE ${quote(rec.table)} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${quote(rec.t.key)} = ?`)
      .run(...columns.map((c) => row[c] ?? null), rec.id);
    this.report.changed++;
    if (rec.t.unique?.columns.some((c) => changed.includes(c) || derived.includes(c))) this.vacated.push(rec); // its old key is free
  }

  /** Out of its table, into the shadow: removed, or held aside (a unique key another record holds). */
  private remove(rec: Loaded, as: 'dead' | 'hidden'): void {
    this.hold(rec, as);
    this.store.stmt(`DELETE FROM ${quote(rec.table)} WHERE ${quote(rec.t.key)} = ?`).run(rec.id);
    if (as === 'dead') this.report.removed++;
    this.vacated.push(rec);
    rec.where = as;
  }

  private hold(rec: Loaded, as: 'dead' | 'hidden'): void {
    const t = rec.t;
    const v = (c: string) => `@${c}`;
    const params = { ...Object.fromEntries(t.columns.map((c) => [c, null])), ...this.writable(rec) } as Row;
    this.store
      .stmt(
        `INSERT OR REPLACE INTO sync_shadow (tbl, id, parent, ukey, dead, row) VALUES (@_tbl, @_id, ${t.parent ? v(t.parent) : 'NULL'}, ${toUniqueKeySql(t, v) ?? 'NULL'}, @_dead, @_row)`,
      )
      .run({ ...params, _tbl: rec.table, _id: rec.id, _dead: as === 'dead' ? 1 : 0, _row: JSON.stringify(rec.state.values) });
    rec.where = as;
  }

  private readonly vacated: Loaded[] = [];
  private readonly revived: Loaded[] = [];

  private saveClocks(rec: Loaded): void {
    for (const [col, h] of Object.entries(rec.state.clocks)) {
      if (rec.before[col] === h) continue;
      this.store
        .stmt('INSERT INTO sync_fields (tbl, id, col, hlc, pending) VALUES (?, ?, ?, ?, 0) ON CONFLICT (tbl, id, col) DO UPDATE SET hlc = excluded.hlc, pending = 0, base = NULL')
        .run(rec.table, rec.id, col, h);
    }
  }

  /**
   * After every record is merged: removed contacts go, unless rows of theirs remain (reported); records held aside
   * under a unique key that is free again, or for a contact that has come, take their place.
   */
  finish(): void {
    for (const [id, rec] of this.deadContacts) {
      const rows = this.countRows(id);
      const here = this.store.stmt('SELECT 1 FROM contacts WHERE id = ?').get(id) !== undefined;
      if (rows > 0) {
        if (!here) this.insert(rec);
        if (rec.removalArrived || !this.wasHere(rec)) this.report.removalsKept.push({ contactId: id, removedAt: rec.state.clocks[REMOVED_CLOCK] ?? HLC_ZERO, rows });
      } else if (here) {
        this.remove(rec, 'dead');
        this.touchedContacts.delete(id);
      }
    }
    for (const rec of this.revived) this.report.removalsKept.push({ contactId: rec.id, removedAt: rec.state.clocks[REMOVED_CLOCK] ?? HLC_ZERO, rows: this.countRows(rec.id) });
    for (const rec of this.vacated) this.promoteAside(rec.table, rec.t, rec.beforeValues);
    for (const id of this.arrived) {
      for (const [tbl, childId] of this.store.stmt('SELECT tbl, id FROM sync_shadow WHERE parent = ? AND dead = 0').raw().all(id) as [string, string][]) {
        const child = this.load(tbl, childId);
        if (isAlive(child.state)) this.place(child);
      }
    }
    this.findDuplicates();
  }

  private wasHere(rec: Loaded): boolean {
    return rec.before[ROW_CLOCK] !== undefined && rec.where === 'physical' && !this.arrived.has(rec.id);
  }

  /** The contact's rows in the journal. */
  private countRows(contactId: string): number {
    let n = 0;
    for (const [name, t] of Object.entries(SYNCED_TABLES) as [string, SyncedTable][]) {
      if (!t.parent) continue;
      n += this.store.stmt(`SELECT count(*) FROM ${quote(name)} WHERE ${quote(t.parent)} = ?`).pluck().get(contactId) as number;
    }
    return n;
  }

  /** A record held aside under the unique key that `values` had takes its place, when its contact is in the journal. */
  private promoteAside(table: string, t: SyncedTable, values: SyncRow): void {
    if (!t.unique) return;
    const row = { ...Object.fromEntries(t.columns.map((c) => [c, null])), ...values, ...computeOnWrite(table, values) } as Row;
    const ukey = this.store.stmt(`SELECT ${toUniqueKeySql(t, (c) => `@${c}`)}`).pluck().get(row) as string;
    const waiting = this.store.stmt('SELECT id FROM sync_shadow WHERE tbl = ? AND ukey = ? AND dead = 0').pluck().all(table, ukey) as string[];
    const candidates = waiting.map((id) => this.load(table, id)).filter((r) => isAlive(r.state));
    const best = pickVisible(candidates.map((r) => ({ id: r.id, lastWrite: lastWrite(r.state.clocks), r })));
    if (!best) return;
    const parent = t.parent ? (best.r.state.values[t.parent] as string | null) : null;
    if (parent && !this.store.stmt('SELECT 1 FROM contacts WHERE id = ?').get(parent)) return;
    this.place(best.r);
    if (parent) this.touch(parent);
  }

  /** Contacts that came in this merge and look like one already here (or like another that came from elsewhere). */
  private findDuplicates(): void {
    if (!this.arrived.size) return;
    const seenPairs = new Set<string>();
    const lookAlikes = this.lookAlikes();
    for (const id of this.arrived) {
      const found = lookAlikes.find(id);
      if (!found) continue;
      const { c, others } = found;
      const origin = (x: string) => toHlcMachine(this.store.stmt("SELECT hlc FROM sync_fields WHERE tbl = 'contacts' AND id = ? AND col = ''").pluck().get(x) as string ?? '');
      for (const o of others) {
        const reason = findDuplicateReason(c, o);
        if (!reason || origin(c.id) === origin(o.id)) continue;
        const pair = [c.id, o.id].sort().join(' ');
        if (seenPairs.has(pair)) continue;
        seenPairs.add(pair);
        const [a, b] = [o.id, c.id].sort((x, y) => (this.arrived.has(x) ? 1 : 0) - (this.arrived.has(y) ? 1 : 0) || (x < y ? -1 : 1));
        this.report.duplicates.push({ a: a!, b: b!, reason });
      }
    }
  }

  /**
   * Every contact by name key and by email (ASCII letters folded, as SQLite's NOCASE), from one read of the table:
   * the contacts that may be one arrived contact. It was a query per contact that arrived, whose OR of an email (no
   * index) and a name key read the whole table each time: a new machine joining the heavy journal spent about 6 s
   * here (5,000 contacts × 5,000 rows). Candidates come in the table's order, as that query's scan gave them.
   */
  private lookAlikes(): { find(id: string): { c: ContactIdentity; others: ContactIdentity[] } | undefined } {
    const rows = this.store.stmt('SELECT id, name_key AS nameKey, email, phone FROM contacts ORDER BY rowid').all() as ContactIdentity[];
    const order = new Map<string, number>();
    const byId = new Map<string, ContactIdentity>();
    const byName = new Map<string, ContactIdentity[]>();
    const byEmail = new Map<string, ContactIdentity[]>();
    const fold = (email: string) => email.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
    const add = (map: Map<string, ContactIdentity[]>, key: string, row: ContactIdentity) => {
      const list = map.get(key);
      if (list) list.push(row);
      else map.set(key, [row]);
    };
    rows.forEach((row, i) => {
      order.set(row.id, i);
      byId.set(row.id, row);
      add(byName, row.nameKey, row);
      if (row.email !== null) add(byEmail, fold(row.email), row);
    });
    return {
      find(id) {
        const c = byId.get(id);
        if (!c) return undefined;
        const others = new Set([...(c.email !== null ? (byEmail.get(fold(c.email)) ?? []) : []), ...(byName.get(c.nameKey) ?? [])]);
        others.delete(c);
        return { c, others: [...others].sort((x, y) => order.get(x.id)! - order.get(y.id)!) };
      },
    };
  }

  /** Summaries recomputed for the contacts touched (every contact's when a setting that they depend on changed). */
  refreshSummaries(): void {
    if (this.settingsChanged) {
      this.store.refreshAllSummaries();
      return;
    }
    for (const id of this.touchedContacts) {
      if (!this.store.stmt('SELECT 1 FROM contacts WHERE id = ?').get(id)) continue;
      const added = this.addedEvents.get(id);
      if (added && this.trackAdded && !this.wholly.has(id) && !this.arrived.has(id)) this.store.refreshSummaryAfterAdding(id, added);
      else this.store.refreshSummary(id);
    }
  }
}

/** A batch or snapshot to merge: its entries grouped by record, and what its writer had seen. */
export interface Incoming {
  seen: Seen;
  records: Iterable<SyncEntry[]>;
}

/** Records from which a merge drops the capture triggers while it writes (see mergeIncoming). */
const BULK_MERGE = 200;

const TABLE_RANK = new Map<string, number>(SYNCED_TABLE_NAMES.map((n, i) => [n, i]));

/**
 * Merges batches into the journal, in the caller's transaction, with capture off. Records are merged contacts first,
 * then the others, each record's entries in clock order.
 */
export function mergeIncoming(store: Store, incoming: readonly Incoming[]): MergeReport {
  // What other machines wrote is not this machine's to push again: no capture while merging. The triggers go for the
  // length of a large merge, in its transaction (they would slow each of its inserts even when quiet), and come back after.
  store.stmt('UPDATE sync_state SET capture = 0 WHERE id = 1').run();
  store.deferForeignKeys();
  const merger = new Merger(store);
  // Entries of one record from several batches are merged together; a snapshot's records come one at a time.
  const grouped = new Map<string, { entry: SyncEntry; seen: Seen }[]>();
  const streamed: { records: Iterable<SyncEntry[]>; seen: Seen }[] = [];
  for (const inc of incoming) {
    if (Array.isArray(inc.records)) {
      for (const rec of inc.records as SyncEntry[][]) {
        for (const entry of rec) {
          const key = `${entry.table}\u0000${entry.id}`;
          const list = grouped.get(key) ?? [];
          list.push({ entry, seen: inc.seen });
          grouped.set(key, list);
        }
      }
    } else {
      streamed.push(inc);
    }
  }
  // Dropping the triggers is a schema change: every statement is prepared again after it, and the schema's pages are
  // written twice (drop, then create again). Worth it for a snapshot or a large batch; for an everyday sync's few
  // records it cost more than it saved (12 ms of a 1.5 s sync, loaded machine, issue 19): quiet triggers stay there.
  const bulk = streamed.length > 0 || grouped.size > BULK_MERGE;
  if (bulk) dropCaptureTriggers(store.db);
  merger.trackAdded = !bulk;
  for (const s of streamed) for (const rec of s.records) if (rec.length) merger.mergeRecord(rec.map((entry) => ({ entry, seen: s.seen })));
  const records = [...grouped.values()].sort((a, b) => (TABLE_RANK.get(a[0]!.entry.table) ?? 99) - (TABLE_RANK.get(b[0]!.entry.table) ?? 99));
  for (const list of records) merger.mergeRecord(list.sort((a, b) => (a.entry.hlc < b.entry.hlc ? -1 : a.entry.hlc > b.entry.hlc ? 1 : 0)));
  merger.finish();
  merger.refreshSummaries();
  store.stmt('UPDATE sync_state SET capture = 1, hlc = max(hlc, ?) WHERE id = 1').run(merger.report.latest);
  // The triggers come back after a bulk merge dropped them; otherwise they stayed, as the open found them (and made
  // them so): nothing to read again.
  if (bulk) applyCapture(store.db);
  return merger.report;
}

/** Contact names for a report, by id (a contact no longer in the journal: its last known name). */
export function findContactNames(store: Store, ids: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of ids) {
    const name =
      (store.stmt('SELECT name FROM contacts WHERE id = ?').pluck().get(id) as string | undefined) ??
      (store.stmt("SELECT json_extract(row, '$.name') FROM sync_shadow WHERE tbl = 'contacts' AND id = ?").pluck().get(id) as string | undefined);
    if (name !== undefined && name !== null) names.set(id, name);
  }
  return names;
}

export { toRowJsonSql };

/** Entries as a batch carries them, one list per record. */
export function groupByRecord(entries: readonly SyncEntry[]): SyncEntry[][] {
  const groups = new Map<string, SyncEntry[]>();
  for (const e of entries) {
    const key = `${e.table}\u0000${e.id}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()];
}
