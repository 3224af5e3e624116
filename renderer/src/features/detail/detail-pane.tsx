import { selectSelectedDetail } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const ExchangeDetail = lazyPart('The exchange', () =>
  import('./exchange-detail').then((m) => m.ExchangeDetail),
);

/** Everything about the selected exchange. */
export function DetailPane() {
  const detail = useAppStore(selectSelectedDetail);
  if (!detail) {
    return (
      <div className="detail detail--empty" data-testid="detail-empty">
        Select a request to see what Okta sent and what the inspector answered.
      </div>
    );
  }
  if (detail.state === 'loading')
    return <div className="detail detail--empty" data-testid="detail-loading" />;
  if (detail.state === 'error') {
    return (
      <div className="detail detail--empty" role="alert" data-testid="detail-error">
        {detail.message}
      </div>
    );
  }
  return <ExchangeDetail exchange={detail.exchange} />;
}
