/** Many nets at once on one journal: writers queue behind SQLite's lock, readers are never blocked by a writer. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { isWriting, pause, writeContactsCsv } from '../../helpers/journal-state.js';
import { BIN, makeJournal, TODAY, type Journal, type RunResult } from '../../helpers/run-net.js';

let j: Journal;
// The set-up runs in-process; the writers racing each other are real processes.
beforeEach(() => {
  j = makeJournal(TODAY, 'in-process');
});
afterEach(() => j.cleanup());

interface Started {
  done: Promise<RunResult>;
  exited: () => boolean;
}

function start(journal: Journal, args: string[]): Started {
  const env = { PATH: process.env.PATH ?? '', HOME: journal.dir, XDG_DATA_HOME: journal.dir, NO_COLOR: '1', NET_NOW: TODAY };
  const child = spawn(process.execPath, [BIN, '--db', journal.db, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let exited = false;
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<RunResult>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      resolve({ stdout, stderr, code });
    }),
  );
  return { done, exited: () => exited };
}

describe('concurrency', () => {
  it('20 net log started at once all succeed, and all 20 events are there', async () => {
    expect(j.run('add', 'Jane Doe')).toMatchObject({ code: 0 });
    const runs = Array.from({ length: 20 }, (_, i) => start(j, ['log', 'jane', '--touch', 'call', '--note', `call ${i}`]));
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) expect(r).toMatchObject({ code: 0, stderr: '' });
    const events = j.dump().events as { note: string }[];
    expect(events.map((e) => e.note).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `call ${i}`).sort());
    const shown = j.json('show', 'jane');
    expect(shown.timeline).toHaveLength(20);
    expect(j.run('doctor')).toMatchObject({ code: 0 }); // the summary kept up with every writer
  });

  it('net due answers while an import of 10,000 contacts is in progress', async () => {
    expect(j.run('add', 'Jane Doe', '--every', '1w', '--met', '2026-01-01')).toMatchObject({ code: 0 });
    const csv = join(j.dir, 'contacts.csv');
    writeContactsCsv(csv, 10_000);
    const importing = start(j, ['import', csv]);
    const probe = new Database(j.db, { timeout: 0 });
    const deadline = Date.now() + 15_000;
    while (!isWriting(probe) && Date.now() < deadline) pause(5);
    probe.close();
    expect(importing.exited()).toBe(false);
    // The import holds the write lock now: net due must answer all the same (it may not see the import yet).
    const during: RunResult[] = [];
    while (!importing.exited() || !during.length) during.push(await start(j, ['--json', 'due', '--all']).done);
    expect(await importing.done).toMatchObject({ code: 0, stderr: '' });
    for (const r of during) {
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(() => JSON.parse(r.stdout)).not.toThrow();
    }
    expect(j.dump().contacts).toHaveLength(10_001);
  });
});
