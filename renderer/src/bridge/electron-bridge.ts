import type { InspectorApi } from '../../../shared/contract/inspector-api';
import type { Bridge } from './bridge';

/** Over `window.inspector` (the preload): IPC never drops while the window lives. */
export function createElectronBridge(api: InspectorApi): Bridge {
  return {
    kind: 'electron',
    invoke: (name, input) => api.invoke(name, input),
    on: (name, listener) => api.on(name, listener),
    onConnection: (listener) => {
      listener('connected');
      return () => undefined;
    },
    upload: null,
  };
}
