/**
 * Runs net against a temporary journal, as a user would, and reads the journal back: the real bin/net.js in a process
 * of its own ('spawn'), or net's run() in this process ('in-process', see in-process.ts) for tests of its rules.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInProcess } from './in-process.js';
import { dumpJournal } from './journal-state.js';

export const BIN = resolve(import.meta.dirname, '../../bin/net.js');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number | null;
}

export interface Journal {
  dir: string;
  db: string;
  /** Runs `net --db <journal> ...args` with NO_COLOR, HOME and XDG_DATA_HOME in the temp dir and NET_NOW pinned. */
  run(...args: string[]): RunResult;
  /**
   * As run, with options. `runner` overrides the journal's for this call: a spawned test sets up its journal with
   * 'in-process' calls (the same run() as the binary, without a process start each) and spawns what it tests.
   */
  runWith(opts: { env?: Record<string, string>; input?: string; now?: string; /** ms before the process is killed (20 s) */ timeout?: number; runner?: Runner }, ...args: string[]): RunResult;
  /** Parses the stdout of `net --json ...args`, failing loudly if the command failed. */
  json<T = any>(...args: string[]): T;
  /** Every table's rows, for "nothing changed" assertions. */
  dump(): Record<string, unknown[]>;
  cleanup(): void;
}

export const TODAY = '2026-11-22';

/** How a test runs net: a process of its own, or net's run() in the test's process. */
export type Runner = 'spawn' | 'in-process';

export function makeJournal(now = TODAY, runner: Runner = 'spawn'): Journal {
  const dir = mkdtempSync(join(tmpdir(), 'net-test-'));
  const db = join(dir, 'journal.db');
  const runWith: Journal['runWith'] = (opts, ...args) => {
    const env = { PATH: process.env.PATH ?? '', HOME: dir, XDG_DATA_HOME: dir, NO_COLOR: '1', NET_NOW: opts.now ?? now, ...opts.env };
    if ((opts.runner ?? runner) === 'in-process') return runInProcess(['--db', db, ...args], env);
    const spawnOpts: SpawnSyncOptions = { encoding: 'utf8', env, input: opts.input ?? '', timeout: opts.timeout ?? 20_000 };
    const r = spawnSync(process.execPath, [BIN, '--db', db, ...args], spawnOpts);
    return { stdout: String(r.stdout), stderr: String(r.stderr), code: r.status };
  };
  const run = (...args: string[]) => runWith({}, ...args);
  return {
    dir,
    db,
    run,
    runWith,
    json(...args) {
      const r = run('--json', ...args);
      if (r.code !== 0 && r.code !== 3) throw new Error(`net ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
    dump: () => dumpJournal(db),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
