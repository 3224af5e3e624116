import type { Settings } from '../../../shared/model/settings';

export const DEFAULT_SETTINGS: Settings = {
  port: 8787,
  hookPath: '/okta/event-hook',
  authHeader: 'Authorization',
  successStatus: 204,
  bodyLimitBytes: 10 * 1024 * 1024,
  tunnelProvider: 'ngrok',
  ngrokDomain: null,
  publicUrl: null,
  // Opening a public URL is the user's decision, made once in Settings or with `--tunnel`.
  tunnelAutoStart: false,
};
