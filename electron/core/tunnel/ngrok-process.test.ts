import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TunnelStatus } from '../../../shared/model/tunnel';
import { silentLogger, systemScheduler } from '../deps';
import { buildNgrokAgent } from '../../../test-support/engine/ngrok-agent-build';
import { forkAgent } from './agent-process';
import { createNgrokProvider } from './ngrok-process';
import { noneProvider } from './none-provider';
import { TunnelController } from './tunnel-controller';

/**
 * The real ngrok provider (agent process + SDK) against loopback "ngrok servers": ngrok's cloud
 * is not reachable here, so the SDK's server address points at ports these tests open.
 */

let outDir = '';
let agentPath = '';
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'ohi-agent-'));
  agentPath = await buildNgrokAgent(outDir);
});
afterAll(() => rm(outDir, { recursive: true, force: true }));

/** A TCP listener that records connections and, unless told otherwise, never says a word. */
async function listener(onConnection: (socket: Socket) => void = () => {}) {
  const sockets: Socket[] = [];
  let closed = 0;
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    // Read (and drop) what the client sends, so its hang-up is noticed.
    socket.resume();
    socket.on('close', () => (closed += 1));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    addr: `127.0.0.1:${port}`,
    sockets,
    closedCount: () => closed,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function closedAddr(): Promise<string> {
  const probe = await listener();
  await probe.close();
  return probe.addr;
}

function controllerFor(serverAddr: string, options: { authtoken?: string | null; timeoutMs?: number } = {}) {
  const ngrok = createNgrokProvider({
    agentPath,
    launch: forkAgent,
    clientVersion: 'test',
    serverAddr,
    timeoutMs: options.timeoutMs ?? 10_000,
  });
  return new TunnelController({
    providers: { ngrok, manual: noneProvider, none: noneProvider },
    config: () => ({
      provider: 'ngrok',
      port: 8787,
      receiverError: null,
      hookPath: '/okta/event-hook',
      authtoken: options.authtoken === undefined ? 'test-token' : options.authtoken,
      domain: null,
      publicUrl: null,
    }),
    onChange: () => {},
    clock: { now: () => Date.now() },
    scheduler: systemScheduler,
    logger: silentLogger,
  });
}

async function timed(run: () => Promise<TunnelStatus>) {
  const started = performance.now();
  const status = await run();
  return { status, ms: performance.now() - started };
}

describe('ngrok provider against loopback', () => {
  it('fails within 2 s with a clear message when the ngrok server refuses the connection', async () => {
    const tunnel = controllerFor(await closedAddr());
    const { status, ms } = await timed(() => tunnel.start());
    expect(status).toMatchObject({
      state: 'error',
      code: 'network',
      message:
        'Cannot reach ngrok (failed to establish tcp connection): check the internet connection, proxy or firewall, then start again.',
    });
    expect(ms).toBeLessThan(2_000);
  });

  it('bounds a server that accepts and never answers, cancels it, and the next start still works', async () => {
    const silent = await listener();
    const tunnel = controllerFor(silent.addr, { timeoutMs: 1_500 });
    const { status, ms } = await timed(() => tunnel.start());
    expect(status).toMatchObject({
      state: 'error',
      code: 'timeout',
      message: expect.stringMatching(/^ngrok did not answer within 1\.5 s: check the internet connection/),
    });
    expect(ms).toBeLessThan(4_000);
    expect(silent.sockets).toHaveLength(1);

    // The stuck connect died with its agent process: the client side hung up, while the silent
    // server stays up, so nothing but that cancel could have unblocked the next connect.
    await expect.poll(() => silent.closedCount(), { timeout: 2_000 }).toBe(1);
    const next = controllerFor(await closedAddr());
    const retry = await timed(() => next.start());
    expect(retry.status).toMatchObject({ state: 'error', code: 'network' });
    expect(retry.ms).toBeLessThan(2_000);
    await silent.close();
  });

  it('reports a missing authtoken at once, without any network call', async () => {
    const recorder = await listener();
    const tunnel = controllerFor(recorder.addr, { authtoken: null });
    const { status, ms } = await timed(() => tunnel.start());
    expect(status).toMatchObject({
      state: 'error',
      code: 'no-authtoken',
      message:
        'No ngrok authtoken: copy yours from https://dashboard.ngrok.com/get-started/your-authtoken into Settings (or set NGROK_AUTHTOKEN).',
    });
    expect(ms).toBeLessThan(500);
    expect(recorder.sockets).toHaveLength(0);
    await recorder.close();
  });

  it('reports a server that hangs up during the handshake as a network problem', async () => {
    const rude = await listener((socket) => socket.destroy());
    const { status } = await timed(() => controllerFor(rude.addr).start());
    expect(status).toMatchObject({
      state: 'error',
      code: 'network',
      message: expect.stringContaining('tls handshake'),
    });
    await rude.close();
  });
});
