import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal();
});
afterEach(() => j.cleanup());

const names = (file: string) => {
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return conn.prepare('SELECT name FROM contacts ORDER BY name').pluck().all();
  } finally {
    conn.close();
  }
};

describe('net backup', () => {
  it('writes net-backup-<date>.db in the current folder by default, owner-only', () => {
    j.run('add', 'Jane Doe');
    const env = { PATH: process.env.PATH ?? '', HOME: j.dir, NO_COLOR: '1', NET_NOW: '2026-11-22' };
    const r = spawnSync(process.execPath, [BIN, '--db', j.db, 'backup'], { cwd: j.dir, env, encoding: 'utf8' });
    const file = join(j.dir, 'net-backup-2026-11-22.db');
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(new RegExp(`^Backed up the journal \\(1 contact, \\d+ KB\\) to ${file}\\.\\n$`));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(names(file)).toEqual(['Jane Doe']);
    expect(readdirSync(j.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite a file without --force', () => {
    j.run('add', 'Jane Doe');
    const file = join(j.dir, 'copy.db');
    expect(j.json('backup', file)).toMatchObject({ file, contacts: 1 });
    j.run('add', 'Ravi Patel');
    expect(j.run('backup', file)).toEqual({ code: 2, stdout: '', stderr: `net: ${file} already exists; choose another file name, or add --force to replace it\n` });
    expect(names(file)).toEqual(['Jane Doe']);
    expect(j.run('backup', file, '--force').code).toBe(0);
    expect(names(file)).toEqual(['Jane Doe', 'Ravi Patel']);
  });

  it('makes a consistent copy while another program holds a write transaction', () => {
    j.run('add', 'Jane Doe');
    const writer = new Database(j.db);
    try {
      writer.prepare('BEGIN IMMEDIATE').run();
      writer.prepare("UPDATE contacts SET name = 'Half Written'").run();
      const file = join(j.dir, 'during.db');
      expect(j.run('backup', file)).toMatchObject({ code: 0, stderr: '' });
      expect(names(file)).toEqual(['Jane Doe']);
      writer.prepare('COMMIT').run();
    } finally {
      writer.close();
    }
  });

  it('says so when there is no journal yet', () => {
    const r = j.run('backup', join(j.dir, 'x.db'));
    expect(r).toEqual({ code: 5, stdout: '', stderr: 'net: there is no journal to back up yet; add a contact first (net add), or point --db at your journal\n' });
    expect(existsSync(join(j.dir, 'x.db'))).toBe(false);
  });
});
