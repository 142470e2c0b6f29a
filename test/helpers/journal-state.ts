/** What a journal path holds, byte for byte, so that a test can say "nothing changed" about any path: file or not. */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { expect } from 'vitest';
import { runInProcess } from './in-process.js';
import { BIN, TODAY, type RunResult, type Runner } from './run-net.js';

export interface PathState {
  folderExists: boolean;
  /** The journal file and its -wal/-shm/-journal companions that exist, by name. */
  files: string[];
  kind: 'missing' | 'file' | 'folder';
  sha256: string | null;
  /** A folder's entries. */
  entries: string[] | null;
}

export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function readPathState(path: string): PathState {
  const folder = dirname(path);
  const folderExists = existsSync(folder);
  const files = folderExists ? readdirSync(folder).filter((f) => f.startsWith(basename(path))).sort() : [];
  if (!existsSync(path)) return { folderExists, files, kind: 'missing', sha256: null, entries: null };
  if (statSync(path).isDirectory()) return { folderExists, files, kind: 'folder', sha256: null, entries: readdirSync(path).sort() };
  return { folderExists, files, kind: 'file', sha256: sha256(path), entries: null };
}

/**
 * Every table's rows of a journal file, opened read-only. The search index's own tables (FTS5's virtual and shadow
 * tables) are left out: they are SQLite's encoding of the search documents, which are dumped.
 */
export function dumpJournal(path: string): Record<string, unknown[]> {
  const conn = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = (conn.pragma('table_list') as { name: string; type: string; schema: string }[])
      .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
      .map((t) => t.name)
      .sort();
    return Object.fromEntries(tables.map((t) => [t, conn.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
  } finally {
    conn.close();
  }
}

/** Runs `net --db <db> ...args` with the test environment of run-net.ts, for journals that makeJournal does not make. */
export function runNetAt(db: string, home: string, args: readonly string[], opts: { env?: Record<string, string>; timeoutMs?: number; runner?: Runner } = {}): RunResult {
  const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_DATA_HOME: home, NO_COLOR: '1', NET_NOW: TODAY, ...opts.env };
  if (opts.runner === 'in-process') return runInProcess(['--db', db, ...args], env);
  const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', env, input: '', timeout: opts.timeoutMs ?? 20_000 });
  return { stdout: String(r.stdout), stderr: String(r.stderr), code: r.status };
}

/** The shape every refusal has: one `net: ` line on stderr, nothing on stdout, no stack trace. */
export function expectOneErrorLine(r: RunResult): string | null {
  const lines = r.stderr.split('\n');
  if (r.stdout !== '') return `stdout is not empty: ${JSON.stringify(r.stdout.slice(0, 200))}`;
  if (lines.length !== 2 || lines[1] !== '') return `stderr is not exactly one line: ${JSON.stringify(r.stderr.slice(0, 400))}`;
  if (!lines[0]!.startsWith('net: ')) return `stderr does not start with "net: ": ${JSON.stringify(lines[0])}`;
  if (/^\s+at /m.test(r.stderr)) return 'stderr holds a stack trace';
  return null;
}

/** A spreadsheet export of `count` contacts, for imports big enough to be caught in the middle. */
export function writeContactsCsv(file: string, count: number): void {
  const lines = ['Name,Email,Company'];
  for (let i = 0; i < count; i++) lines.push(`Person ${String(i).padStart(5, '0')},person${i}@example.com,Company ${i % 50}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
}

export const pause = (ms: number) => void Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** True while another connection holds the journal's write lock (a net command is inside its transaction). */
export function isWriting(conn: Database.Database): boolean {
  try {
    conn.exec('BEGIN IMMEDIATE');
    conn.exec('ROLLBACK');
    return false;
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw err;
  }
}

/**
 * net doctor's text with each check on one line again: a detail or fix too long for 80 columns goes on under itself,
 * indented past the check's title (ui/render-doctor.ts). Fails the test if any line is wider than 80 columns.
 */
export function unwrapDoctor(stdout: string): string {
  expect(stdout.split('\n').filter((line) => [...line].length > 80)).toEqual([]);
  return stdout.replace(/\n {13,}/g, ' ');
}
