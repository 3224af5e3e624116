import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { APP_ENTRY } from './app-protocol';
import { hardenContents, hardenSession } from './harden-contents';

type Handler = (...args: unknown[]) => unknown;

function fakeSession() {
  const handlers: Record<string, Handler> = {};
  const set = (name: string) => (handler: Handler) => void (handlers[name] = handler);
  return {
    handlers,
    session: {
      setPermissionRequestHandler: set('request'),
      setPermissionCheckHandler: set('check'),
      setDevicePermissionHandler: set('device'),
    },
  };
}

function fakeContents() {
  const listeners: Record<string, Handler> = {};
  let openHandler: Handler = () => undefined;
  return {
    listeners,
    open: (url: string) => openHandler({ url }),
    contents: {
      on: (event: string, listener: Handler) => void (listeners[event] = listener),
      setWindowOpenHandler: (handler: Handler) => void (openHandler = handler),
    },
  };
}

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'openExternal',
  'fullscreen',
  'pointerLock',
  'hid',
  'serial',
  'usb',
];

describe('session handlers', () => {
  it('lets the Copy buttons write to the clipboard, and nothing more', () => {
    const { session, handlers } = fakeSession();
    hardenSession(session as never);
    const callback = vi.fn();
    handlers.request?.({}, 'clipboard-sanitized-write', callback, { requestingUrl: APP_ENTRY });
    expect(callback).toHaveBeenCalledWith(true);
    expect(handlers.check?.({}, 'clipboard-sanitized-write', APP_ENTRY, {})).toBe(true);
  });

  it.each(PERMISSIONS)('denies a request for %s, and every permission check and device', (permission) => {
    const { session, handlers } = fakeSession();
    hardenSession(session as never);
    const callback = vi.fn();
    handlers.request?.({}, permission, callback, { requestingUrl: APP_ENTRY });
    expect(callback).toHaveBeenCalledWith(false);
    expect(handlers.check?.({}, permission, APP_ENTRY, {})).toBe(false);
    expect(handlers.device?.({ deviceType: permission, origin: APP_ENTRY })).toBe(false);
  });
});

describe('web contents guards', () => {
  const navigation = (event: 'will-navigate' | 'will-redirect', url: string) => {
    const { contents, listeners } = fakeContents();
    hardenContents(contents as never, vi.fn());
    const preventDefault = vi.fn();
    listeners[event]?.({ preventDefault }, url);
    return preventDefault.mock.calls.length > 0;
  };

  it.each(['will-navigate', 'will-redirect'] as const)(
    '%s: stays in the app, blocks everything else',
    (event) => {
      expect(navigation(event, APP_ENTRY)).toBe(false);
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'app://other/index.html',
        'javascript:alert(1)',
        'data:text/html,x',
      ]) {
        expect(navigation(event, url)).toBe(true);
      }
    },
  );

  it('never attaches a webview', () => {
    const { contents, listeners } = fakeContents();
    hardenContents(contents as never, vi.fn());
    const preventDefault = vi.fn();
    listeners['will-attach-webview']?.({ preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });

  it('denies every new window and hands only the links the app shows to the system browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn();
    hardenContents(contents as never, openExternal);
    for (const url of [
      'https://dashboard.ngrok.com/get-started/your-authtoken',
      'https://evil.example/phish',
      'http://example.com/',
      'file:///etc/passwd',
      APP_ENTRY,
      'smb://host/x',
    ]) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal.mock.calls).toEqual([['https://dashboard.ngrok.com/get-started/your-authtoken']]);
  });
});

describe('Content-Security-Policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
  );

  it('denies by default and allows only the app itself', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    for (const name of ['script-src', 'style-src', 'connect-src', 'font-src'])
      expect(directives.get(name)).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('allows no inline script, no eval and no remote source anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|wasm-unsafe|blob:/);
  });
});
