import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobView } from '../../shared/model/job';
import { startTestCore, type TestCore } from '../../test-support/engine/core-fixture';
import { deliver, send } from '../../test-support/engine/http-client';
import { waitFor } from '../../test-support/engine/wait-for';
import { FileTransfers } from '../core/transfer/file-transfers';
import { startApiServer, type ApiServer } from './api-server';

const TOKEN = 'test-token-0123456789abcdef';

let engine: TestCore;
let api: ApiServer;
let base: string;
let transfers: FileTransfers;

beforeEach(async () => {
  transfers = await FileTransfers.create();
  engine = await startTestCore({ transfers });
  const rendererDir = path.join(engine.dataDir, 'renderer');
  await mkdir(rendererDir, { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>ui</title>');
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'assets/index-D1hKXMGF.js'), 'export {};');
  api = await startApiServer({ core: engine.core, transfers, token: TOKEN, port: 0, rendererDir });
  base = `http://127.0.0.1:${api.port}`;
});

afterEach(async () => {
  await api.close();
  await engine.stop();
  await transfers.close();
});

const finished = (id: string) =>
  waitFor(() => {
    const job = engine.pushes
      .flatMap((m) => (m.name === 'jobs.changed' && m.payload.id === id ? [m.payload] : []))
      .at(-1);
    return job && job.state !== 'running' ? job : undefined;
  });

const command = (
  name: string,
  input: unknown,
  headers: [string, string][] = [['Authorization', `Bearer ${TOKEN}`]],
) =>
  send(`${base}/api/${name}`, {
    method: 'POST',
    headers: [['Content-Type', 'application/json'], ...headers],
    body: JSON.stringify(input),
  });

describe('headless API', () => {
  it('runs contract commands with the bearer token', async () => {
    const res = await command('settings.get', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ ok: true, value: { hookPath: '/okta/event-hook' } });
  });

  it('returns expected failures as values with a matching status', async () => {
    const invalid = await command('exchanges.list', { limit: -1 });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.text)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const unknown = await command('nope.nothing', {});
    expect(unknown.status).toBe(404);
  });

  it.each([
    ['no token', []],
    ['a wrong token', [['Authorization', 'Bearer wrong-token-0123456789']]],
    ['a token in another scheme', [['Authorization', `Basic ${TOKEN}`]]],
  ] as [string, [string, string][]][])('refuses %s with 401', async (_case, headers) => {
    const res = await command('settings.get', {}, headers);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('hookPath');
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin with 403, even with the token', async () => {
    const auth: [string, string] = ['Authorization', `Bearer ${TOKEN}`];
    expect((await command('settings.get', {}, [auth, ['Host', 'evil.example:80']])).status).toBe(403);
    expect((await command('settings.get', {}, [auth, ['Origin', 'https://evil.example']])).status).toBe(403);
    expect(
      (await command('settings.get', {}, [auth, ['Origin', `http://127.0.0.1:${api.port}`]])).status,
    ).toBe(200);
    expect((await send(`${base}/`, { headers: [['Host', `attacker.test:${api.port}`]] })).status).toBe(403);
  });

  it('sends no CORS headers and serves the UI with a strict CSP', async () => {
    const res = await send(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await send(`${base}/api/settings.get`, {
      method: 'OPTIONS',
      headers: [['Origin', 'https://evil.example']],
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('lets the browser keep the hashed assets, not the page that names them', async () => {
    expect((await send(`${base}/`)).headers['cache-control']).toBe('no-cache');
    const script = await send(`${base}/assets/index-D1hKXMGF.js`);
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await send(`${base}/assets/%2e%2e/index.html`)).headers['cache-control']).toBe('no-cache');
  });

  it('does not serve files outside the UI folder', async () => {
    expect((await send(`${base}/../settings.json`)).status).toBe(404);
    expect((await send(`${base}/%2e%2e/settings.json`)).status).toBe(404);
  });

  it('streams pushes as server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await deliver(engine.hookUrl, '{}');
    let text = '';
    while (!text.includes('event: exchanges.appended')) text += (await reader.read()).value ?? '';
    controller.abort();
    expect(text).toMatch(/data: \{"items":\[\{"id":/);
  });

  it('exports to a one-time download URL and imports an uploaded file', async () => {
    await deliver(engine.hookUrl, '{"eventType":"com.okta.event_hook","data":{"events":[]}}');
    const exported = JSON.parse((await command('exchanges.export', { format: 'ndjson' })).text) as {
      value: { job: JobView };
    };
    const done = await finished(exported.value.job.id);
    expect(done.state).toBe('done');
    const url = `${base}${done.file!.downloadUrl!}`;
    const download = await send(url);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="okta-hooks-.*\.ndjson"$/);
    expect((await send(url)).status).toBe(404);
    expect((await send(url, { headers: [['Host', `evil.test:${api.port}`]] })).status).toBe(403);

    // Into an empty history: an exchange already in history is not imported again.
    await engine.call('exchanges.clear', {});
    const upload = await send(`${base}/api/uploads`, {
      method: 'POST',
      headers: [
        ['Authorization', `Bearer ${TOKEN}`],
        ['X-File-Name', 'mine.ndjson'],
      ],
      body: download.body,
    });
    const { value } = JSON.parse(upload.text) as { value: { upload: string } };
    const imported = JSON.parse((await command('exchanges.import', { upload: value.upload })).text) as {
      value: { job: JobView };
    };
    expect(await finished(imported.value.job.id)).toMatchObject({ state: 'done', imported: { added: 1 } });
    const list = await engine.call('exchanges.list', {
      query: 'origin:imported',
    });
    expect(list.items).toHaveLength(1);
    expect((await send(`${base}/api/uploads`, { method: 'POST', body: 'x' })).status).toBe(401);
  });

  it('refuses an upload whose X-File-Name is not a valid percent-encoding with 400, not 500', async () => {
    const upload = await send(`${base}/api/uploads`, {
      method: 'POST',
      headers: [
        ['Authorization', `Bearer ${TOKEN}`],
        ['X-File-Name', 'bad%E0%A4%A.ndjson'],
      ],
      body: 'x',
    });
    expect(upload.status).toBe(400);
    expect(JSON.parse(upload.text)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(/X-File-Name/) },
    });
  });
});
