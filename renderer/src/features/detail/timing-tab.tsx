import type { Exchange } from '../../../../shared/model/exchange';
import { OKTA_TIMEOUT_MS } from '../../../../shared/okta/headers';
import { formatDateTime, formatDuration } from '../../ui/format';

/** Where the time went, against Okta's 3-second budget (https://developer.okta.com/docs/concepts/event-hooks/#timeout-and-retry). */
export function TimingTab({ exchange }: { exchange: Exchange }) {
  const { timing } = exchange;
  const share = Math.min(1, timing.durationMs / OKTA_TIMEOUT_MS);
  const rows: [string, string][] = [
    ['Received', formatDateTime(exchange.receivedAt)],
    ['Body read', formatDuration(timing.bodyMs)],
    ['Stored', timing.storedMs === undefined ? 'not recorded' : formatDuration(timing.storedMs)],
    ['Answered', formatDuration(timing.durationMs)],
  ];
  return (
    <div className="stack">
      <table className="kv" data-testid="timing">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="mono">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="budget" aria-label="Share of Okta's 3-second budget">
        <div
          className={`budget__used${share >= 1 ? ' budget__used--over' : ''}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <p className="muted">
        {formatDuration(timing.durationMs)} of Okta&apos;s {OKTA_TIMEOUT_MS / 1000} s budget here; the tunnel
        and network add their own time on Okta&apos;s side.
      </p>
    </div>
  );
}
