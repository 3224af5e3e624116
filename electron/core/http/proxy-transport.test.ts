import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectProxy, type ConnectProxy } from '../../../test-support/engine/connect-proxy';
import {
  startOktaEmulator,
  type OktaEmulator,
} from '../../../test-support/engine/okta-emulator/okta-emulator';
import { buildTransportProbe } from '../../../test-support/engine/probe-build';
import { makeTestCertificate } from '../../../test-support/engine/tls-cert';

let dir: string;
let caFile: string;
let probe: string;
let emulator: OktaEmulator;
let proxy: ConnectProxy;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ohi-proxy-'));
  const tls = makeTestCertificate(['dev-000000.okta.com', 'localhost', '127.0.0.1']);
  caFile = path.join(dir, 'corporate-ca.pem');
  await writeFile(caFile, tls.cert);
  emulator = await startOktaEmulator({ tls });
  proxy = await startConnectProxy(emulator.port);
  probe = await buildTransportProbe(dir);
});

afterAll(async () => {
  await proxy.close();
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

interface Outcome {
  ok: boolean;
  status?: number;
  cause?: string;
  code?: string;
  message?: string;
}

/** One call from a fresh Node process with only this environment (nothing of ours leaks in). */
function call(url: string, env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const childEnv = { PATH: process.env.PATH ?? '', ...env };
    execFile(process.execPath, [probe, url, `SSWS ${emulator.token}`], { env: childEnv }, (error, stdout) =>
      error ? reject(new Error(error.message)) : resolve(JSON.parse(stdout) as Outcome),
    );
  });
}

const ORG = 'https://dev-000000.okta.com/api/v1/eventHooks';

describe('Okta API calls through a corporate proxy (Node transport)', () => {
  it('tunnel through HTTPS_PROXY with CONNECT and trust the CA in NODE_EXTRA_CA_CERTS', async () => {
    const before = proxy.tunnels.length;
    const outcome = await call(ORG, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: caFile });
    expect(outcome).toEqual({ ok: true, status: 200 });
    expect(proxy.tunnels.slice(before)).toEqual(['dev-000000.okta.com:443']);
    const seen = emulator.requests.at(-1)?.headers.find(([name]) => name.toLowerCase() === 'host');
    expect(seen?.[1]).toBe('dev-000000.okta.com');
  });

  it('refuse a certificate Node does not trust, and say it is TLS', async () => {
    const outcome = await call(ORG, { https_proxy: proxy.url });
    expect(outcome).toMatchObject({ ok: false, code: expect.stringMatching(/SELF_SIGNED|UNABLE_TO_VERIFY/) });
  });

  it('go direct to the hosts NO_PROXY names', async () => {
    const before = proxy.tunnels.length;
    const direct = `https://localhost:${emulator.port}/api/v1/eventHooks`;
    const env = {
      HTTPS_PROXY: proxy.url,
      NO_PROXY: 'intranet.example, localhost',
      NODE_EXTRA_CA_CERTS: caFile,
    };
    expect(await call(direct, env)).toEqual({ ok: true, status: 200 });
    expect(proxy.tunnels.length).toBe(before);
  });

  it("send the proxy's credentials from the URL, and name the proxy when it cannot be reached", async () => {
    const withUser = proxy.url.replace('http://', 'http://ops:p%40ss@');
    await call(ORG, { HTTPS_PROXY: withUser, NODE_EXTRA_CA_CERTS: caFile });
    expect(proxy.credentials.at(-1)).toBe(`Basic ${Buffer.from('ops:p@ss').toString('base64')}`);
    const closed = await call(ORG, { HTTPS_PROXY: 'http://127.0.0.1:9', NODE_EXTRA_CA_CERTS: caFile });
    expect(closed).toMatchObject({
      ok: false,
      code: 'EPROXY',
      message: expect.stringContaining('HTTPS_PROXY'),
    });
  });
});
