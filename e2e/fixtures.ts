import { test as base, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startOktaEmulator, type OktaEmulator } from '../test-support/engine/okta-emulator/okta-emulator';
import { startReverseProxy } from '../test-support/engine/reverse-proxy';
import { answer, startTarget, type TargetServer } from '../test-support/engine/target-server';
import { makeTestCertificate, type TestCertificate } from '../test-support/engine/tls-cert';
import { electronBinary, launchElectronApp } from './electron-app';
import { startHeadless } from './headless-process';
import { writeHistory } from './hostile-records';
import { InspectorPage } from './pages/inspector-page';
import { OktaPanelPage } from './pages/okta-panel-page';

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

/** The inspector under test: headless mode in Chromium (project web) or the desktop app. */
export interface AppUnderTest {
  receiverUrl: string;
  page: Page;
}

/** Requests as Okta sends them (https://developer.okta.com/docs/concepts/event-hooks/#requests-sent-by-okta), to a receiver URL. */
export function oktaSender(receiverUrl: string): OktaSender {
  return {
    receiverUrl,
    verify: (challenge) =>
      fetch(receiverUrl, { headers: { 'X-Okta-Verification-Challenge': challenge, Authorization: SECRET } }),
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
  };
}

interface Fixtures {
  /** Skips the Electron project, with the reason, where no Electron binary exists. */
  electronGate: void;
  /** Extra command-line flags for the app under test (its engine). */
  engineArgs: string[];
  /** Extra environment for headless mode (a proxy, extra CA certificates). */
  engineEnv: Record<string, string>;
  /**
   * Exchanges written, unchecked, into the data folder before the app starts on it: a history an
   * older version (or a damaged disk) left.
   */
  history: { exchanges: unknown[] } | null;
  app: AppUnderTest;
  /** A stand-in for the developer's own handler, answering 200 and recording requests. */
  handler: TargetServer;
  okta: OktaSender;
  inspector: InspectorPage;
}

const isElectron = (projectName: string) => projectName === 'electron';

/** Each test gets its own engine (ports 0, temp data folder) and a page opened on its UI. */
export const test = base.extend<Fixtures>({
  electronGate: [
    async ({}, use, testInfo) => {
      if (isElectron(testInfo.project.name)) {
        const binary = electronBinary();
        testInfo.skip('reason' in binary, 'reason' in binary ? binary.reason : '');
      }
      await use();
    },
    { auto: true },
  ],
  engineArgs: async ({}, use) => use([]),
  engineEnv: async ({}, use) => use({}),
  history: [null, { option: true }],
  app: async ({ page, engineArgs, engineEnv, history }, use, testInfo) => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'ohi-e2e-'));
    if (history) await writeHistory(dataDir, history.exchanges);
    try {
      if (isElectron(testInfo.project.name)) {
        const binary = electronBinary();
        if (!('path' in binary)) throw new Error(binary.reason);
        const launched = await launchElectronApp(binary.path, ['--secret', SECRET, ...engineArgs], dataDir);
        await use({ receiverUrl: launched.receiverUrl, page: launched.page });
        await launched.close();
        return;
      }
      const instance = await startHeadless(['--secret', SECRET, ...engineArgs], { dataDir, env: engineEnv });
      await page.goto(instance.inspectorUrl);
      await use({ receiverUrl: instance.receiverUrl, page });
      await instance.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  },
  handler: async ({}, use) => {
    const server = await startTarget(answer(200, '{"handled":true}', { 'Content-Type': 'application/json' }));
    await use(server);
    await server.close();
  },
  okta: async ({ app }, use) => use(oktaSender(app.receiverUrl)),
  inspector: async ({ app }, use) => {
    const inspector = new InspectorPage(app.page);
    await inspector.waitUntilReady();
    await use(inspector);
  },
});

/** The emulated org's clock runs `lagMs` behind, so a test can publish events in the past. */
export interface OrgClock {
  lagMs: number;
}

interface OktaFixtures {
  orgClock: OrgClock;
  /** A throwaway certificate: the emulated org trusts it, the https stand-ins serve it. */
  testCa: TestCertificate;
  /** An Okta org on loopback (Management, API token, System Log and token endpoint APIs). */
  oktaOrg: OktaEmulator;
  /** `https://127.0.0.1:<port>`: an https stand-in for the tunnel in front of the receiver. */
  publicBase: string;
  oktaPanel: OktaPanelPage;
}

/**
 * The engine's Okta API calls go to a fresh emulator (`--okta-insecure-base-url`, loopback
 * only); the emulator verifies and delivers over https, through a stand-in for the tunnel.
 */
export const oktaTest = test.extend<OktaFixtures>({
  orgClock: async ({}, use) => use({ lagMs: 0 }),
  testCa: async ({}, use) => use(makeTestCertificate(['localhost', '127.0.0.1', 'dev-000000.okta.com'])),
  oktaOrg: async ({ orgClock, testCa }, use) => {
    const emulator = await startOktaEmulator({ now: () => Date.now() - orgClock.lagMs, trust: testCa.cert });
    await use(emulator);
    await emulator.close();
  },
  engineArgs: async ({ oktaOrg }, use) => use(['--okta-insecure-base-url', oktaOrg.url]),
  publicBase: async ({ app, testCa }, use) => {
    const tunnel = await startReverseProxy(Number(new URL(app.receiverUrl).port), '', testCa);
    await use(tunnel.url);
    await tunnel.close();
  },
  oktaPanel: async ({ inspector }, use) => use(new OktaPanelPage(inspector.page)),
});

export { expect } from '@playwright/test';
