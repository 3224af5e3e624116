import { toCurl } from '../../../../shared/http/curl';
import type { HeaderList } from '../../../../shared/model/exchange';
import type { SettingsView } from '../../../../shared/model/settings';

/**
 * A delivery shaped as Okta sends one, so the first thing a newcomer sends is not flagged: the
 * envelope of https://developer.okta.com/docs/concepts/event-hooks/#sample-event-delivery-payload
 * with one event, published a moment before it is delivered.
 */
export function sampleBody(now: Date): string {
  const published = new Date(now.getTime() - 1000).toISOString();
  return JSON.stringify({
    eventType: 'com.okta.event_hook',
    eventTypeVersion: '1.0',
    cloudEventsVersion: '0.1',
    source: 'https://your-org.okta.com/api/v1/eventHooks/whoTryIt0000000000',
    eventId: 'try-it-1',
    eventTime: now.toISOString(),
    contentType: 'application/json',
    data: {
      events: [
        {
          uuid: 'try-it-event-1',
          eventType: 'user.session.start',
          displayMessage: 'User login to Okta',
          published,
        },
      ],
    },
  });
}

export interface TryCommands {
  verify: string;
  deliver: string;
}

/**
 * What Okta sends, as curl commands: its verification challenge, then a delivery, each with
 * the headers the receiver checks: the secret (as given: masked to show, in clear to copy;
 * null when none is set) and the required headers.
 */
export function tryCommands(
  hookUrl: string,
  settings: SettingsView | null,
  secret: string | null,
  now = new Date(),
): TryCommands {
  const checked: HeaderList = [
    ...(settings && secret !== null ? [[settings.authHeader, secret] as [string, string]] : []),
    ...(settings?.requiredHeaders ?? []).map(({ name, value }): [string, string] => [name, value]),
  ];
  return {
    verify: toCurl({
      method: 'GET',
      url: hookUrl,
      headers: [['X-Okta-Verification-Challenge', 'hello'], ...checked],
      body: null,
    }),
    deliver: toCurl({
      method: 'POST',
      url: hookUrl,
      headers: [['Content-Type', 'application/json'], ...checked],
      body: sampleBody(now),
    }),
  };
}
