import { defineConfig } from 'vitest/config';

// Integration tests run against real Temporal and a real PostgreSQL; forks (not threads) because
// the Temporal worker uses native code. Two groups:
// - `main`: everything under test/ except test/cluster, against a Temporal dev server and a
//   template database that test/global-setup.ts starts.
// - `cluster`: test/cluster, against the Temporal cluster of `npm run cluster` (TEMPORAL_ADDRESS).
//   It kills that cluster's services, so it runs only when named: `npm test -- --project cluster`.
const clusterRequested = process.argv.some((arg, i, all) => arg === '--project=cluster' || (arg === '--project' && all[i + 1] === 'cluster'));

export default defineConfig({
  test: {
    pool: 'forks',
    hookTimeout: 180_000,
    testTimeout: 120_000,
    teardownTimeout: 60_000,
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      { extends: true, test: { name: 'main', include: ['test/**/*.test.ts'], exclude: ['test/cluster/**'], globalSetup: ['test/global-setup.ts'] } },
      ...(clusterRequested ? [{ extends: true as const, test: { name: 'cluster', include: ['test/cluster/**/*.test.ts'], globalSetup: ['test/cluster/global-setup.ts'] } }] : []),
    ],
  },
});
