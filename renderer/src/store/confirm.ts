import type { AppStore } from './create-app-store';
import type { Confirming } from './slices/ui-slice';

/** Ask in the app's confirm dialog (never the browser's `confirm()`); resolves with the answer. */
export function askConfirm(store: AppStore, question: Omit<Confirming, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) => {
    store.getState().openDialog(null);
    store.getState().setConfirming({ ...question, resolve });
  });
}

export function answerConfirm(store: AppStore, ok: boolean): void {
  const pending = store.getState().confirming;
  store.getState().setConfirming(null);
  pending?.resolve(ok);
}
