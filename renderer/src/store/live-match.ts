import type { ExchangeSummary } from '../../../shared/model/exchange';
import type { Bridge } from '../bridge/bridge';
import type { AppState } from './create-app-store';
import { listsAbove } from './list-order';

/** The contract's limit per `exchanges.match` call. */
const MATCH_CHUNK = 5000;

/** Pushes gathered for one frame. */
export interface PushBatch {
  appended: ExchangeSummary[];
  updated: ExchangeSummary[];
  removed: { ids: string[]; seqs: number[]; receivedAt: number[] };
}

export const emptyBatch = (): PushBatch => ({
  appended: [],
  updated: [],
  removed: { ids: [], seqs: [], receivedAt: [] },
});

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
 * engine says match are listed: a change can bring one in or take one out. Returns false when
 * the rows held can no longer be placed (the caller reads them again).
 */
export function applyBatch(state: AppState, batch: PushBatch, matches: ReadonlySet<string> | null): boolean {
  if (matches === null) {
    state.insertExchanges(batch.appended);
    state.updateExchanges(batch.updated);
    return state.removeExchanges(batch.removed, true);
  }
  const fits = (item: ExchangeSummary) => matches.has(item.id);
  const held = (item: ExchangeSummary) => state.window.includes(item.id);
  const first = state.byId[state.window[0] ?? ''];
  const last = state.byId[state.window.at(-1) ?? ''];
  // Between the first and last rows held, in the list's order (by time received, then seq).
  const within = (item: ExchangeSummary) =>
    first !== undefined && last !== undefined && !listsAbove(item, first) && !listsAbove(last, item);
  const left = batch.updated.filter((item) => !fits(item) && held(item));
  const joined = batch.updated.filter((item) => fits(item) && !held(item));
  // A changed row that now matches is new to the list only if it falls among the rows held;
  // elsewhere it may have matched before: the rows are read again.
  const unplaced = joined.some((item) => !within(item));
  state.insertExchanges([...batch.appended.filter(fits), ...joined.filter(within)]);
  // The one shown in detail is held even when the query hides it: its pin and verdicts stay current.
  state.updateExchanges(batch.updated.filter((item) => fits(item) || item.id === state.selectedId));
  const placed = state.removeExchanges(
    {
      ids: [...batch.removed.ids, ...left.map((item) => item.id)],
      seqs: [...batch.removed.seqs, ...left.map((item) => item.seq)],
      receivedAt: [...batch.removed.receivedAt, ...left.map((item) => item.receivedAt)],
    },
    false,
  );
  return placed && !unplaced;
}
