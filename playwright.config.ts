import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.E2E_PORT ?? 3199);
const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // a fresh SQLite database with the demo university, served from the built web app
    command: 'node --import tsx src/server/main.ts',
    url: `http://127.0.0.1:${port}/api/v1/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: { ...(process.env as Record<string, string>), DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', SQLITE_PATH: join(dataDir, 'e2e.sqlite'), RAPPORT_UPLOAD_DIR: join(dataDir, 'uploads'), RAPPORT_DEMO: 'true', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '100' },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
