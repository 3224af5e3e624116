import type { Settings } from '../../../shared/model/settings';

export const DEFAULT_SETTINGS: Settings = {
  port: 8787,
  hookPath: '/okta/event-hook',
  authHeader: 'Authorization',
  requiredHeaders: [],
  // Okta's ask: an empty 200 or 204, at once (https://developer.okta.com/docs/concepts/event-hooks/#your-service-s-responses-to-event-delivery-requests).
  response: { status: 204, delayMs: 0, body: '' },
  forward: { target: null, timeoutMs: 30_000, verification: 'auto' },
  bodyLimitBytes: 10 * 1024 * 1024,
  tunnelProvider: 'ngrok',
  ngrokDomain: null,
  publicUrl: null,
  // Opening a public URL is the user's decision, made once in Settings or with `--tunnel`.
  tunnelAutoStart: false,
  // A week of a busy org's events at Okta's daily cap, with room for the 8 KB a typical delivery
  // takes with its index; the oldest unpinned exchanges go first (docs/storage.md, "Retention").
  retention: { maxCount: 1_000_000, maxBytes: 8 * 1024 * 1024 * 1024 },
};
