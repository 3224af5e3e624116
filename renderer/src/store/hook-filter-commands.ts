import type { CommandInput } from '../../../shared/contract/commands';
import type { FiltersState } from '../../../shared/model/hook-filter';
import type { HookRun } from '../../../shared/model/okta';
import type { Result } from '../../../shared/model/result';
import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';

/**
 * The filter editor's actions. Each returns the command's Result so the form can show a
 * failure in place; a state the engine sends back is applied at once (pushes follow too).
 */

async function withFilters(
  store: AppStore,
  pending: Promise<Result<FiltersState>>,
): Promise<Result<FiltersState>> {
  const result = await pending;
  if (result.ok) store.getState().setHookFilters(result.value);
  return result;
}

export const saveFilter = (store: AppStore, bridge: Bridge, input: CommandInput<'filters.save'>) =>
  withFilters(store, bridge.invoke('filters.save', input));

export const deleteFilter = (store: AppStore, bridge: Bridge, name: string) =>
  withFilters(store, bridge.invoke('filters.delete', { name }));

/** Set (or with null clear) a hook's filter in the org; the run shows in the Okta panel too. */
export const setHookFilter = (
  bridge: Bridge,
  input: CommandInput<'okta.hooks.filter'>,
): Promise<Result<HookRun>> => bridge.invoke('okta.hooks.filter', input);

/** List what a hook with this filter would have delivered, as the search does. */
export function showInList(store: AppStore, name: string): void {
  const state = store.getState();
  state.setQuery(`filter:${name}`);
  state.openDialog(null);
}
