import type { Bridge } from '../bridge/bridge';
import { askConfirm } from './confirm';
import type { AppState, AppStore } from './create-app-store';
import { selectPickedCount, selectTarget } from './selectors';
import { formatCount } from '../ui/format';

/** Actions on the picked exchanges (or the one shown, when nothing is picked). */

/** Open the replay dialog for the picked exchanges (`r`). */
export function replayPicked(store: AppStore): void {
  const state = store.getState();
  const selection = selectTarget(state);
  if (selection)
    state.openReplay({
      selection,
      count: 'ids' in selection ? selection.ids.length : selectPickedCount(state),
    });
}

/** Pin or unpin the picked exchanges; true once the engine has done it. */
export async function pinPicked(store: AppStore, bridge: Bridge, pinned: boolean): Promise<boolean> {
  const target = selectTarget(store.getState());
  if (!target) return false;
  const result = await bridge.invoke('exchanges.pin', { ...target, pinned });
  if (!result.ok) store.getState().setError(result.error.message);
  return result.ok;
}

/** The one exchange a key acts on is the one shown, and the search hides it from the list. */
function targetsHiddenSelection(state: AppState): boolean {
  const target = selectTarget(state);
  return (
    state.selectedHidden &&
    target !== null &&
    'ids' in target &&
    target.ids.length === 1 &&
    target.ids[0] === state.selectedId
  );
}

/**
 * Pin if any of the picked is unpinned, else unpin (the `p` key). Pinning is undone as easily,
 * so an exchange the search hides is pinned at once, and a toast says which one it was.
 */
export async function togglePinPicked(store: AppStore, bridge: Bridge): Promise<void> {
  const state = store.getState();
  const target = selectTarget(state);
  const summaries = target && 'ids' in target ? target.ids.map((id) => state.byId[id]) : [];
  const allPinned = summaries.length > 0 && summaries.every((summary) => summary?.pinned === true);
  const hidden = targetsHiddenSelection(state);
  const done = await pinPicked(store, bridge, !allPinned);
  if (done && hidden) {
    const what = allPinned ? 'Unpinned' : 'Pinned';
    store.getState().showToast(`${what} the exchange shown; the search hides it from the list.`);
  }
}

/**
 * Delete the picked exchanges. The user is asked first when it is more than one, or when the
 * one to delete was not picked by hand in the list (the pick followed a link or a replay) or is
 * not the one the detail pane shows: a deletion cannot be undone.
 */
export async function confirmDelete(store: AppStore, bridge: Bridge): Promise<void> {
  const question = deleteQuestion(store.getState());
  if (question && !(await askConfirm(store, { ...question, confirmLabel: 'Delete' }))) return;
  await deletePicked(store, bridge);
}

const CANNOT_UNDO = 'Deleted exchanges cannot be brought back.';

/** What to ask before deleting the picked exchanges, or null to delete at once. */
function deleteQuestion(state: AppState): { title: string; message: string } | null {
  const count = selectPickedCount(state);
  if (count > 1) return { title: `Delete ${formatCount(count)} exchanges?`, message: CANNOT_UNDO };
  const target = selectTarget(state);
  const [id] = target && 'ids' in target ? target.ids : [];
  if (id === undefined) return null;
  const elsewhere = state.selectedId !== null && state.selectedId !== id;
  // `followed` speaks of the pick; with nothing picked the target is the exchange shown.
  const followed = state.followed && state.picked.has(id);
  const hidden = targetsHiddenSelection(state);
  if (!followed && !elsewhere && !hidden) return null;
  const summary = state.byId[id];
  const what = summary ? ` (${summary.method} ${summary.path} → ${summary.status})` : '';
  const why = hidden
    ? 'The search hides it: it is not in the list'
    : elsewhere
      ? 'It is not the exchange the detail pane shows'
      : 'It was opened from a link or a replay, not picked in the list';
  return { title: 'Delete this exchange?', message: `${why}${what}. ${CANNOT_UNDO}` };
}

/** Delete the picked exchanges (or the one shown). */
export async function deletePicked(store: AppStore, bridge: Bridge): Promise<void> {
  const before = store.getState();
  const target = selectTarget(before);
  if (!target) return;
  const result = await bridge.invoke('exchanges.delete', target);
  const after = store.getState();
  if (!result.ok) after.setError(result.error.message);
  // A pick made while the engine was deleting (Ctrl+A right after Delete) is the user's next
  // one: keep it. The removal pushes already took the deleted ids out of `picked`.
  else if (after.allMatching === before.allMatching && after.allMatching !== null) after.clearPicked();
}

export type ExportScope = 'picked' | 'matching' | 'all';

export interface ExportChoice {
  format: 'har' | 'ndjson';
  scope: ExportScope;
  revealSecrets: boolean;
}

/** Start an export; null when the user cancelled the save dialog (desktop). */
export async function startExport(
  store: AppStore,
  bridge: Bridge,
  choice: ExportChoice,
): Promise<string | null> {
  const state = store.getState();
  const target =
    choice.scope === 'picked'
      ? selectTarget(state)
      : choice.scope === 'matching'
        ? { query: state.query }
        : {};
  const result = await bridge.invoke('exchanges.export', {
    format: choice.format,
    revealSecrets: choice.revealSecrets,
    ...(target ?? {}),
  });
  if (!result.ok) return result.error.message;
  // Its progress arrives as pushes (perhaps before this answer): only say it is ours.
  if (result.value.job) store.getState().claimJob(result.value.job.id);
  return null;
}

/** Import a file: uploaded first when the engine is headless, else the engine asks for it. */
export async function startImport(store: AppStore, bridge: Bridge, file: File | null): Promise<void> {
  let upload: string | undefined;
  if (bridge.upload && file) {
    const sent = await bridge.upload(file, () => undefined);
    if (!sent.ok) {
      store.getState().setError(sent.error.message);
      return;
    }
    upload = sent.value.upload;
  }
  const result = await bridge.invoke('exchanges.import', upload === undefined ? {} : { upload });
  if (!result.ok) store.getState().setError(result.error.message);
}

export async function cancelJob(bridge: Bridge, id: string): Promise<void> {
  await bridge.invoke('jobs.cancel', { id });
}
