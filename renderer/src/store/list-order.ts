/** What places a row in the list: the engine lists by time received, newest first, then by seq. */
export interface ListPlace {
  receivedAt: number;
  seq: number;
}

/**
 * Whether `a` lists above `b`. The engine's order (docs/storage.md, "The list's order"): an
 * exchange imported from last week goes below today's, wherever it arrives in seq.
 */
export const listsAbove = (a: ListPlace, b: ListPlace): boolean =>
  a.receivedAt !== b.receivedAt ? a.receivedAt > b.receivedAt : a.seq > b.seq;

/** For `sort`: newest first, as listed. */
export const listOrder = (a: ListPlace, b: ListPlace): number => b.receivedAt - a.receivedAt || b.seq - a.seq;
