import type { StateCreator } from 'zustand';
import type { Exchange } from '../../../../shared/model/exchange';
import type { AppState } from '../create-app-store';

export type DetailEntry =
  { state: 'loading' } | { state: 'ready'; exchange: Exchange } | { state: 'error'; message: string };

/** Full exchanges are fetched on demand; a few recent ones are kept for quick back-and-forth. */
const KEEP = 20;

export interface DetailsSlice {
  details: Record<string, DetailEntry>;
  /** Most recently used last. */
  detailOrder: string[];
  setDetail(id: string, entry: DetailEntry): void;
  dropDetails(): void;
  /** Forget deleted exchanges, so none is shown again from here once the engine says it is gone. */
  forgetDetails(ids: ReadonlySet<string>): void;
}

export const createDetailsSlice: StateCreator<AppState, [], [], DetailsSlice> = (set) => ({
  details: {},
  detailOrder: [],
  setDetail: (id, entry) =>
    set((state) => {
      const detailOrder = [...state.detailOrder.filter((known) => known !== id), id];
      const evicted = detailOrder.slice(0, Math.max(0, detailOrder.length - KEEP));
      const details = { ...state.details, [id]: entry };
      for (const old of evicted) delete details[old];
      return { details, detailOrder: detailOrder.slice(evicted.length) };
    }),
  dropDetails: () => set({ details: {}, detailOrder: [] }),
  forgetDetails: (ids) =>
    set((state) => {
      if (!state.detailOrder.some((id) => ids.has(id))) return {};
      const details = { ...state.details };
      for (const id of ids) delete details[id];
      return { details, detailOrder: state.detailOrder.filter((id) => !ids.has(id)) };
    }),
});
