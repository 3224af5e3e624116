import { diffHeaders } from '../../../../shared/diff/header-diff';
import { diffJson } from '../../../../shared/diff/json-diff';
import type { BodyData, Exchange } from '../../../../shared/model/exchange';
import { useEngine } from '../../store/store-context';
import { StatusBadge } from '../../ui/badges';
import { formatClock } from '../../ui/format';
import { visible } from '../../ui/visible-text';
import { Modal } from '../../ui/modal';
import { useExchanges } from '../../ui/use-exchanges';
import { DiffList, headerRows, jsonRows } from './diff-list';

const parse = (body: BodyData): unknown => {
  try {
    return JSON.parse(body.text ?? '');
  } catch {
    return undefined;
  }
};

function BodyDiff({ a, b, testId }: { a: BodyData; b: BodyData; testId: string }) {
  const [left, right] = [parse(a), parse(b)];
  if (left !== undefined && right !== undefined) {
    return (
      <DiffList
        rows={jsonRows(diffJson(left, right))}
        empty="The bodies are the same JSON (key order aside)."
        testId={testId}
      />
    );
  }
  const preview = (body: BodyData) =>
    body.size === 0 ? 'empty' : `${(body.text ?? `base64 ${body.base64 ?? ''}`).slice(0, 120)}`;
  const same = (a.text ?? a.base64) === (b.text ?? b.base64);
  return (
    <p className="muted" data-testid={testId}>
      {same ? 'The bodies are identical.' : visible(`A: ${preview(a)} — B: ${preview(b)}`)}
    </p>
  );
}

function Side({ exchange, label }: { exchange: Exchange; label: string }) {
  return (
    <div className="compare__side">
      <span className="muted">{label}</span> {visible(`${exchange.request.method} ${exchange.request.path}`)}{' '}
      <StatusBadge status={exchange.response.status} />{' '}
      <span className="muted">
        {formatClock(exchange.receivedAt)} · {exchange.origin}
      </span>
    </div>
  );
}

export function ComparePanel({ a, b }: { a: string; b: string }) {
  const { store } = useEngine();
  const close = () => store.getState().setCompare(null);
  const loaded = useExchanges([a, b]);
  const [first, second] = Array.isArray(loaded) ? loaded : [];
  const pair = first && second ? ([first, second] as const) : null;
  return (
    <Modal title="Compare" testId="compare-view" onClose={close} className="modal--wide">
      {loaded === null && <p className="muted">Loading…</p>}
      {typeof loaded === 'string' && <p className="form-error">{loaded}</p>}
      {pair && (
        <>
          <Side exchange={pair[0]} label="A" />
          <Side exchange={pair[1]} label="B" />
          <h3 className="section-title">Request body</h3>
          <BodyDiff a={pair[0].request.body} b={pair[1].request.body} testId="diff-request-body" />
          <h3 className="section-title">Request headers</h3>
          <DiffList
            rows={headerRows(diffHeaders(pair[0].request.headers, pair[1].request.headers))}
            empty="Same headers."
            testId="diff-request-headers"
          />
          <h3 className="section-title">
            Response {pair[0].response.status} → {pair[1].response.status}
          </h3>
          <DiffList
            rows={headerRows(diffHeaders(pair[0].response.headers, pair[1].response.headers))}
            empty="Same response headers."
            testId="diff-response-headers"
          />
          <BodyDiff a={pair[0].response.body} b={pair[1].response.body} testId="diff-response-body" />
        </>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
