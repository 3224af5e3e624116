/** The proxy settings of a process environment, the way curl and most tools read them. */
export interface ProxyEnv {
  https_proxy?: string | undefined;
  HTTPS_PROXY?: string | undefined;
  no_proxy?: string | undefined;
  NO_PROXY?: string | undefined;
}

const DEFAULT_PORTS: Record<string, string> = { 'https:': '443', 'http:': '80' };

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '').toLowerCase();

/**
 * Whether one NO_PROXY entry covers `url`: `*`, an exact host or IP, or a domain suffix
 * (`example.com` and `.example.com` both cover `api.example.com`), with an optional `:port`.
 */
function exempts(entry: string, url: URL): boolean {
  if (entry === '*') return true;
  // `[::1]:8443`, a bare IPv6 literal (more than one colon), or `host[:port]`.
  const match =
    /^\[([^\]]+)\](?::(\d+))?$/.exec(entry) ??
    (entry.split(':').length > 2 ? [entry, entry, undefined] : /^(.*?)(?::(\d+))?$/.exec(entry));
  const pattern = (match?.[1] ?? '').replace(/^\*/, '').toLowerCase();
  const port = match?.[2];
  if (pattern === '' || (port !== undefined && port !== (url.port || DEFAULT_PORTS[url.protocol])))
    return false;
  const host = hostOf(url);
  const domain = pattern.replace(/^\./, '');
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The proxy an https request to `url` goes through: HTTPS_PROXY (or https_proxy, which wins),
 * unless NO_PROXY exempts the host. Okta is https only, so HTTP_PROXY plays no part.
 */
export function proxyFor(url: URL, env: ProxyEnv): URL | null {
  if (url.protocol !== 'https:') return null;
  const proxy = (env.https_proxy ?? env.HTTPS_PROXY ?? '').trim();
  if (proxy === '') return null;
  const noProxy = (env.no_proxy ?? env.NO_PROXY ?? '').split(/[\s,]+/).filter((entry) => entry !== '');
  if (noProxy.some((entry) => exempts(entry, url))) return null;
  // `proxy.example.com:3128` without a scheme means http, as in curl.
  return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`);
}
