import { useEffect } from 'react';
import { useEngine } from '../../store/store-context';

/** Keeps the inline hook state in the store: loaded once, then every push (held calls, settings). */
export function InlineSync() {
  const { store, bridge } = useEngine();
  useEffect(() => {
    let live = true;
    void bridge.invoke('inline.get', {}).then((result) => {
      if (live && result.ok) store.getState().setInline(result.value);
    });
    const off = bridge.on('inline.changed', (state) => store.getState().setInline(state));
    return () => {
      live = false;
      off();
    };
  }, [store, bridge]);
  return null;
}
