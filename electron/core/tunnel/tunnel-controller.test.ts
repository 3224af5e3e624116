import { describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../../shared/model/tunnel';
import { silentLogger } from '../deps';
import { FakeTimers, settle } from '../../../test-support/engine/fake-timers';
import {
  FakeTunnelProvider,
  networkDown,
  tokenRejected,
} from '../../../test-support/engine/fake-tunnel-provider';
import { noneProvider } from './none-provider';
import { backoffDelay, TunnelController, type TunnelConfig } from './tunnel-controller';

const HOOK = '/okta/event-hook';

function setup(overrides: Partial<TunnelConfig> = {}) {
  const timers = new FakeTimers();
  const ngrok = new FakeTunnelProvider('ngrok', 5_000);
  const manual = new FakeTunnelProvider('manual', 3_000);
  let config: TunnelConfig = {
    provider: 'ngrok',
    port: 8787,
    receiverError: null,
    hookPath: HOOK,
    authtoken: 'token',
    domain: null,
    publicUrl: null,
    ...overrides,
  };
  const changes: TunnelStatus[] = [];
  const controller = new TunnelController({
    providers: { ngrok, manual, none: noneProvider },
    config: () => config,
    onChange: (status) => changes.push(status),
    clock: timers.clock,
    scheduler: timers,
    logger: silentLogger,
    random: () => 0.5,
    backoff: { firstMs: 1_000, maxMs: 8_000 },
  });
  const reconfigure = (next: Partial<TunnelConfig>) => {
    config = { ...config, ...next };
    controller.refresh();
  };
  return {
    timers,
    ngrok,
    manual,
    controller,
    changes,
    reconfigure,
    states: () => changes.map((s) => s.state),
  };
}

/** Start and bring the first attempt online. */
async function online(t: ReturnType<typeof setup>, url = 'https://one.ngrok.app') {
  const started = t.controller.start();
  await settle();
  const session = t.ngrok.last().succeed(url);
  await started;
  return session;
}

describe('TunnelController', () => {
  it('starts, goes online with the hook URL, and stops', async () => {
    const t = setup();
    const started = t.controller.start();
    expect(t.controller.status()).toMatchObject({ state: 'starting', provider: 'ngrok' });
    await settle();
    expect(t.ngrok.last().request).toMatchObject({ port: 8787, hookPath: HOOK, authtoken: 'token' });
    const session = t.ngrok.last().succeed('https://one.ngrok.app');
    expect(await started).toEqual({
      state: 'online',
      provider: 'ngrok',
      publicUrl: 'https://one.ngrok.app',
      hookUrl: `https://one.ngrok.app${HOOK}`,
      forwardsTo: 'http://127.0.0.1:8787',
      onlineSince: t.timers.clock.now(),
    });
    expect(await t.controller.stop()).toEqual({ state: 'off', provider: 'ngrok' });
    expect(session.closed).toBe(true);
    expect(t.states()).toEqual(['starting', 'online', 'off']);
  });

  it('reports a failed start as an error and does not retry it', async () => {
    const t = setup();
    const started = t.controller.start();
    await settle();
    t.ngrok.last().fail(tokenRejected());
    expect(await started).toMatchObject({
      state: 'error',
      code: 'token-rejected',
      message: 'The fake token is wrong.',
    });
    await t.timers.advance(60_000);
    expect(t.ngrok.attempts).toHaveLength(1);
  });

  it('bounds an attempt that never settles, aborts it, and closes a session that comes too late', async () => {
    const t = setup();
    const started = t.controller.start();
    await t.timers.advance(4_999);
    expect(t.controller.status().state).toBe('starting');
    await t.timers.advance(1);
    expect(await started).toMatchObject({
      state: 'error',
      code: 'timeout',
      message: 'The fake tunnel did not answer in time.',
    });
    const stuck = t.ngrok.last();
    expect(stuck.signal.aborted).toBe(true);
    const late = stuck.succeed('https://late.ngrok.app');
    await settle();
    expect(late.closed).toBe(true);
    expect(t.controller.status().state).toBe('error');
  });

  it('reconnects with backoff after a drop, through failed attempts, to a new URL', async () => {
    const t = setup();
    const first = await online(t);
    first.drop(networkDown());
    expect(first.closed).toBe(true);
    expect(t.controller.status()).toEqual({
      state: 'reconnecting',
      provider: 'ngrok',
      attempt: 1,
      retryAt: t.timers.clock.now() + 1_000,
      reason: 'Cannot reach the fake service.',
    });
    await t.timers.advance(999);
    expect(t.ngrok.attempts).toHaveLength(1);
    await t.timers.advance(1);
    expect(t.ngrok.attempts).toHaveLength(2);
    t.ngrok.last().fail(networkDown());
    await settle();
    expect(t.controller.status()).toMatchObject({
      state: 'reconnecting',
      attempt: 2,
      retryAt: t.timers.clock.now() + 2_000,
    });
    await t.timers.advance(2_000);
    t.ngrok.last().succeed('https://two.ngrok.app');
    await settle();
    expect(t.controller.status()).toMatchObject({ state: 'online', hookUrl: `https://two.ngrok.app${HOOK}` });
    expect(t.states()).toEqual(['starting', 'online', 'reconnecting', 'reconnecting', 'online']);
  });

  it('counts a timed-out reconnect attempt as a failure worth retrying', async () => {
    const t = setup();
    (await online(t)).drop(networkDown());
    await t.timers.advance(1_000 + 5_000);
    expect(t.ngrok.attempts[1]?.signal.aborted).toBe(true);
    expect(t.controller.status()).toMatchObject({ state: 'reconnecting', attempt: 2 });
  });

  it('stops reconnecting at a failure that needs the user', async () => {
    const t = setup();
    (await online(t)).drop(networkDown());
    await t.timers.advance(1_000);
    t.ngrok.last().fail(tokenRejected());
    await settle();
    expect(t.controller.status()).toMatchObject({ state: 'error', code: 'token-rejected' });
    await t.timers.advance(60_000);
    expect(t.ngrok.attempts).toHaveLength(2);
  });

  it('goes straight to error when the drop itself needs the user', async () => {
    const t = setup();
    (await online(t)).drop(tokenRejected());
    expect(t.controller.status()).toMatchObject({ state: 'error', code: 'token-rejected' });
  });

  it('caps the backoff and keeps jitter within ±20 %', () => {
    const backoff = { firstMs: 1_000, maxMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, backoff, 0.5))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
    expect(backoffDelay(1, backoff, 0)).toBe(800);
    expect(backoffDelay(1, backoff, 1)).toBe(1_200);
  });

  it('stops during starting: the attempt is aborted and its late session closed', async () => {
    const t = setup();
    const started = t.controller.start();
    await settle();
    const attempt = t.ngrok.last();
    expect(await t.controller.stop()).toMatchObject({ state: 'off' });
    expect(await started).toMatchObject({ state: 'off' });
    expect(attempt.signal.aborted).toBe(true);
    const late = attempt.succeed('https://late.ngrok.app');
    await settle();
    expect(late.closed).toBe(true);
    expect(t.controller.status().state).toBe('off');
    expect(t.timers.count()).toBe(0);
  });

  it('stops during reconnecting: no attempt follows', async () => {
    const t = setup();
    (await online(t)).drop(networkDown());
    await t.controller.stop();
    await t.timers.advance(60_000);
    expect(t.ngrok.attempts).toHaveLength(1);
    expect(t.controller.status().state).toBe('off');
  });

  it('keeps a running tunnel on start and replaces it on restart', async () => {
    const t = setup();
    const first = await online(t);
    expect(await t.controller.start()).toMatchObject({ state: 'online', publicUrl: 'https://one.ngrok.app' });
    expect(t.ngrok.attempts).toHaveLength(1);
    const restarted = t.controller.start(true);
    expect(t.controller.status().state).toBe('starting');
    await settle();
    expect(first.closed).toBe(true);
    t.ngrok.last().succeed('https://two.ngrok.app');
    expect(await restarted).toMatchObject({ state: 'online', publicUrl: 'https://two.ngrok.app' });
  });

  it('follows a new hook path without reconnecting, and a new port by reconnecting', async () => {
    const t = setup();
    await online(t);
    t.reconfigure({ hookPath: '/hooks/okta' });
    expect(t.controller.status()).toMatchObject({
      state: 'online',
      hookUrl: 'https://one.ngrok.app/hooks/okta',
    });
    expect(t.ngrok.attempts).toHaveLength(1);
    t.reconfigure({ port: 9000 });
    expect(t.controller.status().state).toBe('starting');
    await settle();
    expect(t.ngrok.last().request.port).toBe(9000);
  });

  it('stops with a clear error while the receiver is not listening, and retries once it is', async () => {
    const t = setup();
    await online(t);
    t.reconfigure({ port: null, receiverError: 'Port 8787 is already in use.' });
    await settle();
    expect(t.controller.status()).toMatchObject({
      state: 'error',
      code: 'receiver-down',
      message: expect.stringContaining('Port 8787 is already in use.'),
    });
    t.reconfigure({ port: 8790, receiverError: null });
    await settle();
    expect(t.ngrok.last().request.port).toBe(8790);
  });

  it('retries an error when the setting it was about changes, not otherwise', async () => {
    const t = setup({ authtoken: null });
    const started = t.controller.start();
    await settle();
    t.ngrok.last().fail(tokenRejected());
    await started;
    t.reconfigure({ hookPath: '/other' });
    expect(t.controller.status().state).toBe('error');
    t.reconfigure({ authtoken: 'fixed' });
    expect(t.controller.status().state).toBe('starting');
  });

  it('switches provider: off follows the choice, a running tunnel moves, none turns it off', async () => {
    const t = setup();
    t.reconfigure({ provider: 'manual' });
    expect(t.controller.status()).toEqual({ state: 'off', provider: 'manual' });
    t.reconfigure({ provider: 'ngrok' });
    await online(t);
    t.reconfigure({ provider: 'manual', publicUrl: 'https://mine.example' });
    await settle();
    expect(t.manual.last().request.publicUrl).toBe('https://mine.example');
    t.reconfigure({ provider: 'none' });
    await settle();
    expect(t.controller.status()).toEqual({ state: 'off', provider: 'none' });
  });

  it('waits, off, for Start after a switch from a failed provider or to a manual tunnel without a URL', async () => {
    const t = setup({ authtoken: null });
    const failed = t.controller.start();
    await settle();
    t.ngrok.last().fail(tokenRejected());
    await failed;
    expect(t.controller.status().state).toBe('error');
    t.reconfigure({ provider: 'manual', publicUrl: 'https://mine.example' });
    expect(t.controller.status()).toEqual({ state: 'off', provider: 'manual' });
    expect(t.manual.attempts).toHaveLength(0);

    t.reconfigure({ provider: 'ngrok', publicUrl: null, authtoken: 'token' });
    await online(t);
    t.reconfigure({ provider: 'manual' });
    await settle();
    expect(t.controller.status()).toEqual({ state: 'off', provider: 'manual' });
    expect(t.manual.attempts).toHaveLength(0);
  });

  it('says how to get a public URL when started with none', async () => {
    const t = setup({ provider: 'none' });
    expect(await t.controller.start()).toMatchObject({ state: 'error', code: 'local-only' });
  });
});
