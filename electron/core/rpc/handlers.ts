import { MAX_REPLAYED, type SettingsPatch } from '../../../shared/contract/schemas';
import type { Exchange } from '../../../shared/model/exchange';
import { maskCredentials, type Credentials } from '../../../shared/okta/secret-mask';
import { maskImportedPassword } from '../../../shared/okta/inline/mask-password';
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
import type { InlineHookBoard } from '../okta-org/inline-hook-board';
import type { InlineDesk } from '../inline/inline-desk';
import type { ParsedInput } from '../../../shared/contract/commands';

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
  sendSamples(input: ParsedInput<'samples.send'>): Promise<{ exchangeId: string }>;
  replay(input: ReplayInput): Promise<{ exchangeIds: string[] }>;
  tunnel: Pick<TunnelController, 'status' | 'start' | 'stop'>;
  okta: OktaOrg;
  inline: InlineDesk;
  inlineHooks: InlineHookBoard;
}

export function createHandlers(context: HandlerContext): Handlers {
  const { store } = context;
  return {
    'status.get': () => context.status(),
    'settings.get': () => context.settings.view(),
    'settings.update': async (patch) => {
      await context.updateSettings(patch);
      return context.settings.view();
    },
    'settings.revealSecret': () => ({ value: context.settings.secret() }),
    'exchanges.list': (input) => store.list(input),
    'exchanges.get': async ({ id, revealSecrets }) => {
      const exchange = await store.get(id);
      if (!exchange) throw new CommandError('not-found', `No exchange with id ${id}.`);
      if (revealSecrets) return exchange;
      return masked(exchange, {
        authHeader: context.settings.current().authHeader,
        secret: context.settings.secret(),
      });
    },
    'exchanges.match': ({ query, ids }) => ({ ids: store.match(query, ids) }),
    'exchanges.timeline': ({ query, buckets }) => store.timeline(query, buckets),
    'exchanges.pin': async ({ pinned, ...selector }) => {
      const changed = await store.setPinned(store.select(selector), pinned);
      context.announce();
      return { changed };
    },
    'exchanges.delete': async (selector) => {
      const deleted = await store.delete(store.select(selector));
      context.announce();
      return { deleted };
    },
    'exchanges.clear': async () => ({ cleared: await context.clearExchanges() }),
    'exchanges.export': async (input) => ({ job: await context.transfers.exportExchanges(input) }),
    'exchanges.import': async ({ upload }) => ({ job: await context.transfers.importExchanges(upload) }),
    'jobs.cancel': ({ id }) => ({ cancelled: context.jobs.cancel(id) }),
    'samples.send': (input) => context.sendSamples(input),
    'replay.run': ({ id, ids, query, except, ...rest }) => {
      const chosen =
        id !== undefined ? [id] : (ids ?? store.select({ query, except }).map((e) => e.summary.id));
      if (chosen.length > MAX_REPLAYED)
        throw new CommandError(
          'invalid-input',
          `Replay sends at most ${MAX_REPLAYED.toLocaleString('en-US')} exchanges at once; ${chosen.length.toLocaleString('en-US')} are selected.`,
        );
      return context.replay({ ...rest, ids: chosen });
    },
    'tunnel.status': () => context.tunnel.status(),
    'tunnel.start': ({ restart }) => context.tunnel.start(restart),
    'tunnel.stop': () => context.tunnel.stop(),
    ...createOktaHandlers(context.okta, store),
    ...createInlineHandlers(context.inline),
    ...createOktaInlineHandlers(context.inlineHooks),
  };
}

const masked = (exchange: Exchange, credentials: Credentials): Exchange =>
  maskImportedPassword({
    ...exchange,
    request: { ...exchange.request, headers: maskCredentials(exchange.request.headers, credentials) },
  });
