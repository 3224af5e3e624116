import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { InspectorApi } from '../../shared/contract/inspector-api';
import { isCommandName, isEventName } from '../../shared/contract/names';

type IpcPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * `window.inspector`, built from the contract: only contract command names can be invoked and
 * only contract event names listened to; page code never sees ipcRenderer or the IPC event
 * (its `sender` would hand out the raw channel).
 */
export function createInspectorApi(ipc: IpcPort): InspectorApi {
  const api: InspectorApi = {
    invoke: (name, input) => {
      if (!isCommandName(name)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unknown-command', message: `Unknown command "${String(name)}".` },
        });
      }
      return ipc.invoke(name, input);
    },
    on: (name, listener) => {
      if (!isEventName(name)) throw new Error(`Unknown event "${String(name)}".`);
      const forward = (_event: IpcRendererEvent, payload: unknown) =>
        (listener as (payload: unknown) => void)(payload);
      ipc.on(name, forward);
      return () => {
        ipc.removeListener(name, forward);
      };
    },
  };
  return Object.freeze(api);
}
