import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, openSync, statSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOneErrorLine, readPathState, runNetAt, sha256, unwrapDoctor } from '../helpers/journal-state.js';
import { BIN, makeJournal, TODAY, type Journal } from '../helpers/run-net.js';

let j: Journal;
// In-process, on real files: doctor's checks are about the file, which is the same whoever opens it.
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
  expect(j.run('add', 'Jane Doe', '--tag', 'bni', '--service', 'staging')).toMatchObject({ code: 0 });
  expect(j.run('add', 'Ravi Patel')).toMatchObject({ code: 0 });
  expect(j.run('log', 'jane', '--touch', 'coffee', '--gave', 'referral', '--value', '4', '--date', '2026-06-01', '--next', 'in 1 week')).toMatchObject({ code: 0 });
  expect(j.run('ask', 'ravi', '--for', 'favour', '--anyway')).toMatchObject({ code: 0 });
});
afterEach(() => j.cleanup());

const checksOf = (stdout: string) => Object.fromEntries((JSON.parse(stdout).checks as { id: string; ok: boolean; fix: string | null }[]).map((c) => [c.id, c]));

describe('net doctor', () => {
  it('says a healthy journal is healthy, with exit 0, and changes nothing', () => {
    const before = readPathState(j.db);
    const r = j.run('doctor');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain(`Checked ${j.db}`);
    expect(r.stdout).toMatch(/ok +integrity +PRAGMA integrity_check: ok/);
    expect(r.stdout).toMatch(/ok +summaries +every contact's summary matches their events/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('The journal is healthy.');
    expect(readPathState(j.db).sha256).toBe(before.sha256);
  });

  it('lists every check with --json', () => {
    const r = j.run('--json', 'doctor');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const view = JSON.parse(r.stdout);
    expect(view).toMatchObject({ path: j.db, exists: true, healthy: true });
    expect(view.checks.map((c: { id: string }) => c.id)).toEqual(['file', 'permissions', 'open', 'integrity', 'schema', 'orphans', 'summaries', 'wal']);
    expect(view.checks.every((c: { ok: boolean; fix: null }) => c.ok && c.fix === null)).toBe(true);
  });

  it('finds a journal readable by others, says how to chmod it, and --fix does it', () => {
    chmodSync(j.db, 0o644);
    const r = j.run('--json', 'doctor');
    expect(r.code).toBe(5);
    expect(expectOneErrorLine({ ...r, stdout: '' })).toBeNull();
    expect(r.stderr).toBe('net: the journal has 1 problem; see the fixes above, or run net doctor --fix for the safe ones\n');
    expect(checksOf(r.stdout).permissions).toMatchObject({ ok: false, fix: `run chmod 600 ${j.db} (or net doctor --fix)` });
    expect(statSync(j.db).mode & 0o777).toBe(0o644);
    const fixed = j.run('doctor', '--fix');
    expect(fixed).toMatchObject({ code: 0, stderr: '' });
    expect(fixed.stdout).toMatch(/ok +permissions +readable by you only \(0600\) \(fixed\)/);
    expect(statSync(j.db).mode & 0o777).toBe(0o600);
  });

  it('finds a summary column that does not match the events, and --fix recomputes it in place', () => {
    const rowsBefore = j.dump();
    const conn = new Database(j.db);
    conn.prepare("UPDATE contacts SET touch_count = 9, invested = invested * 1.5 WHERE name = 'Jane Doe'").run();
    conn.close();
    const r = j.run('doctor');
    expect(r.code).toBe(5);
    expect(unwrapDoctor(r.stdout)).toMatch(/PROBLEM +summaries +1 contact's summary differs from their events: Jane Doe \(touchCount, invested\)/);
    expect(r.stdout).toContain('fix: run net doctor --fix to recompute them');
    expect(r.stdout).toContain('1 problem found: see the fixes above.');
    expect(j.run('doctor', '--fix')).toMatchObject({ code: 0, stderr: '' });
    expect(j.dump()).toEqual(rowsBefore);
  });

  it('finds a corrupted page, says to restore from a backup, and leaves the file as it is', () => {
    for (let i = 0; i < 5; i++) j.run('add', `Contact ${i}`, '--company', `Company ${i} `.repeat(10));
    const conn = new Database(j.db);
    const root = conn.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'contacts'").pluck().get() as number;
    const pageSize = conn.pragma('page_size', { simple: true }) as number;
    conn.close();
    expect(readPathState(j.db).files).toEqual(['journal.db']);
    const fd = openSync(j.db, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xab), 0, pageSize, pageSize * (root - 1)); // the contacts table's root page
    closeSync(fd);
    const before = sha256(j.db);
    const r = j.run('--json', 'doctor');
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^net: the journal has \d problems?; /);
    const damaged = Object.values(checksOf(r.stdout)).find((c) => (c.id === 'integrity' || c.id === 'open') && !c.ok);
    expect(damaged).toMatchObject({ ok: false, fix: expect.stringContaining('restore the journal from a backup') });
    expect(sha256(j.db)).toBe(before);
    const fix = j.run('doctor', '--fix');
    expect(fix.code).toBe(5);
    expect(fix.stderr).toMatch(/; the fixes above need you$/m);
    expect(sha256(j.db)).toBe(before);
  });

  it('refuses a journal from a newer net without touching it', () => {
    const conn = new Database(j.db);
    conn.pragma('user_version = 99');
    conn.close();
    const before = sha256(j.db);
    const r = j.run('doctor');
    expect(r.code).toBe(5);
    expect(unwrapDoctor(r.stdout)).toMatch(/PROBLEM +schema +written by a newer net \(schema 99; this net knows up to \d+\)/);
    expect(sha256(j.db)).toBe(before);
  });

  it('checks the folder of the default location is 0700', () => {
    const home = j.dir;
    expect(spawnNetWithoutDb(home, ['add', 'Jane Doe']).code).toBe(0);
    chmodSync(`${home}/net`, 0o755);
    // Through XDG_DATA_HOME rather than --db: the folder is net's own, so it must be 0700.
    const r = spawnNetWithoutDb(home, ['doctor']);
    expect(r.code).toBe(5);
    expect(unwrapDoctor(r.stdout)).toContain(`the folder ${home}/net is 0755`);
    expect(r.stdout).toContain(`chmod 700 ${home}/net`);
    expect(spawnNetWithoutDb(home, ['doctor', '--fix']).code).toBe(0);
    expect(statSync(`${home}/net`).mode & 0o777).toBe(0o700);
  });

  it('says there is no journal yet, with exit 0', () => {
    expect(runNetAt(`${j.dir}/none.db`, j.dir, ['doctor'])).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining('no journal yet: the first write creates it') });
  });
});

function spawnNetWithoutDb(home: string, args: string[]) {
  const env = { PATH: process.env.PATH ?? '', HOME: home, XDG_DATA_HOME: home, NO_COLOR: '1', NET_NOW: TODAY };
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}
