// npm run bench [-- --quick] [-- --json] [-- --runs N] [-- --sizes heavy,extreme]
// Times whole processes of the real bin/net.js (cold start, as a user runs them) against `node -e ''` on the same
// machine in the same run, and checks the targets. Journals are generated once and cached in the OS temp folder.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION } from '../dist/store/migrations.js';
import { contactName, generate, SIZES } from './generate.mjs';
import { measureImports } from './touchpoints.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'net.js');
const TODAY = '2026-11-22';
const GENERATOR_VERSION = 2; // bump when generate.mjs changes what it writes

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const quick = flag('--quick');
const json = flag('--json');
const runs = Number(value('--runs', quick ? 3 : 15));
const sizes = value('--sizes', quick ? 'quick' : 'heavy,extreme').split(',');

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** One cold process: wall time in ms and peak RSS in MB (when /usr/bin/time is there). */
function once(argv, env) {
  const cmd = TIME ? [TIME, '-f', '%M', process.execPath, ...argv] : [process.execPath, ...argv];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const rss = TIME ? Number(r.stderr.trim().split('\n').at(-1)) / 1024 : null;
  return { ms, rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the command and the `node -e ''` baseline in turns, so that both see the same load on the machine: the ratio of
 * their medians is what the targets are about, since absolute times differ between machines and moments.
 */
function measure(argv, env, before) {
  const samples = [];
  const base = [];
  before?.();
  once(argv, env); // warm the file cache: we measure start-up and work, not the disk
  for (let i = 0; i < runs; i++) {
    base.push(once(['-e', ''], env).ms);
    before?.();
    samples.push(once(argv, env));
  }
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rss).filter((x) => x !== null);
  return { median: median(ms), min: Math.min(...ms), max: Math.max(...ms), baseline: median(base), rssMb: rss.length ? Math.max(...rss) : null };
}

/**
 * A fresh copy for each write, settled on disk before the clock starts: otherwise the first checkpoint of the copy's
 * write-ahead log flushes the whole freshly written file (94 MB for the heavy journal), which no user's journal needs.
 */
function copyJournal(from, to) {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function journalFor(size) {
  const dir = join(tmpdir(), 'net-bench');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `${size}-schema${LATEST_VERSION}-gen${GENERATOR_VERSION}.db`);
  if (!existsSync(path)) {
    const t = Date.now();
    if (!json) process.stderr.write(`building the ${size} journal (${SIZES[size].contacts} contacts, ${SIZES[size].events} events)…\n`);
    rmSync(`${path}.tmp`, { force: true });
    generate(`${path}.tmp`, size, TODAY);
    copyFileSync(`${path}.tmp`, path);
    rmSync(`${path}.tmp`, { force: true });
    if (!json) process.stderr.write(`  built in ${((Date.now() - t) / 1000).toFixed(1)} s: ${path}\n`);
  }
  return path;
}

// Targets: ratio of the median wall time to `node -e ''`, and peak memory.
const TARGETS = {
  heavy: { ratio: 1.6, commands: ['help', 'due', 'check', 'show', 'log', 'ideas'] },
  extreme: { ratio: 2.0, commands: ['due', 'check', 'balance'], rssMb: 80 },
};
// Memory alone, on the full journals: the calendar writes one event at a time, so its peak must not grow with the
// journal (README, Your data). Its time grows with the contacts it lists, and has no target.
const MEMORY_TARGETS = { ics: 150 };

// The user's own environment, as their shell runs net, with today pinned and no other journal named. Node reads some
// variables at every start (NODE_EXTRA_CA_CERTS loads a certificate bundle: tens of ms), so they weigh on the baseline
// and on net alike; the results record whether it was set.
const { NET_DB: _db, XDG_DATA_HOME: _xdg, ...inherited } = process.env;
const env = { ...inherited, NO_COLOR: '1', NET_NOW: TODAY };
const results = { date: new Date().toISOString(), node: process.version, extraCaCerts: Boolean(env.NODE_EXTRA_CA_CERTS), machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`, runs, sizes: {} };
const baseline = measure(['-e', ''], env);
results.baseline = baseline;

for (const size of sizes) {
  const db = journalFor(size);
  const name = contactName(0);
  const scratch = `${db}.scratch`;
  const net = (...a) => [BIN, '--db', db, ...a];
  const commands = {
    help: net('--help'),
    due: net('due'),
    check: net('check', name),
    balance: net('balance', '--limit', '20'),
    show: net('show', name),
    log: [BIN, '--db', scratch, 'log', name, '--touch', 'call'],
    list: net('list', '--tag', 'mentor'),
    ideas: net('ideas', name),
    ics: net('due', '--ics'),
  };
  const rows = {};
  for (const [key, argv] of Object.entries(commands)) {
    const before = key === 'log' ? () => copyJournal(db, scratch) : undefined;
    const m = measure(argv, env, before);
    const ratio = m.median / m.baseline;
    const memoryOnly = TARGETS[size] ? MEMORY_TARGETS[key] : undefined;
    if (memoryOnly !== undefined) {
      rows[key] = { ...m, ratio, target: { ratio: null, rssMb: memoryOnly }, pass: m.rssMb === null || m.rssMb <= memoryOnly };
      continue;
    }
    const target = TARGETS[size];
    const targeted = target?.commands.includes(key);
    const pass = !targeted ? null : ratio <= target.ratio && (target.rssMb === undefined || m.rssMb === null || m.rssMb <= target.rssMb);
    rows[key] = { ...m, ratio, target: targeted ? { ratio: target.ratio, rssMb: target.rssMb ?? null } : null, pass };
  }
  rmSync(scratch, { force: true });
  rmSync(`${scratch}-wal`, { force: true });
  rmSync(`${scratch}-shm`, { force: true });
  results.sizes[size] = { contacts: SIZES[size].contacts, events: SIZES[size].events, commands: rows };
}

// Touchpoints from a calendar and a mailbox (bench/touchpoints.mjs): absolute targets, into the heavy journal.
const importSize = quick ? 'quick' : sizes.includes('heavy') ? 'full' : null;
if (importSize) {
  const db = journalFor(quick ? 'quick' : 'heavy');
  const scratch = `${db}.imports`;
  const importEnv = { ...env, TZ: 'Europe/London' };
  const clear = () => ['', '-wal', '-shm'].forEach((end) => rmSync(`${scratch}${end}`, { force: true }));
  const prepare = () => {
    clear();
    copyJournal(db, scratch);
    once([BIN, '--db', scratch, 'config', 'me', 'me@myfirm.example'], importEnv);
  };
  const net = (...a) => [BIN, '--db', scratch, ...a];
  results.imports = measureImports({ once: (argv) => once(argv, importEnv), net, prepare, dir: join(tmpdir(), 'net-bench'), size: importSize, today: TODAY, runs: Math.min(runs, 3), quick });
  clear();
}

const fmt = (n) => n.toFixed(1).padStart(7);
if (json) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const lines = [
    `node -e '' (baseline): ${fmt(baseline.median)} ms median (${baseline.min.toFixed(0)}–${baseline.max.toFixed(0)}), ${results.machine}, node ${results.node}, ${runs} runs${results.extraCaCerts ? ', NODE_EXTRA_CA_CERTS set' : ''}`,
  ];
  for (const [size, s] of Object.entries(results.sizes)) {
    lines.push('', `${size}: ${s.contacts.toLocaleString('en')} contacts, ${s.events.toLocaleString('en')} events`, '  command      median ms   spread      node ms   ×node   peak MB   target');
    for (const [key, r] of Object.entries(s.commands)) {
      const limits = r.target ? [r.target.ratio ? `≤${r.target.ratio}×` : '', r.target.rssMb ? `<${r.target.rssMb} MB` : ''].filter(Boolean).join(', ') : '';
      const target = r.target ? `${r.pass ? 'PASS' : 'FAIL'} ${limits}` : '';
      lines.push(`  ${key.padEnd(10)} ${fmt(r.median)}   ${`${r.min.toFixed(0)}–${r.max.toFixed(0)}`.padEnd(10)} ${fmt(r.baseline)}   ${r.ratio.toFixed(2).padStart(5)}×  ${r.rssMb === null ? '    -' : fmt(r.rssMb)}   ${target}`);
    }
  }
  if (results.imports) {
    lines.push('', `imports into a copy of the ${quick ? 'quick' : 'heavy'} journal (one cold process each)`, '  file       median s   peak MB   target');
    for (const [key, r] of Object.entries(results.imports)) {
      const what = key === 'calendar' ? `${r.file.events.toLocaleString('en')} events` : `${r.file.messages.toLocaleString('en')} messages`;
      const limits = r.target ? [`<${r.target.seconds} s`, r.target.rssMb ? `<${r.target.rssMb} MB` : ''].filter(Boolean).join(', ') : '';
      lines.push(`  ${key.padEnd(10)} ${(r.median / 1000).toFixed(2).padStart(8)}   ${r.rssMb === null ? '    -' : fmt(r.rssMb)}   ${r.target ? `${r.pass ? 'PASS' : 'FAIL'} ${limits}` : ''}  (${what})`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
if (!quick) writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
