import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appUrlToRelativePath, isAppUrl } from './app-protocol';
import {
  allowNavigation,
  allowPermission,
  isSafeExternalUrl,
  isTrustedSender,
  webPreferences,
  windowOptions,
} from './window-security';

describe('window security settings', () => {
  it('turns every renderer hardening on', () => {
    expect(webPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(windowOptions('/p').webPreferences).toEqual(webPreferences('/p'));
  });

  it('allows navigation only within the app', () => {
    expect(allowNavigation(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(allowNavigation('https://evil.example/')).toBe(false);
    expect(allowNavigation('file:///etc/passwd')).toBe(false);
    expect(allowNavigation('app://other-host/index.html')).toBe(false);
  });

  it('opens only https links externally and grants no permission but clipboard writing', () => {
    expect(isSafeExternalUrl('https://developer.okta.com/docs/')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url)).toBe(false);
    }
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      expect(allowPermission(permission)).toBe(false);
    }
    expect(allowPermission('clipboard-sanitized-write')).toBe(true);
  });

  it('trusts IPC only from the app main frame', () => {
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: null })).toBe(true);
    expect(isTrustedSender({ url: `${APP_ORIGIN}/index.html`, parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('maps app:// URLs to files inside the renderer folder only', () => {
    expect(appUrlToRelativePath(`${APP_ORIGIN}/`)).toBe('index.html');
    expect(appUrlToRelativePath(`${APP_ORIGIN}/assets/index.js`)).toBe('assets/index.js');
    // The URL parser resolves dot segments first, so this stays inside the folder.
    expect(appUrlToRelativePath(`${APP_ORIGIN}/%2e%2e/index.html`)).toBe('index.html');
    expect(appUrlToRelativePath(`${APP_ORIGIN}/..%2f..%2fsecrets.json`)).toBeNull();
    expect(appUrlToRelativePath(`${APP_ORIGIN}/a%5c..%5csecrets.json`)).toBeNull();
    expect(appUrlToRelativePath('https://evil.example/index.html')).toBeNull();
    expect(isAppUrl('app://inspector/x')).toBe(true);
  });
});
