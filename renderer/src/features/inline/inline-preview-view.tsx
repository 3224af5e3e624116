import type { InlinePreview } from '../../../../shared/model/okta-inline';
import { inlineType } from '../../../../shared/okta/inline/catalog';
import { VerdictView } from './verdict-view';

function OktaSide({ okta }: { okta: InlinePreview['okta'] }) {
  return (
    <div>
      <h5>Okta said ({okta.status})</h5>
      <p data-testid="inline-preview-okta">{okta.summary}</p>
      {okta.causes.length > 0 && (
        <ul>
          {okta.causes.map((cause) => (
            <li key={cause}>{cause}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Okta's verdict on an `/execute`, beside the inspector's on the call it captured. */
export function InlinePreviewView({
  preview,
  onOpen,
}: {
  preview: InlinePreview;
  onOpen: (exchangeId: string) => void;
}) {
  const { exchangeId } = preview;
  return (
    <article className="inline-preview" data-testid="inline-preview" data-status={preview.okta.status}>
      <h4>Preview through Okta: {inlineType(preview.type).label}</h4>
      <div className="inline-preview__sides">
        <OktaSide okta={preview.okta} />
        <div>
          <h5>The inspector said</h5>
          {preview.inspector ? (
            <VerdictView verdict={preview.inspector} testId="inline-preview-inspector" />
          ) : (
            <p>No call reached the receiver: is the tunnel running?</p>
          )}
          {exchangeId && (
            <button type="button" className="link-button" onClick={() => onOpen(exchangeId)}>
              Show the captured call
            </button>
          )}
        </div>
      </div>
    </article>
  );
}
