import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthCheck, AuthResult, HeaderList } from '../../../shared/model/exchange';
import type { RequiredHeader } from '../../../shared/model/settings';

/**
 * Hash the UTF-16 code units, not UTF-8: UTF-8 encodes every lone surrogate as the same
 * U+FFFD, which would make different strings compare equal (found by the fuzz tests).
 */
const digest = (value: string) => createHash('sha256').update(value, 'utf16le').digest();

/** The configured secret's digest, kept while it stays the same (it is hashed on every request). */
let known: { secret: string; digest: Buffer } | null = null;
const secretDigest = (secret: string): Buffer => {
  if (known?.secret !== secret) known = { secret, digest: digest(secret) };
  return known.digest;
};

/** Equal-length digests make the comparison take the same time whatever the inputs. */
export const constantTimeEqual = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/**
 * The request failed the secret check (or a required header): answered 401, recorded cheaply,
 * and never taken for Okta's traffic. Without a configured secret nothing fails it.
 */
export const failedAuth = (result: AuthResult): boolean => result === 'missing' || result === 'mismatch';

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*\s+/;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export interface AuthRules {
  /** Okta's "authentication field". */
  authHeader: string;
  /** The hook's custom headers (`channel.config.headers`), sent on every call. */
  requiredHeaders: RequiredHeader[];
}

/**
 * Check the shared secret Okta sends verbatim in the configured header, then the custom
 * headers (https://developer.okta.com/docs/concepts/event-hooks/#http-headers). On failure, `message` says why in terms the user can act on,
 * without revealing the secret (custom header values are not secret in Okta).
 */
export function checkAuth(headers: HeaderList, rules: AuthRules, secret: string | null): AuthCheck {
  const check = checkSecret(headers, rules.authHeader, secret);
  if (check.result === 'missing' || check.result === 'mismatch') return check;
  return checkRequiredHeaders(headers, rules.requiredHeaders) ?? check;
}

function checkRequiredHeaders(headers: HeaderList, required: RequiredHeader[]): AuthCheck | null {
  for (const { name, value } of required) {
    const sent = headers.filter(([key]) => sameName(key, name)).map(([, v]) => v);
    if (sent.length === 0) {
      return {
        result: 'missing',
        header: name,
        message: `The custom header ${name} is missing: add it to the hook's headers in Okta, or remove it here.`,
      };
    }
    if (sent.length > 1 || sent[0] !== value) {
      return {
        result: 'mismatch',
        header: name,
        message: `The custom header ${name} is ${JSON.stringify(sent.join(', '))}, not ${JSON.stringify(value)}.`,
      };
    }
  }
  return null;
}

function checkSecret(headers: HeaderList, headerName: string, secret: string | null): AuthCheck {
  if (secret === null || secret === '') return { result: 'not-configured', header: headerName };
  const values = headers.filter(([name]) => sameName(name, headerName)).map(([, value]) => value);
  const [value] = values;
  if (value === undefined) {
    return { result: 'missing', header: headerName, message: missingMessage(headers, headerName, secret) };
  }
  if (values.length > 1) {
    return {
      result: 'mismatch',
      header: headerName,
      message: `The ${headerName} header was sent ${values.length} times; Okta sends it once.`,
    };
  }
  if (timingSafeEqual(digest(value), secretDigest(secret))) return { result: 'ok', header: headerName };
  return { result: 'mismatch', header: headerName, message: mismatchMessage(value, secret, headerName) };
}

function missingMessage(headers: HeaderList, headerName: string, secret: string): string {
  const elsewhere = headers.find(([, value]) => constantTimeEqual(value.trim(), secret.trim()));
  if (elsewhere) {
    return `The secret arrived in the ${elsewhere[0]} header, not ${headerName}: set the authentication field in Okta to ${headerName}, or change the header name here.`;
  }
  return `The request has no ${headerName} header: in Okta, set the authentication field to ${headerName} and the secret to the configured value.`;
}

function mismatchMessage(value: string, secret: string, headerName: string): string {
  // HTTP drops spaces around header values, so only a configured secret can carry them.
  if (secret !== secret.trim() && constantTimeEqual(value.trim(), secret.trim())) {
    return `The configured secret has spaces around it, which HTTP strips from every header value, so no request can match: remove them here.`;
  }
  if (value !== value.trim() && constantTimeEqual(value.trim(), secret)) {
    return `The ${headerName} value has spaces around it that the configured secret does not: Okta sends the secret verbatim, so remove them in Okta.`;
  }
  if (constantTimeEqual(collapse(value), collapse(secret))) {
    return `The ${headerName} value differs from the configured secret only in its spacing (e.g. two spaces after the scheme).`;
  }
  const sentScheme = value.match(SCHEME)?.[0];
  const configuredScheme = secret.match(SCHEME)?.[0];
  if (configuredScheme && !sentScheme && constantTimeEqual(value, secret.slice(configuredScheme.length))) {
    return `Okta sends the secret verbatim: your configured value has a "${configuredScheme.trim()}" prefix that the request lacks.`;
  }
  if (sentScheme && !configuredScheme && constantTimeEqual(value.slice(sentScheme.length), secret)) {
    return `The request's ${headerName} value starts with "${sentScheme.trim()}" but the configured secret does not: add the prefix here or remove it in Okta.`;
  }
  return `The ${headerName} value does not match the configured secret.`;
}

const collapse = (text: string) => text.trim().replace(/\s+/g, ' ');
