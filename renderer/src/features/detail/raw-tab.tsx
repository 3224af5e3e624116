import type { Exchange } from '../../../../shared/model/exchange';

/** The request as it came off the wire: request line, headers in order, blank line, body. */
export function RawTab({ exchange }: { exchange: Exchange }) {
  const { request } = exchange;
  const target = request.query === '' ? request.path : `${request.path}?${request.query}`;
  const head = [
    `${request.method} ${target} HTTP/${request.httpVersion}`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
  ].join('\n');
  const body =
    request.body.text ?? `[${request.body.size} bytes, not UTF-8; base64]\n${request.body.base64 ?? ''}`;
  return (
    <div>
      {request.body.truncated && <p className="muted">The body was truncated at the size limit.</p>}
      <pre className="code" data-testid="raw-request">
        {head}
        {'\n\n'}
        {body}
      </pre>
    </div>
  );
}
