import type { InlineRecord } from '../../../../shared/model/inline';
import { inlineType } from '../../../../shared/okta/inline/catalog';
import { FactList } from './fact-list';
import { VerdictView } from './verdict-view';

const ANSWERED_BY: Record<InlineRecord['answeredBy'], string> = {
  template: 'its saved template',
  forward: 'your handler (its answer relayed)',
  breakpoint: 'you, at a breakpoint',
  'breakpoint-expired': 'the template, when the breakpoint’s deadline passed',
  refused: 'the inspector, refusing the call',
};

/** An inline call decoded like a delivery's events, and what Okta does with the answer it got. */
export function InlineCallTab({ inline }: { inline: InlineRecord }) {
  const { request } = inline;
  const label =
    request.type === null
      ? 'Not an inline call of this hook'
      : `${inlineType(request.type).label} inline hook`;
  return (
    <div className="inline-call" data-testid="inline-call" data-type={request.type ?? 'none'}>
      <h3 className="inline-call__title">
        {label}
        {request.requestType !== undefined && <code> {request.requestType}</code>}
      </h3>
      <FactList facts={request.facts} />
      <p className="inline-call__by" data-testid="inline-answered-by">
        Answered by {ANSWERED_BY[inline.answeredBy]}
        {inline.heldMs !== undefined ? ` after holding it ${(inline.heldMs / 1000).toFixed(2)} s` : ''}.
      </p>
      <VerdictView verdict={inline.verdict} testId="inline-verdict" />
      {request.type !== null && (
        <a className="link-button" href={inlineType(request.type).docsUrl} target="_blank" rel="noreferrer">
          Okta’s guide for this hook
        </a>
      )}
    </div>
  );
}
