import type { Bridge } from '../bridge/bridge';

/** The contract's limit per `exchanges.match` call. */
const MATCH_CHUNK = 5000;

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
