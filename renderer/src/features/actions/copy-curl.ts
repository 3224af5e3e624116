import type { Bridge } from '../../bridge/bridge';
import type { AppStore } from '../../store/create-app-store';
import { curlFor } from '../detail/copy-actions';

/** Copy the exchange under the cursor as a curl command aimed at the local receiver (`c`). */
export async function copyAsCurl(store: AppStore, bridge: Bridge): Promise<void> {
  const state = store.getState();
  const id = state.cursorId ?? state.selectedId;
  if (id === null) return;
  const cached = state.details[id];
  const exchange =
    cached?.state === 'ready'
      ? cached.exchange
      : await bridge.invoke('exchanges.get', { id }).then((r) => (r.ok ? r.value : null));
  if (!exchange) return;
  const base = state.status?.receiver.localUrl ?? 'http://127.0.0.1:8787';
  try {
    await navigator.clipboard.writeText(curlFor(exchange, base));
    store.getState().showToast('Copied as cURL (secrets masked).');
  } catch {
    store.getState().showToast('Could not copy to the clipboard.');
  }
}
