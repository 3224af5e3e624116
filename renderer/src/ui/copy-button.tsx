import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `value` to the clipboard and says so for a moment. */
export function CopyButton(props: { value: string; label?: string; testId?: string; title?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    navigator.clipboard.writeText(props.value).then(
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
      title={props.title ?? 'Copy to clipboard'}
    >
      {text}
    </button>
  );
}
