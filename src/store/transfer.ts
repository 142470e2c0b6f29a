/**
 * The SQL of import, export and merge. Export and merge read the schema itself (PRAGMA table_info), so that a column
 * or table added by a later migration is exported and merged without touching this file.
 */
import { toNameKey } from '../core/names.js';
import { toPointKey } from '../core/profile.js';
import type { ContactWithSummary } from '../core/types.js';
import { readSchemaVersion } from './schema-version.js';
import { toContact, type Row } from './rows.js';
import { findSyncedTable } from './sync-tables.js';
import type { Store } from './store.js';

export interface TableShape {
  name: string;
  /** The primary key column: `id` for user rows, `key` for settings. */
  key: string;
  /** The columns an export carries: every column but the computed ones. */
  columns: string[];
  /** Columns that must have a value (NOT NULL without a default). */
  required: string[];
  hasUpdatedAt: boolean;
  hasCreatedAt: boolean;
}

/**
 * What writing a row must compute, for the derived columns that are NOT NULL (store/sync-tables.ts declares which
 * columns are derived); `net sync` writes rows through it too.
 */
const COMPUTE_ON_WRITE: Record<string, Record<string, (row: Row) => unknown>> = {
  contacts: { name_key: (r) => toNameKey(String(r.name ?? '')) },
  facts: { text_key: (r) => String(r.text ?? '').toLowerCase() },
  contact_points: { value_key: (r) => toPointKey(r.kind === 'phone' ? 'phone' : 'email', String(r.value ?? '')) },
};

/** The derived columns a row of `table` gets when written: its lookup keys. */
export function computeOnWrite(table: string, row: Row): Row {
  return Object.fromEntries(Object.entries(COMPUTE_ON_WRITE[table] ?? {}).map(([c, fn]) => [c, fn(row)]));
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The journal's tables of records in the order they are exported and merged: settings, contacts, then the rest by
 * name. Only the user's data: the tables and columns sync carries (store/sync-tables.ts), never sync's own state or
 * what is derived.
 */
export function listTableShapes(store: Store): TableShape[] {
  const names = (store.stmt("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]).filter((n) => findSyncedTable(n));
  const rank = (n: string) => (n === 'settings' ? 0 : n === 'contacts' ? 1 : 2);
  const shapes: TableShape[] = [];
  for (const name of names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
    const info = store.db.pragma(`table_info(${quote(name)})`) as { name: string; notnull: number; dflt_value: unknown; pk: number }[];
    const pk = info.filter((c) => c.pk > 0);
    if (pk.length !== 1) continue; // not a table of records
    const synced = new Set(findSyncedTable(name)!.columns);
    const columns = info.map((c) => c.name).filter((c) => synced.has(c));
    const required = info.filter((c) => c.notnull && c.dflt_value === null && synced.has(c.name)).map((c) => c.name);
    shapes.push({ name, key: pk[0]!.name, columns, required, hasUpdatedAt: columns.includes('updated_at'), hasCreatedAt: columns.includes('created_at') });
  }
  return shapes;
}

export function readSchema(store: Store): number {
  return readSchemaVersion(store.db);
}

/** A table's rows in a stable order (oldest first), read one at a time. */
export function iterateRows(store: Store, shape: TableShape): IterableIterator<Row> {
  const order = shape.hasCreatedAt ? `created_at, ${quote(shape.key)}` : quote(shape.key);
  return store.stmt(`SELECT ${shape.columns.map(quote).join(', ')} FROM ${quote(shape.name)} ORDER BY ${order}`).iterate() as IterableIterator<Row>;
}

export function countRows(store: Store, shape: TableShape): number {
  return store.stmt(`SELECT count(*) FROM ${quote(shape.name)}`).pluck().get() as number;
}

/** The stored row's updated_at ('' when the table has none), or undefined when there is no such row. */
export function findRowStamp(store: Store, shape: TableShape, key: unknown): string | undefined {
  const sql = `SELECT ${shape.hasUpdatedAt ? 'updated_at' : "''"} FROM ${quote(shape.name)} WHERE ${quote(shape.key)} = ?`;
  const v = store.stmt(sql).pluck().get(key) as string | undefined;
  return v === undefined ? undefined : String(v);
}

export function rowExists(store: Store, table: string, id: unknown): boolean {
  return store.stmt(`SELECT 1 FROM ${quote(table)} WHERE id = ?`).pluck().get(id) !== undefined;
}

function withComputed(shape: TableShape, row: Row): { columns: string[]; values: Row } {
  const values: Row = {};
  const columns = shape.columns.filter((c) => c in row);
  for (const c of columns) values[c] = row[c];
  for (const [c, v] of Object.entries(computeOnWrite(shape.name, row))) {
    columns.push(c);
    values[c] = v;
  }
  return { columns, values };
}

/**
 * Inserts a row as exported. A row that clashes with a row of the same content under another id (a tag the contact
 * already has, an answer to the same point) is left out: returns false.
 */
export function insertRow(store: Store, shape: TableShape, row: Row): boolean {
  const { columns, values } = withComputed(shape, row);
  const params = columns.map((_, i) => `@p${i}`);
  const sql = `INSERT INTO ${quote(shape.name)} (${columns.map(quote).join(', ')}) VALUES (${params.join(', ')}) ON CONFLICT DO NOTHING`;
  return store.stmt(sql).run(Object.fromEntries(columns.map((c, i) => [`p${i}`, values[c]]))).changes > 0;
}

/** Replaces a stored row with the exported one (the caller has found the exported one newer). */
export function replaceRow(store: Store, shape: TableShape, row: Row): boolean {
  const { columns, values } = withComputed(shape, row);
  const sets = columns.filter((c) => c !== shape.key).map((c, i) => `${quote(c)} = @p${i}`);
  const params = Object.fromEntries(columns.filter((c) => c !== shape.key).map((c, i) => [`p${i}`, values[c]]));
  const sql = `UPDATE OR IGNORE ${quote(shape.name)} SET ${sets.join(', ')} WHERE ${quote(shape.key)} = @key`;
  return store.stmt(sql).run({ ...params, key: row[shape.key] }).changes > 0;
}

/** Rows of a table that belong to a contact, for the summary refresh after a merge. */
export function findContactIdOf(store: Store, shape: TableShape, key: unknown): string | undefined {
  if (shape.name === 'contacts') return String(key);
  if (!shape.columns.includes('contact_id')) return undefined;
  const v = store.stmt(`SELECT contact_id FROM ${quote(shape.name)} WHERE ${quote(shape.key)} = ?`).pluck().get(key);
  return v === undefined || v === null ? undefined : String(v);
}

/** Contacts with this exact name key, oldest first: the candidates for "the same name". */
export function findContactsByNameKey(store: Store, nameKey: string): ContactWithSummary[] {
  return (store.stmt('SELECT * FROM contacts WHERE name_key = ? ORDER BY created_at, id').all(nameKey) as Row[]).map(toContact);
}

export function findTagTexts(store: Store, contactId: string): string[] {
  return store.stmt("SELECT text_key FROM facts WHERE contact_id = ? AND kind = 'tag'").pluck().all(contactId) as string[];
}

/** Every contact in name order, for CSV and vCard export. */
export function iterateContacts(store: Store): IterableIterator<Row> {
  return store.stmt('SELECT * FROM contacts ORDER BY name_key, id').iterate() as IterableIterator<Row>;
}

export { toContact };
