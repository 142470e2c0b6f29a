/**
 * The rules of `net sync`'s merge, on meaning. Every record keeps its UUID, and each of its fields is a register that
 * keeps the latest write by hybrid logical clock (core/hlc.ts); a record's existence is one more register, which a
 * removal writes and every later write overwrites. The result does not depend on the order in which machines' changes
 * arrive, so every machine that has seen the same changes holds the same journal:
 *
 *   what arrives                 what the journal keeps
 *   a field, later than ours     theirs; ours is reported when neither machine had seen the other's change
 *   a field, earlier than ours   ours; theirs is reported likewise
 *   a removal                    removed, unless the record was written after it (a later edit wins over a removal)
 *   a contact's removal          removed, unless rows of theirs remain that the removal did not know of (a touchpoint
 *                                logged on another machine meanwhile): then the contact stays, and sync says so
 *   the same tag twice           one kept in view (the later written; the same time: the smaller id), the other aside
 *
 * Clock entries per record: one per column changed, ROW_CLOCK for a write of the whole record (its creation), and
 * REMOVED_CLOCK for its removal. A field's clock is the later of its own entry and the whole record's.
 */
import { HLC_ZERO, maxHlc, toHlcMachine, type Hlc } from './hlc.js';

export type SyncValue = string | number | null;
export type SyncRow = Record<string, SyncValue>;
export type Clocks = Record<string, Hlc>;

export const ROW_CLOCK = '';
export const REMOVED_CLOCK = '-';

/**
 * A record as sync knows it: the values of its fields and their clock entries. Seen whole (created) once it has a
 * ROW_CLOCK entry; until then (a change that came before the record itself) it holds only the fields changed.
 */
export interface RowState {
  values: SyncRow;
  clocks: Clocks;
}

/**
 * One change carried by a batch: the record written (`whole`: all of it, as created) or removed, at a clock reading.
 * `bases`: for fields changed one by one, the reading of the value each change replaced on its machine.
 */
export interface SyncEntry {
  table: string;
  id: string;
  hlc: Hlc;
  values?: SyncRow;
  whole?: boolean;
  removed?: boolean;
  bases?: Record<string, Hlc>;
}

/** What a machine had seen when it wrote a batch: per machine, the latest reading of that machine it had applied. */
export type Seen = Readonly<Record<string, Hlc>>;

export interface FieldConflict {
  column: string;
  kept: SyncValue;
  lost: SyncValue;
  keptAt: Hlc;
  lostAt: Hlc;
}

export const fieldClock = (clocks: Clocks, column: string): Hlc => maxHlc(clocks[column] ?? HLC_ZERO, clocks[ROW_CLOCK] ?? HLC_ZERO);

/** The latest write of any of the record's fields (its removal aside). */
export function lastWrite(clocks: Clocks): Hlc {
  let last = HLC_ZERO;
  for (const [column, h] of Object.entries(clocks)) if (column !== REMOVED_CLOCK && h > last) last = h;
  return last;
}

export const isSeenWhole = (state: RowState): boolean => Object.hasOwn(state.clocks, ROW_CLOCK);

/** A record exists when it has been seen whole and its last write is later than its removal. */
export function isAlive(state: RowState): boolean {
  const removed = state.clocks[REMOVED_CLOCK] ?? HLC_ZERO;
  return isSeenWhole(state) && (removed === HLC_ZERO || lastWrite(state.clocks) > removed);
}

/**
 * Both machines changed the field, each without knowing of the other's change: the entry's change replaced another
 * value than `local` (its base), or, for a record written whole, its writer had not seen `local`.
 */
export function isConcurrent(local: Hlc, seen: Seen, base?: Hlc): boolean {
  if (base !== undefined) return local !== base;
  return local !== HLC_ZERO && local > (seen[toHlcMachine(local)] ?? HLC_ZERO);
}

const sameValue = (a: SyncValue | undefined, b: SyncValue | undefined) => a === b || (a !== undefined && b !== undefined && a !== null && b !== null && String(a) === String(b));

export interface MergedRow {
  state: RowState;
  /** Columns whose value changed. */
  changed: string[];
  conflicts: FieldConflict[];
}

/** A record's state after one entry of a batch written by a machine that had seen `seen`. */
export function mergeEntry(state: RowState, entry: SyncEntry, seen: Seen): MergedRow {
  const clocks = { ...state.clocks };
  if (entry.removed) {
    clocks[REMOVED_CLOCK] = maxHlc(clocks[REMOVED_CLOCK] ?? HLC_ZERO, entry.hlc);
    return { state: { values: state.values, clocks }, changed: [], conflicts: [] };
  }
  const values: SyncRow = { ...state.values };
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const [column, value] of Object.entries(entry.values ?? {})) {
    const local = fieldClock(clocks, column);
    const has = Object.hasOwn(values, column);
    const differs = !has || !sameValue(values[column], value);
    const base = entry.bases ? (entry.bases[column] ?? HLC_ZERO) : undefined;
    if (entry.hlc > local) {
      if (has && differs && isConcurrent(local, seen, base)) conflicts.push({ column, kept: value, lost: values[column]!, keptAt: entry.hlc, lostAt: local });
      if (differs) changed.push(column);
      values[column] = value;
      if (!entry.whole) clocks[column] = entry.hlc;
    } else if (entry.hlc < local && has && differs && isConcurrent(local, seen, base)) {
      conflicts.push({ column, kept: values[column]!, lost: value, keptAt: local, lostAt: entry.hlc });
    }
  }
  if (entry.whole) clocks[ROW_CLOCK] = maxHlc(clocks[ROW_CLOCK] ?? HLC_ZERO, entry.hlc);
  return { state: { values, clocks }, changed, conflicts };
}

/** Of the records that share a unique key (the same tag added on two machines), the one kept in view. */
export function pickVisible<T extends { id: string; lastWrite: Hlc }>(rows: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const r of rows) if (!best || r.lastWrite > best.lastWrite || (r.lastWrite === best.lastWrite && r.id < best.id)) best = r;
  return best;
}

/** A contact as the duplicate rule reads it. */
export interface ContactIdentity {
  id: string;
  nameKey: string;
  email: string | null;
  phone: string | null;
}

export type DuplicateReason = 'same-email' | 'same-name-and-phone' | 'same-name';

const toEmailKey = (e: string | null) => (e ?? '').trim().toLowerCase();
const toPhoneKey = (p: string | null) => (p ?? '').replace(/\D/g, '');

/**
 * Why two contacts are likely one person added on two machines: the same email, or the same name (with the same phone,
 * the surer). One journal never holds two contacts of one name or one email (net add refuses them), so two that met in
 * a merge are reported, for `net merge` to join; different emails say they are two people.
 */
export function findDuplicateReason(a: ContactIdentity, b: ContactIdentity): DuplicateReason | undefined {
  if (a.id === b.id) return undefined;
  const [emailA, emailB] = [toEmailKey(a.email), toEmailKey(b.email)];
  if (emailA && emailA === emailB) return 'same-email';
  if (a.nameKey !== b.nameKey || (emailA && emailB)) return undefined;
  const phone = toPhoneKey(a.phone);
  return phone.length >= 6 && phone === toPhoneKey(b.phone) ? 'same-name-and-phone' : 'same-name';
}
