import type { Bridge } from '../../bridge/bridge';
import { copyText } from '../../store/clipboard';
import type { AppStore } from '../../store/create-app-store';
import { curlFor } from '../detail/copy-actions';

/** The cURL copy control of the exchange `id` in the detail pane. */
export const curlCopyKey = (id: string) => `curl:${id}`;

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
  const ok = await copyText(store, curlCopyKey(id), curlFor(exchange, base));
  // With the detail pane hidden there is no cURL control to say so.
  if (store.getState().detailHidden) {
    store.getState().showToast(ok ? 'Copied as cURL (secrets masked).' : 'Could not copy to the clipboard.');
  }
}
