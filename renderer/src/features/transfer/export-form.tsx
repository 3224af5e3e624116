import { useState } from 'react';
import { startExport, type ExportChoice, type ExportScope } from '../../store/bulk-commands';
import { selectPickedCount, selectQuery, selectStatus, selectTotal } from '../../store/selectors';
import { useAppStore, useEngine } from '../../store/store-context';
import { Modal } from '../../ui/modal';
import { ModalFooter } from '../../ui/modal-footer';
import { formatCount } from '../../ui/format';

const FORMATS: { id: ExportChoice['format']; label: string; hint: string }[] = [
  {
    id: 'har',
    label: 'HAR 1.2',
    hint: 'Opens in Chrome DevTools, Firefox, Charles, Fiddler and other HAR viewers.',
  },
  {
    id: 'ndjson',
    label: 'NDJSON (this app)',
    hint: 'Every detail this app keeps, one exchange per line; imports back without loss.',
  },
];

type Scopes = { id: ExportScope; label: string; count: number }[];

/** Which exchanges: the selection, the filtered list, or everything (with counts). */
function useScopes(): Scopes {
  const picked = useAppStore(selectPickedCount);
  const matching = useAppStore(selectTotal);
  const query = useAppStore(selectQuery);
  const stored = useAppStore(selectStatus)?.storage.count ?? matching;
  return [
    ...(picked > 0 ? [{ id: 'picked' as const, label: 'Selected', count: picked }] : []),
    ...(query !== '' ? [{ id: 'matching' as const, label: 'Matching the search', count: matching }] : []),
    { id: 'all', label: 'Everything stored', count: stored },
  ];
}

function ChoiceFields(props: {
  scopes: Scopes;
  choice: ExportChoice;
  onChange: (choice: ExportChoice) => void;
}) {
  const { choice, onChange } = props;
  return (
    <>
      <fieldset className="field">
        <legend>Which</legend>
        {props.scopes.map((scope) => (
          <label key={scope.id} className="radio">
            <input
              type="radio"
              name="scope"
              checked={choice.scope === scope.id}
              onChange={() => onChange({ ...choice, scope: scope.id })}
              data-testid={`export-scope-${scope.id}`}
            />
            {scope.label} <span className="muted">({formatCount(scope.count)})</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>Format</legend>
        {FORMATS.map((format) => (
          <label key={format.id} className="radio radio--hinted">
            <input
              type="radio"
              name="format"
              checked={choice.format === format.id}
              onChange={() => onChange({ ...choice, format: format.id })}
              data-testid={`export-format-${format.id}`}
            />
            <span>
              {format.label} <small>{format.hint}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={choice.revealSecrets}
          onChange={(event) => onChange({ ...choice, revealSecrets: event.target.checked })}
          data-testid="export-reveal-secrets"
        />
        Include secret header values in clear
      </label>
      {choice.revealSecrets ? (
        <p className="form-warning">
          Anyone with the file can call your hook as Okta. Share it only with people you trust.
        </p>
      ) : (
        <p className="muted">Authorization, cookies and your auth header are masked (••••••••).</p>
      )}
    </>
  );
}

export function ExportForm() {
  const { store, bridge } = useEngine();
  const scopes = useScopes();
  const [choice, setChoice] = useState<ExportChoice>({
    format: 'har',
    // The narrowest on offer: several selected rows, else what the search shows, else all.
    scope: scopes.find((scope) => scope.id !== 'picked' || scope.count > 1)?.id ?? 'all',
    revealSecrets: false,
  });
  const [error, setError] = useState<string | null>(null);
  const close = () => store.getState().openDialog(null);
  const submit = async () => {
    const failure = await startExport(store, bridge, choice);
    if (failure === null) close();
    else setError(failure);
  };
  return (
    <Modal title="Export exchanges" testId="export-dialog" onClose={close} onSubmit={() => void submit()}>
      <ChoiceFields scopes={scopes} choice={choice} onChange={setChoice} />
      <ModalFooter error={error} onCancel={close}>
        <button type="submit" className="button button--primary" data-testid="export-start">
          Export
        </button>
      </ModalFooter>
    </Modal>
  );
}
