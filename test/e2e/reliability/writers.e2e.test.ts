/**
 * Every command that writes a file, driven through the same hostile targets: the journal itself and its companions,
 * a link, a folder, a named pipe, an existing file without --force, a missing folder, a full disk and `ulimit -f`.
 * Each either writes the whole file (0600, renamed into place) or fails with one `net:` line, a non-zero exit, the
 * journal unchanged and no file, temporary or final, left behind. A new writer joins WRITERS and inherits every case.
 * The journal is built and the refusals checked with net's run() in-process (fast, the same code); what only a process
 * shows runs the real bin/net.js: each writer's whole file and its --force, `ulimit -f`, stdout onto /dev/full.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOneErrorLine, sha256 } from '../../helpers/journal-state.js';
import { BIN, makeJournal, TODAY, type Journal, type RunResult } from '../../helpers/run-net.js';

interface Writer {
  what: string;
  /** The command that writes `file`. */
  args: (file: string) => string[];
  /** A file that is the command's own: SQLite's backup is binary, the others are text. */
  binary?: boolean;
}

const WRITERS: Writer[] = [
  { what: 'export --json', args: (f) => ['export', f] },
  { what: 'export --csv', args: (f) => ['export', '--csv', f] },
  { what: 'export --vcf', args: (f) => ['export', '--vcf', f] },
  { what: 'report --html', args: (f) => ['report', '--html', f] },
  { what: 'due --ics', args: (f) => ['due', '--ics', f] },
  { what: 'backup', args: (f) => ['backup', f], binary: true },
];

let j: Journal;
let journalHash: string;
/** The same journal written by the real bin/net.js, in a process of its own. */
const env = () => ({ PATH: process.env.PATH ?? '', HOME: j.dir, XDG_DATA_HOME: j.dir, NO_COLOR: '1', NET_NOW: TODAY });
function spawned(...args: string[]): RunResult {
  const r = spawnSync(process.execPath, [BIN, '--db', j.db, ...args], { encoding: 'utf8', env: env(), input: '', timeout: 20_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}
/** Each writer's output written to a roomy place: its size, and its text (backups vary with SQLite's page order). */
const normal = new Map<string, { size: number; text: string | null }>();

beforeAll(() => {
  j = makeJournal(TODAY, 'in-process');
  const rows = Array.from({ length: 300 }, (_, i) => `Person ${String(i).padStart(4, '0')},p${i}@example.com,Company ${i % 40},2025-${String((i % 12) + 1).padStart(2, '0')}-01,"what they need this year, ${i}"`);
  const csv = join(j.dir, 'contacts.csv');
  writeFileSync(csv, `name,email,company,met,note\n${rows.join('\n')}\n`);
  expect(j.run('import', csv)).toMatchObject({ code: 0, stderr: '' });
  for (const day of ['2026-10-01', '2026-10-08', '2026-11-02']) expect(j.run('log', 'person 0001', '--gave', 'referral', '--date', day).code).toBe(0);
  journalHash = sha256(j.db);
  for (const w of WRITERS) {
    const file = join(j.dir, `normal-${w.what.replace(/\W+/g, '-')}`);
    expect(j.run(...w.args(file)), w.what).toMatchObject({ code: 0, stderr: '' });
    normal.set(w.what, { size: statSync(file).size, text: w.binary ? null : readFileSync(file, 'utf8') });
  }
});
afterAll(() => j.cleanup());

/** A fresh folder for one case; the journal stays in j.dir. */
function scratch(): string {
  return mkdtempSync(join(j.dir, 'case-'));
}

/** Files whose name says they are a writer's temporary file. */
const temporaries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

function expectRefused(r: RunResult, stderr: RegExp): void {
  expect({ code: r.code, problem: expectOneErrorLine(r) }).toEqual({ code: 2, problem: null });
  expect(r.stderr).toMatch(stderr);
  expect(sha256(j.db)).toBe(journalHash);
  expect(temporaries(j.dir)).toEqual([]);
}

describe.each(WRITERS.map((w) => [w.what, w] as const))('net %s', (_what, w) => {
  it('writes the whole file, 0600, with no temporary file left; an existing file is replaced only with --force (spawned)', () => {
    const dir = scratch();
    const file = join(dir, 'out');
    expect(spawned(...w.args(file))).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(file).size).toBe(normal.get(w.what)!.size);
    if (!w.binary) expect(readFileSync(file, 'utf8')).toBe(normal.get(w.what)!.text);
    expect(temporaries(dir)).toEqual([]);
    writeFileSync(file, 'mine');
    expectRefused(spawned(...w.args(file)), /already exists; choose another file name, or add --force to replace it$/m);
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(spawned(...w.args(file), '--force')).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(file).size).toBe(normal.get(w.what)!.size);
  });

  it.each(['', '-wal', '-shm', '-journal'])('never writes over the journal%s, even with --force', (suffix) => {
    const target = `${j.db}${suffix}`;
    const existed = existsSync(target);
    expectRefused(j.run(...w.args(target), '--force'), suffix ? /is the journal's \w+ file; write to another file$/m : /is the journal itself; write to another file$/m);
    expect(existsSync(target)).toBe(existed);
  });

  it('never writes over the journal by another name: a hard link, a symbolic link, a path through a linked folder', () => {
    const dir = scratch();
    const hard = join(dir, 'hard.db');
    linkSync(j.db, hard);
    expectRefused(j.run(...w.args(hard), '--force'), /is the journal itself \(another name for the same file\)/);
    const soft = join(dir, 'soft.db');
    symlinkSync(j.db, soft);
    expectRefused(j.run(...w.args(soft), '--force'), /is the journal itself|is a symbolic link/);
    const folder = join(dir, 'folder-link');
    symlinkSync(j.dir, folder);
    expectRefused(j.run(...w.args(join(folder, 'journal.db')), '--force'), /is the journal itself; write to another file$/m);
  });

  it('never writes through a symbolic link onto its target', () => {
    const dir = scratch();
    const other = join(dir, 'other.txt');
    writeFileSync(other, 'keep me', { mode: 0o644 });
    const link = join(dir, 'link');
    symlinkSync(other, link);
    expectRefused(j.run(...w.args(link), '--force'), /link is a symbolic link; net does not write through links/);
    expect(readFileSync(other, 'utf8')).toBe('keep me');
    expect(statSync(other).mode & 0o777).toBe(0o644);
    expect(readlinkSync(link)).toBe(other);
    const dangling = join(dir, 'dangling');
    symlinkSync(join(dir, 'nowhere'), dangling);
    expectRefused(j.run(...w.args(dangling), '--force'), /is a symbolic link/);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
  });

  it('refuses a folder, a named pipe and a missing folder, without waiting', () => {
    const dir = scratch();
    expectRefused(j.run(...w.args(dir), '--force'), /is a folder; give a file name/);
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectRefused(j.run(...w.args(fifo), '--force'), /pipe is a named pipe, not a file/);
    expectRefused(j.run(...w.args(join(dir, 'missing', 'out'))), /cannot write \S+: its folder does not exist/);
    expect(readdirSync(dir).sort()).toEqual(['pipe']);
  });

  it('under ulimit -f: the whole file or nothing, never a truncated one (SIGXFSZ does not kill node)', () => {
    const dir = scratch();
    const file = join(dir, 'out');
    const blocks = 32;
    const argv = [process.execPath, BIN, '--db', j.db, ...w.args(file)].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('bash', ['-c', `ulimit -f ${blocks} && exec ${argv}`], { encoding: 'utf8', env: env(), timeout: 20_000 });
    const result = { stdout: r.stdout, stderr: r.stderr, code: r.status };
    if (normal.get(w.what)!.size > blocks * 1024) {
      expectRefused(result, /^net: cannot write \S+: .*ulimit -f\)?; /);
      expect(readdirSync(dir)).toEqual([]);
    } else {
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(statSync(file).size).toBe(normal.get(w.what)!.size);
    }
  });
});

