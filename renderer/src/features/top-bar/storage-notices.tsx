import type { AppState } from '../../store/create-app-store';
import { selectStatus } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';

const selectDismissed = (state: AppState) => state.dismissedNotices;

/** What the store wants the user to know: a log repaired at start-up, limits it cannot keep. */
export function StorageNotices() {
  const notices = useAppStore(selectStatus)?.storage.notices ?? [];
  const dismissed = useAppStore(selectDismissed);
  const { store } = useEngine();
  const shown = notices.filter((notice) => !dismissed.has(notice));
  if (shown.length === 0) return null;
  return (
    <div className="banner banner--warn" role="status" data-testid="storage-notices">
      <div>
        {shown.map((notice) => (
          <p key={notice}>{notice}</p>
        ))}
      </div>
      <button
        type="button"
        className="button button--small"
        onClick={() => shown.forEach((notice) => store.getState().dismissNotice(notice))}
      >
        Dismiss
      </button>
    </div>
  );
}
