import { CopyButton } from '../../ui/copy-button';
import { selectSettings, selectStatus } from '../../store/selectors';
import { useAppStore } from '../../store/store-context';

const SAMPLE_BODY = JSON.stringify({
  eventType: 'com.okta.event_hook',
  eventTypeVersion: '1.0',
  cloudEventsVersion: '0.1',
  eventId: 'try-it-1',
  data: {
    events: [
      {
        uuid: 'try-it-event-1',
        eventType: 'user.session.start',
        displayMessage: 'User login to Okta',
        published: new Date(0).toISOString(),
      },
    ],
  },
});

/** What to do before anything has arrived: where Okta (or curl) should send requests. */
export function EmptyState() {
  const status = useAppStore(selectStatus);
  const settings = useAppStore(selectSettings);
  const hookUrl = status?.receiver.hookUrl;
  if (!hookUrl) {
    return (
      <div className="empty" data-testid="empty-state">
        <h2>The receiver is not running</h2>
        <p>{status?.receiver.error ?? 'Starting…'}</p>
      </div>
    );
  }
  const header = settings?.authHeader ?? 'Authorization';
  const secretHeader = settings?.secret.configured ? ` -H '${header}: <your secret>'` : '';
  const verify = `curl -i -H 'X-Okta-Verification-Challenge: hello' ${hookUrl}`;
  const deliver = `curl -i -X POST -H 'Content-Type: application/json'${secretHeader} --data '${SAMPLE_BODY}' ${hookUrl}`;
  return (
    <div className="empty" data-testid="empty-state">
      <h2>Waiting for Okta</h2>
      <p>Requests to the receiver appear here as they arrive.</p>
      <div className="empty__field">
        <code data-testid="empty-hook-url">{hookUrl}</code>
        <CopyButton value={hookUrl} testId="copy-hook-url" />
      </div>
      <p className="muted">Try it from a terminal: the verification challenge, then a delivery.</p>
      <div className="empty__field">
        <code className="empty__command">{verify}</code>
        <CopyButton value={verify} />
      </div>
      <div className="empty__field">
        <code className="empty__command">{deliver}</code>
        <CopyButton value={deliver} />
      </div>
    </div>
  );
}
