/** Checking what the user types for the org domain and the public hook URL. */

export type UrlCheck = { ok: true; url: string; note: string | null } | { ok: false; message: string };

/** Okta's own cells; anything else may still be the org's custom domain. */
const OKTA_SUFFIXES = ['.okta.com', '.oktapreview.com', '.okta-emea.com', '.okta-gov.com', '.okta.mil'];

const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/i;
const HOST_PORT = /^([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;
const LOOPBACK = /^(127(?:\.\d{1,3}){3}|localhost|\[::1\])$/i;

interface Parts {
  scheme: string;
  host: string;
  port: string | undefined;
  path: string;
  rest: boolean;
  userinfo: boolean;
}

function split(input: string): Parts | null {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
  const match = URL_PARTS.exec(text);
  if (!match) return null;
  const [, scheme = '', authority = '', path = '', query, fragment] = match;
  const at = authority.lastIndexOf('@');
  const hostPort = HOST_PORT.exec(authority.slice(at + 1));
  if (!hostPort) return null;
  return {
    scheme: scheme.toLowerCase(),
    host: (hostPort[1] ?? '').toLowerCase(),
    port: hostPort[2],
    path,
    rest: query !== undefined || fragment !== undefined,
    userinfo: at !== -1,
  };
}

const isIpLiteral = (host: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');

/**
 * The org's base URL from what the user typed (`dev-123456.okta.com` is enough): https only,
 * a host name, no path or port. A host outside Okta's domains is accepted with a note, since
 * orgs can have custom domains.
 */
export function checkOrgDomain(input: string): UrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter your Okta domain, e.g. dev-123456.okta.com.' };
  const parts = split(text);
  if (!parts || parts.userinfo || !parts.host.includes('.') || isIpLiteral(parts.host)) {
    return { ok: false, message: `"${text}" is not an Okta domain such as dev-123456.okta.com.` };
  }
  if (parts.scheme !== 'https') return { ok: false, message: 'Okta serves its API over https only.' };
  const admin = /^(.+)-admin(\.[^.]+\..+)$/.exec(parts.host);
  if (admin) {
    return {
      ok: false,
      message: `That is the Admin Console's address; the API lives at https://${admin[1]}${admin[2]}.`,
    };
  }
  if ((parts.path !== '' && parts.path !== '/') || parts.rest) {
    return { ok: false, message: 'Give the domain only, without a path: https://dev-123456.okta.com.' };
  }
  if (parts.port !== undefined && parts.port !== '443') {
    return { ok: false, message: 'Okta domains take no port number.' };
  }
  const oktaHosted = OKTA_SUFFIXES.some((suffix) => parts.host.endsWith(suffix));
  const note = oktaHosted
    ? null
    : 'Not an okta.com or oktapreview.com domain: fine if it is your org’s custom domain.';
  return { ok: true, url: `https://${parts.host}`, note };
}

/**
 * The public base URL of the receiver (the tunnel's, entered by hand): Okta only calls https
 * URLs (https://developer.okta.com/docs/guides/hooks-best-practices/), so only https is taken.
 */
export function checkPublicBase(input: string): UrlCheck {
  const text = input.trim().replace(/\/+$/, '');
  const parts = text === '' ? null : split(text);
  if (!parts || parts.userinfo || parts.rest || parts.host === '') {
    return { ok: false, message: 'Enter the public https:// URL of the tunnel, e.g. https://abc.ngrok.app.' };
  }
  if (parts.scheme !== 'https') {
    return { ok: false, message: 'Okta only calls https:// URLs; use the tunnel’s https address.' };
  }
  const port = parts.port === undefined ? '' : `:${parts.port}`;
  return { ok: true, url: `${parts.scheme}://${parts.host}${port}${parts.path}`, note: null };
}

/** The hook URL on a public base: the base plus the hook path, unless it already ends with it. */
export function hookUrlOn(base: string, hookPath: string): string {
  const trimmed = base.replace(/\/+$/, '');
  return trimmed.endsWith(hookPath) ? trimmed : `${trimmed}${hookPath}`;
}

/**
 * A base URL on this machine only (an Okta emulator's): the API token may travel there in
 * clear, since it never leaves the host.
 */
export const isLoopbackOrigin = (url: string): boolean => {
  const parts = /^https?:\/\//i.test(url) ? split(url) : null;
  return (
    parts !== null && LOOPBACK.test(parts.host) && (parts.path === '' || parts.path === '/') && !parts.rest
  );
};
