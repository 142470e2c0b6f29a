/**
 * Change capture for `net sync`: triggers made from the one declaration of synced tables (store/sync-tables.ts) record
 * every write of a synced record in sync_fields, per field, stamped with the write's clock reading, so that every
 * command works as before and sync learns what changed without any command knowing about it. They stay quiet while
 * `sync_state.capture` is 0: before `net sync init`, and while a sync applies what other machines wrote.
 *
 *   write               recorded
 *   INSERT              the whole record ('')
 *   UPDATE              each synced column whose value changed, with the reading of the value it replaced (what
 *                       another machine compares with its own, to tell a change made knowing of its value from one
 *                       made without)
 *   DELETE              the removal ('-'); the record's values kept in sync_shadow, so that a later edit made on
 *                       another machine can bring it back whole; a record held aside under the same unique key, and a
 *                       removed contact's rows held aside, removed with it
 *
 * The triggers are not frozen in a migration: whenever the journal opens, ensureCapture() compares them with what the
 * declaration makes and replaces them when they differ, so that a column declared by a later issue is captured from
 * the first write after the upgrade. They exist only while the journal takes part in sync (made by `net sync init`,
 * dropped when it stops), and a merge drops them while it writes: a trigger slows every insert into its table, even
 * one whose WHEN is false.
 */
import type Database from 'better-sqlite3';
import { SYNCED_TABLES, type SyncedTable } from './sync-tables.js';

type Db = Database.Database;

const PREFIX = 'net_sync_';
const HLC = '(SELECT hlc FROM sync_state WHERE id = 1)';
const CAPTURING = '(SELECT capture FROM sync_state WHERE id = 1) = 1';
const UPSERT = 'ON CONFLICT (tbl, id, col) DO UPDATE SET hlc = excluded.hlc, pending = 1';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const text = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The SQL of a record's unique key over `row` (OLD, or a parameter prefix such as @): a JSON array of its columns. */
export function toUniqueKeySql(t: SyncedTable, column: (c: string) => string): string | undefined {
  if (!t.unique) return undefined;
  return `json_array(${t.unique.columns.map((c) => (t.unique?.nocase?.includes(c) ? `lower(${column(c)})` : column(c))).join(', ')})`;
}

/** The SQL of a record's synced values as a JSON object, from `row`'s columns. */
export function toRowJsonSql(t: SyncedTable, column: (c: string) => string): string {
  return `json_object(${t.columns.map((c) => `${text(c)}, ${column(c)}`).join(', ')})`;
}

