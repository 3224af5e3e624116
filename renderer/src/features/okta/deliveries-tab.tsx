import { useState } from 'react';
import type { DeliveryRecord, OktaState } from '../../../../shared/model/okta';
import { describeDelivery } from '../../../../shared/okta/delivery-verdict';
import { showExchange } from '../../store/commands';
import { refreshOkta, resendEvents } from '../../store/okta-commands';
import { selectSettings } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { DeliveryCounts, OktaLogRecords } from './delivery-lists';
import { FilterCheck } from './filter-check';
import { logClock } from './okta-format';
import { PollStatusLine } from './poll-status';
import { useDeliveryReport } from './use-delivery-report';

function DeliveryRow(props: {
  record: DeliveryRecord;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  onOpen: (id: string) => void;
}) {
  const { record } = props;
  const verdict = describeDelivery(record);
  const arrivals = [...record.captures.map((c) => c.exchangeId), ...record.resentAs];
  return (
    <tr data-testid="okta-delivery-row" data-status={record.status} data-uuid={record.uuid}>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${record.eventType}`}
          checked={props.checked}
          disabled={record.status === 'received'}
          onChange={(e) => props.onCheck(e.target.checked)}
        />
      </td>
      <td className="mono">{logClock(record.published)}</td>
      <td className="mono">{record.eventType}</td>
      <td>
        <span className={`pill pill--${verdict.tone}`} data-testid="okta-delivery-status">
          {verdict.label}
        </span>
      </td>
      <td className="okta-delivery__sentence">
        {verdict.sentence}
        {record.filter && <FilterCheck check={record.filter} />}
        {arrivals.map((id, index) => (
          <button
            key={id}
            type="button"
            className="link-button okta-delivery__open"
            onClick={() => props.onOpen(id)}
          >
            {index < record.captures.length ? `arrival ${index + 1}` : 'resent'}
          </button>
        ))}
      </td>
    </tr>
  );
}

/** Okta's account of each event meant for the tracked hooks, beside what arrived, and resend. */
export function DeliveriesTab({ okta }: { okta: OktaState }) {
  const { store, bridge } = useEngine();
  const report = useDeliveryReport();
  const forward = useAppStore(selectSettings)?.forward.target ?? null;
  const [selected, setSelected] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const open = (id: string) => {
    store.getState().setOktaPanelOpen(false);
    void showExchange(store, bridge, id);
  };
  const resend = async (target: 'receiver' | 'forward') => {
    const result = await resendEvents(store, bridge, selected, target);
    if (result.ok) {
      setSelected([]);
      store.getState().setOktaPanelOpen(false);
    }
    setError(result.ok ? null : result.error.message);
  };
  const check = (uuid: string, on: boolean) =>
    setSelected((current) => (on ? [...current, uuid] : current.filter((known) => known !== uuid)));
  return (
    <div className="okta-deliveries">
      <PollStatusLine poll={okta.poll} onPoll={() => void refreshOkta(store, bridge)} />
      <DeliveryCounts counts={okta.deliveries.counts} />
      <table className="kv okta-deliveries__table" data-testid="okta-deliveries">
        <thead>
          <tr>
            <th />
            <th>Published</th>
            <th>Event</th>
            <th>Okta&apos;s account</th>
            <th>What happened</th>
          </tr>
        </thead>
        <tbody>
          {report?.records.map((record) => (
            <DeliveryRow
              key={record.uuid}
              record={record}
              checked={selected.includes(record.uuid)}
              onCheck={(on) => check(record.uuid, on)}
              onOpen={open}
            />
          ))}
        </tbody>
      </table>
      {report?.records.length === 0 && (
        <p className="muted">No event meant for a tracked hook in the System Log fetched so far.</p>
      )}
      <div className="okta-deliveries__actions">
        <span className="muted">Rebuild the selected events like Okta&apos;s Preview and send them:</span>
        <button
          type="button"
          className="button button--small"
          disabled={selected.length === 0}
          onClick={() => void resend('receiver')}
          data-testid="okta-resend-receiver"
        >
          Through the receiver ({selected.length})
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={selected.length === 0 || forward === null}
          title={forward === null ? 'Set a forward target in Settings' : forward}
          onClick={() => void resend('forward')}
          data-testid="okta-resend-forward"
        >
          To your handler
        </button>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {report && <OktaLogRecords report={report} />}
    </div>
  );
}
