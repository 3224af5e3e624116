import type { StateCreator } from 'zustand';
import type { OktaState } from '../../../../shared/model/okta';
import type { AppState } from '../create-app-store';

export type OktaTab = 'hooks' | 'deliveries';

/** The Okta org integration as the engine reports it, and the panel that shows it. */
export interface OktaSlice {
  okta: OktaState | null;
  oktaPanelOpen: boolean;
  oktaTab: OktaTab;
  setOkta(okta: OktaState): void;
  setOktaPanelOpen(open: boolean): void;
  setOktaTab(tab: OktaTab): void;
}

export const createOktaSlice: StateCreator<AppState, [], [], OktaSlice> = (set) => ({
  okta: null,
  oktaPanelOpen: false,
  oktaTab: 'hooks',
  setOkta: (okta) => set({ okta }),
  setOktaPanelOpen: (oktaPanelOpen) => set({ oktaPanelOpen }),
  setOktaTab: (oktaTab) => set({ oktaTab }),
});
