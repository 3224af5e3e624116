import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium (apt-get install chromium), or CHROMIUM_PATH. Background networking is off
 * because these machines have no internet and Chromium would keep trying.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
