import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Bridge } from '../bridge/bridge';
import type { AppState, AppStore } from './create-app-store';

interface AppContext {
  store: AppStore;
  bridge: Bridge;
}

const Context = createContext<AppContext | null>(null);

export function AppProvider(props: AppContext & { children: ReactNode }) {
  return (
    <Context.Provider value={{ store: props.store, bridge: props.bridge }}>{props.children}</Context.Provider>
  );
}

function useAppContext(): AppContext {
  const context = useContext(Context);
  if (!context) throw new Error('AppProvider is missing');
  return context;
}

/** Read from the app store through a selector (wrap array/object selectors in useShallow). */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(useAppContext().store, selector);
}

/** The store and bridge, for event handlers that call commands. */
export const useEngine = (): AppContext => useAppContext();
