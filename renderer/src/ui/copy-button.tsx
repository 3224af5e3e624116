import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `value` to the clipboard and says so for a moment. `value` may be fetched at click time
 * (a secret the UI does not hold), so it exists only between the click and the clipboard.
 */
export function CopyButton(props: {
  value: string | (() => Promise<string>);
  label?: string;
  testId?: string;
  title?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    const { value } = props;
    const text = typeof value === 'string' ? Promise.resolve(value) : value();
    text
      .then((clear) => navigator.clipboard.writeText(clear))
      .then(
        () => setState('copied'),
        () => setState('failed'),
      );
  };
  const text = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : (props.label ?? 'Copy');
  return (
    <button
      type="button"
      className={`button button--small copy-button copy-button--${state}`}
      onClick={copy}
      data-testid={props.testId}
      data-copy-state={state}
      title={props.title ?? 'Copy to clipboard'}
    >
      {text}
    </button>
  );
}
