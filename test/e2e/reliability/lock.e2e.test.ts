/**
 * The sync lock (app/write-file.ts createExclusive) as two processes meet it: a lock that existed before its content
 * was written looked, for a moment, like one left empty by a killed sync, and a second sync took it over. Two
 * processes race for one lock thousands of times; the loser reads it at once, and must never find it empty.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const WRITE_FILE = pathToFileURL(resolve(import.meta.dirname, '../../../dist/app/write-file.js')).href;
const ROUNDS = 3000;

const RACER = `
import { readFileSync, rmSync } from 'node:fs';
const { createExclusive } = await import(process.argv[1]);
const lock = process.argv[2];
let taken = 0, empty = 0, seen = 0;
for (let i = 0; i < ${ROUNDS}; i++) {
  if (createExclusive(lock, process.pid + '\\n')) { taken++; rmSync(lock, { force: true }); continue; }
  try { seen++; if (readFileSync(lock, 'utf8') === '') empty++; } catch {}
}
process.stdout.write(JSON.stringify({ taken, empty, seen }));
`;

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const race = (lock: string) =>
  new Promise<{ taken: number; empty: number; seen: number }>((done, fail) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', RACER, WRITE_FILE, lock], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? done(JSON.parse(out)) : fail(new Error(`racer exited ${code}`))));
  });

it('a lock is never seen without its content, by a process racing for it', async () => {
  dir = mkdtempSync(join(tmpdir(), 'net-lock-'));
  const lock = join(dir, 'lock');
  const results = await Promise.all([race(lock), race(lock)]);
  for (const r of results) {
    expect(r.taken).toBeGreaterThan(0);
    expect(r.empty).toBe(0);
  }
  // The race happened: each found the other's lock at least sometimes (else the test proved nothing).
  expect(results.reduce((n, r) => n + r.seen, 0)).toBeGreaterThan(0);
});
