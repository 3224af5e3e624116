import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Settings } from '../../../shared/model/settings';
import type { Logger, Clock, SecretVault } from '../deps';
import type { PushStream } from '../rpc/push-stream';
import type { SettingsStore } from '../settings/settings-store';
import { ExchangeStore } from '../store/exchange-store';
import { openHeaderSealer } from '../store/header-sealer';
import type { WriteFault } from '../store/records/record-log';

export interface StoreWiring {
  dataDir: string;
  version: string;
  indexWorker: string;
  logger: Logger;
  clock: Clock;
  vault: SecretVault;
  settings: SettingsStore;
  push: PushStream;
  /** Stored deliveries changed: the Okta org's correlation may have too. */
  onCaptures(summary?: Pick<ExchangeSummary, 'kind' | 'origin'>): void;
  /** Deliveries stored and removed: event hook filters check them. */
  onHistory: { appended(summary: ExchangeSummary): void; removed(seqs: number[]): void; reloaded(): void };
  /** Counts in the status follow the store. */
  onStorageChange: () => void;
  segmentBytes?: number | undefined;
  writeFault?: WriteFault | undefined;
}

/**
 * The capture store, with everything that follows it: summaries pushed to the UIs, the Okta
 * org told of new deliveries, retention from settings, and credential headers sealed on disk.
 */
export async function openStore(wiring: StoreWiring): Promise<ExchangeStore> {
  const { push } = wiring;
  const current = (): Settings => wiring.settings.current();
  const store: ExchangeStore = await ExchangeStore.open({
    dir: wiring.dataDir,
    version: wiring.version,
    indexWorker: wiring.indexWorker,
    logger: wiring.logger,
    retention: current().retention,
    authHeader: () => current().authHeader,
    now: () => wiring.clock.now(),
    ...(wiring.segmentBytes === undefined ? {} : { segmentBytes: wiring.segmentBytes }),
    listeners: {
      appended: (summary) => {
        push.exchangeAppended(summary);
        wiring.onCaptures(summary);
        wiring.onHistory.appended(summary);
        wiring.onStorageChange();
      },
      updated: (summary) => {
        push.exchangeUpdated(summary);
        wiring.onCaptures(summary);
      },
      removed: (removed) => {
        push.exchangesRemoved(removed);
        wiring.onCaptures();
        wiring.onHistory.removed(removed.map(({ seq }) => seq));
        wiring.onStorageChange();
      },
      status: () => wiring.onStorageChange(),
      reloaded: () => {
        push.emit({ name: 'exchanges.changed', payload: { lastSeq: store.stats().lastSeq } });
        wiring.onCaptures();
        wiring.onHistory.reloaded();
        wiring.onStorageChange();
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
