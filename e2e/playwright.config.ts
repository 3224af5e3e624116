import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

/**
 * Project `web` runs the specs against headless mode in the system Chromium (never a
 * downloaded browser); project `electron` runs the same specs against the desktop app where an
 * Electron binary exists, and reports them skipped, with the reason, where not; project `process`
 * runs the crash test. The app is built by `npm run test:e2e` before this runs.
 */
export default defineConfig({
  testDir: './specs',
  globalSetup: './global-setup.ts',
  outputDir: '../test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  // Hang detectors, not timing checks: a loaded 2-core machine starts an app fixture in seconds.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1360, height: 860 },
  },
  projects: [
    {
      name: 'web',
      testIgnore: /crash-safety/,
      use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() },
    },
    {
      name: 'electron',
      testIgnore: /crash-safety/,
      // The desktop app has its own window; Chromium is configured only so that shared fixtures
      // that ask for a browser page still start.
      use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() },
    },
    // Drives the headless process at 2,000 requests/s: it runs alone, after the UI tests, so
    // that rate is not eaten by a browser on the other core.
    { name: 'process', testMatch: /crash-safety/, dependencies: ['web'] },
  ],
});
