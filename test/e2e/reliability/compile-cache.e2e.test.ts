/** The compiled-code cache (cli/startup/compile-cache.ts): owner-only, reused, never in the way of a command. */
import { chmodSync, existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../../helpers/run-net.js';

const ON_NODE_20 = Number(process.versions.node.split('.')[0]) < 22;

describe('compile cache', () => {
  let j: Journal;
  let cache: string;
  beforeEach(() => {
    j = makeJournal();
    cache = join(j.dir, 'cache');
  });
  afterEach(() => j.cleanup());

  const run = (env: Record<string, string> = {}) => j.runWith({ env: { XDG_CACHE_HOME: cache, ...env } }, 'where');
  const files = () => {
    const dir = join(cache, 'net', `code-${process.version}`);
    return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
  };

  it.runIf(ON_NODE_20)('keeps the code of the first run, owner-only, and reuses it without writing again', () => {
    expect(run()).toMatchObject({ code: 0, stderr: '' });
    const written = files();
    expect(written.length).toBeGreaterThan(0);
    expect(statSync(join(cache, 'net')).mode & 0o777).toBe(0o700);
    for (const f of written) expect(statSync(f).mode & 0o777).toBe(0o600);
    const times = written.map((f) => statSync(f).mtimeMs);
    expect(run()).toMatchObject({ code: 0, stderr: '' });
    expect(files().map((f) => statSync(f).mtimeMs)).toEqual(times);
  });

  it.runIf(ON_NODE_20)('runs as usual over damaged cache files, and replaces them', () => {
    expect(run().code).toBe(0);
    for (const f of files()) writeFileSync(f, 'not code');
    const r = run();
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('journal.db');
  });

  it('runs as usual when the cache cannot be written', () => {
    writeFileSync(cache, 'a file where the cache folder would go');
    expect(run()).toMatchObject({ code: 0, stderr: '' });
    chmodSync(cache, 0o400);
    expect(run()).toMatchObject({ code: 0, stderr: '' });
  });

  it('keeps nothing with NODE_DISABLE_COMPILE_CACHE', () => {
    expect(run({ NODE_DISABLE_COMPILE_CACHE: '1' })).toMatchObject({ code: 0, stderr: '' });
    expect(existsSync(cache)).toBe(false);
  });
});
