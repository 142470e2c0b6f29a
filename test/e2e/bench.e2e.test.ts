import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

// The benchmark's smoke mode: a small journal, no targets, each row and part once (--smoke: no warm-up, one event a
// sync round), so that the benchmark cannot rot unnoticed.
it('runs the benchmark on a small journal and reports every command', () => {
  const r = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../bench/run.mjs'), '--quick', '--smoke', '--json', '--runs', '1'], { encoding: 'utf8', timeout: 360_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const results = JSON.parse(r.stdout);
  expect(results.baseline.median).toBeGreaterThan(0);
  const commands = results.sizes.quick.commands;
  expect(results.environment).toMatch(/no NODE_EXTRA_CA_CERTS, no NODE_OPTIONS/);
  expect(Object.keys(commands)).toEqual(['addon', 'query', 'help', 'due', 'check', 'balance', 'show', 'log', 'ideas', 'list-tag', 'list-tty', 'list-head', 'ics', 'due-all', 'list-all', 'complete', 'search', 'search-rare']);
  expect(commands.query.reference).toMatch(/one query/);
  for (const c of Object.values(commands) as { median: number; ratio: number; pass: boolean | null }[]) {
    expect(c.median).toBeGreaterThan(0);
    expect(c.ratio).toBeGreaterThan(0);
    expect(c.pass).toBeNull(); // the quick journal has no targets
  }
  // sync's numbers: measured on every size, each with git's own part beside it
  const sync = results.sizes.quick.sync;
  for (const s of [sync.first, sync.join]) expect(s.gitMs).toBeGreaterThan(0);
  expect(sync.first.ms).toBeGreaterThan(sync.first.gitMs);
  expect(sync.tenEach.median).toBeGreaterThan(sync.tenEach.gitMs);
  expect(sync.tenEach.ratio).toBeGreaterThan(0);
  expect([sync.first.pass, sync.tenEach.pass]).toEqual([null, null]); // targets are on the heavy journal
  // Touchpoints from a small calendar and a small mbox (bench/touchpoints.mjs), without targets too.
  expect(Object.keys(results.imports)).toEqual(['calendar', 'mbox']);
  for (const r of Object.values(results.imports) as { median: number; pass: boolean | null; file: { events: number } }[]) {
    expect(r.median).toBeGreaterThan(0);
    expect(r.pass).toBeNull();
  }
}, 400_000);

it('prints its usage for --help and refuses an unknown option before it builds or times anything', () => {
  const bench = resolve(import.meta.dirname, '../../bench/run.mjs');
  const help = spawnSync(process.execPath, [bench, '--help'], { encoding: 'utf8' });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^usage: npm run bench .*--parts commands,sync,imports/s);
  const typo = spawnSync(process.execPath, [bench, '--size', 'heavy'], { encoding: 'utf8' });
  expect(typo.status).toBe(2);
  expect(typo.stderr).toBe('bench: unknown option --size; see npm run bench -- --help\n');
});
