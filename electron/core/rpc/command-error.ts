import type { ErrorCode } from '../../../shared/model/result';

/** Thrown inside the engine for an expected failure; the dispatcher turns it into a value. */
export class CommandError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}
