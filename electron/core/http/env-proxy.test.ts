import { describe, expect, it } from 'vitest';
import { proxyFor } from './env-proxy';

const via = (url: string, env: Parameters<typeof proxyFor>[1]) => proxyFor(new URL(url), env)?.href ?? null;

describe('proxyFor (HTTPS_PROXY / NO_PROXY as curl reads them)', () => {
  it('uses HTTPS_PROXY for https only, the lower-case name first, http:// by default', () => {
    expect(via('https://dev-1.okta.com/api', { HTTPS_PROXY: 'http://proxy:3128' })).toBe(
      'http://proxy:3128/',
    );
    expect(via('https://dev-1.okta.com/api', { HTTPS_PROXY: 'http://a:1', https_proxy: 'http://b:2' })).toBe(
      'http://b:2/',
    );
    expect(via('https://dev-1.okta.com/api', { HTTPS_PROXY: 'proxy.corp:8080' })).toBe(
      'http://proxy.corp:8080/',
    );
    expect(via('http://127.0.0.1:9000/api', { HTTPS_PROXY: 'http://proxy:3128' })).toBeNull();
    expect(via('https://dev-1.okta.com/api', {})).toBeNull();
  });

  it('skips the hosts NO_PROXY covers: *, exact names, domain suffixes, ports', () => {
    const env = (NO_PROXY: string) => ({ HTTPS_PROXY: 'http://proxy:3128', NO_PROXY });
    expect(via('https://dev-1.okta.com/', env('*'))).toBeNull();
    expect(via('https://dev-1.okta.com/', env('okta.com'))).toBeNull();
    expect(via('https://dev-1.okta.com/', env('.okta.com'))).toBeNull();
    expect(via('https://dev-1.okta.com/', env('*.okta.com'))).toBeNull();
    expect(via('https://dev-1.okta.com/', env('dev-1.okta.com:443'))).toBeNull();
    expect(via('https://dev-1.okta.com/', env('dev-1.okta.com:8443'))).not.toBeNull();
    expect(via('https://notokta.com/', env('okta.com'))).not.toBeNull();
    expect(via('https://[::1]:8443/', env('::1'))).toBeNull();
    expect(
      via('https://dev-1.okta.com/', {
        https_proxy: 'http://p:1',
        no_proxy: 'intranet, okta.com',
        NO_PROXY: '',
      }),
    ).toBeNull();
  });
});
