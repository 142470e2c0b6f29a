/**
 * `net doctor`: examines the journal file and says plainly what is wrong and how to fix it. Each check is ok or names
 * a problem and its fix; `--fix` repairs what is safe to repair (permissions, summaries, a leftover write-ahead log),
 * the journal's rows in one transaction, and then examines it again.
 */
import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { summarize } from '../core/summary.js';
import { toThousands } from '../core/numbers.js';
import type { ContactSummary } from '../core/types.js';
import {
  checkIntegrity,
  checkpointWal,
  countTables,
  findStoredSummary,
  listContactIds,
  listDanglingRows,
  openForExamination,
  readVersion,
} from '../store/doctor.js';
import { describeOddFile } from '../store/db.js';
import { LATEST_VERSION } from '../store/migrations.js';
import type { Store } from '../store/store.js';

export type DoctorCheckId = 'file' | 'permissions' | 'rollback' | 'open' | 'integrity' | 'schema' | 'orphans' | 'summaries' | 'wal';

export interface DoctorCheck {
  id: DoctorCheckId;
  ok: boolean;
  /** What was found, in plain words (also when ok). */
  detail: string;
  /** How to fix it, when not ok. */
  fix: string | null;
  /** --fix repaired it. */
  fixed: boolean;
}

export interface DoctorInput {
  path: string;
  /** Whether the folder is net's own (the default location): only then must it be 0700. */
  ownFolder: boolean;
  fix: boolean;
}

export interface DoctorResult {
  path: string;
  exists: boolean;
  healthy: boolean;
  checks: DoctorCheck[];
}

const ok = (id: DoctorCheckId, detail: string): DoctorCheck => ({ id, ok: true, detail, fix: null, fixed: false });
const problem = (id: DoctorCheckId, detail: string, fix: string): DoctorCheck => ({ id, ok: false, detail, fix, fixed: false });
const mode = (path: string) => statSync(path).mode & 0o777;
const octal = (m: number) => m.toString(8).padStart(4, '0');
const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Fading sums are floating point: equal within a relative 1e-9 (they are recomputed in one canonical order). */
const SUM_TOLERANCE = 1e-9;
const SUMS: readonly (keyof ContactSummary)[] = ['invested', 'withdrawn', 'received'];

/** The summary fields where the stored and the recomputed summaries differ. */
export function diffSummary(stored: ContactSummary, computed: ContactSummary): (keyof ContactSummary)[] {
  return (Object.keys(computed) as (keyof ContactSummary)[]).filter((k) => {
    const a = stored[k];
    const b = computed[k];
    if (SUMS.includes(k)) return Math.abs(Number(a) - Number(b)) > SUM_TOLERANCE * Math.max(1, Math.abs(Number(b)));
    return a !== b;
  });
}

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function checkFile(path: string): DoctorCheck {
  const st = statSync(path);
  if (st.isDirectory()) return problem('file', `${path} is a folder, not a journal file`, 'point --db or NET_DB at the journal file itself (net where shows the path in use)');
  const odd = describeOddFile(st); // never opened: a named pipe would keep doctor waiting forever
  if (odd) return problem('file', `${path} is ${odd}, not a journal file`, 'point --db or NET_DB at the journal file itself (net where shows the path in use)');
  if (st.size === 0) return ok('file', 'an empty file: net makes it a journal on the first write');
  if (readHeader(path) !== 'SQLite format 3\0') {
    return problem('file', `${path} is not an SQLite file: its first bytes are not an SQLite header`, 'check the path given with --db or NET_DB; if it was your journal, restore it from a backup (net backup makes one)');
  }
  return ok('file', `an SQLite file of ${toThousands(st.size)} bytes`);
}

