import { defineConfig } from 'vitest/config';

// Integration tests run against a real Temporal dev server and a real PostgreSQL, both started
// by test/global-setup.ts; forks (not threads) because the Temporal worker uses native code.
export default defineConfig({
  test: {
    pool: 'forks',
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    hookTimeout: 180_000,
    testTimeout: 120_000,
    teardownTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default'],
  },
});
