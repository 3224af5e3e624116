import { useRef } from 'react';
import { startImport } from '../../store/bulk-commands';
import { useEngine } from '../../store/store-context';

/** Import a HAR or NDJSON file, and open the export dialog. */
export function TransferButtons() {
  const { store, bridge } = useEngine();
  const picker = useRef<HTMLInputElement>(null);
  const importFile = () => {
    // Headless: pick the file here and upload it. Desktop: the engine shows the open dialog.
    if (bridge.upload) picker.current?.click();
    else void startImport(store, bridge, null);
  };
  return (
    <div className="transfer-buttons">
      <button type="button" className="button" onClick={importFile} data-testid="import">
        Import…
      </button>
      <button
        type="button"
        className="button"
        onClick={() => store.getState().openDialog('export')}
        data-testid="export"
      >
        Export…
      </button>
      <input
        ref={picker}
        type="file"
        accept=".har,.ndjson,.json,application/json"
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void startImport(store, bridge, file);
        }}
        data-testid="import-file"
      />
    </div>
  );
}
