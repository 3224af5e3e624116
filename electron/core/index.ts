import { randomUUID } from 'node:crypto';
import type { Core, CoreOptions } from './core-api';
import path from 'node:path';
import type { SettingsPatch } from '../../shared/contract/schemas';
import type { AppStatus } from '../../shared/model/status';
import { buildReceiver } from './compose/build-receiver';
import { oktaBaseOverride, oktaTransport } from './compose/okta-options';
import { openStore } from './compose/open-store';
import { keepDataDirPrivate } from './compose/private-data-dir';
import { StorageHealth } from './compose/storage-health';
import { transferHost } from './compose/file-transfers-host';
import { silentLogger, systemClock, systemScheduler } from './deps';
import { FilterEngine } from './filters/filter-engine';
import { passingOnly } from './filters/pick-events';
import { CaptureIndex } from './okta-org/capture-index';
import { OktaOrg } from './okta-org/okta-org';
import { OwnRequestTags } from './receiver/own-request-tags';
import { createDispatcher, typedCall } from './rpc/dispatcher';
import { replay as runReplay } from './replay/replay-job';
import type { ReplayInput } from './replay/replay-runner';
import { createHandlers } from './rpc/handlers';
import { PushStream } from './rpc/push-stream';
import { sampleSender } from './samples/sample-sender';
import { inlineHookRegistry, openInlineDesk } from './compose/inline-parts';
import { secretCommands, secretNotices } from './settings/secret-commands';
import { openSecretVault } from './settings/secret-vault';
import { SettingsStore } from './settings/settings-store';
import { lockDataDir } from './store/data-dir-lock';
import { throttle } from './throttle';
import { Jobs } from './transfer/jobs';
import { Transfers } from './transfer/transfers';
import { createTunnel } from './tunnel/create-tunnel';
import type { TunnelStatus } from '../../shared/model/tunnel';

export type { Core, CoreOptions } from './core-api';

/** The composition root: open storage and settings, start the receiver, wire the contract. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const logger = options.logger ?? silentLogger;
  const clock = options.clock ?? systemClock;
  const newId = options.newId ?? randomUUID;
  const push = new PushStream({ flushMs: options.pushFlushMs ?? 50, maxBatch: 1000 });
  const tags = new OwnRequestTags();
  const insecureBaseUrl = oktaBaseOverride(options.okta);
  await keepDataDirPrivate(options.dataDir, logger);
  const lock = await lockDataDir(options.dataDir);
  if (!lock.held) logger.warn('data folder not locked: it cannot be written', { dataDir: options.dataDir });
  const vault = await openSecretVault(options.dataDir, logger, await options.desktopSecrets?.());
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
  // Set below, once the store they read from is open (retention may evict while it opens).
  let following: CaptureIndex | undefined;
  let filters: FilterEngine | undefined;
  const store = await openStore({
    dataDir: options.dataDir,
    version: options.version,
    indexWorker: options.indexWorker,
    logger,
    clock,
    vault,
    settings,
    push,
    onCaptures: (summary) => (summary ? following?.changed(summary) : following?.removed()),
    onHistory: {
      appended: (summary) => filters?.appended(summary),
      removed: (seqs) => filters?.removed(seqs),
      reloaded: () => filters?.cleared(),
    },
    onStorageChange: storageChanged,
    segmentBytes: options.segmentBytes,
    writeFault: options.writeFault,
  });
  const captures = new CaptureIndex(store.captures());
  following = captures;
  const jobs = new Jobs(
    (job) => push.emit({ name: 'jobs.changed', payload: job }),
    newId,
    () => clock.now(),
  );
  filters = await FilterEngine.open({
    dataDir: options.dataDir,
    store,
    jobs,
    clock,
    logger,
    onChange: (state) => push.emit({ name: 'filters.changed', payload: state }),
  });
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
  const inline = await openInlineDesk(
    // Read only once the receiver below exists: when a handler URL is set.
    { dataDir: options.dataDir, logger, clock, newId, push, receiverUrl: () => receiver.status().localUrl },
    options.inline,
  );
  const { receiver, probes } = buildReceiver({
    settings,
    store,
    tags,
    newId,
    clock,
    logger,
    health,
    inline: inline.answering,
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
      notices: [...notices, ...secretNotices(vault.storage())],
    };
  };
  const tunnel = createTunnel({
    settings,
    receiver,
    probes,
    ngrok: options.ngrok,
    clock,
    scheduler: systemScheduler,
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
    transport: oktaTransport(options.okta, clock),
    scheduler: options.okta?.scheduler ?? systemScheduler,
    pollIntervalMs: options.okta?.pollIntervalMs ?? 30_000,
    onChange: (state) => {
      push.emit({ name: 'okta.changed', payload: state });
      filters?.hooksChanged(state.hooks);
    },
  });
  const startReceiver = () => receiver.start(settings.current().port, settings.current().hookPath);
  await startReceiver();
  const { tunnelAutoStart, tunnelProvider } = settings.current();
  if (tunnelAutoStart && tunnelProvider !== 'none') void tunnel.start();

  const updateSettings = async (patch: SettingsPatch) => {
    const before = settings.current();
    await settings.update(patch);
    const after = settings.current();
    if (after.port !== before.port) {
      await receiver.stop();
      await startReceiver();
    } else if (after.hookPath !== before.hookPath) {
      receiver.setHookPath(after.hookPath);
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
    captures.removed();
    filters?.cleared();
    push.emit({ name: 'exchanges.cleared', payload: { seq: lastSeq } });
    announce();
    return cleared;
  };

  const hookUrl = () => receiver.status().hookUrl;
  const engineFilters = filters;
  const sendSamples = sampleSender({
    settings,
    tags,
    clock,
    inline,
    receiver,
    pick: (filter) => passingOnly(engineFilters.mapOf(filter)),
  });
  const replay = (input: ReplayInput) =>
    runReplay({ store, settings, tags, hookUrl, clock, newId }, jobs, input);
  const okta = org;
  const secrets = secretCommands(options.passphrase, () => {
    push.emit({ name: 'settings.changed', payload: settings.view() });
    announce();
  });
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
      secrets,
      filters: engineFilters,
      inline,
      inlineHooks: inlineHookRegistry({ okta, inline, settings, store, clock }),
    }),
    logger,
  );

  assembled = true;
  return {
    dispatch,
    call: typedCall(dispatch),
    subscribe: (listener) => push.subscribe(listener),
    secrets: vault,
    status,
    stop: async () => {
      storageChanged.cancel();
      okta.stop();
      engineFilters.stop();
      inline.stop();
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
