// The numbers of `net sync` (README, One journal on every machine), run by bench/run.mjs on each journal size:
// - first: `net sync init` of the whole journal to an empty bare repository (its snapshot encrypted and pushed), once;
// - join: a second machine with an empty journal brings it all down, once (no target: said for the record);
// - ten each: ten new events logged on each of two machines, the first has synced; the second's `net sync` (pull ten,
//   merge, push ten) is timed (the test suite's smoke run logs one on each instead: perRound). git's own part is measured in the same process (`net --json sync` says how long git
//   ran), so the target reads: the sync's wall time minus git's is within `ratio` × `node -e ''` of the same run.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SYNC_TARGETS = { firstMs: 30_000, ratio: 3 };

function run(bin, db, env, args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, '--db', db, ...args], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`net ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { ms, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Times sync on a copy of `journal` in `dir` (emptied first), `runs` rounds of ten events each; `baseline(n)` gives
 * the median of n `node -e ''` runs taken between the rounds, so that both see the same load. `targeted`: the
 * targets apply (the heavy journal); otherwise target and pass are null.
 */
export async function measureSync({ bin, journal, dir, env, runs, perRound = 10, name, targeted, baseline }) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const remote = join(dir, 'remote.git');
  execFileSync('git', ['init', '-q', '--bare', remote]);
  const age = await import('age-encryption');
  const identity = await age.generateX25519Identity();
  const keyFile = join(dir, 'age.key');
  writeFileSync(keyFile, `# public key: ${await age.identityToRecipient(identity)}\n${identity}\n`, { mode: 0o600 });
  const a = join(dir, 'a.db');
  const b = join(dir, 'b.db');
  copyFileSync(journal, a);

  const first = run(bin, a, env, ['--json', 'sync', 'init', remote, '--identity', keyFile]);
  const join_ = run(bin, b, env, ['--json', 'sync', 'init', remote, '--identity', keyFile]);
  const rounds = [];
  const base = [];
  for (let i = 0; i < runs; i++) {
    for (const db of [a, b]) for (let e = 0; e < perRound; e++) run(bin, db, env, ['log', name, '--touch', 'call', '--note', `round ${i}, event ${e}`]);
    run(bin, a, env, ['sync']);
    base.push(baseline(1));
    const r = run(bin, b, env, ['--json', 'sync']);
    const out = JSON.parse(r.stdout);
    if (out.pulled.added < perRound || out.pushed.records < perRound) throw new Error(`the timed sync carried ${out.pulled.added} records in, ${out.pushed.records} out (${perRound} events each way expected)`);
    rounds.push({ ms: r.ms, gitMs: out.gitMs });
  }
  const ms = median(rounds.map((r) => r.ms));
  const gitMs = median(rounds.map((r) => r.gitMs));
  const node = median(base);
  const ratio = (ms - gitMs) / node;
  rmSync(dir, { recursive: true, force: true });
  return {
    first: { ms: first.ms, gitMs: JSON.parse(first.stdout).gitMs, target: targeted ? { ms: SYNC_TARGETS.firstMs } : null, pass: targeted ? first.ms <= SYNC_TARGETS.firstMs : null },
    join: { ms: join_.ms, gitMs: JSON.parse(join_.stdout).gitMs },
    tenEach: { median: ms, gitMs, baseline: node, ratio, target: targeted ? { ratio: SYNC_TARGETS.ratio } : null, pass: targeted ? ratio <= SYNC_TARGETS.ratio : null },
  };
}
