import { fixtureText } from './fixtures';

/** One delivery of `body` from `daysAgo` days ago, in a HAR file as another tool would write it. */
export function olderHar(daysAgo = 3, body = fixtureText('01-user-session-start.json')): Buffer {
  const startedDateTime = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const entry = {
    startedDateTime,
    time: 12,
    request: {
      method: 'POST',
      url: 'https://hooks.example.com/okta/event-hook',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      postData: { mimeType: 'application/json', text: body },
    },
    response: { status: 204, headers: [], content: { size: 0, mimeType: '' } },
    timings: { send: 0, wait: 12, receive: 0 },
  };
  return Buffer.from(JSON.stringify({ log: { version: '1.2', creator: { name: 'x' }, entries: [entry] } }));
}

/** How a user imports it: through the Import button. */
export const olderHarFile = (daysAgo = 3) => ({
  name: 'older.har',
  mimeType: 'application/json',
  buffer: olderHar(daysAgo),
});

/**
 * A batch of three events with one envelope quirk (a version Okta never sends): imported, its
 * row carries every badge at once beside the event type (+2, ⚠ 1, imported).
 */
export const QUIRKY_BATCH = fixtureText('02-batch-mixed-3-events.json').replace(
  '"eventTypeVersion": "1.0"',
  '"eventTypeVersion": "2.0"',
);

export const quirkyBatchHarFile = (daysAgo = 2) => ({
  name: 'quirky.har',
  mimeType: 'application/json',
  buffer: olderHar(daysAgo, QUIRKY_BATCH),
});
