import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

// The benchmark's smoke mode: a small journal, no targets, so that the benchmark cannot rot unnoticed.
it('runs the benchmark on a small journal and reports every command', () => {
  const r = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../bench/run.mjs'), '--quick', '--json', '--runs', '2'], { encoding: 'utf8', timeout: 120_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const results = JSON.parse(r.stdout);
  expect(results.baseline.median).toBeGreaterThan(0);
  const commands = results.sizes.quick.commands;
  expect(Object.keys(commands)).toEqual(['help', 'due', 'check', 'balance', 'show', 'log', 'list', 'ideas', 'ics']);
  for (const c of Object.values(commands) as { median: number; ratio: number; pass: boolean | null }[]) {
    expect(c.median).toBeGreaterThan(0);
    expect(c.ratio).toBeGreaterThan(0);
    expect(c.pass).toBeNull(); // the quick journal has no targets
  }
  // Touchpoints from a small calendar and a small mbox (bench/touchpoints.mjs), without targets too.
  expect(Object.keys(results.imports)).toEqual(['calendar', 'mbox']);
  for (const r of Object.values(results.imports) as { median: number; pass: boolean | null; file: { events: number } }[]) {
    expect(r.median).toBeGreaterThan(0);
    expect(r.pass).toBeNull();
  }
}, 180_000);
