import { useEffect, useState } from 'react';
import type { Exchange } from '../../../shared/model/exchange';
import { useEngine } from '../store/store-context';

/** Whole exchanges by id, fetched once: null while loading, a message if one is gone. */
export function useExchanges(ids: string[]): Exchange[] | string | null {
  const { bridge } = useEngine();
  const [exchanges, setExchanges] = useState<Exchange[] | string | null>(null);
  const key = ids.join('\n');
  useEffect(() => {
    let live = true;
    void Promise.all(key.split('\n').map((id) => bridge.invoke('exchanges.get', { id }))).then((results) => {
      if (!live) return;
      const found = results.flatMap((result) => (result.ok ? [result.value] : []));
      setExchanges(
        found.length === results.length
          ? found
          : 'The exchange could not be loaded; it may have been deleted.',
      );
    });
    return () => {
      live = false;
    };
  }, [key, bridge]);
  return exchanges;
}
