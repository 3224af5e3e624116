import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { PushMessage } from '../../shared/contract/events';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { AppStatus } from '../../shared/model/status';
import { isLoopbackOrigin } from '../../shared/okta/org-domain';
import { SightingsTracker } from '../../shared/okta/sightings';
import { buildReceiver } from './compose/build-receiver';
import { openStore } from './compose/open-store';
import { keepDataDirPrivate } from './compose/private-data-dir';
import { StorageHealth } from './compose/storage-health';
import { transferHost } from './compose/file-transfers-host';
import {
  silentLogger,
  systemClock,
  systemTimers,
  type Clock,
  type Logger,
  type SecretVault,
  type TransferHost,
} from './deps';
import { CaptureIndex } from './okta-org/capture-index';
import { timerScheduler, type Scheduler } from './okta-org/log-poller';
import { OktaOrg } from './okta-org/okta-org';
import { LoopbackTags } from './receiver/loopback-tags';
import type { ReceiverLimits } from './receiver/receiver-limits';
import { createDispatcher, type Dispatch } from './rpc/dispatcher';
import { runReplay, type ReplayInput } from './replay/replay-runner';
import { createHandlers } from './rpc/handlers';
import { PushStream } from './rpc/push-stream';
import { sendSample } from './samples/send-sample';
import { FileSecretVault } from './settings/file-secret-vault';
import { SettingsStore, type SettingsOverrides } from './settings/settings-store';
import { lockDataDir } from './store/data-dir-lock';
import { throttle } from './throttle';
import { Jobs } from './transfer/jobs';
import { Transfers } from './transfer/transfers';
import type { WriteFault } from './store/segment-log';
import { createTunnel } from './tunnel/create-tunnel';
import type { TunnelProvider } from './tunnel/tunnel-provider';
import type { TunnelStatus } from '../../shared/model/tunnel';

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
  /** Where exports go and imports come from; by default a temporary folder (headless, tests). */
  transfers?: TransferHost;
  /** Segment file size; tests use small ones to see retention work. */
  segmentBytes?: number;
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
  const newId = options.newId ?? randomUUID;
  const push = new PushStream({ flushMs: options.pushFlushMs ?? 50, maxBatch: 1000 });
  const tracker = new SightingsTracker();
  const tags = new LoopbackTags();
  const captures = new CaptureIndex();
  const insecureBaseUrl = oktaBaseOverride(options);
  await keepDataDirPrivate(options.dataDir, logger);
  const lock = await lockDataDir(options.dataDir);
  if (!lock.held) logger.warn('data folder not locked: it cannot be written', { dataDir: options.dataDir });
  const vault = options.vault ?? FileSecretVault.inDataDir(options.dataDir);
  const settings = await SettingsStore.open({
    dataDir: options.dataDir,
    vault,
    logger,
    ...(options.overrides ? { overrides: options.overrides } : {}),
  });
  // Counts in the status (stored, pinned, bytes) follow the store, at most once a second;
  // not before the engine is assembled (retention may evict while the store opens).
  let assembled = false;
  const storageChanged = throttle(() => {
    if (assembled) announce();
  }, 1000);
  const store = await openStore({
    dataDir: options.dataDir,
    logger,
    clock,
    vault,
    settings,
    push,
    tracker,
    captures,
    onStorageChange: storageChanged,
    segmentBytes: options.segmentBytes,
    writeFault: options.writeFault,
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
    credentials: () => ({ authHeader: settings.current().authHeader, secret: settings.secret() }),
    version: options.version,
    newId,
    now: () => clock.now(),
  });

  // The org integration follows the public URL; it is opened below, once everything it reads exists.
  let org: OktaOrg | undefined;
  const announce = () => {
    push.emit({ name: 'status.changed', payload: status() });
    org?.publicUrlMaybeChanged();
  };
  const health = await StorageHealth.check(store, logger, announce);
  const { receiver, probes } = buildReceiver({
    settings,
    store,
    tracker,
    tags,
    newId,
    clock,
    logger,
    health,
    limits: options.receiverLimits,
    onChange: announce,
  });
  const status = (): AppStatus => ({
    mode: options.mode,
    version: options.version,
    receiver: receiver.status(),
    storage: storageStatus(),
  });
  const storageStatus = () => {
    const { count, pinned, bytes, notices } = store.stats();
    const error = health.current();
    return {
      writable: error === null,
      dataDir: path.resolve(options.dataDir),
      count,
      pinned,
      bytes,
      error,
      notices,
    };
  };
  const tunnel = createTunnel({
    settings,
    receiver,
    probes,
    ngrok: options.ngrok,
    clock,
    timers: systemTimers,
    logger,
    onChange: (state) => {
      push.emit({ name: 'tunnel.changed', payload: state });
      org?.publicUrlMaybeChanged();
    },
  });
  org = await OktaOrg.open({
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
    tunnelHookUrl: () => onlineHookUrl(tunnel.status()),
    baseUrlOverride: insecureBaseUrl,
    scheduler: options.okta?.scheduler ?? timerScheduler,
    pollIntervalMs: options.okta?.pollIntervalMs ?? 30_000,
    onChange: (state) => push.emit({ name: 'okta.changed', payload: state }),
  });
  const startReceiver = () => receiver.start(settings.current().port, settings.current().hookPath);
  await startReceiver();
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
    const { retention } = after;
    if (
      retention.maxCount !== before.retention.maxCount ||
      retention.maxBytes !== before.retention.maxBytes
    ) {
      await store.setRetention(retention);
    }
    push.emit({ name: 'settings.changed', payload: settings.view() });
    tunnel.refresh();
    announce();
  };

  const clearExchanges = async () => {
    const { lastSeq } = store.stats();
    const cleared = await store.clear();
    tracker.reset();
    captures.remove(cleared);
    push.emit({ name: 'exchanges.cleared', payload: { seq: lastSeq } });
    announce();
    return cleared.length;
  };

  const hookUrl = () => receiver.status().hookUrl;
  const sendSamples = (eventTypes: string[]) =>
    sendSample(
      { settings: () => settings.current(), secret: () => settings.secret(), hookUrl, tags, clock },
      eventTypes,
    );
  const replay = (input: ReplayInput) => runReplay({ store, settings, tags, hookUrl, clock, newId }, input);
  const okta = org;
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
      replay,
      tunnel,
      okta,
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
      okta.stop();
      await tunnel.stop();
      await receiver.stop();
      await jobs.cancelAll();
      push.flush();
      await store.close();
      await files.close();
      await lock.release();
    },
  };
}

/** The tunnel's public hook URL, only while it is live. */
const onlineHookUrl = (tunnel: TunnelStatus): string | null =>
  tunnel.state === 'online' ? tunnel.hookUrl : null;

/** Okta API calls may go to an emulator on this machine (tests, demos), never elsewhere in clear. */
function oktaBaseOverride(options: CoreOptions): string | null {
  const base = options.okta?.insecureBaseUrl ?? null;
  if (base !== null && !isLoopbackOrigin(base)) {
    throw new Error(`The Okta base URL override must be a loopback URL, not ${base}.`);
  }
  return base;
}
