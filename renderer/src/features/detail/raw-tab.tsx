import { useState } from 'react';
import type { Exchange } from '../../../../shared/model/exchange';
import { formatBytes } from '../../ui/format';
import { visible } from '../../ui/visible-text';

/**
 * Characters of the body drawn at first. Laying out a 10 MB body as one text block took the
 * page about two seconds (bench/README.md, Large body); the rest is drawn on request.
 */
const PREVIEW_CHARS = 256 * 1024;

/** The request as it came off the wire: request line, headers in order, blank line, body. */
export function RawTab({ exchange }: { exchange: Exchange }) {
  const { request } = exchange;
  const [whole, setWhole] = useState(false);
  const target = request.query === '' ? request.path : `${request.path}?${request.query}`;
  const head = [
    `${request.method} ${target} HTTP/${request.httpVersion}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\n');
  const body =
    request.body.text ?? `[${request.body.size} bytes, not UTF-8; base64]\n${request.body.base64 ?? ''}`;
  const cut = !whole && body.length > PREVIEW_CHARS;
  return (
    <div>
      {request.body.truncated && <p className="muted">The body was truncated at the size limit.</p>}
      <pre className="code" data-testid="raw-request">
        {visible(head)}
        {'\n\n'}
        {visible(cut ? body.slice(0, PREVIEW_CHARS) : body)}
      </pre>
      {cut && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setWhole(true)}
          data-testid="raw-show-all"
        >
          Show all {formatBytes(request.body.size)} (the first {formatBytes(PREVIEW_CHARS)} are shown)
        </button>
      )}
    </div>
  );
}
