import path from 'node:path';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download cannot happen on these machines.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 90_000,
  workers: 1,
  retries: 0,
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.WARREN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  // Traces and failure screenshots go to the run's work folder, never into the repository.
  outputDir: process.env.WARREN_TEST_WORK ? path.join(process.env.WARREN_TEST_WORK, 'playwright') : 'test-results',
});
