import type { Session, WebContents } from 'electron';
import { allowNavigation, allowPermission, isAppLink } from './window-security';

type SessionPort = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;
type ContentsPort = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * No page in the app gets a device (camera, USB, HID, serial ...) or a browser permission but
 * clipboard writing (see allowPermission).
 */
export function hardenSession(session: SessionPort): void {
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(allowPermission(permission)),
  );
  session.setPermissionCheckHandler((_contents, permission) => allowPermission(permission));
  session.setDevicePermissionHandler(() => false);
}

/**
 * Guards for every web contents the app creates (HTTP Toolkit's pattern): it stays on the
 * app's own pages, attaches no webview, and opens no window; the links the app shows go to the
 * system browser, nothing else does.
 * https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export function hardenContents(contents: ContentsPort, openExternal: (url: string) => void): void {
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (!allowNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => stayInApp(event, url));
  contents.on('will-redirect', (event, url) => stayInApp(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAppLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}
