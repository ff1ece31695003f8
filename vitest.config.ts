import { defineConfig } from 'vitest/config';

// Every test file runs in its own process (forks): chDB binds one data directory
// per process, and each file opens its own store. Two at a time fits 2 cores and
// the ~0.5 GB the engine maps per process.
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
