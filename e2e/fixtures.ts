import { test as base } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOktaEmulator, type OktaEmulator } from '../electron/core/testing/okta-emulator/okta-emulator';
import { answer, startTarget, type TargetServer } from '../electron/core/testing/target-server';
import { startHeadless, type HeadlessInstance } from './headless-process';
import { InspectorPage } from './pages/inspector-page';
import { OktaPanelPage } from './pages/okta-panel-page';

export const SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../shared/okta/fixtures');
export const fixtureText = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

export interface OktaSender {
  receiverUrl: string;
  /** GET with the verification challenge, like Okta's Verify button. */
  verify(challenge: string): Promise<Response>;
  /** POST a delivery body with the given auth header value (or none). */
  deliver(body: string, secret?: string | null): Promise<Response>;
}

interface Fixtures {
  engine: HeadlessInstance;
  /** A stand-in for the developer's own handler, answering 200 and recording requests. */
  handler: TargetServer;
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
  handler: async ({}, use) => {
    const server = await startTarget(answer(200, '{"handled":true}', { 'Content-Type': 'application/json' }));
    await use(server);
    await server.close();
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

/** The emulated org's clock runs `lagMs` behind, so a test can publish events in the past. */
export interface OrgClock {
  lagMs: number;
}

interface OktaFixtures {
  orgClock: OrgClock;
  /** An Okta org on loopback (Management, API token and System Log APIs). */
  oktaOrg: OktaEmulator;
  oktaPanel: OktaPanelPage;
}

/**
 * The engine's Okta API calls go to a fresh emulator (`--okta-insecure-base-url`, loopback
 * only); the emulator verifies and delivers to the engine's receiver directly.
 */
export const oktaTest = test.extend<OktaFixtures>({
  orgClock: async ({}, use) => use({ lagMs: 0 }),
  oktaOrg: async ({ orgClock }, use) => {
    const emulator = await startOktaEmulator({ now: () => Date.now() - orgClock.lagMs });
    await use(emulator);
    await emulator.close();
  },
  engine: async ({ oktaOrg }, use) => {
    const instance = await startHeadless(['--secret', SECRET, '--okta-insecure-base-url', oktaOrg.url]);
    await use(instance);
    await instance.stop();
  },
  oktaPanel: async ({ inspector }, use) => use(new OktaPanelPage(inspector.page)),
});

export { expect } from '@playwright/test';
