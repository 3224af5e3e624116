import type { PollStatus } from '../../../../shared/model/okta';
import { clockSeconds } from './okta-format';

const STATES: Record<PollStatus['state'], string> = {
  stopped: 'Not polling',
  polling: 'Asking Okta…',
  waiting: 'Polling the System Log',
  'rate-limited': 'Waiting for Okta’s rate limit',
  'backing-off': 'Okta did not answer; trying again later',
};

/** What the poller did last and will do next, and how much of the rate limit is left. */
export function PollStatusLine({ poll, onPoll }: { poll: PollStatus; onPoll: () => void }) {
  const limit = poll.rateLimit;
  return (
    <div className="okta-poll" data-testid="okta-poll-status" data-state={poll.state}>
      <span className={`pill pill--${poll.state === 'waiting' || poll.state === 'polling' ? 'ok' : 'warn'}`}>
        {STATES[poll.state]}
      </span>
      {poll.lastPolledAt !== null && <span>last {clockSeconds(poll.lastPolledAt)}</span>}
      {poll.nextPollAt !== null && <span>next {clockSeconds(poll.nextPollAt)}</span>}
      <span>{poll.events} events kept (in memory)</span>
      {limit && (
        <span title="X-Rate-Limit-Remaining of X-Rate-Limit-Limit for /api/v1/logs">
          {limit.remaining}/{limit.limit} calls left until {clockSeconds(limit.resetAt)}
        </span>
      )}
      <button
        type="button"
        className="button button--small"
        disabled={poll.state === 'rate-limited' || poll.state === 'polling'}
        onClick={onPoll}
        data-testid="okta-poll-now"
      >
        Check Okta now
      </button>
      {poll.filter === 'all' && (
        <p className="muted">This org refused the hook filter: every event is fetched and sorted here.</p>
      )}
      {poll.error && <p className="form-error--inline">{poll.error}</p>}
    </div>
  );
}
