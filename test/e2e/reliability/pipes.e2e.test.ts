/** Output goes straight to the file descriptors (cli/startup/std-streams.ts): a reader that stops early is not an error. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeJournal, type Journal } from '../../helpers/run-net.js';

describe('pipes', () => {
  let j: Journal;
  beforeAll(() => {
    j = makeJournal();
    // Enough contacts that `net list` prints more than a pipe holds (64 KiB), so that the write meets the closed pipe.
    const rows = Array.from({ length: 3000 }, (_, i) => `Contact Number ${i},Company ${i},consulting and advice ${i}`);
    const csv = join(j.dir, 'contacts.csv');
    writeFileSync(csv, `name,company,role\n${rows.join('\n')}\n`);
    expect(j.run('import', csv).code).toBe(0);
  });
  afterAll(() => j.cleanup());

  const shell = (command: string) =>
    spawnSync('bash', ['--norc', '--noprofile', '-o', 'pipefail', '-c', command], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', NET_NOW: '2026-11-22' } });

  it('net list | head: the first lines, exit 0, nothing on stderr', () => {
    const r = shell(`"${process.execPath}" "${BIN}" --db "${j.db}" list | head -n 2`);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('prints all of a long result through a slow reader', () => {
    const r = shell(`"${process.execPath}" "${BIN}" --db "${j.db}" --json list | (sleep 0.3; cat)`);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(3000);
  });
});
