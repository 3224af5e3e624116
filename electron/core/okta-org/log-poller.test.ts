import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OktaProblem } from '../../../shared/model/okta';
import { FakeTimers } from '../../../test-support/engine/fake-timers';
import {
  startOktaEmulator,
  type OktaEmulator,
  type OktaEmulatorOptions,
} from '../../../test-support/engine/okta-emulator/okta-emulator';
import { closedPortUrl } from '../../../test-support/engine/target-server';
import { hooksFilter, LogPoller, PAGE_SIZE } from './log-poller';
import { nodeTransport } from '../http/http-transport';
import { apiTokenCredentials } from './credentials';
import { LOGS_TIMEOUT_MS, OktaApi } from './okta-api';
import { OktaClient } from './okta-client';

const INTERVAL = 30_000;

let emulator: OktaEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

/** A poller on a clock that moves only when the test moves it. */
async function setup(options: OktaEmulatorOptions = {}, client: { baseUrl?: string; token?: string } = {}) {
  let now = Date.parse('2026-11-26T10:00:00.000Z');
  const clock = { now: () => now, monotonic: () => now };
  emulator = await startOktaEmulator({ now: () => now, ...options });
  const transport = nodeTransport({}, clock.monotonic);
  const timeouts: number[] = [];
  const api = new OktaApi(
    new OktaClient({
      org: 'https://dev-000000.okta.com',
      baseUrl: client.baseUrl ?? emulator.url,
      credentials: apiTokenCredentials(client.token ?? emulator.token),
      // The real transport, with the time each call may take written down.
      transport: (request) => {
        timeouts.push(request.timeoutMs);
        return transport(request);
      },
      now: clock.now,
    }),
  );
  const scheduler = new FakeTimers();
  const events: unknown[] = [];
  const problems: OktaProblem[] = [];
  const poller = new LogPoller({
    api: () => api,
    hookIds: () => ['who1', 'who2'],
    clock,
    scheduler,
    intervalMs: INTERVAL,
    lookbackMs: 3600_000,
    onEvents: (page) => events.push(...page),
    onAuthProblem: (problem) => problems.push(problem),
    onStatus: () => undefined,
  });
  poller.start();
  return {
    emulator,
    api,
    timeouts,
    poller,
    scheduler,
    events,
    problems,
    advance: (ms: number) => (now += ms),
    now: () => now,
  };
}

const logRequests = (e: OktaEmulator) => e.requests.filter((r) => r.url.startsWith('/api/v1/logs'));

describe('LogPoller', () => {
  it('starts with a polling query, then follows the next link verbatim', async () => {
    const s = await setup();
    const follow = vi.spyOn(s.api, 'followLogs');
    s.emulator.org.log.append({ eventType: 'event_hook.verified' }, s.now());
    await s.poller.pollNow();
    const first = new URL(logRequests(s.emulator)[0]!.url, 'http://x').searchParams;
    expect(Object.fromEntries(first)).toEqual({
      since: '2026-11-26T09:00:00.000Z',
      sortOrder: 'ASCENDING',
      limit: String(PAGE_SIZE),
      filter: hooksFilter(['who1', 'who2']),
    });
    expect(s.events).toHaveLength(1);
    await s.poller.pollNow();
    const link = follow.mock.calls[0]![0];
    expect(link.startsWith(`${s.emulator.url}/api/v1/logs?`)).toBe(true);
    expect(logRequests(s.emulator)[1]!.url).toBe(link.slice(s.emulator.url.length));
    expect(s.scheduler.delays()).toEqual([INTERVAL]);
  });

  it('waits the 30 s Okta gives a System Log query, for the first page and the next ones', async () => {
    const s = await setup();
    await s.poller.pollNow();
    await s.poller.pollNow();
    expect(s.timeouts).toEqual([LOGS_TIMEOUT_MS, LOGS_TIMEOUT_MS]);
    expect(LOGS_TIMEOUT_MS).toBeGreaterThan(30_000);
  });

  it('fetches the next page at once when a page is full', async () => {
    const s = await setup();
    for (let i = 0; i < PAGE_SIZE + 5; i += 1)
      s.emulator.org.log.append({ eventType: 'event_hook.verified' }, s.now());
    await s.poller.pollNow();
    expect(s.scheduler.delays()).toEqual([0]);
    s.scheduler.runPending();
    await vi.waitFor(() => expect(s.events).toHaveLength(PAGE_SIZE + 5));
    expect(s.scheduler.delays()).toEqual([INTERVAL]);
  });

  it('waits for the reset when few calls remain (X-Rate-Limit-Remaining)', async () => {
    const s = await setup({ limits: { logs: 4 } });
    await s.poller.pollNow();
    expect(s.poller.status().rateLimit).toMatchObject({ limit: 4, remaining: 3 });
    s.advance(5000);
    await s.poller.pollNow();
    const resetAt = s.poller.status().rateLimit!.resetAt;
    expect(s.poller.status().state).toBe('rate-limited');
    expect(s.scheduler.delays()).toEqual([resetAt - s.now() + 1000]);
  });

  it('after a 429 waits until X-Rate-Limit-Reset, then goes on', async () => {
    const s = await setup();
    s.emulator.rateLimitNext('logs');
    await s.poller.pollNow();
    const status = s.poller.status();
    expect(status.state).toBe('rate-limited');
    expect(status.error).toContain('E0000047');
    expect(s.scheduler.delays()).toEqual([status.rateLimit!.resetAt - s.now() + 1000]);
    // Asked to poll meanwhile, it does not call Okta.
    await s.poller.pollNow();
    expect(logRequests(s.emulator)).toHaveLength(1);
    s.advance(61_000);
    s.scheduler.runPending();
    await vi.waitFor(() => expect(s.poller.status().state).toBe('waiting'));
    expect(s.poller.status().error).toBeNull();
  });

  it('backs off when Okta cannot be reached', async () => {
    const s = await setup({}, { baseUrl: new URL(await closedPortUrl()).origin });
    await s.poller.pollNow();
    expect(s.poller.status()).toMatchObject({
      state: 'backing-off',
      error: expect.stringContaining('refused'),
    });
    expect(s.scheduler.delays()).toEqual([2 * INTERVAL]);
    s.scheduler.runPending();
    await vi.waitFor(() => expect(s.scheduler.delays()).toEqual([4 * INTERVAL]));
  });

  it('stops on a refused token and says why', async () => {
    const s = await setup({}, { token: 'an-expired-or-revoked-token' });
    await s.poller.pollNow();
    expect(s.poller.status().state).toBe('stopped');
    expect(s.problems.map((p) => p.kind)).toEqual(['token']);
    expect(s.scheduler.delays()).toEqual([]);
  });
});
