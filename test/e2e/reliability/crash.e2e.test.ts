/** A large import killed with SIGKILL inside its transaction leaves the journal as it was, undamaged and usable. */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeJournal, TODAY, type Journal } from '../../helpers/run-net.js';
import { isWriting, pause, writeContactsCsv } from '../../helpers/journal-state.js';

let j: Journal;
// Set-up and checks run in-process, on the same file; the command killed midway is a real process.
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

describe('a crash in the middle of an import', () => {
  it('leaves the journal as it was before, passing integrity_check, and the next net works', async () => {
    expect(j.run('add', 'Jane Doe', '--company', 'Acme')).toMatchObject({ code: 0 });
    expect(j.run('log', 'jane', '--touch', 'coffee', '--gave', 'idea', '--next', 'in 1 week')).toMatchObject({ code: 0 });
    const before = j.dump();
    const csv = join(j.dir, 'contacts.csv');
    writeContactsCsv(csv, 30_000);

    const env = { PATH: process.env.PATH ?? '', HOME: j.dir, XDG_DATA_HOME: j.dir, NO_COLOR: '1', NET_NOW: TODAY };
    const child = spawn(process.execPath, [BIN, '--db', j.db, 'import', csv], { env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_, signal) => resolve(signal)));

    const probe = new Database(j.db, { timeout: 0 });
    const deadline = Date.now() + 15_000;
    while (!isWriting(probe) && Date.now() < deadline) pause(5);
    pause(100); // well into the transaction: rows are being inserted
    expect(isWriting(probe)).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    expect(probe.pragma('integrity_check', { simple: true })).toBe('ok');
    probe.close();
    expect(j.dump()).toEqual(before);

    expect(j.run('doctor')).toMatchObject({ code: 0, stderr: '' });
    expect(j.json('list').map((c: { name: string }) => c.name)).toEqual(['Jane Doe']);
    const again = j.run('import', csv);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain('30000 added');
  });
});
