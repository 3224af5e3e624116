import type { InlineVerdict } from '../../../../shared/model/inline';

const OUTCOME_LABEL: Record<InlineVerdict['outcome'], string> = {
  applied: 'Applied',
  default: 'No change',
  error: 'Error answer',
  failed: 'Rejected',
};

/** What Okta does with an answer, then each finding: rejections first. */
export function VerdictView({ verdict, testId }: { verdict: InlineVerdict; testId: string }) {
  const findings = [...verdict.findings].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === 'reject' ? -1 : 1,
  );
  return (
    <div className="inline-verdict" data-testid={testId} data-outcome={verdict.outcome}>
      <p className="inline-verdict__summary">
        <span className={`inline-outcome inline-outcome--${verdict.outcome}`}>
          {OUTCOME_LABEL[verdict.outcome]}
        </span>{' '}
        <span data-testid={`${testId}-summary`}>{verdict.summary}</span>
      </p>
      {findings.length > 0 && (
        <ul className="inline-findings">
          {findings.map((finding, index) => (
            <li
              key={index}
              className={`note note--${finding.severity === 'reject' ? 'bad' : 'warn'}`}
              data-rule={finding.rule}
            >
              {finding.message}
              {finding.where !== undefined && <code className="inline-findings__where">{finding.where}</code>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
