/**
 * The JSON export: the whole journal, lossless. Every table's rows with their UUIDs and timestamps, keys in camelCase,
 * values as stored; the per-contact summary and the lookup keys are left out because they are computed from the rest.
 *
 *   {
 *     "format": "net-journal", "version": 1, "schema": 2, "exportedAt": "2026-11-22T09:30:00.000Z",
 *     "settings": [ {…} ], "contacts": [ {"id": "…", "name": "Jane Doe", …} ], "answers": [ … ], "events": [ … ], …
 *   }
 */
import { UsageError } from './errors.js';

export const JOURNAL_FORMAT = 'net-journal';
/** The layout of this file; `schema` is the journal's own schema version (PRAGMA user_version). */
export const JOURNAL_FORMAT_VERSION = 1;

export type JournalValue = string | number | null;
export type JournalRow = Record<string, JournalValue>;

export interface JournalHeader {
  format: typeof JOURNAL_FORMAT;
  version: number;
  schema: number;
  exportedAt: string;
}

export interface JournalFile {
  header: JournalHeader;
  /** Table name (snake_case, as in the journal) to its rows, each as parsed (not yet checked). */
  tables: Map<string, unknown[]>;
}

const HEADER_KEYS = new Set(['format', 'version', 'schema', 'exportedAt']);

export const toCamel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
export const toSnake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Checks the envelope of a parsed export: its format, its version and that the journal can hold what it holds. */
export function readJournalFile(value: unknown, latestSchema: number): JournalFile {
  const v = value as Record<string, unknown> | null;
  if (!v || typeof v !== 'object' || Array.isArray(v) || v.format !== JOURNAL_FORMAT) {
    throw new UsageError('this JSON is not a net journal export (no "format": "net-journal")', 'import a file made by net export --json');
  }
  if (typeof v.version !== 'number' || v.version > JOURNAL_FORMAT_VERSION) {
    throw new UsageError(`this export has format version ${String(v.version)}; this net reads up to ${JOURNAL_FORMAT_VERSION}`, 'upgrade net to import it');
  }
  const schema = typeof v.schema === 'number' ? v.schema : 0;
  if (schema > latestSchema) {
    throw new UsageError(`this export comes from a newer net (schema ${schema}; this net knows up to ${latestSchema})`, 'upgrade net to import it; nothing was imported');
  }
  const tables = new Map<string, unknown[]>();
  for (const [key, rows] of Object.entries(v)) {
    if (HEADER_KEYS.has(key)) continue;
    if (!Array.isArray(rows)) throw new UsageError(`"${key}" in the export is not a list`, 'import a file made by net export --json, unedited');
    tables.set(toSnake(key), rows);
  }
  return { header: { format: JOURNAL_FORMAT, version: v.version, schema, exportedAt: String(v.exportedAt ?? '') }, tables };
}
