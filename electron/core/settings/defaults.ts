import type { Settings } from '../../../shared/model/settings';

export const DEFAULT_SETTINGS: Settings = {
  port: 8787,
  hookPath: '/okta/event-hook',
  authHeader: 'Authorization',
  successStatus: 204,
  bodyLimitBytes: 10 * 1024 * 1024,
};
