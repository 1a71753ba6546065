import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

/**
 * Test lanes: unit tests; the integration suite on SQLite (always) and on PostgreSQL
 * when RAPPORT_TEST_DATABASE_URL is set. Under CI=true the PostgreSQL lane is mandatory.
 */
const pgUrl = process.env.RAPPORT_TEST_DATABASE_URL;
if (!pgUrl) {
  if (process.env.CI === 'true') throw new Error('CI=true: the PostgreSQL lane is mandatory; set RAPPORT_TEST_DATABASE_URL');
  console.log('PostgreSQL lane SKIPPED: RAPPORT_TEST_DATABASE_URL is not set (integration tests run on SQLite only)');
}

const integration = ['src/**/*.int.test.ts', 'test/**/*.int.test.ts'];
const lane = (name: 'sqlite' | 'postgres') => ({
  test: {
    name,
    include: integration,
    env: { RAPPORT_TEST_LANE: name },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...integration, 'src/web/**'] } },
      {
        plugins: [react()],
        test: { name: 'web', include: ['src/web/**/*.test.tsx'], environment: 'jsdom', setupFiles: ['test/web-setup.ts'], css: false },
      },
      lane('sqlite'),
      ...(pgUrl ? [lane('postgres')] : []),
    ],
  },
});
