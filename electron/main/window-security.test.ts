import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appUrlToRelativePath, isAppUrl } from './app-protocol';
import {
  allowNavigation,
  allowPermission,
  isAppLink,
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

  it('opens only the links the app shows in the browser', () => {
    for (const url of [
      'https://dashboard.ngrok.com/get-started/your-authtoken',
      'https://dashboard.ngrok.com/agents',
      'https://dashboard.ngrok.com/domains',
      'https://ngrok.com/docs/errors/err_ngrok_4018',
    ])
      expect(isAppLink(url), url).toBe(true);
    for (const url of [
      'https://evil.example/',
      'https://developer.okta.com.evil.example/',
      'https://ngrok.com.evil.example/docs/errors/err_ngrok_1',
      'https://dashboard.ngrok.com:8443/agents',
      'https://user@dashboard.ngrok.com/agents',
      'https://dashboard.ngrok.com/agents?next=https://evil.example',
      'https://ngrok.com/signup',
      'http://dashboard.ngrok.com/agents',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ])
      expect(isAppLink(url), url).toBe(false);
  });

  it('allows every link the UI shows', () => {
    const root = new URL('../../renderer/src/', import.meta.url);
    const links = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.tsx'))
      .flatMap((file) => [
        ...readFileSync(new URL(file, root), 'utf8').matchAll(
          /href="(https:[^"]+)"|_PAGE = '(https:[^']+)'/g,
        ),
      ])
      .map(([, href, page]) => href ?? page ?? '');
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(isAppLink(link), link).toBe(true);
  });

  it('grants no permission but clipboard writing', () => {
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
