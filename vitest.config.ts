// vitest's options, in one place: `npm test` runs every project below, `npm run test:unit` the two unit ones
// (--project 'unit*'). Measured on a two-core machine while others worked (issue 13): the default pool, forks, stays
// (threads saved nothing beyond the noise, and a thread cannot change the process's umask, as test/unit/store/db.test.ts
// does); test/unit shares one module cache per worker (isolate: false), which took test:unit's time spent importing
// modules from 35 s to 22 s (summed over the workers), except the file that mocks app modules.
import { configDefaults, defineConfig } from 'vitest/config';

/** Mocks modules (vi.mock) that other unit tests use for real: it runs in a module cache of its own. */
const MOCKS = ['test/unit/cli/argv.test.ts'];

export default defineConfig({
  test: {
    // The machines CI and we run on have two cores.
    maxWorkers: 2,
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
