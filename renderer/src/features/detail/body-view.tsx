import { useMemo, useState } from 'react';
import type { BodyData } from '../../../../shared/model/exchange';
import { formatBytes } from '../../ui/format';
import { visible } from '../../ui/visible-text';
import { JsonTree } from './json-tree';

type Parsed = { ok: true; value: unknown } | { ok: false };

function parseJson(text: string | undefined): Parsed {
  if (text === undefined || text.trim() === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A body as a JSON tree (when it parses), pretty text, or exactly the bytes received. */
export function BodyView(props: { body: BodyData; testId?: string }) {
  const { body } = props;
  const parsed = useMemo(() => parseJson(body.text), [body.text]);
  const [mode, setMode] = useState<'tree' | 'text'>('tree');
  const meta = (
    <p className="body-meta muted">
      {formatBytes(body.size)}
      {body.truncated ? ' — truncated: only the first bytes were kept' : ''}
      {body.base64 !== undefined ? ' — not UTF-8 text, shown as base64' : ''}
    </p>
  );
  if (body.size === 0) return <p className="muted">Empty body.</p>;
  if (!parsed.ok) {
    return (
      <div data-testid={props.testId}>
        {meta}
        <pre className="code">{visible(body.text ?? body.base64 ?? '')}</pre>
      </div>
    );
  }
  return (
    <div data-testid={props.testId}>
      <div className="body-toolbar">
        {meta}
        <div className="segmented" role="group" aria-label="Body view">
          <button type="button" aria-pressed={mode === 'tree'} onClick={() => setMode('tree')}>
            Tree
          </button>
          <button type="button" aria-pressed={mode === 'text'} onClick={() => setMode('text')}>
            Pretty
          </button>
        </div>
      </div>
      {mode === 'tree' ? (
        <JsonTree value={parsed.value} />
      ) : (
        <pre className="code">{visible(JSON.stringify(parsed.value, null, 2))}</pre>
      )}
    </div>
  );
}
