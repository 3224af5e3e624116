import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from './curl';

describe('toCurl', () => {
  it('keeps headers in order, leaves framing to curl and quotes for the shell', () => {
    const command = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1:8787/okta/event-hook?a=1',
      headers: [
        ['Host', 'x'],
        ['Content-Type', 'application/json'],
        ['Authorization', "Basic it's"],
        ['Content-Length', '2'],
      ],
      body: '{"a":"it\'s"}',
    });
    expect(command).toBe(
      [
        "curl -i -X 'POST' 'http://127.0.0.1:8787/okta/event-hook?a=1'",
        "-H 'Content-Type: application/json'",
        `-H 'Authorization: Basic it'\\''s'`,
        `--data-binary '{"a":"it'\\''s"}'`,
      ].join(' \\\n  '),
    );
  });

  it('quotes the method too: an imported method can be any HTTP token, backquotes and $ included', () => {
    for (const method of ['`touch${IFS}pwned`', 'A|B', "X'Y", 'P&Q']) {
      const command = toCurl({ method, url: 'http://h/', headers: [], body: null });
      expect(command).toBe(`curl -i -X ${shellQuote(method)} 'http://h/'`);
    }
  });

  it('sends binary bodies through base64', () => {
    expect(toCurl({ method: 'POST', url: 'http://h/', headers: [], body: null, base64Body: '/w==' })).toBe(
      "printf %s '/w==' | base64 -d | curl -i -X 'POST' 'http://h/' --data-binary @-",
    );
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
  });
});
