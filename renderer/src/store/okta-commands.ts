import type { CommandInput, CommandOutput } from '../../../shared/contract/commands';
import type { HookRun, OktaState } from '../../../shared/model/okta';
import type { Result } from '../../../shared/model/result';
import type { Bridge } from '../bridge/bridge';
import { showExchange } from './commands';
import type { AppStore } from './create-app-store';

/**
 * The Okta panel's actions. Each returns the command's Result so the form that asked can show
 * the failure in place; a state the engine sends back is applied at once (pushes follow too).
 */

type StateCommand = 'okta.connect' | 'okta.disconnect' | 'okta.configure' | 'okta.refresh';

async function withState<N extends StateCommand>(
  store: AppStore,
  bridge: Bridge,
  name: N,
  input: CommandInput<N>,
): Promise<Result<OktaState>> {
  const result = (await bridge.invoke(name, input)) as Result<OktaState>;
  if (result.ok) store.getState().setOkta(result.value);
  return result;
}

export const connectOrg = (store: AppStore, bridge: Bridge, input: CommandInput<'okta.connect'>) =>
  withState(store, bridge, 'okta.connect', input);

/** A key pair for a service app: only its public JWK comes back (the state shows it too). */
export const generateKey = (bridge: Bridge) => bridge.invoke('okta.keys.generate', {});

export const disconnectOrg = (store: AppStore, bridge: Bridge) =>
  withState(store, bridge, 'okta.disconnect', {});

export const configureOkta = (store: AppStore, bridge: Bridge, change: CommandInput<'okta.configure'>) =>
  withState(store, bridge, 'okta.configure', change);

export const refreshOkta = (store: AppStore, bridge: Bridge) => withState(store, bridge, 'okta.refresh', {});

type RunCommand = 'okta.hooks.point' | 'okta.hooks.deactivate' | 'okta.hooks.delete';

export const runHookCommand = <N extends RunCommand>(
  bridge: Bridge,
  name: N,
  input: CommandInput<N>,
): Promise<Result<HookRun>> => bridge.invoke(name, input);

export const retargetHooks = (bridge: Bridge) => bridge.invoke('okta.hooks.retarget', {});

/** Resend events from Okta's record, then open the first rebuilt delivery. */
export async function resendEvents(
  store: AppStore,
  bridge: Bridge,
  uuids: string[],
  target: 'receiver' | 'forward',
): Promise<Result<CommandOutput<'okta.deliveries.resend'>>> {
  const result = await bridge.invoke('okta.deliveries.resend', { uuids, target });
  const first = result.ok ? result.value.exchangeIds[0] : undefined;
  if (first !== undefined) await showExchange(store, bridge, first);
  return result;
}
