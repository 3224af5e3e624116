import type { DeliveryFilterCheck } from '../../../../shared/model/okta';

const MISMATCH: Record<NonNullable<DeliveryFilterCheck['mismatch']>, string> = {
  'sent-though-dropped': "Okta sent it although the hook's filter drops it",
  'missing-though-passed': "The hook's filter lets it through, yet it never arrived",
};

const VERDICT: Record<DeliveryFilterCheck['verdict'], string> = {
  pass: 'filter: lets it through',
  drop: 'filter: drops it',
  unknown: 'filter: cannot be checked locally',
};

/** What the hook's event filter makes of the event, beside what Okta did with it. */
export function FilterCheck({ check }: { check: DeliveryFilterCheck }) {
  const tone = check.mismatch ? 'bad' : check.verdict === 'unknown' ? 'warn' : 'neutral';
  const note = check.inPlace ? '' : ' (published before the hook last changed)';
  return (
    <span
      className={`pill pill--${tone} okta-delivery__filter`}
      title={`${check.because}${note}`}
      data-testid="okta-delivery-filter"
      data-verdict={check.verdict}
      data-mismatch={check.mismatch ?? ''}
    >
      {check.mismatch ? MISMATCH[check.mismatch] : VERDICT[check.verdict]}
    </span>
  );
}
