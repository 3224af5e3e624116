import { MAX_REPLAYED, type SettingsPatch } from '../../../shared/contract/schemas';
import { exchangeForCaller } from '../secrets/exchange-secrets';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore } from '../store/exchange-store';
import type { Jobs } from '../transfer/jobs';
import type { Transfers } from '../transfer/transfers';
import { CommandError } from './command-error';
import type { Handlers } from './dispatcher';
import type { AppStatus } from '../../../shared/model/status';
import type { ReplayInput } from '../replay/replay-runner';
import type { TunnelController } from '../tunnel/tunnel-controller';
import type { OktaOrg } from '../okta-org/okta-org';
import { createOktaHandlers } from './okta-handlers';
import { createInlineHandlers } from './inline-handlers';
import { createOktaInlineHandlers } from './okta-inline-handlers';
import type { InlineHookRegistry } from '../okta-org/inline-hook-registry';
import type { InlineDesk } from '../inline/inline-desk';
import type { ParsedInput } from '../../../shared/contract/commands';
import type { SecretCommands } from '../settings/secret-commands';
import type { FilterEngine } from '../filters/filter-engine';
import type { WithheldEvent } from '../../../shared/model/hook-filter';
import { createFilterHandlers } from './filter-handlers';

/** What the handlers need from the engine; `createCore` provides it. */
export interface HandlerContext {
  settings: SettingsStore;
  store: ExchangeStore;
  transfers: Transfers;
  jobs: Jobs;
  status(): AppStatus;
  /** Tell every window the status changed (counts, pins, notices). */
  announce(): void;
  updateSettings(patch: SettingsPatch): Promise<void>;
  clearExchanges(): Promise<number>;
  sendSamples(input: ParsedInput<'samples.send'>): Promise<{ exchangeId: string; withheld: WithheldEvent[] }>;
  replay(input: ReplayInput): Promise<{ exchangeIds: string[] }>;
  tunnel: Pick<TunnelController, 'status' | 'start' | 'stop'>;
  okta: OktaOrg;
  secrets: SecretCommands;
  filters: FilterEngine;
  inline: InlineDesk;
  inlineHooks: InlineHookRegistry;
}

export function createHandlers(context: HandlerContext): Handlers {
  const { store, filters } = context;
  return {
    'status.get': () => context.status(),
    'settings.get': () => context.settings.view(),
    'settings.update': async (patch) => {
      await context.updateSettings(patch);
      return context.settings.view();
    },
    'settings.revealSecret': () => ({ value: context.settings.secret() }),
    'secrets.protect': async ({ passphrase }) => {
      await context.secrets.protect(passphrase);
      return context.settings.view();
    },
    'secrets.unlock': async ({ passphrase }) => {
      await context.secrets.unlock(passphrase);
      return context.settings.view();
    },
    // With `filter:`, deliveries stored before the question are checked before it is answered.
    'exchanges.list': async (input) => {
      await filters.settled(input.query);
      return store.list(input);
    },
    'exchanges.get': async ({ id, revealSecrets }) => {
      const exchange = await store.get(id);
      if (!exchange) throw new CommandError('not-found', `No exchange with id ${id}.`);
      const credentials = {
        authHeader: context.settings.current().authHeader,
        secret: context.settings.secret(),
      };
      return exchangeForCaller(exchange, { revealSecrets, credentials });
    },
    'exchanges.match': async ({ query, ids }) => {
      await filters.settled(query);
      return { ids: await store.match(query, ids) };
    },
    'exchanges.timeline': async ({ query, buckets }) => {
      await filters.settled(query);
      return store.timeline(query, buckets);
    },
    'exchanges.pin': async ({ pinned, ...selector }) => {
      const changed = await store.setPinned(await store.select(selector), pinned);
      context.announce();
      return { changed };
    },
    'exchanges.delete': async (selector) => {
      const deleted = await store.delete(await store.select(selector));
      context.announce();
      return { deleted };
    },
    'exchanges.clear': async () => ({ cleared: await context.clearExchanges() }),
    'exchanges.export': async (input) => ({ job: await context.transfers.exportExchanges(input) }),
    'exchanges.import': async ({ upload }) => ({ job: await context.transfers.importExchanges(upload) }),
    'jobs.cancel': ({ id }) => ({ cancelled: context.jobs.cancel(id) }),
    'samples.send': (input) => context.sendSamples(input),
    'replay.run': async ({ id, ids, query, except, ...rest }) => {
      const given = id !== undefined ? [id] : ids;
      const selected = given === undefined ? await store.select({ query, except }) : null;
      const count = given?.length ?? selected?.length ?? 0;
      if (count > MAX_REPLAYED)
        throw new CommandError(
          'invalid-input',
          `Replay sends at most ${MAX_REPLAYED.toLocaleString('en-US')} exchanges at once; ${count.toLocaleString('en-US')} are selected.`,
        );
      return context.replay({ ...rest, ids: given ?? (await store.idsOf(selected ?? [])) });
    },
    'tunnel.status': () => context.tunnel.status(),
    'tunnel.start': ({ restart }) => context.tunnel.start(restart),
    'tunnel.stop': () => context.tunnel.stop(),
    ...createOktaHandlers(context.okta, store),
    ...createFilterHandlers(filters, context.okta),
    ...createInlineHandlers(context.inline),
    ...createOktaInlineHandlers(context.inlineHooks),
  };
}
