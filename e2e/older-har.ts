import { fixtureText } from './fixtures';

/** One delivery from `daysAgo` days ago, in a HAR file as another tool would write it. */
export function olderHar(daysAgo = 3): Buffer {
  const startedDateTime = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  const entry = {
    startedDateTime,
    time: 12,
    request: {
      method: 'POST',
      url: 'https://hooks.example.com/okta/event-hook',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      postData: { mimeType: 'application/json', text: fixtureText('01-user-session-start.json') },
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
