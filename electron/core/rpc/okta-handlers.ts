import type { oktaCommands } from '../../../shared/contract/okta-commands';
import type { OktaOrg } from '../okta-org/okta-org';
import type { ExchangeStore } from '../store/exchange-store';
import { CommandError } from './command-error';
import type { Handlers } from './dispatcher';

/** The Okta org commands; inputs arrive validated by the dispatcher. */
export function createOktaHandlers(
  okta: OktaOrg,
  store: ExchangeStore,
): Pick<Handlers, keyof typeof oktaCommands> {
  return {
    'okta.get': () => okta.state(),
    'okta.connect': (input) => okta.connect(input),
    'okta.keys.generate': () => okta.generateKey(),
    'okta.disconnect': () => okta.disconnect(),
    'okta.configure': (change) => okta.configure(change),
    'okta.refresh': () => okta.refresh(),
    'okta.hooks.point': (input) => okta.point(input),
    'okta.hooks.retarget': async () => ({ runs: await okta.retarget() }),
    'okta.hooks.deactivate': ({ hookId }) => okta.retire(hookId, false),
    'okta.hooks.delete': ({ hookId }) => okta.retire(hookId, true),
    'okta.deliveries.list': ({ limit }) => okta.deliveries(limit),
    'okta.record.get': async ({ id }) => {
      const exchange = await store.get(id);
      if (!exchange) throw new CommandError('not-found', `No exchange with id ${id}.`);
      return okta.recordFor(exchange);
    },
    'okta.deliveries.resend': ({ uuids, target }) => okta.resend(uuids, target),
  };
}
