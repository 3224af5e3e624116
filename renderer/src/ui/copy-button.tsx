import { useId } from 'react';
import { copyText } from '../store/clipboard';
import { useAppStore, useEngine } from '../store/store-context';

/**
 * Copies `value` to the clipboard and says so for a moment. `value` may be fetched at click time
 * (a secret the UI does not hold), so it exists only between the click and the clipboard.
 * `copyKey` names the control for copies made without a click (a shortcut).
 */
export function CopyButton(props: {
  value: string | (() => Promise<string>);
  label?: string;
  testId?: string;
  title?: string;
  copyKey?: string;
}) {
  const { store } = useEngine();
  const ownKey = useId();
  const key = props.copyKey ?? ownKey;
  const copied = useAppStore((state) => (state.copied?.key === key ? state.copied : null));
  const state = copied === null ? 'idle' : copied.ok ? 'copied' : 'failed';
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : (props.label ?? 'Copy');
  return (
    <button
      type="button"
      className={`button button--small copy-button copy-button--${state}`}
      onClick={() => void copyText(store, key, props.value)}
      data-testid={props.testId}
      data-copy-state={state}
      title={props.title ?? 'Copy to clipboard'}
    >
      {text}
    </button>
  );
}
