// vitest's options, in one place: `npm test` runs every project below, `npm run test:unit` the two unit ones
// (--project 'unit*'). Measured on a two-core machine while others worked (issue 13): the default pool, forks, stays
// (threads saved nothing beyond the noise, and a thread cannot change the process's umask, as test/unit/store/db.test.ts
// does); test/unit shares one module cache per worker (isolate: false), which took test:unit's time spent importing
// modules from 35 s to 22 s (summed over the workers), except the file that mocks app modules.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The tests' scratch folder (journals, git repositories, homes): memory (/dev/shm) where the system has one that can
 * hold and run files, else the usual temp folder; NET_TEST_TMPDIR chooses another. The files are as real either way;
 * on our machines' disk their syncs and removals cost the suite about 9 s of its 163 (whole suite, quiet, paired runs).
 * Set here, in vitest's own process, so that every worker and every process a test starts inherits it.
 */
function scratchFolder(): string | undefined {
  if (process.env.NET_TEST_TMPDIR) return process.env.NET_TEST_TMPDIR;
  try {
    const dir = mkdtempSync('/dev/shm/net-test-probe-');
    try {
      const script = join(dir, 'probe');
      writeFileSync(script, '#!/bin/sh\nexit 0\n');
      chmodSync(script, 0o700);
      // Some tests run scripts they write (a pager, an editor, git's helpers): a folder mounted noexec will not do.
      return spawnSync(script).status === 0 ? '/dev/shm' : undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } catch {
    return undefined;
  }
}
const scratch = scratchFolder();
if (scratch) process.env.TMPDIR = scratch;

/** Mocks modules (vi.mock) that other unit tests use for real: it runs in a module cache of its own. */
const MOCKS = ['test/unit/cli/argv.test.ts'];

export default defineConfig({
  test: {
    // The machines CI and we run on have two cores; three workers keep them busy while tests wait on the processes they
    // start (net, git, a terminal's driver) and on the disk. The whole suite on a clean clone, quiet: 157 s with two
    // workers, 144 s with three (the same clone, one run each after a first that filled vitest's cache of durations).
    maxWorkers: 3,
    // Spawned processes, real git and real scrypt take seconds on a busy machine: the default 5 s is too short.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], exclude: [...configDefaults.exclude, ...MOCKS], isolate: false } },
      { extends: true, test: { name: 'unit-mocks', include: MOCKS } },
      // Commands in-process (test/commands) share a module cache per worker too: each file had net's modules imported
      // afresh, 33.6 s of the project's wall time against 24.5-27 s shared (quiet machine, two workers).
      { extends: true, test: { name: 'commands', include: ['test/commands/**/*.test.ts'], isolate: false } },
      // And so do the spawned binary's tests (test/e2e): a fresh cache per file cost each of its 32 files a process of
      // its own, its helpers imported again and, in the 18 that run steps in-process, net's worker thread started again
      // (helpers/in-process.ts), where one per worker serves them all. No e2e file mocks a module or changes the
      // process's state; vitest resets a file's vi.setConfig after it.
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], isolate: false } },
    ],
  },
});
