// npm run bench [-- --quick] [-- --smoke] [-- --json] [-- --runs N] [-- --sizes heavy,extreme,wide] [-- --rows due,check]
//   [-- --parts commands,sync,imports] (every part unless said: --parts sync times sync alone)
// Times whole processes of the real bin/net.js (cold start, as a user runs them) against `node -e ''` on the same
// machine in the same run, and checks the targets. Journals are generated once and cached in the OS temp folder.
import { spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir, totalmem } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LATEST_VERSION } from '../dist/store/migrations.js';
import { contactName, generate, SIZES } from './generate.mjs';
import { measureSync } from './sync.mjs';
import { measureImports } from './touchpoints.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'net.js');
const TODAY = '2026-11-22';
const GENERATOR_VERSION = 4; // bump when generate.mjs changes what it writes for a size that exists

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
// The usage is this file's first two lines; an unknown option stops before anything is generated or timed (a typo
// used to start the whole benchmark, minutes long, in the shared temp folder).
const OPTIONS = ['--quick', '--smoke', '--json', '--runs', '--sizes', '--rows', '--parts', '--help', '-h'];
if (flag('--help') || flag('-h')) {
  process.stdout.write(`usage: npm run bench [-- --quick] [-- --smoke] [-- --json] [-- --runs N] [-- --sizes heavy,extreme,wide]
       [-- --rows due,check] [-- --parts commands,sync,imports]
Times the real bin/net.js against node -e '' in a clean environment; journals are cached in $TMPDIR/net-bench.
`);
  process.exit(0);
}
const unknown = args.find((a) => a.startsWith('-') && !OPTIONS.includes(a));
if (unknown) {
  process.stderr.write(`bench: unknown option ${unknown}; see npm run bench -- --help\n`);
  process.exit(2);
}
const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const quick = flag('--quick');
// The test suite's smoke run (test/e2e/bench.e2e.test.ts): every row and part once, to prove it still produces numbers.
// No warm-up run, and sync's rounds log one event on each machine instead of ten: its figures are not to be quoted.
const smoke = flag('--smoke');
const json = flag('--json');
const runs = Number(value('--runs', quick ? 3 : 15));
const sizes = value('--sizes', quick ? 'quick' : 'heavy,extreme,wide').split(',');
const onlyRows = value('--rows', undefined)?.split(',');
const parts = value('--parts', 'commands,sync,imports').split(',');
const part = (name) => parts.includes(name);

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
/** The screen the terminal rows are timed on: git and less users' 24 lines by 80 columns. */
const SCREEN = { rows: 24, cols: 80 };

/*
 * A clean environment, built explicitly: node reads some variables at every start (NODE_EXTRA_CA_CERTS loads a
 * certificate bundle, tens of ms; NODE_OPTIONS can load anything), so that a developer's shell would time something
 * no user runs. Every process timed, the baseline included, gets only these.
 */
const home = mkdtempSync(join(tmpdir(), 'net-bench-home-'));
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8', TERM: 'xterm-256color', NO_COLOR: '1', NET_NOW: TODAY };
const ENV_NOTE = 'clean environment: PATH, HOME, LANG=C.UTF-8, TERM=xterm-256color, NO_COLOR=1 and NET_NOW only (no NODE_EXTRA_CA_CERTS, no NODE_OPTIONS)';

const findOnPath = (name) => (env.PATH.split(delimiter).map((d) => join(d, name)).find((p) => existsSync(p)) ?? null);

