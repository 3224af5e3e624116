import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSameOrigin, checkToken } from './request-guard';
import { resolveInside } from './static-files';

const PORT = 8788;
const TOKEN = 'fuzz-token-0123456789abcdef';
const OWN_HOSTS = [`127.0.0.1:${PORT}`, `localhost:${PORT}`];

describe('headless API request guard (property)', () => {
  it('lets through only our own Host, and an Origin that is absent or our own', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(
            ...OWN_HOSTS,
            'LOCALHOST:8788',
            '127.0.0.1',
            `evil.test:${PORT}`,
            `127.0.0.1:${PORT + 1}`,
          ),
          fc.string(),
        ),
        fc.option(
          fc.oneof(
            fc.constantFrom(...OWN_HOSTS.map((h) => `http://${h}`), 'null', 'https://127.0.0.1:8788'),
            fc.string(),
          ),
          { nil: undefined },
        ),
        (host, origin) => {
          const verdict = checkSameOrigin({ host, ...(origin === undefined ? {} : { origin }) }, PORT);
          const ownHost = OWN_HOSTS.includes(host.toLowerCase());
          const ownOrigin =
            origin === undefined || OWN_HOSTS.some((h) => origin.toLowerCase() === `http://${h}`);
          expect(verdict.ok).toBe(ownHost && ownOrigin);
        },
      ),
    );
  });

  it('accepts only "Bearer <token>" with exactly the token', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `Bearer ${s}`),
          fc.constant(`Bearer ${TOKEN}`),
        ),
        (authorization) => {
          expect(checkToken({ authorization }, TOKEN).ok).toBe(authorization === `Bearer ${TOKEN}`);
        },
      ),
    );
  });

  it('never serves a file outside the UI folder, whatever the URL path', () => {
    const root = path.resolve('/srv/ui');
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2F', '%5c', '..%2f', '', 'a'),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const file = resolveInside(root, `/${segments.join('/')}`);
        if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
      }),
    );
  });
});
