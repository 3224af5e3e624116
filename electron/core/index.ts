import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { PushMessage } from '../../shared/contract/events';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { AppStatus, StorageStatus } from '../../shared/model/status';
import { SightingsTracker } from '../../shared/okta/sightings';
import { silentLogger, systemClock, systemTimers, type Clock, type Logger, type SecretVault } from './deps';
import { withBodyBudget } from './receiver/admission';
import { createRequestHandler } from './receiver/handle-request';
import { LoopbackTags } from './receiver/loopback-tags';
import { Receiver } from './receiver/receiver';
import { RECEIVER_LIMITS, type ReceiverLimits } from './receiver/receiver-limits';
import { createDispatcher, type Dispatch } from './rpc/dispatcher';
import { runReplay, type ReplayInput } from './replay/replay-runner';
import { createHandlers } from './rpc/handlers';
import { PushStream } from './rpc/push-stream';
import { sendSample } from './samples/send-sample';
import { FileSecretVault } from './settings/file-secret-vault';
import { SettingsStore, type SettingsOverrides } from './settings/settings-store';
import { lockDataDir } from './store/data-dir-lock';
import { ExchangeStore } from './store/exchange-store';
import { openHeaderSealer } from './store/header-sealer';
import type { WriteFault } from './store/segment-log';
import { storageProblem } from './store/storage-problem';
import { createTunnel } from './tunnel/create-tunnel';
import { ProbeResponder } from './tunnel/probe';
import type { TunnelProvider } from './tunnel/tunnel-provider';

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
  /** The ngrok provider; hosts build it with the path of their agent script (see ngrok-process.ts). */
  ngrok?: TunnelProvider;
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
  const tracker = new SightingsTracker();
  const tags = new LoopbackTags();
  const newId = options.newId ?? randomUUID;
  const lock = await lockDataDir(options.dataDir);
  const vault = options.vault ?? FileSecretVault.inDataDir(options.dataDir);
  const settings = await SettingsStore.open({
    dataDir: options.dataDir,
    vault,
    logger,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const store = await openStore(options, { logger, vault, settings, push, tracker });

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
  });
  const probes = new ProbeResponder();
  const receiver = new Receiver(
    // Tunnel probes are answered first; they carry no body and are never recorded.
    probes.wrap(
      withBodyBudget(pipeline, {
        budget: () => limits.bodyBudgetBytes,
        bodyLimit: () => settings.current().bodyLimitBytes,
        logger,
      }),
    ),
    logger,
    () => announce(),
    limits,
  );
  const startReceiver = () => receiver.start(settings.current().port, settings.current().hookPath);
  await startReceiver();

  const tunnel = createTunnel({
    settings,
    receiver,
    probes,
    ngrok: options.ngrok,
    clock,
    timers: systemTimers,
    logger,
    onChange: (status) => push.emit({ name: 'tunnel.changed', payload: status }),
  });
  const { tunnelAutoStart, tunnelProvider } = settings.current();
  if (tunnelAutoStart && tunnelProvider !== 'none') void tunnel.start();

  const updateSettings = async (patch: SettingsPatch) => {
    const before = settings.current();
    await settings.update(patch);
    const after = settings.current();
    if (after.port !== before.port || after.hookPath !== before.hookPath) {
      await receiver.stop();
      await startReceiver();
    }
    push.emit({ name: 'settings.changed', payload: settings.view() });
    tunnel.refresh();
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

  const replay = (input: ReplayInput) =>
    runReplay({ store, settings, tags, hookUrl: () => receiver.status().hookUrl, clock, newId }, input);

  const dispatch = createDispatcher(
    createHandlers({ settings, store, status, updateSettings, clearExchanges, sendSamples, replay, tunnel }),
    logger,
  );

  return {
    dispatch,
    subscribe: (listener) => push.subscribe(listener),
    status,
    stop: async () => {
      await tunnel.stop();
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
  deps: {
    logger: Logger;
    vault: SecretVault;
    settings: SettingsStore;
    push: PushStream;
    tracker: SightingsTracker;
  },
): Promise<ExchangeStore> {
  return ExchangeStore.open({
    dir: options.dataDir,
    logger: deps.logger,
    listeners: {
      appended: (summary) => deps.push.exchangeAppended(summary),
      updated: (summary) => deps.push.exchangeUpdated(summary),
      restored: (exchange) => {
        if (exchange.sightings) deps.tracker.remember(exchange.id, exchange.okta);
      },
    },
    ...(options.writeFault ? { writeFault: options.writeFault } : {}),
    sealer: await openHeaderSealer(deps.vault, {
      authHeader: () => deps.settings.current().authHeader,
      secret: () => deps.settings.secret(),
    }),
  });
}
