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
 * Mask credential headers by name, and any other header whose value carries the secret (sent
 * under the wrong name, or with a prefix), so neither the UI nor an export shows it in clear.
 */
export const maskCredentials = (
  headers: [string, string][],
  { authHeader, secret }: Credentials,
): [string, string][] =>
  headers.map(([name, value]) =>
    isSecretHeader(name, authHeader) || (secret && value.includes(secret))
      ? [name, maskSecret(value)]
      : [name, value],
  );
