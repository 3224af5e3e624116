import { describe, expect, it } from 'vitest';
import { explainTransport } from '../okta-org/okta-problem';
import { closedPortUrl } from '../../../test-support/engine/target-server';
import { fetchTransport, type FetchLike } from './fetch-transport';

const request = (url: string) => ({
  url: new URL(url),
  method: 'GET',
  headers: [],
  body: null,
  timeoutMs: 5000,
  bodyLimit: 1024,
});
const now = () => performance.now();

/** Electron's `net.fetch` rejects with Chromium's error name in the message. */
const electronFailing =
  (name: string): FetchLike =>
  () =>
    Promise.reject(new Error(`net::${name}`));

describe('fetchTransport (a host fetch, e.g. Electron net.fetch)', () => {
  it("names Chromium's network errors the way the Okta panel explains them", async () => {
    const cases: [string, string][] = [
      ['ERR_CONNECTION_REFUSED', 'Nothing answers at dev-1.okta.com (connection refused).'],
      ['ERR_NAME_NOT_RESOLVED', 'dev-1.okta.com does not resolve'],
      [
        'ERR_CERT_AUTHORITY_INVALID',
        'The TLS connection to dev-1.okta.com failed (ERR_CERT_AUTHORITY_INVALID)',
      ],
      ['ERR_TIMED_OUT', 'dev-1.okta.com did not answer in time.'],
      ['ERR_PROXY_CONNECTION_FAILED', 'Could not reach dev-1.okta.com: net::ERR_PROXY_CONNECTION_FAILED.'],
    ];
    for (const [name, message] of cases) {
      const result = await fetchTransport(
        electronFailing(name),
        now,
      )(request('https://dev-1.okta.com/api/v1/eventHooks'));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(explainTransport(result, 'dev-1.okta.com', 0).message).toContain(message);
    }
  });

  it("works over Node's own fetch, and reads its causes too", async () => {
    const refused = await fetchTransport(fetch, now)(request(await closedPortUrl()));
    expect(refused).toMatchObject({ ok: false, cause: 'refused', code: 'ECONNREFUSED' });
  });

  it('gives up after the time asked for, and keeps only the bytes asked for', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)),
      );
    const slow = await fetchTransport(hanging, now)({ ...request('https://dev-1.okta.com/'), timeoutMs: 20 });
    expect(slow).toMatchObject({ ok: false, cause: 'timeout' });
    const big: FetchLike = () => Promise.resolve(new Response('x'.repeat(3000), { status: 200 }));
    expect(await fetchTransport(big, now)(request('https://dev-1.okta.com/'))).toMatchObject({
      ok: true,
      size: 3000,
      truncated: true,
      body: Buffer.from('x'.repeat(1024)),
    });
  });
});
