/**
 * The build's last step (package.json's build, after rolldown): makes the code cache that load-bundle.ts reads. It
 * runs the commonest commands, one process each, on scratch journals in a temporary folder, each run taking the cache
 * the runs before it left and leaving it with every function it compiled besides: first the writes on a new journal
 * (which migrate it), then the reads on a journal of made-up people from the benchmark's generator (bench/, in a
 * checkout), so that the functions a full journal calls are cached too, and last, where git is installed, a round of
 * sync (trainSync). Nothing of a user's is read: no home, no
 * journal, no NODE_OPTIONS (V8 refuses code made under other flags than the run's; the build's own node flags, if
 * any, are passed on).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * The sync step (issue 19): a round of `net sync` between two scratch journals of made-up people, through a bare
 * repository in the scratch folder and an age identity made there, so that the chunks of sync (age's among them:
 * 368 KB compiled from source at every sync before) are cached too, with the functions an everyday sync calls: the
 * first machine publishes, the second joins, each logs, the first syncs, then the second (pull, merge, push). The
 * user's git runs with the scratch folder as its home: no configuration of theirs is read. Without git on PATH the
 * step is left out (sync then compiles its chunks from source, as before). Adds 2 to 4 s to the build (eight runs of
 * net and their git, on a loaded two-core machine). Measured (callgrind, net's process alone, heavy journal, ten new
 * events each way): an everyday sync's instructions above `node -e ''` 455 M -> 375 M.
 */
async function trainSync(folder: string, net: (db: string, args: string[]) => void): Promise<void> {
  const remote = join(folder, 'remote.git');
  if (spawnSync('git', ['init', '-q', '--bare', remote], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder }, stdio: 'ignore' }).status !== 0) return;
  const age = await import('age-encryption');
  const identity = await age.generateX25519Identity();
  const keyFile = join(folder, 'age.key');
  writeFileSync(keyFile, `# public key: ${await age.identityToRecipient(identity)}\n${identity}\n`, { mode: 0o600 });
  const [a, b] = [join(folder, 'sync-a.db'), join(folder, 'sync-b.db')];
  const [first, , third] = TRAINING_NAMES as [string, string, string];
  net(a, ['add', first, '--every', '2w']);
  net(a, ['--json', 'sync', 'init', remote, '--identity', keyFile]);
  net(b, ['sync', 'init', remote, '--identity', keyFile]);
  net(a, ['log', first, '--touch', 'call', '--note', 'woven at the sync step']);
  net(b, ['add', third]);
  net(b, ['log', first, '--touch', 'coffee']);
  net(a, ['sync']);
  net(b, ['--json', 'sync']);
  net(b, ['sync', 'status']);
}

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
    await trainSync(folder, net);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await makeCodeCache();
