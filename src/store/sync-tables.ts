/**
 * What `net sync` carries, declared once: every table of the journal is either synced (each of its columns synced or
 * derived), derived as a whole (an index kept by triggers, such as a full-text search table), or local to this machine
 * (sync's own state). The capture triggers (store/sync-capture.ts), the batches and snapshots, the merge, the JSON
 * export and `net import`'s merge are all made from this table; test/unit/store/sync-tables.test.ts fails when a table
 * or column of the schema is in none of these lists, so that a migration that adds one must say here what it is.
 *
 * A synced column is the user's data: written on one machine, carried to the others, merged field by field (the later
 * change by hybrid logical clock wins). A derived column is recomputed from the synced ones wherever the row is written
 * (`name_key`, `text_key`) or after a merge (a contact's summary): never carried.
 */
import { SUMMARY_KEYS, toColumn } from './rows.js';

export interface SyncedTable {
  /** The primary key: `id` (a UUID) for user rows, `key` for settings. */
  key: string;
  /** Every column carried by sync, the key included. */
  columns: readonly string[];
  /** Columns computed from the others: never carried, computed where the row is written (or, for the summary, after). */
  derived: readonly string[];
  /** The column naming the contact a row belongs to (ON DELETE CASCADE): merged with its contact's removal. */
  parent?: string;
  /**
   * A UNIQUE constraint other than the key: two machines may add the same tag (or answer the same checklist point)
   * under two ids. The merge keeps one row visible per key (the latest written; same time: the smaller id) and holds
   * the other aside, so that every machine shows the same one. `nocase`: columns compared ignoring ASCII case.
   */
  unique?: { columns: readonly string[]; nocase?: readonly string[] };
}

const SUMMARY_COLUMNS = SUMMARY_KEYS.map(toColumn);

/** The synced tables, contacts first: a row's contact is written before the row. */
export const SYNCED_TABLES = {
  contacts: {
    key: 'id',
    columns: ['id', 'name', 'company', 'role', 'met_on', 'how_met', 'every_days', 'snoozed_until', 'created_at', 'updated_at', 'note', 'url', 'birthday', 'given_name', 'family_name'],
    // email and phone are the contact's main point of each kind, kept equal to contact_points by its triggers (schema 10).
    derived: ['name_key', 'email', 'phone', ...SUMMARY_COLUMNS],
  },
  contact_points: {
    key: 'id',
    columns: ['id', 'contact_id', 'kind', 'value', 'label', 'position', 'created_at', 'updated_at'],
    derived: ['value_key'],
    parent: 'contact_id',
    unique: { columns: ['contact_id', 'kind', 'value_key'] },
  },
  facts: {
    key: 'id',
    columns: ['id', 'contact_id', 'kind', 'text', 'created_at', 'updated_at', 'done_on'],
    derived: ['text_key'],
    parent: 'contact_id',
    unique: { columns: ['contact_id', 'kind', 'text_key'] },
  },
  events: {
    key: 'id',
    columns: ['id', 'contact_id', 'type', 'kind', 'value', 'note', 'occurred_on', 'outcome', 'outcome_on', 'premature', 'created_at', 'updated_at', 'link_id', 'prospect', 'status', 'status_on', 'amount', 'status_note'],
    derived: [],
    parent: 'contact_id',
  },
  // Where an imported touchpoint came from (schema 12): carried, so that a calendar imported again on another machine
  // never logs a meeting twice. After events: a source names the event it made.
  touchpoint_sources: {
    key: 'id',
    columns: ['id', 'source', 'source_key', 'contact_id', 'event_id', 'occurred_on', 'created_at', 'updated_at'],
    derived: [],
    parent: 'contact_id',
    unique: { columns: ['source', 'source_key', 'contact_id'] },
  },
  follow_ups: {
    key: 'id',
    columns: ['id', 'contact_id', 'due_on', 'note', 'scheduled_on', 'done_on', 'created_at', 'updated_at'],
    derived: [],
    parent: 'contact_id',
  },
  answers: {
    key: 'id',
    columns: ['id', 'contact_id', 'point', 'answer', 'answered_on', 'created_at', 'updated_at'],
    derived: [],
    parent: 'contact_id',
    unique: { columns: ['contact_id', 'point'] },
  },
  dates: {
    key: 'id',
    columns: ['id', 'contact_id', 'label', 'date', 'created_at', 'updated_at'],
    derived: [],
    parent: 'contact_id',
    unique: { columns: ['contact_id', 'label'], nocase: ['label'] },
  },
  settings: {
    key: 'key',
    columns: ['key', 'value', 'updated_at'],
    derived: [],
  },
} as const satisfies Record<string, SyncedTable>;

export type SyncedTableName = keyof typeof SYNCED_TABLES;

export const SYNCED_TABLE_NAMES = Object.keys(SYNCED_TABLES) as SyncedTableName[];

/** The table's declaration, or undefined for a table sync does not carry. */
export function findSyncedTable(name: string): SyncedTable | undefined {
  return Object.hasOwn(SYNCED_TABLES, name) ? (SYNCED_TABLES as Record<string, SyncedTable>)[name] : undefined;
}

/**
 * Tables that are derived as a whole, kept in step by their own triggers from the synced tables (a full-text index and
 * the shadow tables SQLite makes for it, named `<table>_…`): never carried, rebuilt by every write a merge makes.
 */
export const DERIVED_TABLES: readonly string[] = ['search_contact_docs', 'search_event_docs', 'search_contacts', 'search_events'];

/** Tables of this machine alone: sync's own state (made by its migration). Never carried, never exported. */
export const LOCAL_TABLES = ['sync_state', 'sync_fields', 'sync_shadow', 'sync_machines', 'sync_unpushed'] as const;

/** What a table of the schema is to sync: 'synced', 'derived', 'local', or undefined when nobody said. */
export function classifyTable(name: string): 'synced' | 'derived' | 'local' | undefined {
  if (findSyncedTable(name)) return 'synced';
  if ((LOCAL_TABLES as readonly string[]).includes(name)) return 'local';
  if (DERIVED_TABLES.some((t) => name === t || name.startsWith(`${t}_`))) return 'derived';
  return undefined;
}
