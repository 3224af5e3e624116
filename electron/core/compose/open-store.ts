import type { Exchange } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';
import { sightingKeys, type SightingsTracker } from '../../../shared/okta/sightings';
import type { Clock, Logger, SecretVault } from '../deps';
import type { CaptureIndex } from '../okta-org/capture-index';
import { failedAuth } from '../receiver/auth-check';
import type { PushStream } from '../rpc/push-stream';
import type { SettingsStore } from '../settings/settings-store';
import { ExchangeStore } from '../store/exchange-store';
import { openHeaderSealer } from '../store/header-sealer';
import type { WriteFault } from '../store/segment-log';

export interface StoreWiring {
  dataDir: string;
  logger: Logger;
  clock: Clock;
  vault: SecretVault;
  settings: SettingsStore;
  push: PushStream;
  /** Redeliveries and ordering, rebuilt from what is stored. */
  tracker: SightingsTracker;
  /** Which exchange carries which Okta event (the org integration's correlation). */
  captures: CaptureIndex;
  /** Counts in the status follow the store. */
  onStorageChange: () => void;
  segmentBytes?: number | undefined;
  writeFault?: WriteFault | undefined;
}

/**
 * Only what Okta (or a sample) sent was judged for redeliveries; imports never count, nor do
 * refused requests (older versions stored sightings for them too).
 */
const tracked = (exchange: Exchange) =>
  exchange.sightings !== undefined && exchange.origin !== 'imported' && !failedAuth(exchange.auth.result);

/**
 * The capture store, with everything that follows it: summaries pushed to the UIs, the
 * duplicate tracker and the capture index fed (also from history at start-up), retention from
 * settings, and credential headers sealed on disk.
 */
export async function openStore(wiring: StoreWiring): Promise<ExchangeStore> {
  const { push, tracker, captures } = wiring;
  const current = (): Settings => wiring.settings.current();
  const store: ExchangeStore = await ExchangeStore.open({
    dir: wiring.dataDir,
    logger: wiring.logger,
    retention: current().retention,
    authHeader: () => current().authHeader,
    now: () => wiring.clock.now(),
    ...(wiring.segmentBytes === undefined ? {} : { segmentBytes: wiring.segmentBytes }),
    listeners: {
      appended: (summary) => {
        push.exchangeAppended(summary);
        captures.appended(summary, (id) => store.get(id));
        wiring.onStorageChange();
      },
      updated: (summary) => {
        push.exchangeUpdated(summary);
        captures.updated(summary);
      },
      removed: (ids) => {
        push.exchangesRemoved(ids);
        captures.remove(ids);
        wiring.onStorageChange();
      },
      restored: (exchange) => {
        if (tracked(exchange)) tracker.remember(exchange.id, sightingKeys(exchange.okta));
        captures.add(exchange);
      },
    },
    ...(wiring.writeFault ? { writeFault: wiring.writeFault } : {}),
    sealer: await openHeaderSealer(wiring.vault, {
      authHeader: () => current().authHeader,
      secret: () => wiring.settings.secret(),
    }),
  });
  return store;
}
