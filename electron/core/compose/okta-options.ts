import { isLoopbackOrigin } from '../../../shared/okta/org-domain';
import type { Clock } from '../deps';
import { fetchTransport, type FetchLike } from '../http/fetch-transport';
import { nodeTransport, type HttpTransport } from '../http/http-transport';
import type { Scheduler } from '../deps';

/** How the Okta org integration reaches Okta; tests and local demos change it. */
export interface OktaOptions {
  /**
   * Send Okta API calls to this loopback URL (an Okta emulator) instead of the org's https
   * domain. Refused for anything but 127.0.0.1, localhost or [::1]: the API token never
   * travels in clear beyond this machine.
   */
  insecureBaseUrl?: string;
  /**
   * The host's `fetch` for Okta API calls: the desktop app passes Electron's `net.fetch`, which
   * follows the system proxy and certificate store. Without it calls go through Node, honouring
   * HTTPS_PROXY / NO_PROXY and NODE_EXTRA_CA_CERTS.
   */
  fetch?: FetchLike;
  scheduler?: Scheduler;
  /** Between System Log polls (default 30 s). */
  pollIntervalMs?: number;
}

/** Okta API calls may go to an emulator on this machine (tests, demos), never elsewhere in clear. */
export function oktaBaseOverride(options: OktaOptions | undefined): string | null {
  const base = options?.insecureBaseUrl ?? null;
  if (base !== null && !isLoopbackOrigin(base)) {
    throw new Error(`The Okta base URL override must be a loopback URL, not ${base}.`);
  }
  return base;
}

export function oktaTransport(options: OktaOptions | undefined, clock: Clock): HttpTransport {
  const monotonic = () => clock.monotonic();
  return options?.fetch ? fetchTransport(options.fetch, monotonic) : nodeTransport(process.env, monotonic);
}
