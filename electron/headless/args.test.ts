import { describe, expect, it } from 'vitest';
import { parseHeadlessArgs } from './args';
import { defaultDataDir } from './default-data-dir';

describe('headless arguments', () => {
  it('reads every flag', () => {
    expect(
      parseHeadlessArgs([
        '--port',
        '0',
        '--ui-port',
        '9000',
        '--secret',
        's',
        '--data-dir',
        '/d',
        '--token',
        'x'.repeat(16),
      ]),
    ).toEqual({ port: 0, uiPort: 9000, secret: 's', dataDir: '/d', token: 'x'.repeat(16), help: false });
  });

  it('takes a forward target', () => {
    expect(parseHeadlessArgs(['--forward-to', 'http://localhost:3000/okta/hooks']).forwardTo).toBe(
      'http://localhost:3000/okta/hooks',
    );
  });

  it('reads the tunnel flags', () => {
    expect(
      parseHeadlessArgs([
        '--tunnel',
        'ngrok',
        '--ngrok-domain',
        'me.ngrok-free.app',
        '--ngrok-authtoken-file',
        '/run/secrets/ngrok',
      ]),
    ).toEqual({
      uiPort: 8788,
      help: false,
      tunnel: 'ngrok',
      ngrokDomain: 'me.ngrok-free.app',
      ngrokAuthtokenFile: '/run/secrets/ngrok',
    });
    expect(parseHeadlessArgs(['--tunnel', 'none'])).toMatchObject({ tunnel: 'none' });
  });

  it('takes --public-url as the manual tunnel, with or without --tunnel manual', () => {
    const url = 'https://x.trycloudflare.com';
    expect(parseHeadlessArgs(['--public-url', url])).toMatchObject({ tunnel: 'manual', publicUrl: url });
    expect(parseHeadlessArgs(['--tunnel', 'manual', '--public-url', url])).toMatchObject({
      tunnel: 'manual',
      publicUrl: url,
    });
  });

  it('takes an Okta emulator on this machine only', () => {
    expect(parseHeadlessArgs(['--okta-insecure-base-url', 'http://127.0.0.1:9000']).oktaInsecureBaseUrl).toBe(
      'http://127.0.0.1:9000',
    );
    expect(() => parseHeadlessArgs(['--okta-insecure-base-url', 'http://dev-1.okta.com'])).toThrow(
      /127\.0\.0\.1:<port> or localhost/,
    );
  });

  it('defaults the UI port and leaves the receiver port to settings', () => {
    expect(parseHeadlessArgs([])).toEqual({ uiPort: 8788, help: false });
  });

  it.each([
    [['--port', 'abc'], /--port must be a port number/],
    [['--ui-port', '70000'], /--ui-port must be a port number/],
    [['--token', 'short'], /at least 16/],
    [['--bogus'], /Unknown option/],
    [['--forward-to', 'ftp://x'], /--forward-to must be an http/],
    [['--tunnel', 'cloudflare'], /--tunnel must be .*, not "cloudflare"/],
    [['--public-url', 'ftp://x.example'], /--public-url must be an http\(s\) URL/],
    [['--public-url', 'https://x.example', '--tunnel', 'ngrok'], /cannot be used with --tunnel ngrok/],
    [['--ngrok-domain', 'https://me.ngrok-free.app'], /--ngrok-domain must be a host name/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parseHeadlessArgs(argv)).toThrow(message);
  });

  it('shares the desktop app data folder on each platform', () => {
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/Okta Hook Inspector');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/Okta Hook Inspector');
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/Okta Hook Inspector',
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u')).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Okta Hook Inspector',
    );
  });
});
