import type { InlineFact } from '../../../../shared/model/inline';

/** The facts a developer reads first about an inline call: who, which app, what is asked. */
export function FactList({ facts }: { facts: InlineFact[] }) {
  if (facts.length === 0) return null;
  return (
    <dl className="inline-facts" data-testid="inline-facts">
      {facts.map(({ label, value }) => (
        <div key={label} className="inline-facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
