/**
 * The journal's edges: errors that name it, a file the user created empty, a rollback journal left by an interrupted
 * write, stdout on a full device after a write landed, no usable home, TERM=dumb, a malformed NET_NOW, and the one-line
 * warning of `net intro --anyway`.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneErrorLine, readPathState, sha256, unwrapDoctor } from '../../helpers/journal-state.js';
import { BIN, makeJournal, TODAY, type Journal } from '../../helpers/run-net.js';
import { python3 } from '../../helpers/pty.js';

let j: Journal;
// Set-up, checks and the rules run in-process; what only a process shows (a full stdout, the home folder, a terminal)
// is spawned.
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

const ok = (r: { code: number | null; stderr: string }) => expect(r).toMatchObject({ code: 0, stderr: '' });

/** Runs net through bash, for redirections; the environment of run-net.ts unless `env` says otherwise. */
function shell(command: string, env: Record<string, string> = {}, cwd?: string) {
  const r = spawnSync('bash', ['-c', command], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '', HOME: j.dir, XDG_DATA_HOME: j.dir, NO_COLOR: '1', NET_NOW: TODAY, ...env }, timeout: 20_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}
const net = (...args: string[]) => [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');

describe('errors raised after the journal is open', () => {
  it('name its path, not "the journal in use"', () => {
    ok(j.run('add', 'Jane Doe'));
    const holder = new Database(j.db);
    try {
      holder.exec('BEGIN IMMEDIATE');
      const r = j.run('log', 'jane', '--touch', 'call');
      expect({ code: r.code, problem: expectOneErrorLine(r) }).toEqual({ code: 5, problem: null });
      expect(r.stderr).toBe(`net: the journal ${j.db} is locked by another program; wait for the other net command to finish and try again\n`);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);
});

describe('a journal file the user created empty', () => {
  it('a read writes nothing into it; the first write makes it a journal, 0600', () => {
    writeFileSync(j.db, '', { mode: 0o644 });
    const list = j.run('list');
    expect(list).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^Your journal has no contacts yet/) });
    expect(j.run('due')).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(j.db).size).toBe(0);
    expect(readPathState(j.db).files).toEqual(['journal.db']);
    ok(j.run('add', 'Jane Doe'));
    expect(statSync(j.db).mode & 0o777).toBe(0o600);
    expect(j.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe']);
  });
});

describe('net doctor beside a rollback journal', () => {
  /** A write in rollback mode killed half-way: the journal file holds part of it, the -journal file the way back. */
  function interruptWrite(): void {
    const script = `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(j.db)});
      db.pragma('journal_mode = DELETE'); db.pragma('cache_size = 1'); db.exec('BEGIN IMMEDIATE');
      const put = db.prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-11-22')");
      for (let i = 0; i < 2000; i++) put.run('k' + i, 'x'.repeat(500));
      process.kill(process.pid, 'SIGKILL');`;
    spawnSync(process.execPath, ['-e', script]);
    expect(statSync(`${j.db}-journal`).size).toBeGreaterThan(0);
  }

  it('says the next command undoes the interrupted write (not "restore a backup"), changes nothing, and --fix undoes it', () => {
    ok(j.run('add', 'Jane Doe'));
    interruptWrite();
    const before = [sha256(j.db), sha256(`${j.db}-journal`)];
    const r = j.run('doctor');
    expect(r.code).toBe(5);
    expect(unwrapDoctor(r.stdout)).toContain(`${j.db}-journal holds a write that was interrupted: SQLite undoes it by itself on the next net command`);
    expect(unwrapDoctor(r.stdout)).toContain('fix: nothing to restore: run any net command, or net doctor --fix, and it is undone');
    expect(r.stdout).not.toMatch(/restore the journal from a backup|damaged/);
    expect([sha256(j.db), sha256(`${j.db}-journal`)]).toEqual(before);
    const fixed = j.run('doctor', '--fix');
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(/ok +rollback journal +the interrupted write was undone \(fixed\)/);
    expect(fixed.stdout.trimEnd().split('\n').at(-1)).toBe('The journal is healthy.');
    expect(existsSync(`${j.db}-journal`)).toBe(false);
    expect(j.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe']);
  });

  it('and the next command does undo it by itself', () => {
    ok(j.run('add', 'Jane Doe'));
    interruptWrite();
    expect(j.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe']);
    expect(j.run('doctor').code).toBe(0);
  });
});

describe('stdout on a full device', () => {
  it('a write that landed says so on stderr and exits 0, so that a script does not write it twice', () => {
    ok(j.run('add', 'Jane Doe'));
    for (const json of [[], ['--json']]) {
      const r = shell(`exec ${net('--db', j.db, ...json, 'log', 'jane', '--touch', 'call')} > /dev/full`);
      expect(r).toEqual({ code: 0, stdout: '', stderr: `net: saved in ${j.db}, but the confirmation could not be printed (the disk is full); do not run it again\n` });
    }
    expect(j.dump().events).toHaveLength(2);
  });

  it('a read fails with one line, exit 2, never "a bug"', () => {
    ok(j.run('add', 'Jane Doe'));
    const r = shell(`exec ${net('--db', j.db, 'list')} > /dev/full`);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'net: cannot print the result: the disk is full; send the output somewhere that can take it\n' });
  });

  it('a failed write still says nothing was saved', () => {
    const r = shell(`exec ${net('--db', j.db, 'log', 'nobody', '--touch', 'call')} > /dev/full`);
    expect(r.code).toBe(4);
    expect(r.stderr).not.toContain('saved');
  });
});

