import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    environment: 'node',
    // the unit tests (*.test.ts) need no database: they run in the SQLite pass only
    include: process.env.TEST_DATABASE_URI
      ? ['tests/int/**/*.int.spec.ts']
      : ['tests/int/**/*.int.spec.ts', '**/*.test.ts'],
    exclude: ['**/node_modules/**', '.next/**', 'tests/e2e/**'],
    globalSetup: ['tests/helpers/globalSetup.ts'],
    // one throw-away database for the run; files take turns on it
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
