import type { OktaState } from '../../shared/model/okta';
import type { OktaFeature } from '../../shared/okta/service-app-scopes';
import type { CoreOptions } from '../../electron/core/index';
import { startTestCore, type TestCore } from './core-fixture';
import { FakeTimers } from './fake-timers';
import {
  startOktaEmulator,
  type OktaEmulator,
  type OktaEmulatorOptions,
} from './okta-emulator/okta-emulator';
import { startReverseProxy } from './reverse-proxy';
import { makeTestCertificate } from './tls-cert';

export const HOOK_SECRET = 'Basic b2t0YS1ob29rOnMzY3IzdC1kZXYtb25seQ==';
export const ORG_DOMAIN = 'https://dev-000000.okta.com';

export interface OktaTestCore extends TestCore {
  emulator: OktaEmulator;
  scheduler: FakeTimers;
  /** An https stand-in for the tunnel in front of the receiver: Okta only calls https URLs. */
  publicBase: string;
  connect(token?: string): Promise<OktaState>;
  /** Connect as a service app (the key pair generated in the engine unless `privateKey`). */
  connectApp(app: ServiceAppInput): Promise<OktaState>;
  state(): Promise<OktaState>;
}

export interface ServiceAppInput {
  clientId: string;
  privateKey?: string;
  keyId?: string;
  features?: OktaFeature[];
}

export const ALL_FEATURES: OktaFeature[] = ['manage-hooks', 'system-log'];

/**
 * An engine whose Okta calls go to a fresh emulator, with an https reverse proxy (a throwaway
 * certificate the emulated org trusts) in front of the receiver as the public URL, and timers
 * that run only when the test says so.
 */
export async function startOktaCore(
  options: { emulator?: OktaEmulatorOptions; core?: Partial<CoreOptions> } = {},
): Promise<OktaTestCore> {
  const tls = makeTestCertificate();
  const emulator = await startOktaEmulator({ trust: tls.cert, ...options.emulator });
  const scheduler = new FakeTimers();
  const t = await startTestCore({
    ...options.core,
    okta: { insecureBaseUrl: emulator.url, scheduler, ...options.core?.okta },
    overrides: { secret: HOOK_SECRET, ...options.core?.overrides },
  });
  const tunnel = await startReverseProxy(Number(new URL(t.hookUrl).port), '', tls);
  const publicBase = tunnel.url;
  return {
    ...t,
    emulator,
    scheduler,
    publicBase,
    connect: async (token = emulator.token) => {
      await t.call('okta.configure', { publicBase });
      return t.call('okta.connect', { domain: ORG_DOMAIN, token });
    },
    connectApp: async ({ features = ALL_FEATURES, ...app }) => {
      await t.call('okta.configure', { publicBase });
      return t.call('okta.connect', { domain: ORG_DOMAIN, serviceApp: { ...app, features } });
    },
    state: () => t.call('okta.get', {}),
    stop: async () => {
      await t.stop();
      await tunnel.close();
      await emulator.close();
    },
  };
}
