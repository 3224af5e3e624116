import { test as base } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHeadless, type HeadlessInstance } from './headless-process';
import { InspectorPage } from './pages/inspector-page';

export const SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../shared/okta/fixtures');
export const fixtureText = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

/**
 * A fixture delivery with new ids (eventId and event uuids), so sending it again is a new
 * delivery rather than a redelivery.
 */
export function freshDelivery(name: string): string {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  return fixtureText(name).replace(uuid, () => randomUUID());
}

export interface OktaSender {
  receiverUrl: string;
  /** GET with the verification challenge, like Okta's Verify button. */
  verify(challenge: string): Promise<Response>;
  /** POST a delivery body with the given auth header value (or none). */
  deliver(body: string, secret?: string | null): Promise<Response>;
}

interface Fixtures {
  engine: HeadlessInstance;
  okta: OktaSender;
  inspector: InspectorPage;
}

/** Each test gets its own engine (ports 0, temp data folder) and a page opened on its UI. */
export const test = base.extend<Fixtures>({
  engine: async ({}, use) => {
    const instance = await startHeadless(['--secret', SECRET]);
    await use(instance);
    await instance.stop();
  },
  okta: async ({ engine }, use) => {
    const { receiverUrl } = engine;
    await use({
      receiverUrl,
      verify: (challenge) =>
        fetch(receiverUrl, {
          headers: { 'X-Okta-Verification-Challenge': challenge, Authorization: SECRET },
        }),
      deliver: (body, secret = SECRET) =>
        fetch(receiverUrl, {
          method: 'POST',
          headers: {
            Accept: 'application/json',
            'Content-Type': 'application/json',
            ...(secret === null ? {} : { Authorization: secret }),
          },
          body,
        }),
    });
  },
  inspector: async ({ page, engine }, use) => {
    const inspector = new InspectorPage(page);
    await inspector.open(engine.inspectorUrl);
    await use(inspector);
  },
});

export { expect } from '@playwright/test';
