/**
 * `net doctor`: examines the journal file and says plainly what is wrong and how to fix it. Each check is ok or names
 * a problem and its fix; `--fix` repairs what is safe to repair (permissions, summaries, a leftover write-ahead log),
 * the journal's rows in one transaction, and then examines it again.
 */
import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { summarize } from '../core/summary.js';
import { SUMMARY_FIELDS, type ContactSummary } from '../core/types.js';
import {
  checkIntegrity,
  checkpointWal,
  countTables,
  findStoredSummary,
  listContactIds,
  listDanglingRows,
  openForExamination,
  readVersion,
  type DanglingRows,
} from '../store/doctor.js';
import { findOddFileKind, type OddFileKind } from '../store/db.js';
import { LATEST_VERSION } from '../store/migrations.js';
import type { Store } from '../store/store.js';

export type { OddFileKind };

export type DoctorCheckId = 'file' | 'permissions' | 'rollback' | 'open' | 'integrity' | 'schema' | 'orphans' | 'summaries' | 'wal';

export interface DoctorCheck {
  id: DoctorCheckId;
  ok: boolean;
  /** What was found (also when ok), with its figures: ui/messages/doctor.ts says it and how to fix it. */
  finding: DoctorFinding;
  /** --fix repaired it. */
  fixed: boolean;
}

/**
 * What a check found. Those that are problems: no-folder, folder, odd-file, not-sqlite, readable-by-others, wal-large,
 * rollback-pending, cannot-open, unreadable, damaged, schema-newer, orphans, summaries-differ.
 */
export type DoctorFinding =
  | { code: 'no-journal' }
  | { code: 'no-folder'; path: string }
  | { code: 'folder'; path: string }
  | { code: 'odd-file'; path: string; kind: OddFileKind }
  | { code: 'empty-file' }
  | { code: 'not-sqlite'; path: string }
  | { code: 'sqlite-file'; bytes: number }
  | { code: 'private'; ownFolder: boolean }
  | { code: 'readable-by-others'; files: { path: string; mode: number }[]; folder: { path: string; mode: number } | null }
  | { code: 'no-wal' }
  | { code: 'wal'; bytes: number }
  | { code: 'wal-large'; bytes: number }
  | { code: 'rollback-pending'; path: string }
  | { code: 'rollback-undone' }
  | { code: 'cannot-open'; error: string }
  | { code: 'unreadable'; error: string }
  | { code: 'readable' }
  | { code: 'integrity-ok' }
  | { code: 'damaged'; messages: string[] }
  | { code: 'schema-newer'; version: number; latest: number }
  | { code: 'schema-empty' }
  | { code: 'schema'; version: number; latest: number }
  | { code: 'no-orphans' }
  | { code: 'orphans'; dangling: DanglingRows[] }
  | { code: 'summaries-match' }
  | { code: 'summaries-differ'; count: number; examples: { name: string; fields: (keyof ContactSummary)[] }[] };

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

const ok = (id: DoctorCheckId, finding: DoctorFinding): DoctorCheck => ({ id, ok: true, finding, fixed: false });
const problem = (id: DoctorCheckId, finding: DoctorFinding): DoctorCheck => ({ id, ok: false, finding, fixed: false });
const mode = (path: string) => statSync(path).mode & 0o777;

/** Fading sums are floating point: equal within a relative 1e-9 (they are recomputed in one canonical order). */
const SUM_TOLERANCE = 1e-9;
const SUMS = (Object.keys(SUMMARY_FIELDS) as (keyof ContactSummary)[]).filter((k) => SUMMARY_FIELDS[k] === 'sum');

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
  if (st.isDirectory()) return problem('file', { code: 'folder', path });
  const odd = findOddFileKind(st); // never opened: a named pipe would keep doctor waiting forever
  if (odd) return problem('file', { code: 'odd-file', path, kind: odd });
  if (st.size === 0) return ok('file', { code: 'empty-file' });
  if (readHeader(path) !== 'SQLite format 3\0') return problem('file', { code: 'not-sqlite', path });
  return ok('file', { code: 'sqlite-file', bytes: st.size });
}

