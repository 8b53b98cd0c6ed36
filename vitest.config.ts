import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // A generous limit, not a speed claim: on a loaded 2-core machine a heavy pure test (schema
      // validation, a 300-queue layout) can pass 5 s.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts', 'tests/fuzz/**/*.test.ts'],
          environment: 'node',
          // Each test has its own vhost; files run one at a time to keep a 2-core machine calm.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
