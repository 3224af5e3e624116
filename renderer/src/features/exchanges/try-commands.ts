import { toCurl } from '../../../../shared/http/curl';
import type { HeaderList } from '../../../../shared/model/exchange';
import type { SettingsView } from '../../../../shared/model/settings';

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
      body: SAMPLE_BODY,
    }),
  };
}
