import type { CommandInput } from '../../../../shared/contract/commands';
import type { Bridge } from '../../bridge/bridge';
import { showExchange } from '../../store/commands';
import type { AppStore } from '../../store/create-app-store';

/** Run a replay; on success close the dialog and show the first new exchange, else the reason. */
export async function sendReplay(
  store: AppStore,
  bridge: Bridge,
  input: CommandInput<'replay.run'>,
): Promise<string | null> {
  const result = await bridge.invoke('replay.run', input);
  if (!result.ok) return result.error.message;
  store.getState().openDialog(null);
  const [first] = result.value.exchangeIds;
  if (first !== undefined) await showExchange(store, bridge, first);
  return null;
}
