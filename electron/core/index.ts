import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { PushMessage } from '../../shared/contract/events';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { AppStatus, StorageStatus } from '../../shared/model/status';
import { silentLogger, systemClock, type Clock, type Logger, type SecretVault } from './deps';
import { withBodyBudget } from './receiver/admission';
import { createRequestHandler } from './receiver/handle-request';
import { Receiver } from './receiver/receiver';
import { RECEIVER_LIMITS, type ReceiverLimits } from './receiver/receiver-limits';
import { createDispatcher, type Dispatch } from './rpc/dispatcher';
import { createHandlers } from './rpc/handlers';
import { PushStream } from './rpc/push-stream';
import { FileSecretVault } from './settings/file-secret-vault';
import { SettingsStore, type SettingsOverrides } from './settings/settings-store';
import { lockDataDir } from './store/data-dir-lock';
import { ExchangeStore } from './store/exchange-store';
import { openHeaderSealer } from './store/header-sealer';
import type { WriteFault } from './store/segment-log';

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
  /** Receiver timeouts and sizes; tests shorten the timeouts. */
  receiverLimits?: Partial<ReceiverLimits>;
  /** Simulated disk failures in the capture log, for tests. */
  writeFault?: WriteFault;
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
  const lock = await lockDataDir(options.dataDir);
  const vault = options.vault ?? FileSecretVault.inDataDir(options.dataDir);
  const settings = await SettingsStore.open({
    dataDir: options.dataDir,
    vault,
    logger,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const store = await openStore(options, { logger, vault, settings, push });

  if (!lock.held) logger.warn('data folder not locked: it cannot be written', { dataDir: options.dataDir });
  const unwritable = await store.writable();
  if (unwritable) logger.error('storage failed', { error: unwritable.message });
  let storageError: string | null = unwritable ? storageProblem(unwritable) : null;
  const status = (): AppStatus => ({
    mode: options.mode,
    version: options.version,
    receiver: receiver.status(),
    storage: storageStatus(),
  });
  const storageStatus = (): StorageStatus => ({
    writable: storageError === null,
    dataDir: path.resolve(options.dataDir),
    ...store.stats(),
    error: storageError,
  });
  const announce = () => push.emit({ name: 'status.changed', payload: status() });

  const limits = { ...RECEIVER_LIMITS, ...options.receiverLimits };
  const pipeline = createRequestHandler({
    settings,
    store,
    clock,
    logger,
    onStorageHealth: (error) => {
      const next = error ? storageProblem(error) : null;
      if (next === storageError) return;
      storageError = next;
      if (error) logger.error('storage failed', { error: error.message });
      announce();
    },
  });
  const receiver = new Receiver(
    withBodyBudget(pipeline, {
      budget: () => limits.bodyBudgetBytes,
      bodyLimit: () => settings.current().bodyLimitBytes,
      logger,
    }),
    logger,
    () => announce(),
    limits,
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
    push.emit({ name: 'settings.changed', payload: settings.view() });
  };

  const clearExchanges = async () => {
    const { lastSeq } = store.stats();
    const cleared = await store.clear();
    push.emit({ name: 'exchanges.cleared', payload: { seq: lastSeq } });
    announce();
    return cleared;
  };

  const dispatch = createDispatcher(
    createHandlers({ settings, store, status, updateSettings, clearExchanges }),
    logger,
  );

  return {
    dispatch,
    subscribe: (listener) => push.subscribe(listener),
    status,
    stop: async () => {
      await receiver.stop();
      push.flush();
      await store.close();
      await lock.release();
    },
  };
}

/** The capture store, pushing what it stores, with credential headers sealed on disk. */
async function openStore(
  options: CoreOptions,
  deps: { logger: Logger; vault: SecretVault; settings: SettingsStore; push: PushStream },
): Promise<ExchangeStore> {
  return ExchangeStore.open({
    dir: options.dataDir,
    newId: options.newId ?? randomUUID,
    logger: deps.logger,
    listeners: {
      appended: (summary) => deps.push.exchangeAppended(summary),
      updated: (summary) => deps.push.exchangeUpdated(summary),
    },
    ...(options.writeFault ? { writeFault: options.writeFault } : {}),
    sealer: await openHeaderSealer(deps.vault, {
      authHeader: () => deps.settings.current().authHeader,
      secret: () => deps.settings.secret(),
    }),
  });
}

/** One sentence for the UI: why deliveries are being refused with 503. */
function storageProblem(error: Error): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC') return 'The disk is full: deliveries are answered 503 so that Okta retries.';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return 'The data folder cannot be written: deliveries are answered 503 so that Okta retries.';
  }
  return `Storing failed (${error.message}): deliveries are answered 503 so that Okta retries.`;
}
