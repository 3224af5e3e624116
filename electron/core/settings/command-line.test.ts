import { describe, expect, it } from 'vitest';
import { parseDesktopArgs } from './command-line';

describe('desktop command line', () => {
  it('reads its flags among the app path and Electron and Chromium switches', () => {
    expect(
      parseDesktopArgs([
        '--inspect=0',
        '--remote-debugging-port=0',
        '.',
        '--no-sandbox',
        '--data-dir',
        '/tmp/x',
        '--port=0',
        '--secret',
        's',
      ]),
    ).toEqual({ dataDir: '/tmp/x', port: 0, secret: 's' });
  });

  it.each([
    [['--port', 'abc'], '--port must be a port number between 0 and 65535, not "abc".'],
    [['--port', '70000'], '--port must be a port number between 0 and 65535, not "70000".'],
    [['--port'], '--port needs a value.'],
    [['--data-dir', ''], '--data-dir needs a folder.'],
    [
      ['--okta-insecure-base-url', 'https://dev-1.okta.com'],
      '--okta-insecure-base-url must be http(s)://127.0.0.1:<port> or localhost, not "https://dev-1.okta.com".',
    ],
  ])('refuses %j in words', (argv, message) => {
    expect(() => parseDesktopArgs(argv)).toThrow(message);
  });
});
