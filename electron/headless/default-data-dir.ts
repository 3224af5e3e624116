import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Okta Hook Inspector';

/**
 * The folder Electron uses as `userData` for this app on each platform, so the desktop app and
 * headless mode share one history (never at the same time: the data folder is locked).
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), PRODUCT_NAME);
}