function triggersOf(name: string, t: SyncedTable): [string, string][] {
  const table = quote(name);
  const key = (row: string) => `${row}.${quote(t.key)}`;
  const old = (c: string) => `OLD.${quote(c)}`;
  const changed = t.columns
    .filter((c) => c !== t.key)
    .map((c) => `SELECT ${text(c)} AS col WHERE OLD.${quote(c)} IS NOT NEW.${quote(c)}`)
    .join(' UNION ALL ');
  const removals = [
    `INSERT INTO sync_fields (tbl, id, col, hlc, pending) VALUES (${text(name)}, ${key('OLD')}, '-', ${HLC}, 1) ${UPSERT};`,
    `INSERT OR REPLACE INTO sync_shadow (tbl, id, parent, ukey, dead, row) VALUES (${text(name)}, ${key('OLD')}, ${t.parent ? old(t.parent) : 'NULL'}, ${toUniqueKeySql(t, old) ?? 'NULL'}, 1, ${toRowJsonSql(t, old)});`,
  ];
  const ukey = toUniqueKeySql(t, old);
  if (ukey) {
    removals.push(
      `INSERT INTO sync_fields (tbl, id, col, hlc, pending) SELECT tbl, id, '-', ${HLC}, 1 FROM sync_shadow WHERE tbl = ${text(name)} AND ukey = ${ukey} AND dead = 0 AND true ${UPSERT};`,
      `UPDATE sync_shadow SET dead = 1 WHERE tbl = ${text(name)} AND ukey = ${ukey} AND dead = 0;`,
    );
  }
  if (name === 'contacts') {
    removals.push(
      `INSERT INTO sync_fields (tbl, id, col, hlc, pending) SELECT tbl, id, '-', ${HLC}, 1 FROM sync_shadow WHERE parent = OLD.${quote(t.key)} AND dead = 0 AND true ${UPSERT};`,
      `UPDATE sync_shadow SET dead = 1 WHERE parent = OLD.${quote(t.key)} AND dead = 0;`,
    );
  }
  const updatable = t.columns.filter((c) => c !== t.key).map(quote).join(', ');
  return [
    [
      `${PREFIX}${name}_insert`,
      `CREATE TRIGGER ${PREFIX}${name}_insert AFTER INSERT ON ${table} WHEN ${CAPTURING} BEGIN ` +
        `INSERT INTO sync_fields (tbl, id, col, hlc, pending) VALUES (${text(name)}, ${key('NEW')}, '', ${HLC}, 1) ${UPSERT}; ` +
        `DELETE FROM sync_shadow WHERE tbl = ${text(name)} AND id = ${key('NEW')}; END`,
    ],
    [
      `${PREFIX}${name}_update`,
      `CREATE TRIGGER ${PREFIX}${name}_update AFTER UPDATE OF ${updatable} ON ${table} WHEN ${CAPTURING} BEGIN ` +
        `INSERT INTO sync_fields (tbl, id, col, hlc, pending, base) SELECT ${text(name)}, ${key('NEW')}, c.col, ${HLC}, 1, ` +
        `(SELECT max(f.hlc) FROM sync_fields f WHERE f.tbl = ${text(name)} AND f.id = ${key('NEW')} AND f.col IN (c.col, '')) FROM (${changed}) AS c WHERE true ` +
        `ON CONFLICT (tbl, id, col) DO UPDATE SET base = CASE WHEN pending = 1 THEN base ELSE excluded.base END, hlc = excluded.hlc, pending = 1; END`,
    ],
    [`${PREFIX}${name}_delete`, `CREATE TRIGGER ${PREFIX}${name}_delete AFTER DELETE ON ${table} WHEN ${CAPTURING} BEGIN ${removals.join(' ')} END`],
  ];
}

let wanted: Map<string, string> | undefined;

/** The capture triggers the declaration makes, by name. */
export function listCaptureTriggers(): Map<string, string> {
  wanted ??= new Map(Object.entries(SYNCED_TABLES).flatMap(([name, t]) => triggersOf(name, t)));
  return wanted;
}

function readCaptureTriggers(db: Db): Map<string, string> {
  const rows = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ${PREFIX.length}) = '${PREFIX}'`).raw().all() as [string, string][];
  return new Map(rows);
}

export function dropCaptureTriggers(db: Db): void {
  for (const name of readCaptureTriggers(db).keys()) db.exec(`DROP TRIGGER ${quote(name)}`);
}

const hasSyncState = (db: Db) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").pluck().get() !== undefined;

/** Whether this journal takes part in sync: its changes are to be captured. */
const isCapturing = (db: Db) => db.prepare('SELECT capture FROM sync_state WHERE id = 1').pluck().get() === 1;

const NONE = new Map<string, string>();

/** The triggers a journal should have: the declaration's when it takes part in sync, none otherwise. */
function wantedTriggers(db: Db): Map<string, string> {
  return isCapturing(db) ? listCaptureTriggers() : NONE;
}

const matches = (have: Map<string, string>, want: Map<string, string>) => have.size === want.size && [...want].every(([name, sql]) => have.get(name) === sql);

/** Makes the capture triggers what the journal's state asks for, in the caller's transaction. */
export function applyCapture(db: Db): void {
  const want = wantedTriggers(db);
  if (matches(readCaptureTriggers(db), want)) return;
  dropCaptureTriggers(db);
  for (const sql of want.values()) db.exec(sql);
}

/**
 * At every open: creates or replaces the capture triggers when they differ from what the declaration makes, and
 * drops them from a journal that does not take part in sync (one transaction). A trigger costs every insert into its
 * table even when its WHEN is false (SQLite then keeps a statement journal for each statement: a bulk import ran 3 to
 * 4 times slower), so journals without sync have none.
 */
export function ensureCapture(db: Db): void {
  if (!hasSyncState(db) || matches(readCaptureTriggers(db), wantedTriggers(db))) return;
  db.transaction(() => applyCapture(db)).immediate(); // applyCapture reads again: another net may have done it meanwhile
}
