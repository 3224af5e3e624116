import type { Exchange } from '../../shared/model/exchange';

/**
 * Crafted import lines and entries: each must be skipped, with a reason naming what is wrong,
 * and nothing of it may reach the store. `line` turns a real exported exchange into the crafted
 * one; `entry` builds a HAR entry.
 */
export interface HostileImport {
  name: string;
  reason: RegExp;
  line?: (exchange: Exchange) => unknown;
  entry?: Record<string, unknown>;
}

const firstEvent = (exchange: Exchange) => exchange.okta.events[0] as unknown as Record<string, unknown>;
const edit = (exchange: Exchange, change: (copy: Record<string, unknown>) => void): unknown => {
  const copy = structuredClone(exchange) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
};
const withEvent = (exchange: Exchange, change: (event: Record<string, unknown>) => void) =>
  edit(exchange, (copy) => change(firstEvent(copy as unknown as Exchange)));

const harEntry = (request: Record<string, unknown>, startedDateTime = '2026-05-01T10:00:00.000Z') => ({
  startedDateTime,
  request: { method: 'POST', url: 'https://x.test/okta/event-hook', headers: [], ...request },
  response: { status: 204 },
});

export const HOSTILE_IMPORTS: HostileImport[] = [
  {
    name: 'sightings whose repeated events are null (made every later start fail)',
    reason: /line 3: sightings\.repeatedEvents: /,
    line: (e) => edit(e, (c) => (c.sightings = { repeatedEvents: null, outOfOrder: [] })),
  },
  {
    name: 'sightings that are a string',
    reason: /line 3: sightings: /,
    line: (e) => edit(e, (c) => (c.sightings = 'x')),
  },
  {
    name: 'an event whose fields are null (blanked the UI)',
    reason: /line 3: okta\.events\.0\.displayMessage: /,
    line: (e) => withEvent(e, (event) => Object.assign(event, { displayMessage: null, outcome: null })),
  },
  {
    name: 'an event without a client',
    reason: /line 3: okta\.events\.0\.client: /,
    line: (e) => withEvent(e, (event) => (event.client = null)),
  },
  {
    name: 'an event whose targets are null',
    reason: /line 3: okta\.events\.0\.targets: /,
    line: (e) => withEvent(e, (event) => (event.targets = null)),
  },
  {
    name: 'a 240 KB event type',
    reason: /line 3: okta\.events\.0\.eventType: /,
    line: (e) => withEvent(e, (event) => (event.eventType = 'user.'.repeat(48_000))),
  },
  {
    name: '5,000 events',
    reason: /line 3: okta\.events: /,
    line: (e) =>
      edit(
        e,
        (c) => ((c.okta as { events: unknown[] }).events = Array.from({ length: 5000 }, () => firstEvent(e))),
      ),
  },
  {
    name: 'a date in the year 60000 (made the timeline millions of slices)',
    reason: /line 3: receivedAt: is after the year 2100/,
    line: (e) => edit(e, (c) => (c.receivedAt = Date.UTC(60_000, 0, 1))),
  },
  {
    name: 'the latest date there is',
    reason: /line 3: receivedAt: /,
    line: (e) => edit(e, (c) => (c.receivedAt = 8.64e15)),
  },
  {
    name: 'a date before 1970',
    reason: /line 3: receivedAt: is before the year 2000/,
    line: (e) => edit(e, (c) => (c.receivedAt = -1e12)),
  },
  {
    name: 'a method carrying shell code (copied into cURL unquoted)',
    reason: /line 3: request\.method: not an HTTP method/,
    line: (e) => edit(e, (c) => ((c.request as { method: string }).method = 'POST;touch${IFS}/tmp/pwned;')),
  },
  {
    name: 'a header value with a line break',
    reason: /line 3: request\.headers\.0\.1: /,
    line: (e) =>
      edit(e, (c) => ((c.request as { headers: unknown }).headers = [['X-A', 'a\r\nInjected: 1']])),
  },
  {
    name: 'a forwarded header that is not a pair of strings',
    reason: /line 3: forward\.headers\.0/,
    line: (e) => edit(e, (c) => (c.forward = { url: 'http://h/', headers: [[1, 2]] })),
  },
  {
    name: 'a body with neither text nor base64',
    reason: /line 3: request\.body: needs text or base64/,
    line: (e) => edit(e, (c) => ((c.request as { body: unknown }).body = { size: 3, truncated: false })),
  },
  {
    name: 'a status of 99999',
    reason: /line 3: response\.status: /,
    line: (e) => edit(e, (c) => ((c.response as { status: number }).status = 99_999)),
  },
  {
    name: 'a problem with a 100 KB message',
    reason: /line 3: problems\.0\.message: /,
    line: (e) => edit(e, (c) => (c.problems = [{ code: 'x', message: 'm'.repeat(100_000) }])),
  },
  {
    name: 'a HAR entry whose method carries shell code',
    reason: /entry 2: request\.method: not an HTTP method/,
    entry: harEntry({ method: 'POST;touch /tmp/pwned' }),
  },
  {
    name: 'a HAR entry dated in the year 60000',
    reason: /entry 2: receivedAt: is after the year 2100/,
    entry: harEntry({}, '+060000-01-01T00:00:00.000Z'),
  },
  {
    name: 'a HAR entry with a header value holding a line break',
    reason: /entry 2: request\.headers\.0\.1: /,
    entry: harEntry({ headers: [{ name: 'X-A', value: 'a\nb' }] }),
  },
];
