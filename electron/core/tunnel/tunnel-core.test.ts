import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../../shared/model/tunnel';
import { settle } from '../../../test-support/engine/fake-timers';
import { startTestCore, type TestCore } from '../../../test-support/engine/core-fixture';
import { FakeTunnelProvider } from '../../../test-support/engine/fake-tunnel-provider';
import { freePort } from '../../../test-support/engine/free-port';

const TOKEN = '2xYzFAKEtokenForTests_abcdef123456';
const cores: TestCore[] = [];
afterEach(async () => Promise.all(cores.splice(0).map((t) => t.stop())));

async function engine(options: Parameters<typeof startTestCore>[0] = {}) {
  const ngrok = new FakeTunnelProvider('ngrok');
  const t = await startTestCore({ ngrok, ...options });
  cores.push(t);
  return { t, ngrok };
}

describe('the tunnel in the engine', () => {
  it('forwards only to the receiver port, and follows it when it moves', async () => {
    const { t, ngrok } = await engine({
      overrides: { ngrokAuthtoken: { value: TOKEN, source: 'environment' } },
    });
    const started = t.call('tunnel.start', {});
    await expect.poll(() => ngrok.attempts.length).toBe(1);
    const receiverPort = Number(new URL(t.core.status().receiver.localUrl!).port);
    expect(ngrok.last().request).toMatchObject({ port: receiverPort, authtoken: TOKEN, domain: null });
    const session = ngrok.last().succeed('https://one.ngrok.app');
    expect(await started).toMatchObject({
      state: 'online',
      hookUrl: 'https://one.ngrok.app/okta/event-hook',
    });

    const movedTo = await freePort();
    await t.call('settings.update', { port: movedTo });
    await expect.poll(() => ngrok.attempts.length).toBe(2);
    expect(ngrok.last().request.port).toBe(movedTo);
    expect(session.closed).toBe(true);
  });

  it('pushes every state change and closes the tunnel when the engine stops', async () => {
    const { t, ngrok } = await engine({ overrides: { ngrokAuthtoken: { value: TOKEN, source: 'file' } } });
    const started = t.call('tunnel.start', {});
    await expect.poll(() => ngrok.attempts.length).toBe(1);
    const session = ngrok.last().succeed('https://one.ngrok.app');
    await started;
    expect(await t.call('tunnel.stop', {})).toEqual({ state: 'off', provider: 'ngrok' });
    const states = t.pushes
      .filter((p) => p.name === 'tunnel.changed')
      .map((p) => (p.payload as TunnelStatus).state);
    expect(states).toEqual(['starting', 'online', 'off']);
    expect(session.closed).toBe(true);
  });

  it('starts at launch when auto-start is on', async () => {
    const { t, ngrok } = await engine({
      overrides: { tunnelAutoStart: true, ngrokAuthtoken: { value: TOKEN, source: 'environment' } },
    });
    await expect.poll(() => ngrok.attempts.length).toBe(1);
    ngrok.last().succeed('https://auto.ngrok.app');
    await settle();
    expect(await t.call('tunnel.status', {})).toMatchObject({ state: 'online' });
  });

  it('reports a receiver that is not listening instead of opening a tunnel to nowhere', async () => {
    const first = await engine();
    const busy = Number(new URL(first.t.hookUrl).port);
    const { t, ngrok } = await engine();
    await t.call('settings.update', { port: busy, ngrokAuthtoken: TOKEN });
    expect(await t.call('tunnel.start', {})).toMatchObject({
      state: 'error',
      code: 'receiver-down',
      message: expect.stringContaining(`Port ${busy} is already in use`),
    });
    expect(ngrok.attempts).toHaveLength(0);
  });
});

describe('the ngrok authtoken', () => {
  it('is stored in the vault and shown only masked, with where it comes from', async () => {
    const { t } = await engine({
      overrides: { ngrokAuthtoken: { value: 'from-env-token', source: 'environment' } },
    });
    expect((await t.call('settings.get', {})).ngrokAuthtoken).toEqual({
      configured: true,
      masked: '••••••••',
      source: 'environment',
    });
    const view = await t.call('settings.update', {
      ngrokAuthtoken: TOKEN,
      ngrokDomain: 'me.ngrok-free.app',
    });
    expect(view.ngrokAuthtoken).toEqual({ configured: true, masked: '••••••••', source: 'saved' });
    const everything = JSON.stringify([
      view,
      t.pushes,
      await t.call('status.get', {}),
      await t.call('tunnel.status', {}),
    ]);
    expect(everything).not.toContain(TOKEN);
    expect(await readFile(path.join(t.dataDir, 'settings.json'), 'utf8')).not.toContain(TOKEN);
    expect(await readFile(path.join(t.dataDir, 'secrets.json'), 'utf8')).toContain(TOKEN);
    const cleared = await t.call('settings.update', { ngrokAuthtoken: null });
    expect(cleared.ngrokAuthtoken).toEqual({ configured: false, masked: '', source: null });
  });

  it('cannot be revealed; the hook secret can, on request', async () => {
    const { t } = await engine();
    await t.call('settings.update', { secret: 'Basic c2VjcmV0', ngrokAuthtoken: TOKEN });
    expect(await t.call('settings.revealSecret', { name: 'hookSecret' })).toEqual({
      value: 'Basic c2VjcmV0',
    });
    expect(await t.core.dispatch('settings.revealSecret', { name: 'ngrokAuthtoken' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});

describe('tunnel commands and settings validate their input', () => {
  it.each([
    ['tunnel.start', { restart: 'yes' }],
    ['tunnel.start', { provider: 'ngrok' }],
    ['tunnel.stop', { now: true }],
    ['tunnel.status', { verbose: true }],
    ['settings.revealSecret', {}],
    ['settings.update', { tunnelProvider: 'cloudflare' }],
    ['settings.update', { ngrokDomain: 'https://me.ngrok-free.app' }],
    ['settings.update', { ngrokDomain: 'me.ngrok-free.app/path' }],
    ['settings.update', { publicUrl: 'ftp://tunnel.example' }],
    ['settings.update', { publicUrl: 'https://tunnel.example/?x=1' }],
    ['settings.update', { publicUrl: 'https://user:pass@tunnel.example' }],
    ['settings.update', { ngrokAuthtoken: 'has spaces in it' }],
    ['settings.update', { ngrokAuthtoken: '' }],
    ['settings.update', { tunnelAutoStart: 'yes' }],
  ])('%s refuses %j', async (name, input) => {
    const { t } = await engine();
    expect(await t.core.dispatch(name, input)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('keeps valid tunnel settings across a restart', async () => {
    const { t } = await engine();
    await t.call('settings.update', {
      tunnelProvider: 'manual',
      ngrokDomain: 'me.ngrok-free.app',
      publicUrl: 'https://x.trycloudflare.com',
      tunnelAutoStart: false,
    });
    const again = await startTestCore({ dataDir: t.dataDir });
    try {
      expect(await again.call('settings.get', {})).toMatchObject({
        tunnelProvider: 'manual',
        ngrokDomain: 'me.ngrok-free.app',
        publicUrl: 'https://x.trycloudflare.com',
        tunnelAutoStart: false,
      });
    } finally {
      await again.stop();
    }
  });
});
