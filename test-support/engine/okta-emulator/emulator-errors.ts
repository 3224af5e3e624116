import { randomBytes } from 'node:crypto';

/** An Okta error answer: status and Okta's error body (errorCode … errorCauses, https://developer.okta.com/docs/reference/core-okta-api/#errors). */
export interface EmulatedError {
  status: number;
  body: {
    errorCode: string;
    errorSummary: string;
    errorLink: string;
    errorId: string;
    errorCauses: { errorSummary: string }[];
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Okta-style random ids (`oae…` error ids, request ids, `who…` hook ids). */
export const oktaId = (prefix: string, length = 20): string =>
  prefix + Array.from(randomBytes(length - prefix.length), (b) => ALPHABET[b % ALPHABET.length]).join('');

export const oktaError = (
  status: number,
  errorCode: string,
  errorSummary: string,
  causes: string[] = [],
): EmulatedError => ({
  status,
  body: {
    errorCode,
    errorSummary,
    errorLink: errorCode,
    errorId: oktaId('oae', 25),
    errorCauses: causes.map((cause) => ({ errorSummary: cause })),
  },
});

export const invalidToken = () => oktaError(401, 'E0000011', 'Invalid token provided');

/** No Authorization header at all (https://developer.okta.com/docs/reference/error-codes/). */
export const invalidSession = () => oktaError(403, 'E0000005', 'Invalid session');

export const methodNotAllowed = () =>
  oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method');

export const accessDenied = () =>
  oktaError(403, 'E0000006', 'You do not have permission to perform the requested action');

export const notFound = (id: string, type: string) =>
  oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${type})`);

export const rateLimited = () =>
  oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');

export const validationFailed = (what: string, causes: string[]) =>
  oktaError(400, 'E0000001', `Api validation failed: ${what}`, causes);

export const invalidSearch = (summary: string) => oktaError(400, 'E0000053', summary);

/** An operator Okta does not support on a field (https://developer.okta.com/docs/reference/system-log-query/). */
export const unsupportedCombination = (operator: string, field: string) =>
  oktaError(
    400,
    'E0000031',
    `The supplied combination of operator and field is not currently supported. Operator: ${operator}, Field: ${field}`,
  );

export const malformedBody = () => oktaError(400, 'E0000003', 'The request body was not well-formed.');
