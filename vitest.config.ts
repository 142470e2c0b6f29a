import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests spawn the real binary; two cores, so keep the pool small and the timeout generous.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
