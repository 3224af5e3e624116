import { describe, expect, it } from 'vitest';
import { whyOktaCannotCall } from './callable-url';

describe('a URL Okta can call', () => {
  it('is public https', () => {
    expect(whyOktaCannotCall('https://a1b2.ngrok-free.app/okta/event-hook')).toBeNull();
    expect(whyOktaCannotCall('https://hooks.example.com:8443/x')).toBeNull();
    expect(whyOktaCannotCall('https://172.32.0.1/x')).toBeNull();
  });

  it('is never plain http', () => {
    expect(whyOktaCannotCall('http://hooks.example.com/okta/event-hook')).toBe('it is plain http');
  });

  it('is never on this machine or a private network, whatever the scheme', () => {
    for (const url of [
      'http://127.0.0.1:8787/okta/event-hook',
      'https://localhost/x',
      'https://api.localhost/x',
      'https://10.1.2.3/x',
      'https://172.20.0.5/x',
      'https://192.168.1.10/x',
      'https://169.254.1.1/x',
      'https://[::1]:8787/x',
      'https://[fd12:3456::1]/x',
      'https://[fe80::1]/x',
      'https://printer.local/x',
    ]) {
      expect(whyOktaCannotCall(url), url).toMatch(/is only reachable from here$/);
    }
  });

  it('is a URL', () => {
    expect(whyOktaCannotCall('not a url')).toBe('it is not a URL');
  });
});
