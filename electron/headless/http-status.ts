import type { ErrorCode } from '../../shared/model/result';

/**
 * The HTTP status the headless API answers for each failure code a command or a transport check
 * can return. docs/http-api.md is generated from this table (`npm run docs:api`).
 */
export const STATUS_OF: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'unknown-command': 404,
  'not-found': 404,
  unavailable: 503,
  conflict: 409,
  internal: 500,
  unauthorized: 401,
  forbidden: 403,
};
