import { defineConfig } from 'vitest/config';

// TEST_BACKEND=postgres (set by scripts/test.js when TEST_DATABASE_URL is given) runs the
// database-backed projects against a real server; the default is embedded PGlite.
const backend = process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // The web's pure functions (no DOM, no React) are specified beside them too.
          include: ['src/**/*.spec.ts', 'web/src/**/*.spec.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'src/**/*.test.ts',
            'test/integration/**/*.test.ts',
            `test/${backend}-only/**/*.test.ts`,
          ],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['test/helpers/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
