import type { HeldInline } from '../../../../shared/model/inline';
import { countdown } from './countdown';
import { useClock } from './use-clock';

/** Okta's budget for a held call, running down every frame; says when it is over. */
export function CountdownBar({ held }: { held: HeldInline }) {
  const now = useClock(true);
  const left = countdown(held.receivedAt, held.deadlineAt, now);
  return (
    <div
      className={`countdown${left.urgent ? ' countdown--urgent' : ''}`}
      data-testid="countdown"
      data-expired={left.expired}
    >
      <div className="countdown__bar" style={{ width: `${left.fraction * 100}%` }} />
      <span>
        {left.expired ? 'Okta’s budget is over: the template answered' : `${left.label} left of Okta’s 3 s`}
      </span>
    </div>
  );
}