it('under ulimit -f, the large writers do fail (so the case above tests a failure)', () => {
  expect(WRITERS.filter((w) => normal.get(w.what)!.size > 32 * 1024).map((w) => w.what)).toEqual(expect.arrayContaining(['export --json', 'export --vcf', 'due --ics', 'backup']));
});

/** A 64 KiB tmpfs, filled but for `free` bytes; undefined where this machine does not allow the mount (not root). */
function tinyDisk(free: number): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'net-full-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]).status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  writeFileSync(join(dir, 'filler'), Buffer.alloc(64 * 1024 - free));
  return dir;
}

function removeDisk(dir: string): void {
  spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
}

describe('on a full disk', () => {
  const free = 8 * 1024;
  const probe = tinyDisk(free);
  if (probe) removeDisk(probe);

  it.skipIf(!probe).each(WRITERS.map((w) => [w.what, w] as const))('net %s fails with one line and leaves nothing on the disk', (_what, w) => {
    const disk = tinyDisk(free)!;
    try {
      const r = j.run(...w.args(join(disk, 'out')));
      expect(normal.get(w.what)!.size).toBeGreaterThan(free);
      expectRefused(r, /^net: cannot write \S+: the disk is full; /);
      expect(readdirSync(disk)).toEqual(['filler']);
    } finally {
      removeDisk(disk);
    }
  });
});

describe('stdout onto a full device', () => {
  it.each([
    ['export --json', ['export']],
    ['due --ics', ['due', '--ics']],
  ])('net %s to /dev/full: one line, exit 2, never "a bug"', (_what, args) => {
    const argv = [process.execPath, BIN, '--db', j.db, ...args].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('bash', ['-c', `exec ${argv} > /dev/full`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: j.dir, NO_COLOR: '1', NET_NOW: TODAY }, timeout: 20_000 });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 2, stderr: 'net: cannot print the result: the disk is full; send the output somewhere that can take it\n' });
    expect(sha256(j.db)).toBe(journalHash);
  });
});

it('lists every command that writes a file', () => {
  // Every command with a file argument or option is a writer here (import only reads its file, and sync its
  // --identity): a new writer that is not in WRITERS fails this test. The program is read in a node of its own, from
  // dist/ as bin/net.js runs it: importing it here would make vitest transform every command, seconds of this file.
  const takesFile = `(c) => c.registeredArguments.some((a) => a.name() === 'file') || c.options.some((o) => /<file>|\\[file\\]/.test(o.flags))`;
  const script = `const { buildProgram } = await import(${JSON.stringify(new URL('../../../dist/cli/program.js', import.meta.url).href)});
    const program = await buildProgram({}, [], { loadAll: true });
    console.log(JSON.stringify(program.commands.filter(${takesFile}).map((c) => c.name())));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  const withFile = JSON.parse(r.stdout) as string[];
  expect(withFile.filter((c) => c !== 'import' && c !== 'sync').sort()).toEqual([...new Set(WRITERS.map((w) => w.what.split(' ')[0]!))].sort());
});
