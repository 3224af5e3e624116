import type { OktaState } from '../../../../shared/model/okta';
import { selectOktaTab } from '../../store/selectors';
import type { OktaTab } from '../../store/slices/okta-slice';
import { useAppStore, useEngine } from '../../store/store-context';
import { Tabs } from '../../ui/tabs';
import { Modal } from '../../ui/modal';
import { ConnectForm } from './connect-form';
import { ConnectionSummary } from './connection-summary';
import { DeliveriesTab } from './deliveries-tab';
import { HooksTab } from './hooks-tab';
import { PublicUrlField } from './public-url-field';

export function OktaOrgDialog({ okta }: { okta: OktaState }) {
  const tab = useAppStore(selectOktaTab);
  const { store } = useEngine();
  const close = () => store.getState().setOktaPanelOpen(false);
  const connected = okta.connection.status !== 'not-connected';
  const { counts } = okta.deliveries;
  const attention = counts.failed + counts.missing + counts.refused;
  const tabs: { id: OktaTab; label: string }[] = [
    { id: 'hooks', label: `Event hooks (${okta.hooks.length})` },
    { id: 'deliveries', label: `Deliveries${attention > 0 ? ` (${attention} to look at)` : ''}` },
  ];
  return (
    <Modal
      title="Okta org"
      testId="okta-panel"
      onClose={close}
      {...(connected ? { className: 'modal--okta' } : {})}
      titleAside={
        <button type="button" className="button button--small" onClick={close} data-testid="okta-close">
          Close
        </button>
      }
    >
      {!connected && (
        <p className="okta-intro muted">
          Connect your org to point an event hook at this inspector in one step, and to see what Okta&apos;s
          System Log says about every delivery next to what arrived here.
        </p>
      )}
      {connected ? (
        <>
          <ConnectionSummary okta={okta} />
          <PublicUrlField okta={okta} />
          <Tabs
            tabs={tabs}
            active={tab}
            onChange={(id) => store.getState().setOktaTab(id)}
            label="Okta org"
          />
          {tab === 'hooks' ? <HooksTab okta={okta} /> : <DeliveriesTab okta={okta} />}
        </>
      ) : (
        <ConnectForm baseUrlOverride={okta.connection.baseUrlOverride} pendingKey={okta.pendingKey} />
      )}
    </Modal>
  );
}
