import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { PushMessage } from '../../shared/contract/events';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { AppStatus, StorageStatus } from '../../shared/model/status';
import { SightingsTracker } from '../../shared/okta/sightings';
import {
  silentLogger,
  systemClock,
  type Clock,
  type Logger,
  type SecretVault,
  type TransferHost,
} from './deps';
import { createRequestHandler } from './receiver/handle-request';
import { LoopbackTags } from './receiver/loopback-tags';
import { Receiver } from './receiver/receiver';
import { createDispatcher, type Dispatch } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import { PushStream } from './rpc/push-stream';
import { sendSample } from './samples/send-sample';
import { FileSecretVault } from './settings/file-secret-vault';
import { SettingsStore, type SettingsOverrides } from './settings/settings-store';
import { lockDataDir } from './store/data-dir-lock';
import { ExchangeStore } from './store/exchange-store';
import { storageProblem } from './store/storage-problem';
import { throttle } from './throttle';
import { FileTransfers } from './transfer/file-transfers';
import { Jobs } from './transfer/jobs';
import { Transfers } from './transfer/transfers';

export interface CoreOptions {
  dataDir: string;
  mode: AppStatus['mode'];
  version: string;
  clock?: Clock;
  newId?: () => string;
  logger?: Logger;
  /** Defaults to a 0600 file in the data directory. */
  vault?: SecretVault;
  /** Command-line values for this run only. */
  overrides?: SettingsOverrides;
  /** Batching of pushed summaries; tests shorten it. */
  pushFlushMs?: number;
  /** Where exports go and imports come from; by default a temporary folder (headless, tests). */
  transfers?: TransferHost;
  /** Segment file size; tests use small ones to see retention work. */
  segmentBytes?: number;
}

/** The engine as its hosts (Electron main, headless CLI, tests) see it. */
export interface Core {
  dispatch: Dispatch;
  subscribe(listener: (message: PushMessage) => void): () => void;
  status(): AppStatus;
  stop(): Promise<void>;
}

/** The composition root: open storage and settings, start the receiver, wire the contract. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const push = new PushStream({ flushMs: options.pushFlushMs ?? 50, maxBatch: 1000 });
  const tracker = new SightingsTracker();
  const tags = new LoopbackTags();
  const lock = await lockDataDir(options.dataDir);
  const settings = await SettingsStore.open({
    dataDir: options.dataDir,
    vault: options.vault ?? FileSecretVault.inDataDir(options.dataDir),
    logger,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const newId = options.newId ?? randomUUID;
  // Counts in the status (stored, pinned, bytes) follow the store, at most once a second;
  // not before the engine is assembled (retention may evict while the store opens).
  let assembled = false;
  const storageChanged = throttle(() => {
    if (assembled) announce();
  }, 1000);
  const store = await ExchangeStore.open({
    dir: options.dataDir,
    logger,
    retention: settings.current().retention,
    authHeader: () => settings.current().authHeader,
    now: () => clock.now(),
    ...(options.segmentBytes === undefined ? {} : { segmentBytes: options.segmentBytes }),
    listeners: {
      appended: (summary) => {
        push.exchangeAppended(summary);
        storageChanged();
      },
      updated: (summary) => push.exchangeUpdated(summary),
      removed: (ids) => {
        push.exchangesRemoved(ids);
        storageChanged();
      },
      restored: (exchange) => {
        if (exchange.tracked) tracker.remember(exchange.id, exchange.okta);
      },
    },
  });
  const jobs = new Jobs(
    (job) => push.emit({ name: 'jobs.changed', payload: job }),
    newId,
    () => clock.now(),
  );
  const files = await transferHost(options.transfers);
  const transfers = new Transfers({
    store,
    host: files.host,
    jobs,
    authHeader: () => settings.current().authHeader,
    version: options.version,
    newId,
    now: () => clock.now(),
  });

  let storageError: string | null = null;
  const status = (): AppStatus => ({
    mode: options.mode,
    version: options.version,
    receiver: receiver.status(),
    storage: storageStatus(),
  });
  const storageStatus = (): StorageStatus => {
    const { count, pinned, bytes, notices } = store.stats();
    return {
      writable: storageError === null,
      dataDir: path.resolve(options.dataDir),
      count,
      pinned,
      bytes,
      error: storageError,
      notices,
    };
  };
  const announce = () => push.emit({ name: 'status.changed', payload: status() });

  const receiver = new Receiver(
    createRequestHandler({
      settings,
      store,
      tracker,
      tags,
      newId,
      clock,
      logger,
      onStorageHealth: (error) => {
        const next = error ? storageProblem(error) : null;
        if (next === storageError) return;
        storageError = next;
        if (error) logger.error('storage failed', { error: error.message });
        announce();
      },
    }),
    logger,
    () => announce(),
  );
  const startReceiver = () => receiver.start(settings.current().port, settings.current().hookPath);
  await startReceiver();

  const updateSettings = async (patch: SettingsPatch) => {
    const before = settings.current();
    await settings.update(patch);
    const after = settings.current();
    if (after.port !== before.port || after.hookPath !== before.hookPath) {
      await receiver.stop();
      await startReceiver();
    }
    const { retention } = after;
    if (
      retention.maxCount !== before.retention.maxCount ||
      retention.maxBytes !== before.retention.maxBytes
    ) {
      await store.setRetention(retention);
    }
    push.emit({ name: 'settings.changed', payload: settings.view() });
    announce();
  };

  const clearExchanges = async () => {
    const { lastSeq } = store.stats();
    const cleared = await store.clear();
    tracker.reset();
    push.emit({ name: 'exchanges.cleared', payload: { seq: lastSeq } });
    announce();
    return cleared;
  };

  const sendSamples = (eventTypes: string[]) =>
    sendSample(
      {
        settings: () => settings.current(),
        secret: () => settings.secret(),
        hookUrl: () => receiver.status().hookUrl,
        tags,
        clock,
      },
      eventTypes,
    );

  const dispatch = createDispatcher(
    createHandlers({
      settings,
      store,
      transfers,
      jobs,
      status,
      announce,
      updateSettings,
      clearExchanges,
      sendSamples,
    }),
    logger,
  );

  assembled = true;
  return {
    dispatch,
    subscribe: (listener) => push.subscribe(listener),
    status,
    stop: async () => {
      storageChanged.cancel();
      await receiver.stop();
      await jobs.cancelAll();
      push.flush();
      await store.close();
      await files.close();
      await lock.release();
    },
  };
}

/** The host's way of moving files, or a temporary folder of our own (removed on stop). */
async function transferHost(given: TransferHost | undefined) {
  if (given) return { host: given, close: () => Promise.resolve() };
  const own = await FileTransfers.create();
  return { host: own, close: () => own.close() };
}
