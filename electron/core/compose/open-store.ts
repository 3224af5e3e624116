import type { SightingsTracker } from '../../../shared/okta/sightings';
import type { Logger, SecretVault } from '../deps';
import type { CaptureIndex } from '../okta-org/capture-index';
import type { PushStream } from '../rpc/push-stream';
import type { SettingsStore } from '../settings/settings-store';
import { ExchangeStore } from '../store/exchange-store';
import { openHeaderSealer } from '../store/header-sealer';
import type { WriteFault } from '../store/segment-log';

export interface StoreWiring {
  dataDir: string;
  logger: Logger;
  vault: SecretVault;
  settings: SettingsStore;
  push: PushStream;
  /** Redeliveries and ordering, rebuilt from what is stored. */
  tracker: SightingsTracker;
  /** Which exchange carries which Okta event (the org integration's correlation). */
  captures: CaptureIndex;
  writeFault?: WriteFault | undefined;
}

/**
 * The capture store, with everything that follows it: summaries pushed to the UIs, the
 * duplicate tracker and the capture index fed (also from history at start-up), and
 * credential headers sealed on disk.
 */
export async function openStore(wiring: StoreWiring): Promise<ExchangeStore> {
  const { push, tracker, captures } = wiring;
  const store: ExchangeStore = await ExchangeStore.open({
    dir: wiring.dataDir,
    logger: wiring.logger,
    listeners: {
      appended: (summary) => {
        push.exchangeAppended(summary);
        captures.appended(summary, (id) => store.get(id));
      },
      updated: (summary) => {
        push.exchangeUpdated(summary);
        captures.updated(summary);
      },
      restored: (exchange) => {
        if (exchange.sightings) tracker.remember(exchange.id, exchange.okta);
        captures.add(exchange);
      },
    },
    ...(wiring.writeFault ? { writeFault: wiring.writeFault } : {}),
    sealer: await openHeaderSealer(wiring.vault, {
      authHeader: () => wiring.settings.current().authHeader,
      secret: () => wiring.settings.secret(),
    }),
  });
  return store;
}
