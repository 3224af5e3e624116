import { useEffect, useRef } from 'react';

/** A dialog opened later (over this one) takes Escape and outside clicks first. */
export function coveredByLaterDialog(element: HTMLElement): boolean {
  return [...document.querySelectorAll('[aria-modal="true"]')].some(
    (dialog) =>
      !dialog.contains(element) &&
      !element.contains(dialog) &&
      (element.compareDocumentPosition(dialog) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
}

/**
 * Close a popover or dialog on Escape or on a click outside it. Listening in the capture phase,
 * it decides before any other handler changes the page; an Escape it used is not also a shortcut.
 */
export function useDismiss<T extends HTMLElement>(open: boolean, close: () => void) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !ref.current || coveredByLaterDialog(ref.current)) return;
      event.preventDefault();
      close();
    };
    const onPointer = (event: PointerEvent) => {
      const element = ref.current;
      if (!element || element.contains(event.target as Node) || coveredByLaterDialog(element)) return;
      close();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open, close]);
  return ref;
}
