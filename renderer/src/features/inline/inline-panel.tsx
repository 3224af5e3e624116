import { selectInline, selectInlinePanelOpen } from '../../store/slices/inline-slice';
import { useAppStore } from '../../store/store-context';
import { lazyPart } from '../../ui/lazy-part';

const InlineHooksDialog = lazyPart('Inline hooks', () =>
  import('./inline-hooks-dialog').then((m) => m.InlineHooksDialog),
);

/** Inline hooks: where Okta calls, how each type is answered, and the org's hooks. */
export function InlinePanel() {
  const open = useAppStore(selectInlinePanelOpen);
  const inline = useAppStore(selectInline);
  return open && inline ? <InlineHooksDialog inline={inline} /> : null;
}