function checkPermissions(input: DoctorInput): DoctorCheck {
  const files = [input.path, `${input.path}-wal`, `${input.path}-shm`].filter(existsSync);
  const open = files.filter((f) => (mode(f) & 0o077) !== 0);
  const folder = dirname(input.path);
  const folderOpen = input.ownFolder && (mode(folder) & 0o077) !== 0;
  if (!open.length && !folderOpen) return ok('permissions', input.ownFolder ? 'readable by you only (0600 in a 0700 folder)' : 'readable by you only (0600)');
  const found = [...open.map((f) => `${f} is ${octal(mode(f))}`), ...(folderOpen ? [`the folder ${folder} is ${octal(mode(folder))}`] : [])];
  const commands = [...(open.length ? [`chmod 600 ${open.map(shellQuote).join(' ')}`] : []), ...(folderOpen ? [`chmod 700 ${shellQuote(folder)}`] : [])];
  return problem('permissions', `others can read notes about your contacts: ${found.join('; ')}`, `run ${commands.join(' && ')} (or net doctor --fix)`);
}

function fixPermissions(input: DoctorInput): void {
  for (const f of [input.path, `${input.path}-wal`, `${input.path}-shm`].filter(existsSync)) chmodSync(f, mode(f) & 0o700);
  if (input.ownFolder) chmodSync(dirname(input.path), 0o700);
}

function checkWal(path: string): DoctorCheck {
  const wal = `${path}-wal`;
  const size = existsSync(wal) ? statSync(wal).size : 0;
  if (!size) return ok('wal', 'no write-ahead log left over');
  // Normal while another net runs; after a crash SQLite applies it on the next open. Only a large one is worth folding in.
  if (size < 64 * 1024 * 1024) return ok('wal', `a write-ahead log of ${toThousands(size)} bytes: SQLite folds it into the journal on the next command`);
  return problem('wal', `a write-ahead log of ${toThousands(size)} bytes has not been folded into the journal`, 'run net doctor --fix when no other net is running');
}

const RESTORE = 'restore the journal from a backup (net backup makes one); to salvage what is readable: sqlite3 journal.db .recover | sqlite3 recovered.db';

/** The checks that need SQLite; stops at the first one that makes the rest meaningless. */
function examineRows(store: Store, checks: DoctorCheck[]): { mismatched: string[] } {
  try {
    countTables(store);
  } catch (err) {
    checks.push(problem('open', `SQLite cannot read it: ${(err as Error).message}`, RESTORE));
    return { mismatched: [] };
  }
  checks.push(ok('open', 'SQLite reads it'));
  let integrity: string[];
  try {
    integrity = checkIntegrity(store);
  } catch (err) {
    integrity = [(err as Error).message];
  }
  if (integrity.length === 1 && integrity[0] === 'ok') checks.push(ok('integrity', 'PRAGMA integrity_check: ok'));
  else {
    const more = integrity.length > 3 ? ` (and ${integrity.length - 3} more)` : '';
    checks.push(problem('integrity', `the file is damaged: ${integrity.slice(0, 3).join('; ')}${more}`, RESTORE));
    return { mismatched: [] };
  }
  const version = readVersion(store);
  if (version > LATEST_VERSION) {
    checks.push(problem('schema', `written by a newer net (schema ${version}; this net knows up to ${LATEST_VERSION})`, 'upgrade net; the file was not changed'));
    return { mismatched: [] };
  }
  if (version === 0) {
    checks.push(ok('schema', 'no schema yet: net makes it a journal on the first write'));
    return { mismatched: [] };
  }
  checks.push(ok('schema', version === LATEST_VERSION ? `schema ${version}, this net's` : `schema ${version} of ${LATEST_VERSION}: net upgrades it in place on the next command`));

  const dangling = listDanglingRows(store);
  if (!dangling.length) checks.push(ok('orphans', 'every row belongs to a contact (PRAGMA foreign_key_check)'));
  else {
    const what = dangling.map((d) => `${d.count} in ${d.table}`).join(', ');
    const sql = dangling.map((d) => `DELETE FROM ${d.table} WHERE contact_id NOT IN (SELECT id FROM ${d.parent});`).join(' ');
    checks.push(problem('orphans', `rows that belong to no contact, which net never shows: ${what}`, `back up first (net backup), then remove them with sqlite3 journal.db "${sql}"`));
  }

  const mismatched: string[] = [];
  const examples: string[] = [];
  const halfLifeDays = store.halfLifeDays();
  for (const id of listContactIds(store)) {
    const stored = findStoredSummary(store, id);
    if (!stored) continue;
    const fields = diffSummary(stored.summary, summarize(store.readContactRows(id), halfLifeDays));
    if (!fields.length) continue;
    mismatched.push(id);
    if (examples.length < 3) examples.push(`${stored.name} (${fields.join(', ')})`);
  }
  if (!mismatched.length) checks.push(ok('summaries', "every contact's summary matches their events"));
  else {
    const more = mismatched.length > examples.length ? ` and ${mismatched.length - examples.length} more` : '';
    checks.push(problem('summaries', `${mismatched.length} contact${mismatched.length === 1 ? "'s summary differs" : "s' summaries differ"} from their events: ${examples.join(', ')}${more}`, 'run net doctor --fix to recompute them'));
  }
  return { mismatched };
}

