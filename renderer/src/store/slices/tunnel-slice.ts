import type { StateCreator } from 'zustand';
import type { TunnelStatus } from '../../../../shared/model/tunnel';
import type { AppState } from '../create-app-store';

/** The public tunnel as the engine last reported it; a URL exists only while it is online. */
export interface TunnelSlice {
  tunnel: TunnelStatus | null;
  setTunnel(tunnel: TunnelStatus): void;
}

export const createTunnelSlice: StateCreator<AppState, [], [], TunnelSlice> = (set) => ({
  tunnel: null,
  setTunnel: (tunnel) => set({ tunnel }),
});
