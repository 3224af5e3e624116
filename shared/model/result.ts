/** Failure codes every command may return instead of a value. */
export type ErrorCode =
  | 'invalid-input'
  | 'unknown-command'
  | 'not-found'
  | 'unavailable'
  | 'conflict'
  | 'internal'
  /** Transport refusals (headless API): no or wrong token, foreign Host or Origin. */
  | 'unauthorized'
  | 'forbidden';

export interface CommandFailure {
  code: ErrorCode;
  message: string;
}

/** Expected failures come back as values, so they survive IPC and HTTP unchanged. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandFailure };
