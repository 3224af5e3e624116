const BULLETS = '••••••••';

/** Auth schemes worth keeping visible: knowing "Basic" vs "Bearer" helps, and reveals nothing. */
const SCHEME = /^(Basic|Bearer|SSWS|Token|Digest)\s+/i;

/**
 * Hide a secret for display: keep a recognisable scheme word, replace the rest with bullets.
 * The length is not shown; it would narrow a guess for short secrets.
 */
export const maskSecret = (value: string): string => {
  if (value === '') return '';
  const scheme = value.match(SCHEME)?.[0] ?? '';
  return `${scheme}${BULLETS}`;
};

/** Headers that carry credentials whatever the hook is configured with. */
const ALWAYS_SECRET = ['authorization', 'proxy-authorization', 'cookie'];

/** Whether a header carries credentials: the configured auth header or one of the usual ones. */
export const isSecretHeader = (name: string, authHeader: string): boolean => {
  const lower = name.toLowerCase();
  return lower === authHeader.toLowerCase() || ALWAYS_SECRET.includes(lower);
};

/** How credentials are recognised in a request: the configured header, and the secret itself. */
export interface Credentials {
  authHeader: string;
  secret: string | null;
}

/**
 * Whether a header carries credentials: by name, or because its value carries the secret (sent
 * under the wrong name, with a prefix, or echoed back by a handler). What is sealed on disk and
 * masked for the UI and exports is decided here, the same way for both.
 */
export const carriesCredential = (name: string, value: string, { authHeader, secret }: Credentials) =>
  isSecretHeader(name, authHeader) || (secret !== null && secret !== '' && value.includes(secret));

/** Mask the headers that carry credentials, so neither the UI nor an export shows them in clear. */
export const maskCredentials = (headers: [string, string][], credentials: Credentials): [string, string][] =>
  headers.map(([name, value]) =>
    carriesCredential(name, value, credentials) ? [name, maskSecret(value)] : [name, value],
  );
