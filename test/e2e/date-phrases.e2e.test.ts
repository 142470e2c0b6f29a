/** What only the process shows of the date phrases: the phrase parser (chrono-node) is loaded only when one is typed. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeJournal, type Journal } from '../helpers/run-net.js';

let j: Journal;
beforeEach(() => {
  j = makeJournal('2026-11-30');
  expect(j.run('add', 'Jane Doe').code).toBe(0);
});
afterEach(() => j.cleanup());

describe('start-up', () => {
  it('loads the phrase parser only when a phrase is typed', () => {
    const preload = join(j.dir, 'loaded.cjs');
    writeFileSync(preload, "process.on('exit', () => process.stderr.write(Object.keys(require.cache).join('\\n') + '\\n'));\n");
    // node's module cache lists the bundle's files when node's loader loads them (the code cache's loader off).
    const loaded = (...args: string[]) => j.runWith({ env: { NODE_OPTIONS: `--require ${preload}`, NET_NODE_LOADER: '1' } }, ...args).stderr;
    expect(loaded('log', 'jane', '--touch', 'coffee')).not.toMatch(/chunks\/en-/);
    expect(loaded('log', 'jane', '--touch', 'coffee', '--date', 'tuesday')).toMatch(/chunks\/en-/);
  });
});
