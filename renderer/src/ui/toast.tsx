import { useEffect } from 'react';
import type { AppState } from '../store/create-app-store';
import { useAppStore, useEngine } from '../store/store-context';

const selectToast = (state: AppState) => state.toast;

/** A short confirmation (copied, pinned…) at the bottom right, gone after a moment. */
export function Toast() {
  const toast = useAppStore(selectToast);
  const { store } = useEngine();
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => store.getState().showToast(null), 2500);
    return () => clearTimeout(timer);
  }, [toast, store]);
  if (!toast) return null;
  return (
    <p className="toast" data-testid="toast" aria-live="polite">
      {toast.text}
    </p>
  );
}
