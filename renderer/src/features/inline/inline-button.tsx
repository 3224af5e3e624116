import { selectInline } from '../../store/slices/inline-slice';
import { useAppStore, useEngine } from '../../store/store-context';

/** Opens the inline hooks panel; says how many calls are held at a breakpoint. */
export function InlineButton() {
  const inline = useAppStore(selectInline);
  const { store } = useEngine();
  const held = inline?.held.length ?? 0;
  return (
    <button
      type="button"
      className="button"
      onClick={() => store.getState().setInlinePanelOpen(true)}
      data-testid="open-inline"
    >
      Inline hooks{held > 0 ? ` (${held} held)` : ''}
    </button>
  );
}
