import { useEffect, useState } from 'react';
import type { DeliveryReport } from '../../../../shared/model/okta';
import { useAppStore, useEngine } from '../../store/store-context';

/** Okta's account of recent deliveries, fetched again whenever the engine says it changed. */
export function useDeliveryReport(): DeliveryReport | null {
  const { bridge } = useEngine();
  const version = useAppStore((state) => state.okta?.deliveries.version ?? null);
  const [report, setReport] = useState<DeliveryReport | null>(null);
  useEffect(() => {
    if (version === null) return;
    let current = true;
    void bridge.invoke('okta.deliveries.list', { limit: 500 }).then((result) => {
      if (current && result.ok) setReport(result.value);
    });
    return () => {
      current = false;
    };
  }, [bridge, version]);
  return report;
}