/**
 * A rollback journal beside the file: a write that was interrupted (or one in progress, by a program that does not use
 * a write-ahead log). SQLite undoes it on the next open that may write, which a read-only look cannot do.
 */
function checkRollback(path: string): DoctorCheck | undefined {
  const rollback = `${path}-journal`;
  if (!existsSync(rollback) || statSync(rollback).size === 0) return undefined;
  return problem(
    'rollback',
    `${rollback} holds a write that was interrupted: SQLite undoes it by itself on the next net command, and the checks that read the journal wait until then`,
    'nothing to restore: run any net command, or net doctor --fix, and it is undone',
  );
}

function examine(input: DoctorInput): { checks: DoctorCheck[]; mismatched: string[]; store?: Store } {
  const checks: DoctorCheck[] = [checkFile(input.path)];
  if (!checks[0]!.ok) return { checks, mismatched: [] };
  checks.push(checkPermissions(input));
  const rollback = checkRollback(input.path);
  if (rollback) return { checks: [...checks, rollback], mismatched: [] };
  let store: Store;
  try {
    store = openForExamination(input.path, false);
  } catch (err) {
    checks.push(problem('open', `SQLite cannot open it: ${(err as Error).message}`, RESTORE));
    return { checks, mismatched: [] };
  }
  const { mismatched } = examineRows(store, checks);
  checks.push(checkWal(input.path));
  return { checks, mismatched, store };
}

/** Opens the journal as a command would: its first read undoes the interrupted write. */
function undoInterruptedWrite(path: string): DoctorCheck {
  const store = openForExamination(path, true);
  try {
    countTables(store);
  } finally {
    store.close();
  }
  return { ...ok('rollback', 'the interrupted write was undone'), fixed: true };
}

export function examineJournal(input: DoctorInput): DoctorResult {
  if (!existsSync(input.path)) {
    return { path: input.path, exists: false, healthy: true, checks: [ok('file', 'no journal yet: the first write creates it')] };
  }
  // Undone first: until then the journal's rows cannot be read without writing.
  const undone = input.fix && checkFile(input.path).ok && checkRollback(input.path) ? undoInterruptedWrite(input.path) : undefined;
  const first = examine(input);
  first.store?.close();
  const repairable = (id: DoctorCheckId) => first.checks.some((c) => c.id === id && !c.ok);
  if (!input.fix || !(['permissions', 'summaries', 'wal'] as const).some(repairable)) return toResult(input.path, first.checks, [], undone);

  const fixed: DoctorCheckId[] = [];
  if (repairable('permissions')) {
    fixPermissions(input);
    fixed.push('permissions');
  }
  if (repairable('summaries') || repairable('wal')) {
    const store = openForExamination(input.path, true);
    try {
      if (repairable('summaries')) {
        store.tx(() => first.mismatched.forEach((id) => store.refreshSummary(id)));
        fixed.push('summaries');
      }
      if (repairable('wal')) {
        checkpointWal(store);
        fixed.push('wal');
      }
    } finally {
      store.close();
    }
  }
  const again = examine(input);
  again.store?.close();
  return toResult(input.path, again.checks, fixed, undone);
}

function toResult(path: string, checks: DoctorCheck[], fixed: DoctorCheckId[], undone?: DoctorCheck): DoctorResult {
  const marked = checks.map((c) => ({ ...c, fixed: c.ok && fixed.includes(c.id) }));
  if (undone) marked.splice(Math.min(2, marked.length), 0, undone);
  return { path, exists: true, healthy: marked.every((c) => c.ok), checks: marked };
}
