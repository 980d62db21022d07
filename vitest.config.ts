import { defineConfig } from 'vitest/config';

// Three layers: unit (pure functions, tiny databases), api (the real app over HTTP on a
// temporary SQLite file), browser (the real server + headless Chromium).
export default defineConfig({
  test: {
    // In CI also write the results as JSON, from which .ci/run prints "N passed, N failed".
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.unit.test.ts', 'db/**/*.test.ts', 'scripts/**/*.test.ts', 'client/src/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['server/**/*.api.test.ts', 'tests/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/helpers/build-client.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
