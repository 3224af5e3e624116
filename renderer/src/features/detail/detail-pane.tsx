import type { Exchange } from '../../../../shared/model/exchange';
import { selectDetailTab, selectSelectedDetail } from '../../store/selectors';
import type { DetailTab } from '../../store/slices/ui-slice';
import { useAppStore, useEngine } from '../../store/store-context';
import { Tabs, type TabDef } from '../../ui/tabs';
import { InlineCallTab } from '../inline/inline-call-tab';
import { BodyView } from './body-view';
import { DetailHeader } from './detail-header';
import { OktaEventsTab } from './okta-events-tab';
import { RawTab } from './raw-tab';
import { RequestHeadersTab } from './request-headers-tab';
import { ResponseTab } from './response-tab';
import { TimingTab } from './timing-tab';

function tabsFor(exchange: Exchange): TabDef<DetailTab>[] {
  return [
    {
      id: 'events',
      label: exchange.inline ? 'Inline call' : `Okta events (${exchange.okta.events.length})`,
    },
    { id: 'payload', label: 'Payload' },
    { id: 'raw', label: 'Raw' },
    { id: 'headers', label: `Request headers (${exchange.request.headers.length})` },
    { id: 'response', label: `Response ${exchange.response.status || ''}` },
    { id: 'timing', label: 'Timing' },
  ];
}

function Panel({ tab, exchange }: { tab: DetailTab; exchange: Exchange }) {
  switch (tab) {
    // Keyed by exchange: what was expanded for one does not carry over to the next.
    case 'events':
      if (exchange.inline) return <InlineCallTab inline={exchange.inline} />;
      return <OktaEventsTab key={exchange.id} exchange={exchange} />;
    case 'payload':
      // A compressed body is shown decompressed; the Raw tab keeps the bytes as received.
      return <BodyView body={exchange.request.decodedBody ?? exchange.request.body} testId="payload" />;
    case 'raw':
      return <RawTab key={exchange.id} exchange={exchange} />;
    case 'headers':
      return <RequestHeadersTab exchange={exchange} />;
    case 'response':
      return <ResponseTab exchange={exchange} />;
    case 'timing':
      return <TimingTab exchange={exchange} />;
  }
}

/** Everything about the selected exchange. */
export function DetailPane() {
  const detail = useAppStore(selectSelectedDetail);
  const tab = useAppStore(selectDetailTab);
  const { store } = useEngine();
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
      <div className="detail detail--empty" role="alert">
        {detail.message}
      </div>
    );
  }
  const { exchange } = detail;
  return (
    <section className="detail" data-testid="detail" data-exchange-id={exchange.id}>
      <DetailHeader
        exchange={exchange}
        onCompare={() => store.getState().setCompare({ a: exchange.id, b: null })}
      />
      <Tabs
        tabs={tabsFor(exchange)}
        active={tab}
        onChange={(id) => store.getState().setDetailTab(id)}
        label="Details"
      />
      <div className="detail__body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        <Panel tab={tab} exchange={exchange} />
      </div>
    </section>
  );
}
