import { selectStatus } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';
import { formatBytes, formatCount } from '../../ui/format';
import type { Draft, SetDraft } from './settings-draft';

/** How much history is kept; the store evicts the oldest unpinned exchanges beyond it. */
export function RetentionFields(props: { draft: Draft; set: SetDraft }) {
  const storage = useAppStore(selectStatus)?.storage;
  return (
    <fieldset className="field">
      <legend>History</legend>
      <div className="field__pair">
        <label className="field">
          <span>Keep at most (exchanges)</span>
          <input
            type="number"
            min={100}
            step={1}
            value={props.draft.maxCount}
            onChange={(e) => props.set('maxCount', e.target.value)}
            data-testid="settings-max-count"
          />
        </label>
        <label className="field">
          <span>and at most (GB on disk)</span>
          <input
            type="number"
            min={0.016}
            step="any"
            value={props.draft.maxGb}
            onChange={(e) => props.set('maxGb', e.target.value)}
            data-testid="settings-max-gb"
          />
        </label>
      </div>
      <small>
        The oldest are removed first; pinned exchanges are always kept.
        {storage &&
          ` Now: ${formatCount(storage.count)} stored (${formatCount(storage.pinned)} pinned), ${formatBytes(storage.bytes)}.`}
      </small>
    </fieldset>
  );
}
