import { useLayoutEffect, type RefObject } from 'react';
import { coveredByLaterDialog } from './use-dismiss';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Where focus goes when a dialog opens: its first control, or the dialog itself. */
export type InitialFocus = 'control' | 'dialog';

const shown = (element: HTMLElement) => element.getClientRects().length > 0;

/**
 * Keyboard focus for a modal dialog (the WAI-ARIA dialog pattern): it opens with focus inside,
 * on the element marked `data-autofocus`, else on its first control (or on the dialog itself,
 * `'dialog'`); Tab and Shift+Tab go round its controls, never to the page under it; closing
 * gives focus back to what had it (the button that opened it). Not React's `autoFocus`: the UI
 * runtime (preact/compat) only sets the attribute, which a browser honours once per page.
 */
export function useDialogFocus(panel: RefObject<HTMLElement | null>, initial: InitialFocus): void {
  // Before the frame that shows it (the runtime runs plain effects after it): a key pressed as
  // the dialog appears goes to it.
  useLayoutEffect(() => {
    const dialog = panel.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const controls = () => [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(shown);
    const control = initial === 'control' ? controls()[0] : undefined;
    (dialog.querySelector<HTMLElement>('[data-autofocus]') ?? control ?? dialog).focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Tab' || coveredByLaterDialog(dialog)) return;
      const items = controls();
      const [first, last] = [items[0], items.at(-1)];
      const at = document.activeElement;
      const leaving = event.shiftKey ? at === first : at === last;
      if (!first || !last || leaving || !dialog.contains(at)) {
        event.preventDefault();
        (event.shiftKey ? (last ?? dialog) : (first ?? dialog)).focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (opener?.isConnected) opener.focus();
    };
  }, [panel, initial]);
}
