import type { StateCreator } from 'zustand';
import type { SettingsView } from '../../../../shared/model/settings';
import type { AppStatus } from '../../../../shared/model/status';
import type { ConnectionState } from '../../bridge/bridge';
import type { AppState } from '../create-app-store';

/** What the engine reports about itself: status, settings, and whether we are connected. */
export interface EngineSlice {
  status: AppStatus | null;
  settings: SettingsView | null;
  connected: boolean;
  /** The engine answered but refused this window's API token (headless, after a restart). */
  refused: boolean;
  /** The last failed command, shown until dismissed. */
  lastError: string | null;
  setStatus(status: AppStatus): void;
  setSettings(settings: SettingsView): void;
  setConnection(state: ConnectionState): void;
  setError(message: string | null): void;
}

export const createEngineSlice: StateCreator<AppState, [], [], EngineSlice> = (set) => ({
  status: null,
  settings: null,
  connected: false,
  refused: false,
  lastError: null,
  setStatus: (status) => set({ status }),
  setSettings: (settings) => set({ settings }),
  setConnection: (state) => set({ connected: state === 'connected', refused: state === 'refused' }),
  setError: (lastError) => set({ lastError }),
});