describe('where the journal is', () => {
  it.each([
    ['HOME is empty', { HOME: '' }, 'net: HOME is empty, so there is no home folder for the journal; set HOME to your home folder, or give the journal with --db or NET_DB\n'],
    ['HOME is relative', { HOME: 'home' }, 'net: HOME is not an absolute path ("home"), so there is no home folder for the journal; set HOME to your home folder, or give the journal with --db or NET_DB\n'],
  ])('%s and no XDG_DATA_HOME: one line, exit 5, nothing created where net runs', (_what, env, stderr) => {
    const cwd = join(j.dir, 'cwd');
    mkdirSync(cwd);
    for (const args of [['where'], ['list'], ['add', 'Jane Doe']]) {
      const r = shell(`exec ${net(...args)}`, { ...env, XDG_DATA_HOME: '' }, cwd);
      expect(r).toEqual({ code: 5, stdout: '', stderr });
    }
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a relative XDG_DATA_HOME is ignored, as the XDG spec says: the journal stays in the home folder', () => {
    const cwd = join(j.dir, 'cwd');
    mkdirSync(cwd);
    const r = shell(`exec ${net('where')}`, { XDG_DATA_HOME: 'relative/data' }, cwd);
    expect(r).toEqual({ code: 0, stderr: '', stdout: `${join(j.dir, '.local/share/net/journal.db')} (not created yet: the first write creates it)\n` });
    ok(shell(`exec ${net('add', 'Jane Doe')}`, { XDG_DATA_HOME: 'relative/data' }, cwd));
    expect(existsSync(join(j.dir, '.local/share/net/journal.db'))).toBe(true);
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('a tilde in NET_DB needs a home too', () => {
    const r = shell(`exec ${net('where')}`, { HOME: '', NET_DB: '~/journal.db' });
    expect(r).toMatchObject({ code: 5, stdout: '', stderr: expect.stringMatching(/^net: HOME is empty/) });
  });
});

describe('NET_NOW', () => {
  it.each(['yesterday', '2026-13-01', '2026-11-22T25:00', '1', 'next week'])('%j is a usage error, not ignored', (now) => {
    ok(j.run('add', 'Jane Doe'));
    const r = j.runWith({ now }, 'due');
    expect(r).toEqual({ code: 2, stdout: '', stderr: `net: NET_NOW "${now}" is not a date; set it to YYYY-MM-DD or an ISO timestamp such as 2026-03-14T09:00:00Z, or unset it\n` });
  });

  it.each(['2026-11-22', '2026-11-22T08:30:00Z', '2026-11-22T08:30:00.000+02:00'])('%j pins the day', (now) => {
    expect(j.runWith({ now }, 'add', 'Jane Doe')).toMatchObject({ code: 0 });
    expect((j.dump().contacts as { created_at: string }[])[0]!.created_at.slice(0, 10)).toBe('2026-11-22');
  });
});

describe('colour on a terminal', () => {
  /** Runs net in a pseudo-terminal and returns the raw bytes it printed (test/helpers/pty.ts strips escape codes). */
  function onTerminal(env: Record<string, string>, ...args: string[]): string {
    const driver = `import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execvpe(sys.argv[1], sys.argv[1:], os.environ)
out = b''
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    out += data
os.waitpid(pid, 0)
sys.stdout.write(out.hex())`;
    const envAll: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: j.dir, XDG_DATA_HOME: j.dir, NET_NOW: TODAY, ...env };
    const r = spawnSync(python3(), ['-S', '-c', driver, process.execPath, BIN, '--db', j.db, ...args], { encoding: 'utf8', env: envAll, timeout: 20_000 });
    return Buffer.from(r.stdout, 'hex').toString('utf8');
  }

  it('TERM=dumb gets none; another terminal does', () => {
    ok(j.run('add', 'Jane Doe', '--tag', 'bni'));
    expect(onTerminal({ TERM: 'xterm-256color' }, 'list')).toContain('\u001b[');
    const dumb = onTerminal({ TERM: 'dumb' }, 'list');
    expect(dumb).toContain('Jane Doe');
    expect(dumb).not.toContain('\u001b');
  });
});

describe('net intro --anyway', () => {
  it('warns in one line, not a block', () => {
    ok(j.run('add', 'Maria Lopez'));
    ok(j.run('add', 'Tom Baker'));
    const r = j.run('intro', 'maria', 'tom', '--anyway');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Introduced Maria Lopez and Tom Baker on Sun 2026-11-22: a give to both\./);
    expect(r.stderr).toBe(
      'net: recorded anyway, although you may not know Maria Lopez or Tom Baker well enough yet to vouch for them (net check "Maria Lopez" --to-refer and net check "Tom Baker" --to-refer say what to learn first)\n',
    );
  });
});
