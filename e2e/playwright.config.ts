import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

/**
 * Project `web` runs the specs against headless mode in the system Chromium (never a
 * downloaded browser); `process` the crash test. The app is built by `npm run test:e2e` first.
 */
export default defineConfig({
  testDir: './specs',
  outputDir: '../test-results',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
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
    // Drives the headless process at 2,000 requests/s: it runs alone, after the UI tests, so
    // that rate is not eaten by a browser on the other core.
    { name: 'process', testMatch: /crash-safety/, dependencies: ['web'] },
  ],
});
