import { createHash, timingSafeEqual } from 'node:crypto';
import type { AuthCheck, HeaderList } from '../../../shared/model/exchange';

/**
 * Hash the UTF-16 code units, not UTF-8: UTF-8 encodes every lone surrogate as the same
 * U+FFFD, which would make different strings compare equal (found by the fuzz tests).
 */
const digest = (value: string) => createHash('sha256').update(value, 'utf16le').digest();

/** Equal-length digests make the comparison take the same time whatever the inputs. */
export const constantTimeEqual = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*\s+/;

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Check the shared secret Okta sends verbatim in the configured header (reference §3).
 * On failure, `message` says why in terms the user can act on, without revealing the secret.
 */
export function checkAuth(headers: HeaderList, headerName: string, secret: string | null): AuthCheck {
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
  if (constantTimeEqual(value, secret)) return { result: 'ok', header: headerName };
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
  if (value !== value.trim() && constantTimeEqual(value.trim(), secret)) {
    return `The ${headerName} value has spaces around it that the configured secret does not: Okta sends the secret verbatim, so remove them in Okta.`;
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
