import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { PushMessage } from '../../shared/contract/events';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { AppStatus, StorageStatus } from '../../shared/model/status';
import { isLoopbackOrigin } from '../../shared/okta/org-domain';
import { SightingsTracker } from '../../shared/okta/sightings';
import { silentLogger, systemClock, type Clock, type Logger, type SecretVault } from './deps';
import { CaptureIndex } from './okta-org/capture-index';
import { timerScheduler, type Scheduler } from './okta-org/log-poller';
import { OktaOrg } from './okta-org/okta-org';
import { createRequestHandler } from './receiver/handle-request';
import { LoopbackTags } from './receiver/loopback-tags';
import { Receiver } from './receiver/receiver';
import { createDispatcher, type Dispatch } from './rpc/dispatcher';
import { runReplay, type ReplayInput } from './replay/replay-runner';
import { createHandlers } from './rpc/handlers';
import { PushStream } from './rpc/push-stream';
import { sendSample } from './samples/send-sample';
import { FileSecretVault } from './settings/file-secret-vault';
import { SettingsStore, type SettingsOverrides } from './settings/settings-store';
import { lockDataDir } from './store/data-dir-lock';
import { ExchangeStore } from './store/exchange-store';
import { storageProblem } from './store/storage-problem';

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
  okta?: OktaOptions;
}

/** For tests and local demos of the Okta org integration. */
export interface OktaOptions {
  /**
   * Send Okta API calls to this loopback URL (an Okta emulator) instead of the org's https
   * domain. Refused for anything but 127.0.0.1, localhost or [::1]: the API token never
   * travels in clear beyond this machine.
   */
  insecureBaseUrl?: string;
  scheduler?: Scheduler;
  /** Between System Log polls (default 30 s). */
  pollIntervalMs?: number;
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
  const captures = new CaptureIndex();
  const newId = options.newId ?? randomUUID;
  const insecureBaseUrl = options.okta?.insecureBaseUrl ?? null;
  if (insecureBaseUrl !== null && !isLoopbackOrigin(insecureBaseUrl)) {
    throw new Error(`The Okta base URL override must be a loopback URL, not ${insecureBaseUrl}.`);
  }
  const lock = await lockDataDir(options.dataDir);
  const vault = options.vault ?? FileSecretVault.inDataDir(options.dataDir);
  const settings = await SettingsStore.open({
    dataDir: options.dataDir,
    vault,
    logger,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  const store = await ExchangeStore.open({
    dir: options.dataDir,
    logger,
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
  });

  const org = await OktaOrg.open({
    dataDir: options.dataDir,
    vault,
    clock,
    logger,
    newId,
    settings,
    store,
    tags,
    captures,
    hookUrl: () => receiver.status().hookUrl,
    // The tunnel (issue 4) plugs its public hook URL in here; until then it is entered by hand.
    tunnelHookUrl: () => null,
    baseUrlOverride: insecureBaseUrl,
    scheduler: options.okta?.scheduler ?? timerScheduler,
    pollIntervalMs: options.okta?.pollIntervalMs ?? 30_000,
    onChange: (state) => push.emit({ name: 'okta.changed', payload: state }),
  });

  let storageError: string | null = null;
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
  const announce = () => {
    push.emit({ name: 'status.changed', payload: status() });
    org.publicUrlMaybeChanged();
  };

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
    push.emit({ name: 'settings.changed', payload: settings.view() });
  };

  const clearExchanges = async () => {
    const { lastSeq } = store.stats();
    const cleared = await store.clear();
    tracker.reset();
    captures.clear();
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
    createHandlers({
      settings,
      store,
      status,
      updateSettings,
      clearExchanges,
      sendSamples,
      replay,
      okta: org,
    }),
    logger,
  );

  return {
    dispatch,
    subscribe: (listener) => push.subscribe(listener),
    status,
    stop: async () => {
      org.stop();
      await receiver.stop();
      push.flush();
      await store.close();
      await lock.release();
    },
  };
}
