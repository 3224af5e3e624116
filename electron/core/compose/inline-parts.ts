import type { PushStream } from '../rpc/push-stream';
import type { Clock, Logger } from '../deps';
import { InlineDesk } from '../inline/inline-desk';
import { InlineHookRegistry } from '../okta-org/inline-hook-registry';
import { systemScheduler, type Scheduler } from '../deps';
import type { OktaOrg } from '../okta-org/okta-org';
import type { SettingsStore } from '../settings/settings-store';
import type { ExchangeStore } from '../store/exchange-store';

/** Breakpoint timers and Okta's budget for inline hooks; tests run the timers by hand. */
export interface InlineOptions {
  scheduler?: Scheduler;
  budgetMs?: number;
}

/** The inline hook desk, its settings read from the data folder, its changes pushed to every UI. */
export const openInlineDesk = (
  deps: {
    dataDir: string;
    logger: Logger;
    clock: Clock;
    newId: () => string;
    push: PushStream;
    receiverUrl: () => string | null;
  },
  options: InlineOptions | undefined,
): Promise<InlineDesk> =>
  InlineDesk.open({
    ...deps,
    scheduler: options?.scheduler ?? systemScheduler,
    budgetMs: options?.budgetMs,
    onChange: (state) => deps.push.emit({ name: 'inline.changed', payload: state }),
  });

/** The org's inline hooks, pointed at this receiver's public URL for each type. */
export const inlineHookRegistry = (deps: {
  okta: OktaOrg;
  inline: InlineDesk;
  settings: SettingsStore;
  store: ExchangeStore;
  clock: Clock;
}): InlineHookRegistry =>
  new InlineHookRegistry({
    org: () => deps.okta.connection(),
    settings: deps.settings,
    basePath: () => deps.inline.state().settings.basePath,
    sample: (type) => deps.inline.sample(type),
    store: deps.store,
    clock: deps.clock,
  });
