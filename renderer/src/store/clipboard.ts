import type { AppStore } from './create-app-store';

/** How long a copy control says Copied (or Copy failed). */
const FEEDBACK_MS = 1500;

/**
 * The one way to copy: write the text (fetched now when it is a secret the UI does not hold)
 * and let the copy control `key` say how it went, for a moment. A key press that copies names
 * the control that does the same, so the feedback is where a click would have put it.
 */
export async function copyText(
  store: AppStore,
  key: string,
  text: string | (() => Promise<string>),
): Promise<boolean> {
  let ok = true;
  try {
    await navigator.clipboard.writeText(typeof text === 'string' ? text : await text());
  } catch {
    ok = false;
  }
  const note = { key, ok };
  store.getState().noteCopy(note);
  setTimeout(() => {
    if (store.getState().copied === note) store.getState().noteCopy(null);
  }, FEEDBACK_MS);
  return ok;
}
