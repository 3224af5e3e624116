import type { AppState } from './create-app-store';

/**
 * A deleted exchange leaves every cache the moment the engine says it is gone: its full record
 * (so "Show the original" asks the engine and says it is gone) and a comparison it is part of.
 * The list's rows, the pick and the detail pane follow in the next frame (`removeExchanges`).
 */
export function forgetRemoved(state: AppState, ids: readonly string[]): void {
  const gone = new Set(ids);
  state.forgetDetails(gone);
  const { compare } = state;
  if (compare && (gone.has(compare.a) || (compare.b !== null && gone.has(compare.b)))) state.setCompare(null);
}
