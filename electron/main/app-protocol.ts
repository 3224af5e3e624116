/**
 * The renderer is served from a custom scheme rather than file://, so it has a real origin
 * that IPC sender checks and navigation rules can compare against.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'inspector';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Node's URL gives custom schemes an opaque origin, so compare scheme and host instead. */
const isApp = (url: URL) => url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;

/** True only for URLs of the app itself. */
export function isAppUrl(url: string): boolean {
  try {
    return isApp(new URL(url));
  } catch {
    return false;
  }
}

/** Map an app:// URL to a file under the renderer folder, or null if it escapes it. */
export function appUrlToRelativePath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!isApp(parsed)) return null;
  const segments = decodeURIComponent(parsed.pathname).split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment.includes('\\'))) return null;
  return segments.length === 0 ? 'index.html' : segments.join('/');
}
