import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unwrapDoctor } from '../helpers/journal-state.js';
import { BIN } from '../helpers/run-net.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'net-where-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** net without --db: the journal's path comes from the environment. */
function net(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', NET_NOW: '2026-11-22', ...env }, timeout: 20_000 });
  return { stdout: r.stdout, stderr: r.stderr, code: r.status };
}

describe('net where', () => {
  it('defaults to ~/.local/share/net/journal.db, not created yet', () => {
    expect(net({}, 'where')).toEqual({ code: 0, stderr: '', stdout: `${join(dir, '.local/share/net/journal.db')} (not created yet: the first write creates it)\n` });
  });

  it('follows XDG_DATA_HOME, then NET_DB, then --db', () => {
    const xdg = join(dir, 'xdg');
    expect(net({ XDG_DATA_HOME: xdg }, 'where').stdout).toBe(`${join(xdg, 'net/journal.db')} (not created yet: the first write creates it)\n`);
    expect(net({ XDG_DATA_HOME: xdg, NET_DB: join(dir, 'env.db') }, 'where').stdout).toMatch(new RegExp(`^${join(dir, 'env.db')} `));
    expect(net({ XDG_DATA_HOME: xdg, NET_DB: join(dir, 'env.db') }, '--db', join(dir, 'flag.db'), 'where').stdout).toMatch(new RegExp(`^${join(dir, 'flag.db')} `));
  });

  it('says when the folder of a path you gave does not exist, and reads there refuse as writes do (exit 5)', () => {
    const db = join(dir, 'no-such-folder', 'j.db');
    expect(net({}, '--db', db, 'where')).toEqual({ code: 0, stderr: '', stdout: `${db} (its folder does not exist: create it first, or give another path with --db or NET_DB)\n` });
    expect(net({ NET_DB: db }, 'list')).toEqual({ code: 5, stdout: '', stderr: `net: the folder ${join(dir, 'no-such-folder')} does not exist; create it first (mkdir -p ${join(dir, 'no-such-folder')}) or give another path with --db or NET_DB\n` });
    const doctor = net({}, '--db', db, 'doctor');
    expect(doctor.code).toBe(5);
    expect(unwrapDoctor(doctor.stdout)).toContain(`the folder ${join(dir, 'no-such-folder')} does not exist`);
  });

  it('expands ~ in --db and NET_DB', () => {
    expect(net({ NET_DB: '~/j.db' }, '--json', 'where').stdout).toBe(`${JSON.stringify({ path: join(dir, 'j.db'), source: 'NET_DB', exists: false }, null, 2)}\n`);
  });

  it('prints the path alone once the journal exists, and where the first write put it', () => {
    expect(net({}, 'add', 'Jane Doe').code).toBe(0);
    expect(net({}, 'where')).toEqual({ code: 0, stderr: '', stdout: `${join(dir, '.local/share/net/journal.db')}\n` });
    expect(JSON.parse(net({}, '--json', 'where').stdout)).toEqual({ path: join(dir, '.local/share/net/journal.db'), source: 'default', exists: true });
  });

  it('does not open the journal, so a bad file does not stop it', () => {
    expect(net({}, '--db', dir, 'where')).toMatchObject({ code: 0, stdout: `${dir}\n` });
  });
});
