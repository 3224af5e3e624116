import { useShallow } from 'zustand/react/shallow';
import type { Exchange, ExchangeSummary } from '../../../../shared/model/exchange';
import { showExchange } from '../../store/commands';
import type { AppState } from '../../store/create-app-store';
import { useAppStore, useEngine } from '../../store/store-context';
import { StatusBadge } from '../../ui/badges';
import { formatClock, formatDuration } from '../../ui/format';

/** Replays among the rows held (the list's window and the exchange shown), oldest first. */
const replaysOf = (id: string) => (state: AppState) =>
  Object.values(state.byId)
    .filter((summary) => summary.replayOf === id)
    .sort((a, b) => a.seq - b.seq);

/** Where a replay went: the handler it reached, or the receiver. */
const destination = (summary: ExchangeSummary) => summary.forwardedTo ?? 'the receiver';

/** Replays shown beside their original, and the way back from a replay to its original. */
export function ReplayLinks({ exchange }: { exchange: Exchange }) {
  const replays = useAppStore(useShallow(replaysOf(exchange.id)));
  const { store, bridge } = useEngine();
  const open = (id: string) => void showExchange(store, bridge, id);
  const compare = (a: string, b: string) => store.getState().setCompare({ a, b });
  if (exchange.replayOf === undefined && replays.length === 0) return null;
  return (
    <section className="replays" data-testid="replays">
      {exchange.replayOf !== undefined && (
        <p>
          Replay of an earlier request.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => open(exchange.replayOf!)}
            data-testid="show-original"
          >
            Show the original
          </button>{' '}
          ·{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => compare(exchange.replayOf!, exchange.id)}
            data-testid="compare-original"
          >
            Compare with it
          </button>
        </p>
      )}
      {replays.length > 0 && (
        <table className="kv">
          <caption className="section-title">Replays ({replays.length})</caption>
          <tbody>
            {replays.map((replay) => (
              <tr key={replay.id} data-testid="replay-row">
                <td className="mono">{formatClock(replay.receivedAt)}</td>
                <td>
                  <StatusBadge status={replay.status} />
                  {replay.forwardError && <span className="flag"> {replay.forwardError}</span>}
                </td>
                <td className="mono">{formatDuration(replay.durationMs)}</td>
                <td className="muted">{destination(replay)}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => open(replay.id)}>
                    Open
                  </button>{' '}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => compare(exchange.id, replay.id)}
                    data-testid="compare-replay"
                  >
                    Compare
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
