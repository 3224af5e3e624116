import type { Settings } from '../../../shared/model/settings';

export const DEFAULT_SETTINGS: Settings = {
  port: 8787,
  hookPath: '/okta/event-hook',
  authHeader: 'Authorization',
  requiredHeaders: [],
  // Okta's ask: an empty 200 or 204, at once (reference §2.5).
  response: { status: 204, delayMs: 0, body: '' },
  forward: { target: null, timeoutMs: 30_000, verification: 'auto' },
  bodyLimitBytes: 10 * 1024 * 1024,
  tunnelProvider: 'ngrok',
  ngrokDomain: null,
  publicUrl: null,
  // Opening a public URL is the user's decision, made once in Settings or with `--tunnel`.
  tunnelAutoStart: false,
  // Weeks of typical traffic; the oldest unpinned exchanges go first (README "Retention").
  retention: { maxCount: 100_000, maxBytes: 1024 * 1024 * 1024 },
};
