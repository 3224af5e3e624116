import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Bridge } from '../bridge/bridge';
import type { AppState } from './create-app-store';

/** The contract's limit per `exchanges.match` call. */
const MATCH_CHUNK = 5000;

/** Pushes gathered for one frame. */
export interface PushBatch {
  appended: ExchangeSummary[];
  updated: ExchangeSummary[];
  removed: string[];
}

export const emptyBatch = (): PushBatch => ({ appended: [], updated: [], removed: [] });

/** Which of these exchanges match the query, asked of the engine; null if it could not say. */
export async function matchingIds(bridge: Bridge, query: string, ids: string[]): Promise<Set<string> | null> {
  const matches = new Set<string>();
  for (let start = 0; start < ids.length; start += MATCH_CHUNK) {
    const result = await bridge.invoke('exchanges.match', {
      query,
      ids: ids.slice(start, start + MATCH_CHUNK),
    });
    if (!result.ok) return null;
    for (const id of result.value.ids) matches.add(id);
  }
  return matches;
}

/**
 * Apply a frame's pushes to the list. With a query (`matches` given), only exchanges the
 * engine says match are listed: a change can bring one in or take one out.
 */
export function applyBatch(state: AppState, batch: PushBatch, matches: ReadonlySet<string> | null): void {
  if (matches === null) {
    state.insertExchanges(batch.appended);
    state.updateExchanges(batch.updated);
    state.removeExchanges(batch.removed);
    return;
  }
  const fits = (item: ExchangeSummary) => matches.has(item.id);
  const listed = (item: ExchangeSummary) => item.id in state.byId;
  state.insertExchanges([...batch.appended, ...batch.updated].filter((item) => fits(item) && !listed(item)));
  state.updateExchanges(batch.updated.filter(fits));
  state.removeExchanges([
    ...batch.removed,
    ...batch.updated.filter((item) => !fits(item)).map((item) => item.id),
  ]);
}
