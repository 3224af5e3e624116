import { useState, type ReactNode } from 'react';
import type { Exchange } from '../../../../shared/model/exchange';
import { selectDetailTab } from '../../store/selectors';
import type { DetailTab } from '../../store/slices/ui-slice';
import { useAppStore, useEngine } from '../../store/store-context';
import { PaneBoundary } from '../../ui/pane-boundary';
import { Tabs, type TabDef } from '../../ui/tabs';
import { InlineCallTab } from '../inline/inline-call-tab';
import { BodyView } from './body-view';
import { DetailHeader } from './detail-header';
import { HiddenBySearch } from './hidden-by-search';
import { OktaEventsTab } from './okta-events-tab';
import { RawTab } from './raw-tab';
import { RequestHeadersTab } from './request-headers-tab';
import { ResponseTab } from './response-tab';
import { TimingTab } from './timing-tab';

/** A count or code after a tab's name, quieter than the name. */
const Count = ({ children }: { children: ReactNode }) => <span className="tab__count">{children}</span>;

/** Short names, so the six tabs fit a detail pane half of a 1024 px window. */
function tabsFor(exchange: Exchange): TabDef<DetailTab>[] {
  const { request, response } = exchange;
  return [
    {
      id: 'events',
      label: exchange.inline ? (
        'Inline call'
      ) : (
        <>
          Events <Count>{exchange.okta.events.length}</Count>
        </>
      ),
      title: exchange.inline
        ? 'The inline hook call, decoded, and what Okta does with the answer'
        : 'The Okta events in this delivery',
    },
    { id: 'payload', label: 'Payload', title: 'The request body, decoded' },
    { id: 'raw', label: 'Raw', title: 'The request as it arrived' },
    {
      id: 'headers',
      label: (
        <>
          Headers <Count>{request.headers.length}</Count>
        </>
      ),
      title: 'Request headers',
    },
    {
      id: 'response',
      label: <>Response {response.status > 0 && <Count>{response.status}</Count>}</>,
      title: 'What the inspector answered',
    },
    { id: 'timing', label: 'Timing', title: "Where the time went, against Okta's 3 s" },
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

/**
 * An exchange without Okta events opens where its content is, not on an empty Okta events tab;
 * an inline call has its decoded call and verdict there.
 */
function tabWithContent(preferred: DetailTab, exchange: Exchange): DetailTab {
  if (preferred !== 'events' || exchange.inline || exchange.okta.events.length > 0) return preferred;
  return exchange.kind === 'verification' ? 'response' : 'payload';
}

/** The selected exchange, read: a header with its actions, and tabs. */
export function ExchangeDetail({ exchange }: { exchange: Exchange }) {
  const preferred = useAppStore(selectDetailTab);
  const { store } = useEngine();
  // A tab clicked for this exchange is shown as clicked, even an empty one.
  const [clicked, setClicked] = useState<{ id: string; tab: DetailTab } | null>(null);
  const tab = clicked?.id === exchange.id ? clicked.tab : tabWithContent(preferred, exchange);
  return (
    <section className="detail" data-testid="detail" data-exchange-id={exchange.id}>
      <HiddenBySearch />
      {/* Each part fails on its own: a record that cannot be drawn shows why, and the next one is drawn afresh. */}
      <PaneBoundary key={exchange.id} what="This exchange">
        <DetailHeader
          exchange={exchange}
          onCompare={() => store.getState().setCompare({ a: exchange.id, b: null })}
        />
        <Tabs
          tabs={tabsFor(exchange)}
          active={tab}
          onChange={(id) => {
            setClicked({ id: exchange.id, tab: id });
            store.getState().setDetailTab(id);
          }}
          label="Details"
        />
        <div className="detail__body" role="tabpanel" aria-labelledby={`tab-${tab}`}>
          <PaneBoundary key={tab} what="This tab">
            <Panel tab={tab} exchange={exchange} />
          </PaneBoundary>
        </div>
      </PaneBoundary>
    </section>
  );
}
