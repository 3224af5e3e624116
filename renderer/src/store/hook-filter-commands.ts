import type { CommandInput } from '../../../shared/contract/commands';
import type { HookRun } from '../../../shared/model/okta';
import type { Result } from '../../../shared/model/result';
import type { Bridge } from '../bridge/bridge';
import type { AppStore } from './create-app-store';

/*
 * The filter editor's actions. Each returns the command's Result so the form can show a
 * failure in place. The filters' state reaches the store only through `filters.changed`
 * pushes, in order: a command's answer could overtake a later push (a check of the history
 * that ended meanwhile) and bring back a state that is no longer true.
 */

export const saveFilter = (bridge: Bridge, input: CommandInput<'filters.save'>) =>
  bridge.invoke('filters.save', input);

export const deleteFilter = (bridge: Bridge, name: string) => bridge.invoke('filters.delete', { name });

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
