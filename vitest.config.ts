import { defineConfig } from 'vitest/config';

// Projects, split by what a test needs rather than by how long it takes:
// - `unit` (test/unit): pure rules, no services. `npm test -- --project unit` runs it alone in
//   seconds with neither Temporal nor PostgreSQL on the machine (.ci/run checks this).
// - `services` (every other test: integration, faults, drills, replay, browser): a real Temporal dev
//   server, a real PostgreSQL and the workflow bundle, started once per run by
//   test/global-setup.ts. The global setup belongs to this project only, so vitest starts the
//   services only when one of its files is selected. Forks (not threads) because the Temporal
//   worker uses native code.
// - `cluster` (test/cluster): against the Temporal cluster of `npm run cluster` (TEMPORAL_ADDRESS),
//   whose services it kills, so it runs only when named: `npm test -- --project cluster` (.ci/run
//   starts the cluster and runs it). Its own global setup: a template database and the bundle.
// `npm test` runs `unit` and `services`.
const clusterRequested = process.argv.some((arg, i, all) => arg === '--project=cluster' || (arg === '--project' && all[i + 1] === 'cluster'));

export default defineConfig({
  test: {
    maxWorkers: 2,
    teardownTimeout: 60_000,
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          pool: 'threads',
        },
      },
      {
        test: {
          name: 'services',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**', 'test/cluster/**'],
          pool: 'forks',
          globalSetup: ['test/global-setup.ts'],
          hookTimeout: 180_000,
          testTimeout: 120_000,
          // A page or a projection catches up with a command when the worker and the browser get
          // the CPU: on a loaded two-core machine that can take seconds, not the 1 s vitest waits
          // by default. Polls return as soon as they pass, so this costs nothing when it is quick.
          expect: { poll: { timeout: 15_000 } },
        },
      },
      ...(clusterRequested
        ? [
            {
              test: {
                name: 'cluster',
                include: ['test/cluster/**/*.test.ts'],
                pool: 'forks' as const,
                globalSetup: ['test/cluster/global-setup.ts'],
                hookTimeout: 180_000,
                testTimeout: 120_000,
              },
            },
          ]
        : []),
    ],
  },
});
