/**
 * The build's last step (package.json's build, after rolldown): makes the code cache that load-bundle.ts reads. It
 * runs the commonest commands, one process each, on scratch journals in a temporary folder, each run taking the cache
 * the runs before it left and leaving it with every function it compiled besides: first the writes on a new journal
 * (which migrate it), then the reads on a journal of made-up people from the benchmark's generator (bench/, in a
 * checkout), so that the functions a full journal calls are cached too. Nothing of a user's is read: no home, no
 * journal, no NODE_OPTIONS (V8 refuses code made under other flags than the run's; the build's own node flags, if
 * any, are passed on).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../../../bin/net.js', import.meta.url));
const GENERATOR = fileURLToPath(new URL('../../../bench/generate.mjs', import.meta.url));
const TODAY = '2026-11-22';

/** Made-up people only: the e2e test of the cache checks that none of these names reach it. */
export const TRAINING_NAMES = ['Quillon Vexbridge', 'Marisol Ondaatjevic', 'Tobiah Greywether'];

const [A, B, C] = TRAINING_NAMES as [string, string, string];
const WRITES: string[][] = [
  ['--help'],
  ['--version'],
  ['add', A, '--company', 'Zephyrine Looms', '--every', '2w', '--met', '2026-01-05'],
  ['add', B, '--every', '3w', '--met', '2026-02-01'],
  ['add', C, '--met', '2026-03-01'],
  ['log', A, '--touch', 'coffee', '--gave', 'article', '--note', 'sent the loom piece', '--date', '2026-10-01'],
  ['log', B, 'coffee', 'yesterday'],
];
/** `name`: the generated journal's busiest contact (the benchmark's too). */
const reads = (name: string): string[][] => [
  ['due'],
  ['check', name],
  ['show', name],
  ['log', name, '--touch', 'call'],
  ['ideas', name],
  ['ideas'],
  ['balance', '--limit', '20'],
  ['list'],
  ['search', 'design'],
  ['where'],
  ['complete', '--bash', '--', 'show', name.slice(0, 3)],
];

/** net's arguments for one run: `complete` must come first, as the completion scripts call it. */
const toArgv = (args: string[], db: string) => (args[0] === 'complete' ? [...args.slice(0, 3), '--db', db, ...args.slice(3)] : ['--db', db, ...args]);

async function makeCodeCache(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'net-code-cache-'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder, LANG: 'C.UTF-8', NO_COLOR: '1', NET_NOW: TODAY, NET_CODE_CACHE_TRAIN: '1' };
  const net = (db: string, args: string[], extra: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [...process.execArgv, BIN, ...toArgv(args, db)], { encoding: 'utf8', env: { ...env, ...extra } });
    if (r.status !== 0 && r.status !== 3) throw new Error(`making the code cache: net ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  };
  try {
    const fresh = join(folder, 'new.db');
    for (const args of WRITES) net(fresh, args);
    let full = fresh;
    let name = A;
    if (existsSync(GENERATOR)) {
      full = join(folder, 'full.db');
      const generator = (await import(pathToFileURL(GENERATOR).href)) as { generate(path: string, size: string, today: string): void; contactName(i: number): string };
      generator.generate(full, 'quick', TODAY);
      name = generator.contactName(0);
    }
    for (const args of reads(name)) net(full, args);
    // On a terminal colour is on, and chalk is loaded: one run of the commonest command with it.
    net(full, ['due'], { NO_COLOR: '', FORCE_COLOR: '1' });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await makeCodeCache();