function checkPermissions(input: DoctorInput): DoctorCheck {
  const files = [input.path, `${input.path}-wal`, `${input.path}-shm`].filter(existsSync);
  const open = files.filter((f) => (mode(f) & 0o077) !== 0);
  const folder = dirname(input.path);
  const folderOpen = input.ownFolder && (mode(folder) & 0o077) !== 0;
  if (!open.length && !folderOpen) return ok('permissions', { code: 'private', ownFolder: input.ownFolder });
  return problem('permissions', { code: 'readable-by-others', files: open.map((f) => ({ path: f, mode: mode(f) })), folder: folderOpen ? { path: folder, mode: mode(folder) } : null });
}

function fixPermissions(input: DoctorInput): void {
  for (const f of [input.path, `${input.path}-wal`, `${input.path}-shm`].filter(existsSync)) chmodSync(f, mode(f) & 0o700);
  if (input.ownFolder) chmodSync(dirname(input.path), 0o700);
}

function checkWal(path: string): DoctorCheck {
  const wal = `${path}-wal`;
  const size = existsSync(wal) ? statSync(wal).size : 0;
  if (!size) return ok('wal', { code: 'no-wal' });
  // Normal while another net runs; after a crash SQLite applies it on the next open. Only a large one is worth folding in.
  if (size < 64 * 1024 * 1024) return ok('wal', { code: 'wal', bytes: size });
  return problem('wal', { code: 'wal-large', bytes: size });
}

/** The checks that need SQLite; stops at the first one that makes the rest meaningless. */
function examineRows(store: Store, checks: DoctorCheck[]): { mismatched: string[] } {
  try {
    countTables(store);
  } catch (err) {
    checks.push(problem('open', { code: 'unreadable', error: (err as Error).message }));
    return { mismatched: [] };
  }
  checks.push(ok('open', { code: 'readable' }));
  let integrity: string[];
  try {
    integrity = checkIntegrity(store);
  } catch (err) {
    integrity = [(err as Error).message];
  }
  if (integrity.length === 1 && integrity[0] === 'ok') checks.push(ok('integrity', { code: 'integrity-ok' }));
  else {
    checks.push(problem('integrity', { code: 'damaged', messages: integrity }));
    return { mismatched: [] };
  }
  const version = readVersion(store);
  if (version > LATEST_VERSION) {
    checks.push(problem('schema', { code: 'schema-newer', version, latest: LATEST_VERSION }));
    return { mismatched: [] };
  }
  if (version === 0) {
    checks.push(ok('schema', { code: 'schema-empty' }));
    return { mismatched: [] };
  }
  checks.push(ok('schema', { code: 'schema', version, latest: LATEST_VERSION }));

  const dangling = listDanglingRows(store);
  checks.push(dangling.length ? problem('orphans', { code: 'orphans', dangling }) : ok('orphans', { code: 'no-orphans' }));

  const mismatched: string[] = [];
  const examples: { name: string; fields: (keyof ContactSummary)[] }[] = [];
  const halfLifeDays = store.halfLifeDays();
  for (const id of listContactIds(store)) {
    const stored = findStoredSummary(store, id);
    if (!stored) continue;
    const fields = diffSummary(stored.summary, summarize(store.readContactRows(id), halfLifeDays));
    if (!fields.length) continue;
    mismatched.push(id);
    if (examples.length < 3) examples.push({ name: stored.name, fields });
  }
  checks.push(mismatched.length ? problem('summaries', { code: 'summaries-differ', count: mismatched.length, examples }) : ok('summaries', { code: 'summaries-match' }));
  return { mismatched };
}

/**
 * A rollback journal beside the file: a write that was interrupted (or one in progress, by a program that does not use
 * a write-ahead log). SQLite undoes it on the next open that may write, which a read-only look cannot do.
 */
function checkRollback(path: string): DoctorCheck | undefined {
  const rollback = `${path}-journal`;
  if (!existsSync(rollback) || statSync(rollback).size === 0) return undefined;
  return problem('rollback', { code: 'rollback-pending', path: rollback });
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
    checks.push(problem('open', { code: 'cannot-open', error: (err as Error).message }));
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
  return { ...ok('rollback', { code: 'rollback-undone' }), fixed: true };
}

export function examineJournal(input: DoctorInput): DoctorResult {
  if (!existsSync(input.path)) {
    // A folder the user named (not net's own) is never made: no write could create the journal there.
    const folder = dirname(input.path);
    if (!input.ownFolder && !existsSync(folder)) return { path: input.path, exists: false, healthy: false, checks: [problem('file', { code: 'no-folder', path: folder })] };
    return { path: input.path, exists: false, healthy: true, checks: [ok('file', { code: 'no-journal' })] };
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
