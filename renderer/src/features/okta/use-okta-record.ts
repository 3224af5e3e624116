import { useEffect, useState } from 'react';
import type { ExchangeOktaRecord } from '../../../../shared/model/okta';
import { useAppStore, useEngine } from '../../store/store-context';

/** Okta's account of one exchange, fetched again when the correlation changes. */
export function useOktaRecord(exchangeId: string): ExchangeOktaRecord | null {
  const { bridge } = useEngine();
  const version = useAppStore((state) => state.okta?.deliveries.version ?? null);
  const connected = useAppStore(
    (state) => (state.okta?.connection.status ?? 'not-connected') !== 'not-connected',
  );
  const [record, setRecord] = useState<{ id: string; value: ExchangeOktaRecord } | null>(null);
  useEffect(() => {
    if (!connected) return;
    let current = true;
    void bridge.invoke('okta.record.get', { id: exchangeId }).then((result) => {
      if (current && result.ok) setRecord({ id: exchangeId, value: result.value });
    });
    return () => {
      current = false;
    };
  }, [bridge, exchangeId, version, connected]);
  return connected && record?.id === exchangeId ? record.value : null;
}
