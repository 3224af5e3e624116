import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../../shared/model/tunnel';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { FakeTimers } from '../../../test-support/engine/fake-timers';
import { freePort } from '../../../test-support/engine/free-port';
import { send } from '../../../test-support/engine/http-client';
import { startReverseProxy, type ReverseProxy } from '../../../test-support/engine/reverse-proxy';
import { createManualProvider } from './manual-provider';
import { ProbeResponder } from './probe';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function core(port = 0): Promise<TestCore> {
  const t = await startTestCore({ overrides: { port } });
  cleanups.push(() => t.stop());
  return t;
}

async function proxyTo(port: number, prefix = ''): Promise<ReverseProxy> {
  const proxy = await startReverseProxy(port, prefix);
  cleanups.push(() => proxy.close());
  return proxy;
}

const portOf = (url: string) => Number(new URL(url).port);

async function startManual(t: TestCore, publicUrl: string): Promise<TunnelStatus> {
  await t.call('settings.update', { tunnelProvider: 'manual', publicUrl });
  return t.call('tunnel.start', {});
}

describe('manual provider', () => {
  it('is online only once a probe through the public URL came back from this receiver', async () => {
    const t = await core();
    const proxy = await proxyTo(portOf(t.hookUrl));
    const status = await startManual(t, `${proxy.url}/`);
    expect(status).toMatchObject({
      state: 'online',
      provider: 'manual',
      publicUrl: proxy.url,
      hookUrl: `${proxy.url}/okta/event-hook`,
      forwardsTo: new URL(t.hookUrl).origin,
    });
    expect(proxy.forwarded()).toBe(1);
    // The probe is answered before capture: it is not an exchange.
    expect(t.core.status().storage.count).toBe(0);
    const viaTunnel = await send(status.state === 'online' ? status.hookUrl : '', {
      headers: [['X-Okta-Verification-Challenge', 'through-the-tunnel']],
    });
    expect(JSON.parse(viaTunnel.text)).toEqual({ verification: 'through-the-tunnel' });
    expect(
      t.pushes.filter((p) => p.name === 'tunnel.changed').map((p) => (p.payload as TunnelStatus).state),
    ).toEqual([
      'off', // the provider changed to manual
      'starting',
      'online',
    ]);
  });

  it('accepts a base URL with a path the tunnel strips', async () => {
    const t = await core();
    const proxy = await proxyTo(portOf(t.hookUrl), '/inspector');
    expect(await startManual(t, `${proxy.url}/inspector`)).toMatchObject({
      state: 'online',
      hookUrl: `${proxy.url}/inspector/okta/event-hook`,
    });
  });

  it.each([
    [
      'refuses connections',
      async () => `http://127.0.0.1:${await freePort()}`,
      /does not answer \(connection refused\): check that your tunnel is running\./,
    ],
    [
      'is another server',
      async () => otherServer(),
      /answers 200, but the answer does not come from this receiver: point your tunnel at http:\/\/127\.0\.0\.1:\d+\./,
    ],
    [
      'is a tunnel that cannot reach its target',
      async () => (await proxyTo(await freePort())).url,
      /answers 502, but its tunnel cannot reach the receiver/,
    ],
  ])('explains a URL that %s, within 2 s', async (_case, url, message) => {
    const t = await core();
    const started = performance.now();
    const status = await startManual(t, await url());
    expect(status).toMatchObject({
      state: 'error',
      code: 'unreachable',
      message: expect.stringMatching(message),
    });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('explains a base URL that reaches the receiver under another path', async () => {
    const t = await core();
    const proxy = await proxyTo(portOf(t.hookUrl));
    expect(await startManual(t, `${proxy.url}/extra`)).toMatchObject({
      state: 'error',
      message: expect.stringContaining(
        'reaches the receiver as /extra/okta/event-hook instead of /okta/event-hook',
      ),
    });
  });

  it('asks for a URL when none is set', async () => {
    const t = await core();
    await t.call('settings.update', { tunnelProvider: 'manual' });
    expect(await t.call('tunnel.start', {})).toMatchObject({ state: 'error', code: 'no-public-url' });
  });

  it('follows a new hook path, and tells the truth when the receiver moves away from the tunnel', async () => {
    // A fixed port: the receiver restarts for a new hook path, and port 0 would move it.
    const t = await core(await freePort());
    const proxy = await proxyTo(portOf(t.hookUrl));
    await startManual(t, proxy.url);
    await t.call('settings.update', { hookPath: '/hooks/okta' });
    await expect
      .poll(() => t.call('tunnel.status', {}))
      .toMatchObject({
        state: 'online',
        hookUrl: `${proxy.url}/hooks/okta`,
      });
    await t.call('settings.update', { port: 0 });
    await expect
      .poll(() => t.call('tunnel.status', {}))
      .toMatchObject({
        state: 'error',
        message: expect.stringMatching(/answers 502, .* point your tunnel at http:\/\/127\.0\.0\.1:\d+/),
      });
  });

  it('probes an online tunnel again and reports the drop when it stops answering', async () => {
    const timers = new FakeTimers();
    const probes = new ProbeResponder();
    const provider = createManualProvider({
      probes,
      scheduler: timers,
      checkEveryMs: 60_000,
      timeoutMs: 5_000,
    });
    // The test's own receiver answers probes issued by this responder.
    const receiver = await probeReceiver(probes);
    const tunnel = await startReverseProxy(receiver.port);
    cleanups.push(() => tunnel.close());
    const request = {
      port: receiver.port,
      hookPath: '/h',
      authtoken: null,
      domain: null,
      publicUrl: tunnel.url,
    };
    const session = await provider.connect(request, new AbortController().signal);
    const drops: string[] = [];
    session.onDrop((failure) => drops.push(failure.message));
    expect(timers.dueIn()).toEqual([60_000]);
    await timers.advance(60_000);
    // The check went through and the next one is scheduled.
    await expect.poll(() => timers.dueIn()).toEqual([60_000]);
    expect(tunnel.forwarded()).toBe(2);
    expect(drops).toEqual([]);
    await tunnel.close();
    await timers.advance(60_000);
    await expect.poll(() => drops).toEqual([expect.stringMatching(/does not answer \(connection refused\)/)]);
    expect(timers.count()).toBe(0);
  });
});

async function otherServer(): Promise<string> {
  const server = createServer((_request, response) => response.end('hello'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A bare server that answers only the probes of `probes`. */
async function probeReceiver(probes: ProbeResponder): Promise<{ port: number }> {
  const server = createServer(probes.wrap((_request, response) => response.writeHead(404).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { port: (server.address() as AddressInfo).port };
}
