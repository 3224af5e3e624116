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

/** Mask the values of credential headers: the configured auth header and the usual ones. */
export const maskHeaders = (headers: [string, string][], authHeader: string): [string, string][] =>
  headers.map(([name, value]) =>
    isSecretHeader(name, authHeader) ? [name, maskSecret(value)] : [name, value],
  );
