import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../../shared/model/exchange';
import { toCurl } from './curl';

const exchange = {
  request: {
    method: 'POST',
    path: '/okta/event-hook',
    query: 'x=1',
    headers: [
      ['Host', 'abc.ngrok.app'],
      ['Content-Type', 'application/json'],
      ['Authorization', 'Basic ••••••••'],
    ],
    body: { text: `{"name":"O'Brien"}`, size: 18, truncated: false },
  },
} as unknown as Exchange;

describe('toCurl', () => {
  it('sends the same request to the receiver, quoted for a POSIX shell', () => {
    expect(toCurl(exchange, 'http://127.0.0.1:8787')).toBe(
      [
        `curl -X POST 'http://127.0.0.1:8787/okta/event-hook?x=1'`,
        `-H 'Content-Type: application/json'`,
        `-H 'Authorization: Basic ••••••••'`,
        `--data-raw '{"name":"O'\\''Brien"}'`,
      ].join(' \\\n  '),
    );
  });
});