/** One cold process: wall time in ms and peak RSS in MB (when /usr/bin/time is there). `shell`: argv is one sh -c line. */
function once(argv, { exe = process.execPath, shell = false, extraEnv } = {}) {
  const target = shell ? ['/bin/sh', '-c', argv.join(' ')] : [exe, ...argv];
  const cmd = TIME ? [TIME, '-f', '%M', ...target] : target;
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd[0], cmd.slice(1), { encoding: 'utf8', env: { ...env, ...extraEnv }, maxBuffer: 512 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 3) throw new Error(`${target.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const rss = TIME ? Number(r.stderr.trim().split('\n').at(-1)) / 1024 : null;
  return { ms, rss };
}

/*
 * On a terminal, as a person runs it: python3's pty module (as test/helpers/pty.ts) runs argv on a 24 × 80 terminal and
 * reports when the first screen was there (that many lines, or the pager's prompt after them), then quits the pager with
 * q. The baseline runs through the same driver: its time is until it exits.
 */
const PTY_DRIVER = String.raw`
import fcntl, json, os, pty, resource, select, struct, sys, termios, time
spec = json.loads(sys.argv[1])
start = time.perf_counter()
pid, fd = pty.fork()
if pid == 0:
    fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', spec['rows'], spec['cols'], 0, 0))
    os.execve(spec['argv'][0], spec['argv'], spec['env'])
buf = b''
first = None
quit_sent = False
while True:
    r, _, _ = select.select([fd], [], [], 10)
    if not r: break
    try:
        data = os.read(fd, 65536)
    except OSError:
        data = b''
    if not data: break
    buf += data
    # The first screen: that many lines, or the pager's prompt at the foot of the screen (less: ':' and erase-line).
    if first is None and (buf.count(b'\n') >= spec['rows'] - 1 or buf.endswith(b':\x1b[K') or buf.endswith(b'(END)\x1b[m\x1b[K')):
        first = time.perf_counter()
        if not quit_sent:
            os.write(fd, b'q')
            quit_sent = True
end = time.perf_counter()
_, status, usage = os.wait4(pid, 0)
code = os.waitstatus_to_exitcode(status)
print(json.dumps({'first': ((first or end) - start) * 1000, 'exit': (end - start) * 1000, 'code': code, 'rss': usage.ru_maxrss / 1024}))
`;
const python = findOnPath('python3');

function onTerminal(argv) {
  const r = spawnSync(python, ['-c', PTY_DRIVER, JSON.stringify({ argv: [process.execPath, ...argv], env, ...SCREEN })], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the terminal driver failed: ${r.stderr.slice(-500)}`);
  const out = JSON.parse(r.stdout);
  if (out.code !== 0) throw new Error(`${argv.join(' ')} exited ${out.code} on a terminal`);
  return { ms: out.first, rss: out.rss };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Runs the row and the `node -e ''` baseline in turns, so that both see the same load on the machine: the ratio of
 * their medians is what the targets are about, since absolute times differ between machines and moments.
 */
function measure(row, before, times = runs) {
  const run = row.terminal ? () => onTerminal(row.argv) : () => once(row.argv, row);
  const baseline = row.terminal ? () => onTerminal(['-e', '']) : () => once(['-e', '']);
  const samples = [];
  const base = [];
  if (!smoke) {
    before?.();
    run(); // warm the file cache: we measure start-up and work, not the disk
  }
  for (let i = 0; i < times; i++) {
    base.push(baseline().ms);
    before?.();
    samples.push(run());
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

const cacheDir = join(tmpdir(), 'net-bench');

function journalFor(size) {
  mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
  const path = join(cacheDir, `${size}-schema${LATEST_VERSION}-gen${GENERATOR_VERSION}.db`);
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

/*
 * The peer: taskwarrior's `task next` over 10,000 pending tasks, when taskwarrior is installed (never required). Its
 * data is made once with `task import` and kept beside the journals.
 */
const TASK_COUNT = 10_000;
function taskwarrior() {
  const task = findOnPath('task');
  if (!task) return null;
  const dir = join(cacheDir, `task-${TASK_COUNT}`);
  const rc = join(dir, 'taskrc');
  const extraEnv = { TASKRC: rc, TASKDATA: join(dir, 'data') };
  if (!existsSync(join(dir, 'data', 'pending.data'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(rc, `data.location=${join(dir, 'data')}\nconfirmation=off\nverbose=nothing\nhooks=off\n`);
    const tasks = Array.from({ length: TASK_COUNT }, (_, i) => ({
      uuid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, status: 'pending', description: `call ${contactName(i)} about the spring campaign`,
      entry: '20260101T090000Z', ...(i % 3 === 0 ? { due: `202612${String(1 + (i % 28)).padStart(2, '0')}T090000Z` } : {}), ...(i % 5 === 0 ? { project: 'bni' } : {}), ...(i % 7 === 0 ? { priority: 'H' } : {}),
    }));
    const file = join(dir, 'tasks.json');
    writeFileSync(file, JSON.stringify(tasks));
    const r = spawnSync(task, ['import', file], { encoding: 'utf8', env: { ...env, ...extraEnv } });
    if (r.status !== 0) throw new Error(`task import failed: ${r.stderr.slice(-500)}`);
  }
  return { exe: task, argv: ['next'], extraEnv };
}

/*
 * What is timed. Each row: the process to run, and its targets by journal size (a ratio of medians to `node -e ''`,
 * a peak memory, or both; memory alone where time grows with the output by design). Add a row here with its targets.
 * `reference` rows are the floor and the peer, shown beside the commands and never targeted.
 */
const ADDON = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const ROWS = {
  addon: { reference: true, argv: () => ['-e', `require(${JSON.stringify(ADDON)})`], note: 'node + the better-sqlite3 addon loaded' },
  query: {
    reference: true,
    argv: (j) => ['-e', `new (require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))}))(${JSON.stringify(j.db)}, { readonly: true }).prepare('SELECT count(*) FROM contacts').get()`],
    note: 'node + better-sqlite3 (its package) opening the journal, one query',
  },
  help: { argv: (j) => j.net('--help'), targets: { heavy: { ratio: 1.3 } } },
  due: { argv: (j) => j.net('due'), targets: { heavy: { ratio: 1.6 }, extreme: { ratio: 2.0, rssMb: 80 }, wide: { ratio: 3.0, rssMb: 150 } } },
  check: { argv: (j) => j.net('check', j.name), targets: { heavy: { ratio: 1.6 }, extreme: { ratio: 2.0, rssMb: 80 }, wide: { ratio: 3.0, rssMb: 150 } } },
  balance: { argv: (j) => j.net('balance', '--limit', '20'), targets: { extreme: { ratio: 2.0, rssMb: 80 }, wide: { ratio: 3.0, rssMb: 150 } } },
  show: { argv: (j) => j.net('show', j.name), targets: { heavy: { ratio: 1.6 } } },
  log: { argv: (j) => [BIN, '--db', j.scratch, 'log', j.name, '--touch', 'call'], before: (j) => copyJournal(j.db, j.scratch), targets: { heavy: { ratio: 1.6 } } },
  ideas: { argv: (j) => j.net('ideas', j.name), targets: { heavy: { ratio: 1.8 }, extreme: { ratio: 2.0, rssMb: 80 } } },
  'list-tag': { argv: (j) => j.net('list', '--tag', 'mentor'), sizes: ['quick', 'heavy', 'extreme'] },
  // The first screen on a terminal: net list pages its output there, as git does.
  'list-tty': { terminal: true, argv: (j) => j.net('list'), targets: { extreme: { ratio: 2.0 } } },
  // Into a pipe that closes after ten lines: the list is streamed, so it stops when the reader does.
  'list-head': { shell: true, argv: (j) => [process.execPath, BIN, '--db', j.db, 'list', '|', 'head', '-n', '10', '>', '/dev/null'], targets: { wide: { ratio: 3.0, rssMb: 150 } } },
  // Everything, to a pipe: its time grows with what it prints, its memory must not.
  ics: { argv: (j) => j.net('due', '--ics'), targets: { heavy: { rssMb: 150 }, extreme: { rssMb: 150 }, wide: { rssMb: 150 } } },
  'due-all': { argv: (j) => j.net('due', '--all'), targets: { wide: { rssMb: 150 } }, sizes: ['quick', 'wide'] },
  'list-all': { argv: (j) => j.net('list'), targets: { wide: { rssMb: 150 } }, sizes: ['quick', 'wide'] },
  // What the bash script runs on Tab after "net show Ada Ab": the name index, one query. It runs on every Tab: within
  // 1.3× of node itself. Like every row here it is timed in a clean environment, where node's own start is all there is.
  complete: { argv: (j) => [BIN, 'complete', '--bash', '--', '--db', j.db, 'show', j.name.slice(0, 6)], mustFind: (j) => j.name, targets: { extreme: { ratio: 1.3 } } },
  // A search that finds nothing would be timed doing less than a user's: each must find.
  search: { argv: (j) => j.net('search', 'spring'), mustFind: () => 'spring campaign', targets: { extreme: { ratio: 2.0, rssMb: 80 } } }, // in 30% of the events
  'search-rare': { argv: (j) => j.net('search', 'printers'), mustFind: () => 'printers', targets: { extreme: { ratio: 2.0, rssMb: 80 } } }, // in one event of 10,007
};
/** The rows timed on a journal: every row unless it names its sizes (the whole output of a big journal is slow to time). */
const rowsFor = (size) => Object.entries(ROWS).filter(([key, row]) => part('commands') && (!onlyRows || onlyRows.includes(key)) && (!row.sizes || row.sizes.includes(size)));

const results = {
  date: new Date().toISOString(),
  node: process.version,
  environment: ENV_NOTE,
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB`,
  runs,
  sizes: {},
};
const baseline = measure({ argv: ['-e', ''] });
results.baseline = baseline;

const peer = quick || !part('commands') ? null : taskwarrior();
if (peer) results.peer = { ...measure(peer), note: `taskwarrior: task next over ${TASK_COUNT.toLocaleString('en')} pending tasks` };

for (const size of sizes) {
  const db = journalFor(size);
  const j = { db, name: contactName(0), scratch: `${db}.scratch`, net: (...a) => [BIN, '--db', db, ...a] };
  const rows = {};
  for (const [key, row] of rowsFor(size)) {
    if (row.terminal && !python) continue;
    if (row.mustFind) {
      const r = spawnSync(process.execPath, row.argv(j), { encoding: 'utf8', env });
      if (!r.stdout.includes(row.mustFind(j))) throw new Error(`${row.argv(j).slice(1).join(' ')} did not find "${row.mustFind(j)}": ${r.stdout.slice(0, 300)}${r.stderr.slice(-300)}`);
    }
    // A row whose target is its memory alone is run three times: its time is not what is judged, and it is long.
    const memoryOnly = Object.values(row.targets ?? {}).every((t) => t.ratio === undefined) && row.targets !== undefined;
    const m = measure({ ...row, argv: row.argv(j) }, row.before && (() => row.before(j)), memoryOnly ? Math.min(runs, 3) : runs);
    const ratio = m.median / m.baseline;
    const target = size === 'quick' ? undefined : row.targets?.[size];
    const pass = target ? (target.ratio === undefined || ratio <= target.ratio) && (target.rssMb === undefined || m.rssMb === null || m.rssMb <= target.rssMb) : null;
    rows[key] = { ...m, ratio, target: target ? { ratio: target.ratio ?? null, rssMb: target.rssMb ?? null } : null, pass, ...(row.reference ? { reference: row.note } : {}) };
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${j.scratch}${suffix}`, { force: true });
  // Sync's targets are on the heavy journal; the extreme and wide ones would take minutes to bring down, and have none.
  const sync =
    part('sync') && (size === 'heavy' || size === 'quick')
      ? await measureSync({ bin: BIN, journal: db, dir: `${db}.sync-bench`, env, runs: Math.min(runs, 5), perRound: smoke ? 1 : 10, name: j.name, targeted: size === 'heavy', baseline: (n) => median(Array.from({ length: n }, () => once(['-e', '']).ms)) })
      : undefined;
  results.sizes[size] = { contacts: SIZES[size].contacts, events: SIZES[size].events, commands: rows, ...(sync && { sync }) };
}
// Touchpoints from a calendar and a mailbox (bench/touchpoints.mjs): absolute targets, into the heavy journal.
const importSize = onlyRows || !part('imports') ? null : quick ? 'quick' : sizes.includes('heavy') ? 'full' : null;
if (importSize) {
  const db = journalFor(quick ? 'quick' : 'heavy');
  const scratch = `${db}.imports`;
  const importEnv = { extraEnv: { TZ: 'Europe/London' } };
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

rmSync(home, { recursive: true, force: true });

const fmt = (n) => n.toFixed(1).padStart(7);
const allPass = Object.values(results.sizes).every((s) => Object.values(s.commands).every((r) => r.pass !== false) && (!s.sync || [s.sync.first, s.sync.tenEach].every((r) => r.pass !== false)));
if (json) {
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} else {
  const line = (key, r) => {
    const limits = r.target ? [r.target.ratio ? `≤${r.target.ratio}×` : '', r.target.rssMb ? `<${r.target.rssMb} MB` : ''].filter(Boolean).join(', ') : '';
    const target = r.target ? `${r.pass ? 'PASS' : 'FAIL'} ${limits}` : r.reference ? `(${r.reference})` : '';
    return `  ${key.padEnd(10)} ${fmt(r.median)}   ${`${r.min.toFixed(0)}–${r.max.toFixed(0)}`.padEnd(10)} ${fmt(r.baseline)}   ${r.ratio.toFixed(2).padStart(5)}×  ${r.rssMb === null ? '    -' : fmt(r.rssMb)}   ${target}`;
  };
  const lines = [
    `node -e '' (baseline): ${fmt(baseline.median)} ms median (${baseline.min.toFixed(0)}–${baseline.max.toFixed(0)}), ${results.machine}, node ${results.node}, ${runs} runs`,
    ENV_NOTE,
  ];
  if (results.peer) lines.push(`peer: ${results.peer.note}: ${fmt(results.peer.median)} ms median, ${(results.peer.median / results.peer.baseline).toFixed(2)}× node`);
  for (const [size, s] of Object.entries(results.sizes)) {
    lines.push('', `${size}: ${s.contacts.toLocaleString('en')} contacts, ${s.events.toLocaleString('en')} events`, '  row          median ms   spread      node ms   ×node   peak MB   target');
    for (const [key, r] of Object.entries(s.commands)) lines.push(line(key, r));
    if (!s.sync) continue;
    const { first, join: joined, tenEach } = s.sync;
    const verdict = (r, limit) => (r.target ? `   ${r.pass ? 'PASS' : 'FAIL'} ${limit}` : '');
    lines.push(
      `  sync init (first machine, whole journal) ${fmt(first.ms)} ms (git ${first.gitMs} ms)${verdict(first, `<${first.target?.ms / 1000} s`)}`,
      `  sync init (a new machine, empty journal) ${fmt(joined.ms)} ms (git ${joined.gitMs} ms)`,
      `  sync, ten new events on each of two     ${fmt(tenEach.median)} ms (git ${tenEach.gitMs.toFixed(0)} ms, node ${tenEach.baseline.toFixed(1)} ms): ${tenEach.ratio.toFixed(2)}× node without git${verdict(tenEach, `≤${tenEach.target?.ratio}×`)}`,
    );
  }
  if (results.imports) {
    lines.push('', `imports into a copy of the ${quick ? 'quick' : 'heavy'} journal (one cold process each)`, '  file       median s   peak MB   target');
    for (const [key, r] of Object.entries(results.imports)) {
      const what = key === 'calendar' ? `${r.file.events.toLocaleString('en')} events` : `${r.file.messages.toLocaleString('en')} messages`;
      const limits = r.target ? [`<${r.target.seconds} s`, r.target.rssMb ? `<${r.target.rssMb} MB` : ''].filter(Boolean).join(', ') : '';
      lines.push(`  ${key.padEnd(10)} ${(r.median / 1000).toFixed(2).padStart(8)}   ${r.rssMb === null ? '    -' : fmt(r.rssMb)}   ${r.target ? `${r.pass ? 'PASS' : 'FAIL'} ${limits}` : ''}  (${what})`);
    }
  }
  lines.push('', `list-tty: the first ${SCREEN.rows}-line screen of net list on a terminal; list-head: net list | head -n 10 (through sh)`);
  if (!quick) lines.push(allPass ? 'every target: PASS' : 'some targets: FAIL');
  process.stdout.write(`${lines.join('\n')}\n`);
}
if (!quick && !onlyRows && parts.length === 3 && sizes.join() === 'heavy,extreme,wide') writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
